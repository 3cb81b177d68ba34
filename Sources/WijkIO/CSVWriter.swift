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
public enum CSVWriter {
  /// The flavour of delimited text to write.
  public enum Dialect: Hashable, Sendable {
    /// RFC 4180: `,`, decimal point, UTF-8 without BOM.
    case standard
    /// Belgian Excel: `;`, decimal comma, UTF-8 with BOM.
    case excel

    var separator: String { self == .excel ? ";" : "," }
    var convention: NumberConvention { self == .excel ? .decimalComma : .decimalPoint }
  }

  /// Writes `table` to `path` (replacing it) in `dialect`.
  /// - Throws: ``IOError/writeFailed(path:message:)``; `path` keeps its old content then.
  public static func write(_ table: Table, to path: String, dialect: Dialect = .standard)
    throws(IOError)
  {
    try AtomicFile.write(encode(table, dialect: dialect), to: path)
  }

  /// The CSV text of `table` (UTF-8, CRLF line ends, no BOM), for printing.
  public static func text(_ table: Table) -> String {
    String(decoding: encode(table, dialect: .standard), as: UTF8.self)
  }

  /// The file's bytes.
  static func encode(_ table: Table, dialect: Dialect) -> [UInt8] {
    var lines = [table.columns.map { quoted($0, dialect) }.joined(separator: dialect.separator)]
    for row in table.rows {
      lines.append(row.map { cell($0, dialect) }.joined(separator: dialect.separator))
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
