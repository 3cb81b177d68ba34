import SpatialStats

/// The analysis settings every indicator shares, taken from the configuration.
public struct IndicatorSettings: Sendable, Equatable {
  /// α of LISA clusters and Gi* hotspots: significant when the pseudo p is below the
  /// threshold ``multipleTesting`` makes of it.
  public var significance: Double
  /// The correction over each family of tests (``TestFamily``).
  public var multipleTesting: MultipleTestingCorrection
  /// Conditional permutations for pseudo p-values (0 = no permutation inference).
  public var permutations: Int
  /// Seed of every permutation test.
  public var seed: UInt64
  /// A base above 0 and below this is "small": its rate is flagged (and smoothed by EB).
  public var smallBaseBelow: Double
  /// Location quotient at or above which a ward is a concentration ward (its own value).
  public var concentrationQuotient: Double
  /// How map classes are chosen: method and number of classes.
  public var classification: ClassificationSpec
  /// `nl` or `en`, for labels.
  public var language: String

  /// Copies the shared settings from `c`; the small-number threshold becomes
  /// ``smallBaseBelow``. Checks nothing: ``ConfigurationLoader`` validated the values.
  public init(configuration c: AnalysisConfiguration) {
    significance = c.significance
    multipleTesting = c.multipleTesting
    permutations = c.permutations
    seed = c.seed
    smallBaseBelow = Double(c.smallNumberThreshold)
    concentrationQuotient = c.concentrationQuotient
    classification = c.classification
    language = c.language
  }
}
