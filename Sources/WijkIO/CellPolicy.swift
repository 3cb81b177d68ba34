import WijkCore

/// The one rule by which wijk reads a cell that must be a number: in every table (ward and
/// sector tables, lookups, point files, registers, sites, facilities, programmes) and in
/// every layer attribute used as a value.
///
/// A cell is, in this order: a number in the file's one ``NumberConvention``; or a marker of a
/// missing or confidential value (``MissingValues``), which becomes missing for that cell only,
/// with its reason; or an error naming file, line, column and the cell as written. Never 0,
/// never NaN, never the whole column lost.
public struct CellPolicy: Hashable, Sendable {
  /// How numbers are written in the file.
  public var convention: NumberConvention
  /// Which cells mean "no value".
  public var missing: MissingValues

  /// A policy; the default markers are ``MissingValues/standard``.
  public init(convention: NumberConvention, missing: MissingValues = .standard) {
    self.convention = convention
    self.missing = missing
  }

  /// What one cell holds.
  public enum Reading: Hashable, Sendable {
    /// A number; `whole` when written without decimals or exponent.
    case number(Double, whole: Bool)
    /// A marker of a missing value (the cell as written, trimmed).
    case missing(MissingKind, marker: String)
    /// Text that is neither a number nor a marker (the cell as written, trimmed).
    case notANumber(String)
  }

  /// Reads `text`; spaces and tabs around it are ignored.
  public func read(_ text: String) -> Reading {
    let t = Self.trimmed(text)
    if let kind = missing.kind(of: t) { return .missing(kind, marker: t) }
    switch convention.parse(t) {
    case .integer(let i): return .number(Double(i), whole: true)
    case .real(let d): return .number(d, whole: false)
    case nil: return .notANumber(t)
    }
  }

  /// The cell as a value: `.integer`/`.real`, or `.missing(reason:)` for a marker.
  ///
  /// - Throws: ``IOError/notANumber(path:line:column:text:convention:markers:)`` for any other
  ///   text, shown with `visibleInMessages`.
  public func value(_ text: String, path: String, line: Int, column: String) throws(IOError)
    -> AttributeValue
  {
    switch read(text) {
    case .number(let d, let whole):
      return whole && abs(d) < 9e15 ? .integer(Int64(d)) : .real(d)
    case .missing(let kind, let marker):
      return .missing(reason: MissingValues.reason(kind, marker: marker))
    case .notANumber(let t):
      throw .notANumber(
        path: path, line: line, column: column, text: t, convention: convention,
        markers: missing.summary)
    }
  }

  /// A value that is already typed (a layer attribute) through the same rule: numbers stay,
  /// missing stays, text is read as a cell.
  public func number(_ value: AttributeValue) -> Reading {
    switch value {
    case .integer(let i): .number(Double(i), whole: true)
    case .real(let d): d.isNaN ? .missing(.notAvailable, marker: "NaN") : .number(d, whole: false)
    case .missing(let reason):
      .missing(MissingValues.kind(ofReason: reason)?.kind ?? .notAvailable, marker: "")
    case .text(let s): read(s)
    }
  }

  /// `text` without surrounding spaces and tabs; cheap when there are none (most cells).
  static func trimmed(_ text: String) -> String {
    guard let first = text.first, let last = text.last else { return text }
    if first != " " && first != "\t" && last != " " && last != "\t" { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }
}
