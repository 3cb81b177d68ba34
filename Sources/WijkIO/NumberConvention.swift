import Foundation
import WijkCore

/// How numbers are written in a table file. One convention holds for a whole file: a cell
/// is never read one way in one column and another way in the next (case 11).
public enum NumberConvention: String, Hashable, Sendable, CaseIterable {
  /// `1234.5` (and `1.2e3`); no thousands separator.
  case decimalPoint
  /// `1.234,5`: comma decimal mark, dot thousands separator in groups of three (nl-BE,
  /// Belgian Excel); `1,5E+20` with an exponent.
  case decimalComma

  /// A phrase for messages.
  public var summary: String {
    switch self {
    case .decimalPoint: "decimal point, e.g. 1234.5"
    case .decimalComma: "decimal comma with dot thousands, e.g. 1.234,5"
    }
  }

  /// The convention a file with this separator uses when nothing else is said: `;`-separated
  /// files are what Excel writes where the comma is the decimal mark.
  public static func detected(separator: Character) -> NumberConvention {
    separator == ";" ? .decimalComma : .decimalPoint
  }

  /// A parsed number: integer when written without a decimal part or exponent.
  enum Parsed: Equatable {
    case integer(Int64)
    case real(Double)
  }

  /// Parses `text` (already trimmed) strictly; `nil` when it is not a number in this
  /// convention (`22,2,5`, `1.5` with decimal commas, `1,5` with decimal points). Both
  /// conventions accept an exponent after the number (`1.5e3`, `1,5e3`).
  func parse(_ text: String) -> Parsed? {
    var s = Substring(text)
    var sign = ""
    if let c = s.first, c == "-" || c == "+" {
      sign = c == "-" ? "-" : ""
      s = s.dropFirst()
    }
    switch self {
    case .decimalPoint: return Self.plain(sign, s)
    case .decimalComma:
      // An exponent follows the decimal part (`1,5E+20`): Excel writes large and small
      // numbers so, and so does ``format(_:)`` (found by Fuzz/NumberConvention: 9.2e18
      // written as `9,223372036854776e+18` did not read back).
      let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? s.endIndex
      guard Self.isExponent(s[e...]) else { return nil }
      let parts = s[..<e].split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count <= 2, let whole = Self.ungrouped(parts[0]) else { return nil }
      if parts.count == 1 { return Self.plain(sign, Substring(whole + s[e...])) }
      guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
      return Self.plain(sign, Substring(whole + "." + parts[1] + s[e...]))
    }
  }

  /// Empty, or `e`/`E`, an optional sign and at least one digit.
  private static func isExponent(_ s: Substring) -> Bool {
    guard let mark = s.first else { return true }
    guard mark == "e" || mark == "E" else { return false }
    var digits = s.dropFirst()
    if let c = digits.first, c == "+" || c == "-" { digits = digits.dropFirst() }
    return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
  }

  /// Removes dot thousands separators when the groups are well formed (`12.045`, not
  /// `12.04` nor `1.2345`); a part without dots is returned as is.
  private static func ungrouped(_ s: Substring) -> String? {
    let groups = s.split(separator: ".", omittingEmptySubsequences: false)
    guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
      return nil
    }
    if groups.count > 1 {
      guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
        return nil
      }
    }
    return groups.joined()
  }

  /// `digits[.digits][e[+-]digits]` with the sign already split off.
  private static func plain(_ sign: String, _ s: Substring) -> Parsed? {
    let utf8 = s.utf8
    guard let first = utf8.first, isDigit(first) || first == dot else { return nil }
    guard utf8.allSatisfy({ isDigit($0) || exponentBytes.contains($0) }) else { return nil }
    if utf8.allSatisfy(isDigit), let i = Int64(sign + s) { return .integer(i) }
    guard let d = Double(sign + s), d.isFinite else { return nil }
    return .real(d)
  }

  private static let dot = UInt8(ascii: ".")
  private static let exponentBytes: Set<UInt8> = Set(".eE+-".utf8)
  private static let numericBytes: Set<UInt8> = Set(".,+-".utf8)
  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// Whether `text` is written like a number at all (digits, signs, `.` and `,` only, at
  /// least one digit): in a numeric column such a cell must parse, or it is an error.
  static func looksNumeric(_ text: String) -> Bool {
    text.utf8.contains(where: isDigit)
      && text.utf8.allSatisfy { isDigit($0) || numericBytes.contains($0) }
  }

  /// Formats `value` in this convention, shortest round-trip digits, no thousands separator.
  func format(_ value: Double) -> String {
    let text = value.shortText
    return self == .decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
