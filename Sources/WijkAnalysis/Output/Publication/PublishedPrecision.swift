/// The precision a reader needs, per kind of published number; ``Publication`` rounds every
/// published number to it, so that no output prints `3671498.2800000003`.
///
/// | number | decimals |
/// |---|---|
/// | counts, numerators, bases, city totals, ranks | 0 |
/// | rates (%, ‰), EB rates | 1 |
/// | means and densities | 0 from 100, 1 from 10, else 2 (by the indicator's city value) |
/// | shares of the city (fractions) | 3 (0.1 percentage point) |
/// | location quotients, z-scores, local I, Gi* z, composite index scores | 2 |
/// | pseudo p-values, dissimilarity, isolation, Theil, Gini, Moran's I | 3 |
/// | significance thresholds after correction (α/30 = 0.0017) | 2 significant digits, at least 3 |
/// | areas (km²) | 2 |
public enum PublishedPrecision {
  /// Counts and sums of counts.
  public static let count = 0
  /// Rates and their empirical Bayes smoothing.
  public static let rate = 1
  /// Shares of the city, as fractions (3 decimals = one decimal in percent).
  public static let share = 3
  /// Location quotients.
  public static let locationQuotient = 2
  /// z-scores, local Moran's I, Gi* z, Moran's z.
  public static let standardScore = 2
  /// Pseudo p-values and p-values.
  public static let pValue = 3
  /// City indices: D, isolation, Theil's H, Gini, top-fifth share, Moran's I.
  public static let index = 3
  /// Areas in km².
  public static let area = 2
  /// Composite index scores (kind `score`).
  public static let score = 2

  /// Decimals of a significance threshold (a family's cut-off after the multiple-testing
  /// correction): two significant digits and at least 3 decimals, so that α/30 prints 0.0017
  /// (not 0.002, which would admit p-values the test rejects) and α itself 0.050.
  public static func threshold(_ t: Double) -> Int {
    guard t > 0, t.isFinite else { return pValue }
    var (x, leadingDecimal) = (t, 0)  // the decimal of the first significant digit
    while x < 1 {
      x *= 10
      leadingDecimal += 1
    }
    return max(pValue, leadingDecimal + 1)
  }

  /// Decimals of an indicator's values: 0 for counts, 1 for rates, by magnitude for means.
  public static func value(_ i: IndicatorResult) -> Int {
    switch i.kind {
    case "count": count
    case "rate": rate
    case "score": score
    default: magnitude(i.city.value ?? i.wards.compactMap(\.value).max() ?? 0)
    }
  }

  /// Decimals of a number of about `m`: 0 from 100, 1 from 10, else 2.
  public static func magnitude(_ m: Double) -> Int {
    abs(m) >= 100 ? 0 : abs(m) >= 10 ? 1 : 2
  }

  /// `x` rounded half away from zero to `decimals`; the result is the double nearest the
  /// decimal number, so it prints with no trailing digits (`4.1`, not `4.1000000000000005`).
  public static func round(_ x: Double, _ decimals: Int) -> Double {
    guard x.isFinite else { return x }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let r = (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    return r == 0 ? 0 : r  // no -0
  }

  /// `round` on an optional.
  public static func round(_ x: Double?, _ decimals: Int) -> Double? {
    x.map { round($0, decimals) }
  }

  /// A share (fraction) in percent with one decimal, exactly as printed (`4.1`).
  public static func percent(_ fraction: Double?) -> Double? {
    fraction.map { round($0 * 100, Self.share - 2) }
  }
}
