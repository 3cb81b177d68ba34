// The ward figures a composite index is computed from, and what is known of their uncertainty.

/// How an indicator's own value could have come out differently, for the rank intervals.
/// Each draw replaces the ward's value by a draw from the model, centred on what was observed
/// (a parametric bootstrap); the index is then recomputed from the drawn values.
public enum IndicatorUncertainty: Hashable, Sendable {
  /// Not known: the value is held fixed in every draw (a mean income, a change).
  case none
  /// The value is itself a count of events: drawn as Poisson(value).
  case poissonCount
  /// The value is a rate, per × events / base: events drawn as Poisson(events), the base
  /// held fixed (crimes per 1000 residents).
  case poissonRate(events: [Double?], base: [Double?], per: Double)
  /// The value is a share, per × events / trials of whole numbers (residents aged 65+ of all
  /// residents): events drawn as Binomial(trials, events / trials).
  case binomialShare(events: [Double?], trials: [Double?], per: Double)

  /// Whether the model varies the value.
  public var isKnown: Bool { self != .none }
}

/// The figures of every ward for every indicator of a ``CompositeIndexSpecification``.
public struct CompositeIndexInput: Hashable, Sendable {
  /// Ward codes, in the order of every result.
  public var wards: [String]
  /// Per indicator name, one value per ward (`nil` = missing, never read as 0).
  public var values: [String: [Double?]]
  /// Per indicator name, its uncertainty model (absent = ``IndicatorUncertainty/none``).
  public var uncertainty: [String: IndicatorUncertainty]

  public init(
    wards: [String], values: [String: [Double?]],
    uncertainty: [String: IndicatorUncertainty] = [:]
  ) {
    self.wards = wards
    self.values = values
    self.uncertainty = uncertainty
  }
}
