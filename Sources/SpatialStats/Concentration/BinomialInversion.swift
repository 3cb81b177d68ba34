// Binomial draws for one fixed probability and many unit sizes, by inversion of tabulated
// distributions (``InversionTable``). The evenness test of D draws every unit 999 times with
// the same city share, so the tables are built once, one per distinct unit size.

/// Binomial(n, p) variates for one p and the sizes n of a list of units, by inversion.
///
/// One ``InversionTable/binomial(n:p:)`` per distinct n; a unit with n = 0 is 0 and draws
/// nothing. A script replays the draws exactly
/// (Tests/Fixtures/reference/dissimilarity_test_references.py).
struct BinomialInversion {
  private var tables: [InversionTable] = []
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
      tableOfSize[n] = tables.count
      units[i] = tables.count
      tables.append(.binomial(n: n, p: p))
    }
    tableOfUnit = units
  }

  /// The number of trials of `unit` that succeed, from one uniform of `generator`.
  @inline(__always)
  func draw(unit: Int, _ generator: inout PermutationGenerator) -> Int {
    let j = tableOfUnit[unit]
    return j < 0 ? 0 : tables[j].draw(&generator)
  }

  /// The table of `unit` (size ≥ 1) as probabilities: its first k, and C(k)/C(hi) for
  /// k = first…hi.
  func distribution(unit: Int) -> (firstK: Int, cdf: [Double]) {
    let table = tables[tableOfUnit[unit]]
    return (table.firstK, table.cdf)
  }
}
