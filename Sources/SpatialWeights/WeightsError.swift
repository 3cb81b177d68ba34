// Errors of the spatial-weights target: each case carries the evidence a user needs to find the
// problem (the unit, the position, the file line) and says it in one sentence.

/// A problem building, reading or transforming spatial weights.
public enum WeightsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Two arrays that must line up do not (`what` names them).
  case countMismatch(what: String, expected: Int, got: Int)
  /// The same unit id appears twice.
  case duplicateID(String)
  /// A neighbour index outside `0..<n`.
  case neighbourOutOfRange(unit: String, index: Int, count: Int)
  /// A unit lists itself as its own neighbour (self-weights are added by the statistics that
  /// use them, such as Gi*).
  case selfNeighbour(unit: String)
  /// A unit lists the same neighbour twice.
  case repeatedNeighbour(unit: String, neighbour: String)
  /// A weight that is not finite or is negative.
  case invalidWeight(unit: String, neighbour: String, value: Double)
  /// A parameter outside its domain (k ≤ 0, a negative threshold, ...).
  case invalidParameter(name: String, value: String, expected: String)
  /// A line of a GAL or GWT file that cannot be read.
  case malformedFile(format: String, line: Int, text: String, reason: String)
  /// A file names a unit id it never declared.
  case unknownID(format: String, line: Int, id: String)

  public var description: String {
    switch self {
    case .countMismatch(let what, let expected, let got):
      return "The \(what) do not line up: expected \(expected), got \(got)."
    case .duplicateID(let id):
      return "The unit id '\(id)' appears more than once; every unit needs its own id."
    case .neighbourOutOfRange(let unit, let index, let count):
      return "Unit '\(unit)' has neighbour number \(index), but there are only \(count) units "
        + "(expected 0 to \(count - 1))."
    case .selfNeighbour(let unit):
      return "Unit '\(unit)' is listed as its own neighbour; expected only other units."
    case .repeatedNeighbour(let unit, let neighbour):
      return "Unit '\(unit)' lists neighbour '\(neighbour)' more than once."
    case .invalidWeight(let unit, let neighbour, let value):
      return "The weight from '\(unit)' to '\(neighbour)' is \(value); expected a finite "
        + "number of at least 0."
    case .invalidParameter(let name, let value, let expected):
      return "The parameter \(name) is \(value); expected \(expected)."
    case .malformedFile(let format, let line, let text, let reason):
      return "Line \(line) of the \(format) file cannot be read (\(reason)): '\(text)'."
    case .unknownID(let format, let line, let id):
      return "Line \(line) of the \(format) file names unit '\(id)', which the file never "
        + "declared."
    }
  }
}
