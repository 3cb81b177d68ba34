/// A broken input contract in the concentration statistics: the data contradict themselves
/// or the call is malformed. Degenerate but consistent data are not errors; they give
/// ``StatisticOutcome/undefined(_:)``.
public enum ConcentrationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Two inputs that must be aligned unit by unit have different lengths.
  case lengthMismatch(first: String, firstCount: Int, second: String, secondCount: Int)
  /// A unit has events or group members but a base (population) of 0: the data are
  /// inconsistent (field case 14, `indicatoren_inconsistent.csv`, ward W02).
  case countWithZeroBase(unit: String, count: Double)
  /// A count, base or indicator that must not be negative is negative.
  case negativeValue(unit: String, field: String, value: Double)
  /// A value is NaN or infinite.
  case nonFiniteValue(unit: String, field: String, value: Double)
  /// A group count exceeds the unit's total (segregation input).
  case groupExceedsTotal(unit: String, group: Double, total: Double)
  /// A neighbour index in a neighbour list is outside `0..<n` or names the unit itself.
  case invalidNeighbour(unit: String, neighbour: Int, unitCount: Int)
  /// A parameter is outside its domain (for example a rate multiplier of 0).
  case invalidParameter(name: String, value: Double, expected: String)
  /// A multigroup index needs at least two groups.
  case tooFewGroups(count: Int)

  public var description: String {
    switch self {
    case .lengthMismatch(let first, let firstCount, let second, let secondCount):
      "There are \(firstCount) values in \(first) but \(secondCount) in \(second); they "
        + "must be given for the same units in the same order."
    case .countWithZeroBase(let unit, let count):
      "Unit \(unit) has \(count.shortDescription) cases but a base (population) of 0; "
        + "the count or the base is wrong."
    case .negativeValue(let unit, let field, let value):
      "Unit \(unit) has a negative \(field) (\(value.shortDescription)); counts cannot be "
        + "negative."
    case .nonFiniteValue(let unit, let field, let value):
      "Unit \(unit) has \(field) = \(value), which is not a number; leave it empty "
        + "(missing) instead."
    case .groupExceedsTotal(let unit, let group, let total):
      "Unit \(unit) has a group count of \(group.shortDescription) above its total of "
        + "\(total.shortDescription)."
    case .invalidNeighbour(let unit, let neighbour, let unitCount):
      "Unit \(unit) lists neighbour \(neighbour), which is not another unit among the "
        + "\(unitCount) units."
    case .invalidParameter(let name, let value, let expected):
      "The \(name) is \(value.shortDescription), but it must be \(expected)."
    case .tooFewGroups(let count):
      "A multigroup index needs at least 2 groups; \(count) given."
    }
  }
}

extension Double {
  /// `2` rather than `2.0` for whole numbers, for messages a user reads.
  var shortDescription: String {
    if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
    return "\(self)"
  }
}
