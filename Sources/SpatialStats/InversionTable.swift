// One discrete distribution tabulated once and drawn many times by inversion: one uniform per
// draw, where the exact recursions of `RandomVariates.swift` spend dozens of uniforms and
// logarithms. Used wherever the same distribution is drawn again and again: the evenness null
// of D (``BinomialInversion``) and the figure draws of the composite index's rank intervals.

/// A binomial or Poisson distribution as cumulative weights over k = first…last, drawn by
/// inversion with a guide table.
///
/// The weights are relative to the mode m (weight 1), each from its neighbour by the ratio of
/// successive probabilities, until a weight falls below 2⁻⁶⁰ (that weight and the rest of its
/// tail are left out: together less than 10⁻¹⁶ of the probability, below the resolution of a
/// 53-bit uniform):
/// - Binomial(n, p): m = ⌊(n + 1)p⌋, w(k + 1) = w(k) · ((n − k)/(k + 1)) · (p/(1 − p)) upwards
///   and w(k − 1) = w(k) · (k/(n − k + 1)) · ((1 − p)/p) downwards;
/// - Poisson(λ): m = ⌊λ⌋, w(k + 1) = w(k) · λ/(k + 1) upwards and w(k − 1) = w(k) · k/λ
///   downwards.
///
/// The cumulative sums C(k) are summed from the first k upwards. A draw is the first k with
/// C(k) > U · C(last), U the generator's `uniform()`, and the last k when there is none. Every
/// step is +, × or ÷ of doubles in a fixed order, so a script replays the draws exactly
/// (`Tests/Fixtures/reference/composite_index_references.py`, `inversion_table`). Memory: about
/// 9 · σ doubles and as many guide entries, σ the distribution's standard deviation.
///
/// Reference: Devroye, L. (1986), *Non-Uniform Random Variate Generation*, §III.2 (inversion by
/// sequential search) and §III.2.4 (guide tables, after Chen & Asau 1974).
struct InversionTable: Sendable {
  /// The smallest k of the table.
  let firstK: Int
  private let cumulative: [Double]
  /// guide[s] = the first index with C > (s/count) · C(last): a start at or near the answer.
  private let guide: [Int]

  /// Binomial(n, p) for n ≥ 1 and p in (0, 1).
  static func binomial(n: Int, p: Double) -> InversionTable {
    let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
    let (odds, inverseOdds) = (p / (1 - p), (1 - p) / p)
    return InversionTable(
      mode: mode, last: n, down: { k in Double(k) / Double(n - k + 1) }, downFactor: inverseOdds,
      up: { k in Double(n - k) / Double(k + 1) }, upFactor: odds)
  }

  /// Poisson(λ) for a finite λ > 0.
  static func poisson(mean lambda: Double) -> InversionTable {
    InversionTable(
      mode: Int(lambda.rounded(.down)), last: .max, down: { k in Double(k) / lambda },
      downFactor: 1, up: { k in lambda / Double(k + 1) }, upFactor: 1)
  }

  /// Every draw is `k` (one uniform is still taken, so that the draws after it do not depend
  /// on whether a figure's distribution is degenerate).
  static func constant(_ k: Int) -> InversionTable {
    InversionTable(firstK: k, cumulative: [1])
  }

  /// The weights from `mode` down to 0 and up to `last`: w(k − 1) = w(k) · down(k) · downFactor,
  /// w(k + 1) = w(k) · up(k) · upFactor, multiplied in that order (the order the replay uses).
  private init(
    mode: Int, last: Int, down: (Int) -> Double, downFactor: Double, up: (Int) -> Double,
    upFactor: Double
  ) {
    let cutoff = 0x1p-60
    var below: [Double] = []
    var (w, k) = (1.0, mode)
    while k > 0 {
      w = w * down(k) * downFactor
      if w < cutoff { break }
      below.append(w)
      k -= 1
    }
    var weights = Array(below.reversed())
    weights.append(1)
    (w, k) = (1.0, mode)
    while k < last {
      w = w * up(k) * upFactor
      if w < cutoff { break }
      weights.append(w)
      k += 1
    }
    var sum = 0.0
    self.init(firstK: mode - below.count, cumulative: weights.map { sum += $0; return sum })
  }

  private init(firstK: Int, cumulative: [Double]) {
    self.firstK = firstK
    self.cumulative = cumulative
    let (count, total) = (cumulative.count, cumulative[cumulative.count - 1])
    var guide: [Int] = []
    guide.reserveCapacity(count)
    var k = 0
    for s in 0..<count {
      let target = Double(s) / Double(count) * total
      while k < count - 1, cumulative[k] <= target { k += 1 }
      guide.append(k)
    }
    self.guide = guide
  }

  /// One draw, from one uniform of `generator`.
  @inline(__always)
  func draw(_ generator: inout PermutationGenerator) -> Int {
    let n = cumulative.count
    let u = generator.uniform()
    let target = u * cumulative[n - 1]
    var k = guide[min(n - 1, Int(u * Double(n)))]
    // The guide is a hint; the answer is defined by the cumulative sums alone.
    while k > 0, cumulative[k - 1] > target { k -= 1 }
    while k < n - 1, cumulative[k] <= target { k += 1 }
    return firstK + k
  }

  /// The table as probabilities: C(k)/C(last) for k = first…last.
  var cdf: [Double] { cumulative.map { $0 / cumulative[cumulative.count - 1] } }
}
