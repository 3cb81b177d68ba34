/// A statistic that either has a value or is undefined for a stated reason.
///
/// Concentration statistics meet degenerate inputs every day: a ward with population 0, a
/// city where a group is absent, an indicator that is the same in every ward. PySAL returns
/// NaN (or `inf`) there, which then leaks into averages and class breaks. Here such a case is
/// ``undefined(_:)`` with a ``UndefinedReason`` a user can read, never NaN. The spatial
/// statistics (Moran's I, local Moran, Gi*) return it too.
public enum StatisticOutcome<Value: Sendable>: Sendable {
  /// The statistic is defined and has this value.
  case defined(Value)
  /// The statistic is not defined for this input; the reason says why.
  case undefined(UndefinedReason)

  /// The value, or `nil` when undefined.
  public var value: Value? {
    if case .defined(let value) = self { value } else { nil }
  }

  /// The reason, or `nil` when defined.
  public var reason: UndefinedReason? {
    if case .undefined(let reason) = self { reason } else { nil }
  }
}

extension StatisticOutcome: Equatable where Value: Equatable {}
extension StatisticOutcome: Hashable where Value: Hashable {}

extension StatisticOutcome: CustomStringConvertible {
  public var description: String {
    switch self {
    case .defined(let value): "\(value)"
    case .undefined(let reason): reason.description
    }
  }
}

/// Why a statistic has no value. The `description` is the text a report shows in its place.
public enum UndefinedReason: Hashable, Sendable, CustomStringConvertible {
  /// The input value (count, base or indicator) of this unit is missing.
  case missingInput
  /// A rate or proportion whose base (denominator) is 0.
  case zeroBase
  /// No unit has a usable value, so there is nothing to compute on.
  case noUnits
  /// The city-wide total of `quantity` is 0, so shares and quotients of it are undefined.
  case zeroTotal(quantity: String)
  /// The group is absent from the city (share 0) or is the whole population (share 1);
  /// segregation indices divide by P·(1 − P) and are undefined.
  case groupShareDegenerate(share: Double)
  /// A group in a multigroup index has no members anywhere in the city.
  case emptyGroup(index: Int)
  /// Every value is the same, so there is no spread to classify or standardise.
  case allValuesEqual
  /// Every analysed unit has the same value: a spatial autocorrelation statistic divides by
  /// the variance, which is 0.
  case zeroVariance
  /// Fewer distinct values than classes asked for.
  case tooFewDistinctValues(distinct: Int, classes: Int)
  /// Fewer units than the statistic needs (for example 2 for a sample standard deviation).
  case tooFewUnits(count: Int, needed: Int)
  /// Fewer years with a value than a trend needs (2 for a slope or a Mann–Kendall test).
  case tooFewYears(count: Int, needed: Int)

  public var description: String {
    switch self {
    case .missingInput: "missing input value"
    case .zeroBase: "not defined (base 0)"
    case .noUnits: "not defined (no unit has a value)"
    case .zeroTotal(let quantity): "not defined (the city total of \(quantity) is 0)"
    case .groupShareDegenerate(let share):
      "not defined (the group's city-wide share is \(share), so there is nothing to segregate)"
    case .emptyGroup(let index): "not defined (group \(index + 1) has no members in the city)"
    case .allValuesEqual: "not defined (all values are equal)"
    case .zeroVariance: "not defined (zero variance: every analysed unit has the same value)"
    case .tooFewDistinctValues(let distinct, let classes):
      "not defined (\(distinct) distinct values cannot fill \(classes) classes)"
    case .tooFewUnits(let count, let needed):
      "not defined (\(count) units with a value; at least \(needed) needed)"
    case .tooFewYears(let count, let needed):
      "not defined (\(count) years with a value; at least \(needed) needed)"
    }
  }
}
