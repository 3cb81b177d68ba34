import Foundation
import WijkCore

/// Writes a `Table` as delimited text, atomically (temporary file, then rename).
///
/// - `standard`: RFC 4180 — `,` separator, decimal point, UTF-8 without BOM, CRLF.
/// - `excel`: what Belgian (nl-BE) Excel opens directly — `;` separator, decimal comma, no
///   thousands separator, UTF-8 with BOM (so Excel does not read it as Windows-1252), CRLF.
///
/// Cells holding the separator, a quote or a line break are quoted, quotes doubled. Missing
/// values are empty cells. Text is written as NFC.
///
/// Codes that look like numbers (`0123`, `710161`) stay text in the `excel` dialect: a text
/// cell of a column named in `textColumns` is written as the formula `="0123"` (quoted as CSV
/// requires). Excel and LibreOffice Calc (7.4, checked by `make check-render`) both open it
/// as the text `0123`, while a plain `0123`, quoted or not, becomes the number 123 (its
/// leading zero lost). ``ExcelText/unwrap(_:)`` reads such a cell back.
public enum CSVWriter {
  /// The flavour of delimited text to write.
  public enum Dialect: Hashable, Sendable {
    /// RFC 4180: `,`, decimal point, UTF-8 without BOM.
    case standard
    /// Belgian Excel: `;`, decimal comma, UTF-8 with BOM, numeric-looking codes as `="…"`.
    case excel

    var separator: String { self == .excel ? ";" : "," }
    var convention: NumberConvention { self == .excel ? .decimalComma : .decimalPoint }
  }

  /// Writes `table` to `path` (replacing it) in `dialect`.
  /// - Parameter textColumns: columns of codes that must stay text when a spreadsheet opens
  ///   the file (the `excel` dialect writes their numeric-looking cells as `="…"`).
  /// - Throws: ``IOError/writeFailed(path:message:)``; `path` keeps its old content then.
  public static func write(
    _ table: Table, to path: String, dialect: Dialect = .standard,
    textColumns: Set<String> = []
  ) throws(IOError) {
    try AtomicFile.write(encode(table, dialect: dialect, textColumns: textColumns), to: path)
  }

  /// The CSV text of `table` (UTF-8, CRLF line ends, no BOM), for printing.
  public static func text(_ table: Table) -> String {
    String(decoding: encode(table, dialect: .standard), as: UTF8.self)
  }

  /// The file's bytes.
  static func encode(_ table: Table, dialect: Dialect, textColumns: Set<String> = []) -> [UInt8] {
    var lines = [table.columns.map { quoted($0, dialect) }.joined(separator: dialect.separator)]
    let keepText = table.columns.map { dialect == .excel && textColumns.contains($0) }
    for row in table.rows {
      let cells = zip(row, keepText).map { value, keep -> String in
        if keep, case .text(let s) = value { return quoted(ExcelText.wrap(s), dialect) }
        return cell(value, dialect)
      }
      lines.append(cells.joined(separator: dialect.separator))
    }
    let text = lines.map { $0 + "\r\n" }.joined()
    let bom: [UInt8] = dialect == .excel ? [0xEF, 0xBB, 0xBF] : []
    return bom + TextEncoding.utf8.encode(text)!
  }

  private static func cell(_ value: AttributeValue, _ dialect: Dialect) -> String {
    switch value {
    case .missing: ""
    case .integer(let i): String(i)
    case .real(let d): dialect.convention.format(d)
    case .text(let s): quoted(s, dialect)
    }
  }

  private static func quoted(_ s: String, _ dialect: Dialect) -> String {
    let special = s.contains { $0 == "\"" || $0.isNewline || String($0) == dialect.separator }
    guard special else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

/// Text that a spreadsheet must not turn into a number when it opens a CSV file.
public enum ExcelText {
  /// `="0123"` for a text a spreadsheet would read as a number (digits, signs, `.` and `,`);
  /// any other text as it is.
  public static func wrap(_ text: String) -> String {
    NumberConvention.looksNumeric(text) ? "=\"" + text + "\"" : text
  }

  /// The text inside `="…"` (as ``wrap(_:)`` writes it); any other text as it is.
  public static func unwrap(_ text: String) -> String {
    guard text.count >= 3, text.hasPrefix("=\""), text.hasSuffix("\"") else { return text }
    return String(text.dropFirst(2).dropLast())
  }
}
