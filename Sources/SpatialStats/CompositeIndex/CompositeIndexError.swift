/// A composite index that cannot be computed as specified: the specification contradicts
/// itself, or the figures do not fit it. Each case names the indicator, domain or ward.
public enum CompositeIndexError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The specification has no indicators.
  case noIndicators
  /// Two indicators (or two domains) have the same name.
  case duplicateName(String, kind: String)
  /// A weight is not a finite number above 0.
  case invalidWeight(name: String, weight: Double)
  /// An indicator names a domain that is not declared, or has none while domains are.
  case unknownDomain(indicator: String, domain: String?)
  /// A declared domain has no indicator.
  case emptyDomain(String)
  /// A parameter is outside its range (the minimum share, the number of draws …).
  case invalidParameter(name: String, value: Double, expected: String)
  /// The input has no values for an indicator of the specification.
  case missingIndicator(String, available: [String])
  /// An indicator's values (or its uncertainty's counts) are not one per ward.
  case lengthMismatch(indicator: String, count: Int, wards: Int)
  /// A value is NaN or infinite.
  case nonFiniteValue(indicator: String, ward: String, value: Double)
  /// The counts of an uncertainty model are impossible (negative, not whole, events above the
  /// trials) or do not give the ward's value.
  case inconsistentUncertainty(indicator: String, ward: String, reason: String)
  /// Fewer than two wards can be scored.
  case tooFewWards(scored: Int)
  /// Every scored ward has the same value: a z-score or min-max scale is undefined.
  case noVariation(indicator: String, value: Double)

  public var description: String {
    switch self {
    case .noIndicators:
      "The composite index has no indicators; list at least one under `indicators`."
    case .duplicateName(let name, let kind):
      "Two \(kind)s of the composite index are called \"\(name)\"; give each its own name."
    case .invalidWeight(let name, let weight):
      "The weight of \"\(name)\" is \(weight.shortDescription); a weight must be a number "
        + "above 0 (leave the indicator out instead of weighting it 0)."
    case .unknownDomain(let indicator, let domain?):
      "Indicator \"\(indicator)\" belongs to domain \"\(domain)\", which is not declared "
        + "under `domains`."
    case .unknownDomain(let indicator, nil):
      "Indicator \"\(indicator)\" has no domain, but the index declares domains; give every "
        + "indicator one."
    case .emptyDomain(let name):
      "Domain \"\(name)\" has no indicators; remove it or assign indicators to it."
    case .invalidParameter(let name, let value, let expected):
      "The \(name) is \(value.shortDescription), but it must be \(expected)."
    case .missingIndicator(let name, let available):
      "There are no figures for indicator \"\(name)\"; available: "
        + (available.isEmpty ? "none" : available.joined(separator: ", ")) + "."
    case .lengthMismatch(let indicator, let count, let wards):
      "Indicator \"\(indicator)\" has \(count) values for \(wards) wards; give one per ward, "
        + "in the wards' order."
    case .nonFiniteValue(let indicator, let ward, let value):
      "Ward \(ward) has \(indicator) = \(value), which is not a number; leave it empty "
        + "(missing) instead."
    case .inconsistentUncertainty(let indicator, let ward, let reason):
      "The counts behind \(indicator) in ward \(ward) do not fit: \(reason)."
    case .tooFewWards(let scored):
      "Only \(scored) ward(s) have the figures the index needs; a ranking needs at least 2."
    case .noVariation(let indicator, let value):
      "Every ward has \(indicator) = \(value.shortDescription): it cannot be scaled and does "
        + "not distinguish wards; leave it out or use the rank transformation."
    }
  }
}
