/// One attribute value of a feature or one cell of a table, typed.
///
/// `missing` is a value in its own right: a blank DBF number, an empty CSV cell, a Statbel
/// `C` (confidential) all become `missing` (with a reason for suppression), never 0.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
  case text(String)
  case integer(Int64)
  case real(Double)
  /// No value. `reason` says why when it is known (e.g. "confidential (Statbel C)").
  case missing(reason: String?)

  /// A missing value with no known reason.
  public static let missing = AttributeValue.missing(reason: nil)

  /// The value as a number; `nil` for text and missing values.
  public var number: Double? {
    switch self {
    case .integer(let i): Double(i)
    case .real(let d): d
    default: nil
    }
  }

  /// The value as text, as a user would see it (`nil` when missing). Integers print without
  /// a decimal point; codes that were read as text keep their leading zeros.
  public var text: String? {
    switch self {
    case .text(let s): s
    case .integer(let i): String(i)
    case .real(let d): d.shortText
    case .missing: nil
    }
  }

  /// Whether the value is missing, whatever the reason.
  public var isMissing: Bool { if case .missing = self { true } else { false } }

  public var description: String { text ?? "<missing>" }
}

/// The declared type of a field (a layer attribute or a table column).
public enum FieldType: String, Hashable, Sendable, Codable {
  case text, integer, real
}

/// A named, typed field.
public struct Field: Hashable, Sendable {
  /// The field or column name, as the source writes it.
  public var name: String
  /// The declared type.
  public var type: FieldType
  /// A field; the name is not checked.
  public init(name: String, type: FieldType) {
    self.name = name
    self.type = type
  }
}
