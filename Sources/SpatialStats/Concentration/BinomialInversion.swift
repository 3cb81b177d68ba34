// Binomial draws for one fixed probability and many unit sizes, by inversion of tabulated
// distributions: one uniform per draw, where the order-statistic recursion of
// `PermutationGenerator.binomial` spends about sixty and a dozen logarithms. The evenness test
// of D draws every unit 999 times with the same city share, so the tables are built once.

/// Binomial(n, p) variates for one p and the sizes n of a list of units, by inversion.
///
/// For every distinct n, the weights of k = lo…hi relative to the mode m = ⌊(n + 1)p⌋
/// (weight 1), each from its neighbour by the ratio of successive probabilities,
/// w(k + 1) = w(k) · ((n − k)/(k + 1)) · (p/(1 − p)) upwards and
/// w(k − 1) = w(k) · (k/(n − k + 1)) · ((1 − p)/p) downwards, until a weight falls below
/// 2⁻⁶⁰ (that weight and the rest of its tail are left out: together less than 10⁻¹⁶ of the
/// probability, below the resolution of a 53-bit uniform). The cumulative sums C(k) are summed
/// from lo upwards. A draw of unit i is the first k with C(k) > U · C(hi), U the generator's
/// `uniform()`, and hi when there is none; a unit with n = 0 is 0 and draws nothing.
///
/// Every step is +, × or ÷ of doubles in a fixed order, so a script replays the draws exactly
/// (Tests/Fixtures/reference/dissimilarity_test_references.py). Memory: about 9·√(n p (1 − p))
/// doubles per distinct n, twice.
///
/// Reference: Devroye, L. (1986), *Non-Uniform Random Variate Generation*, §III.2 (inversion by
/// sequential search) and §III.2.4 (guide tables, after Chen & Asau 1974).
struct BinomialInversion {
  /// Cumulative weights of all tables, one after another.
  private var cumulative: [Double] = []
  /// Per table: the first k, where its weights start in `cumulative` and how many there are.
  private var firstK: [Int] = [], start: [Int] = [], length: [Int] = []
  /// Per table, `length` entries: where the search for U in [s/length, (s + 1)/length) starts.
  private var guide: [Int] = []
  /// The table of each unit; -1 for a unit of size 0.
  private var tableOfUnit: [Int] = []

  /// Tables for `sizes` (whole numbers ≥ 0) with success probability `p` in (0, 1).
  init(p: Double, sizes: [Int]) {
    var tableOfSize: [Int: Int] = [:]
    var units = [Int](repeating: -1, count: sizes.count)
    for (i, n) in sizes.enumerated() where n > 0 {
      if let j = tableOfSize[n] {
        units[i] = j
        continue
      }
      let j = firstK.count
      tableOfSize[n] = j
      units[i] = j
      appendTable(n: n, p: p)
    }
    tableOfUnit = units
  }

  /// The number of trials of `unit` that succeed, from one uniform of `generator`.
  @inline(__always)
  func draw(unit: Int, _ generator: inout PermutationGenerator) -> Int {
    let j = tableOfUnit[unit]
    if j < 0 { return 0 }
    let (s, n) = (start[j], length[j])
    let u = generator.uniform()
    let target = u * cumulative[s + n - 1]
    var k = guide[s + min(n - 1, Int(u * Double(n)))]
    // The guide is a hint; the answer is defined by the cumulative sums alone.
    while k > 0, cumulative[s + k - 1] > target { k -= 1 }
    while k < n - 1, cumulative[s + k] <= target { k += 1 }
    return firstK[j] + k
  }

  /// The table of `unit` (size ≥ 1) as probabilities: its first k, and C(k)/C(hi) for
  /// k = first…hi.
  func distribution(unit: Int) -> (firstK: Int, cdf: [Double]) {
    let j = tableOfUnit[unit]
    let slice = cumulative[start[j]..<start[j] + length[j]]
    return (firstK[j], slice.map { $0 / slice.last! })
  }

  private mutating func appendTable(n: Int, p: Double) {
    let cutoff = 0x1p-60
    let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
    let (odds, inverseOdds) = (p / (1 - p), (1 - p) / p)
    var below: [Double] = []
    var w = 1.0
    var k = mode
    while k > 0 {
      w = w * (Double(k) / Double(n - k + 1)) * inverseOdds
      if w < cutoff { break }
      below.append(w)
      k -= 1
    }
    var weights = Array(below.reversed())
    weights.append(1)
    w = 1
    k = mode
    while k < n {
      w = w * (Double(n - k) / Double(k + 1)) * odds
      if w < cutoff { break }
      weights.append(w)
      k += 1
    }
    let base = cumulative.count
    firstK.append(mode - below.count)
    start.append(base)
    length.append(weights.count)
    var sum = 0.0
    for x in weights {
      sum += x
      cumulative.append(sum)
    }
    appendGuide(base: base, count: weights.count)
  }

  /// guide[s] = the first k with C(k) > (s/count) · C(hi): a start at or near the answer.
  private mutating func appendGuide(base: Int, count: Int) {
    let total = cumulative[base + count - 1]
    var k = 0
    for s in 0..<count {
      let target = Double(s) / Double(count) * total
      while k < count - 1, cumulative[base + k] <= target { k += 1 }
      guide.append(k)
    }
  }
}
