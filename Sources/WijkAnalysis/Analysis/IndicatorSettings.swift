/// The analysis settings every indicator shares, taken from the configuration.
public struct IndicatorSettings: Sendable, Equatable {
  /// Significance level of LISA clusters and Gi* hotspots (pseudo p ≤ this).
  public var significance: Double
  /// Conditional permutations for pseudo p-values (0 = no permutation inference).
  public var permutations: Int
  /// Seed of every permutation test.
  public var seed: UInt64
  /// A base above 0 and below this is "small": its rate is flagged (and smoothed by EB).
  public var smallBaseBelow: Double
  /// Location quotient at or above which a significant HH ward is a concentration ward.
  public var concentrationQuotient: Double
  /// How map classes are chosen: method and number of classes.
  public var classification: ClassificationSpec
  /// `nl` or `en`, for labels.
  public var language: String

  /// Copies the shared settings from `c`; the small-number threshold becomes
  /// ``smallBaseBelow``. Checks nothing: ``ConfigurationLoader`` validated the values.
  public init(configuration c: AnalysisConfiguration) {
    significance = c.significance
    permutations = c.permutations
    seed = c.seed
    smallBaseBelow = Double(c.smallNumberThreshold)
    concentrationQuotient = c.concentrationQuotient
    classification = c.classification
    language = c.language
  }
}
