import SpatialStats

/// One family of tests corrected together for multiple testing, as every report states it.
///
/// The families of a run (the rule README.md and `GeoData/wijk-genk.yaml` document):
/// - local Moran of one indicator: one test per ward with a pseudo p (the wards with a value
///   and a neighbour), corrected together, as esda's `fdr(lisa.p_sim)` does;
/// - Gi* of one indicator: likewise, a family of its own;
/// - global Moran's I: one test per indicator, the run's indicators corrected together.
public struct TestFamily: Sendable, Codable, Equatable {
  /// The indicator's id for a local family; `nil` for the global Moran family.
  public var indicator: String?
  /// `local Moran`, `Gi*` or `Moran's I`.
  public var statistic: String
  /// `wards` (one test per ward, for one indicator) or `indicators` (one test per indicator).
  public var over: String
  /// The number of p-values corrected together.
  public var tests: Int
  /// How many pass the threshold.
  public var significant: Int
  /// A test is significant when its p is strictly below this: α without correction, the
  /// Benjamini–Hochberg cut-off (esda `fdr`) or α/n (Bonferroni). α when there is no test.
  public var threshold: Double
}

/// How significance was decided in a run: the correction, α, and the families.
public struct SignificanceSummary: Sendable, Codable, Equatable {
  /// The configured correction (`multiple_testing`).
  public var correction: MultipleTestingCorrection
  /// α before correction (`significance`): the false discovery rate for `fdr`.
  public var alpha: Double
  /// Every local test of the run: the wards' local Moran, Gi*, local Geary and concentration
  /// join count p-values of every indicator.
  public var localTests: Int
  /// The indicators' global Moran's I, corrected together; `nil` without permutations or
  /// when no indicator has a defined I.
  public var globalMoran: TestFamily?

  /// The summary of `indicators` (whose local families are already decided).
  public init(
    correction: MultipleTestingCorrection, alpha: Double, indicators: [IndicatorResult],
    globalMoran: TestFamily?
  ) {
    self.correction = correction
    self.alpha = alpha
    localTests = indicators.flatMap(\.tests).reduce(0) { $0 + $1.tests }
    self.globalMoran = globalMoran
  }
}

/// The multiple-testing decisions of the analysis.
enum Significance {
  /// Applies the configured correction to one family's p-values (`nil` = no test for that
  /// ward); returns the family and, per entry, whether it is significant.
  static func decide(
    _ p: [Double?], indicator: String? = nil, statistic: String, over: String,
    _ settings: IndicatorSettings
  ) -> (family: TestFamily, significant: [Bool]) {
    let tested = p.compactMap { $0 }
    let result = settings.multipleTesting.apply(tested, alpha: settings.significance)
    var k = 0
    let significant = p.map { v -> Bool in
      guard v != nil else { return false }
      defer { k += 1 }
      return result.significant[k]
    }
    return (
      TestFamily(
        indicator: indicator, statistic: statistic, over: over, tests: tested.count,
        significant: result.significant.filter { $0 }.count, threshold: result.threshold),
      significant
    )
  }

  /// Corrects the indicators' global Moran's I together and marks each significant or not.
  static func globalMoran(_ indicators: inout [IndicatorResult], _ settings: IndicatorSettings)
    -> TestFamily?
  {
    let p = indicators.map { $0.city.moran?.pseudoP }
    guard p.contains(where: { $0 != nil }) else { return nil }
    let (family, significant) = decide(p, statistic: "Moran's I", over: "indicators", settings)
    for k in indicators.indices where p[k] != nil {
      indicators[k].city.moran?.significant = significant[k]
    }
    return family
  }

  /// The run's summary: global Moran corrected over `indicators` (changed in place), and the
  /// count of every local test.
  static func summarise(_ indicators: inout [IndicatorResult], _ settings: IndicatorSettings)
    -> SignificanceSummary
  {
    let global = globalMoran(&indicators, settings)
    return SignificanceSummary(
      correction: settings.multipleTesting, alpha: settings.significance, indicators: indicators,
      globalMoran: global)
  }
}
