/// Why a ward plan could not be made. Each case carries the evidence (what was typed, which
/// year, which file and column) and its `description` is a sentence a city user understands.
public enum WardPlanError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No ward has this name or code; `suggestions` are the closest names, with their codes.
  case unknownWard(query: String, suggestions: [String])
  /// Several wards share this name (e.g. two municipalities of a region); `candidates` are
  /// the full names with codes.
  case ambiguousWard(query: String, candidates: [String])
  /// `--years` was given, but no indicator table filters on the period column.
  case noPeriodFilter(column: String)
  /// No row of `file` has `year` in the period column.
  case noRowsForYear(year: String, file: String)
  /// The housing table cannot be used.
  case housingTable(file: String, reason: String)

  public var description: String {
    switch self {
    case .unknownWard(let q, let s):
      let hint = s.isEmpty ? "" : "; the closest are: \(s.joined(separator: ", "))"
      return "no ward is called or coded '\(q)'\(hint)"
    case .ambiguousWard(let q, let c):
      return
        "'\(q)' names several wards (\(c.joined(separator: ", "))); give the code or the full name"
    case .noPeriodFilter(let column):
      return
        "a trend over years needs an indicator table with a filter on '\(column)' in the configuration (e.g. filter: { \(column): \"2021\" })"
    case .noRowsForYear(let year, let file):
      return "\(file): no row has the period \(year), so that year cannot be analysed"
    case .housingTable(let file, let reason):
      return "\(file): the housing table cannot be used (\(reason))"
    }
  }
}
