import SpatialStats

/// The 95 % confidence interval of a ward's rate for the ward table, from its published
/// numerator and base: a share (numerator ≤ base, e.g. households with gas of all households)
/// by Wilson's score interval, a rate of events over a base (numerator > base possible, e.g.
/// permits per 1,000 residents) by the exact Poisson (Garwood) interval of the count; both
/// times the rate's multiplier (`per`). Counts and means get none: a census count has no
/// sampling error, and a mean's spread is not in the data.
enum RateInterval {
  /// The confidence level of the ward table's intervals.
  static let level = 0.95

  /// - Returns: [lower, upper] in the indicator's unit, or `nil` (not a rate, no numerator
  ///   or base, a base of 0, a non-integer count over a base).
  static func of(_ i: IndicatorResult, _ v: WardIndicatorValue) -> (lower: Double, upper: Double)? {
    guard i.kind == "rate", let x = v.numerator, let n = v.base, n > 0 else { return nil }
    let per = i.per ?? 100
    if x <= n {
      return ConfidenceIntervals.wilson(successes: x, trials: n, level: level)
        .map { ($0.lower * per, $0.upper * per) }
    }
    return ConfidenceIntervals.poisson(count: x, level: level)
      .map { ($0.lower / n * per, $0.upper / n * per) }
  }

  /// The interval of a published ward value, rounded as the value is published: what the
  /// ward table's `ci95_lower` / `ci95_upper` hold and the ward plan prints (both leave it
  /// out when the ward's figure is withheld).
  static func published(_ i: IndicatorResult, _ v: WardIndicatorValue) -> [Double]? {
    let d = PublishedPrecision.value(i)
    return of(i, v).map {
      [PublishedPrecision.round($0.lower, d), PublishedPrecision.round($0.upper, d)]
    }
  }
}
