import WijkCore

/// The check for codes a workbook stored as numbers. A spreadsheet keeps `0123` only as text;
/// typed as a number it is `123`, and no reader can give it its zero back. GDAL hands over
/// both as text without saying which was a number, so the evidence is the column itself: in a
/// text column of digit codes, a code shorter than the column's zero-padded ones (`123` beside
/// `0456`) lost its zeros.
///
/// That is an error naming the cell and the fixes, never a silent guess: pad only when the
/// consumer says so (`pad_keys` / `--pad-keys`, ``CSVOptions/paddedColumns``). A column with
/// no zero-padded code gives no evidence and is left as it is (the key join then reports the
/// codes it cannot match).
public enum CodeWidths {
  /// The codes of a column that lost their zeros, if the column shows it.
  public struct Loss: Hashable, Sendable {
    /// The width of the widest zero-padded code.
    public var width: Int
    /// That code, as written.
    public var example: String
    /// The rows (indices into the cells given) of the shorter codes.
    public var rows: [Int]
  }

  /// The loss in one column's cells (trimmed texts; empty cells are skipped): `nil` unless
  /// every filled cell is digits, one has a leading zero, and another is shorter than it
  /// without one.
  public static func loss(in cells: [String]) -> Loss? {
    var widest: (width: Int, example: String)?
    for t in cells where !t.isEmpty {
      guard isDigits(t) else { return nil }
      if t.count > 1, t.first == "0", t.count > (widest?.width ?? 0) { widest = (t.count, t) }
    }
    guard let widest else { return nil }
    let rows = cells.indices.filter {
      !cells[$0].isEmpty && cells[$0].count < widest.width && cells[$0].first != "0"
    }
    return rows.isEmpty ? nil : Loss(width: widest.width, example: widest.example, rows: rows)
  }

  /// - Throws: ``IOError/codeLostZeros(path:line:column:text:width:example:)`` for the first
  ///   such cell of a text column not in ``CSVOptions/paddedColumns``.
  static func check(_ table: Table, options: CSVOptions) throws(IOError) {
    for (c, name) in table.columns.enumerated() where !options.paddedColumns.contains(name) {
      let cells = table.rows.map { row -> String in
        if case .text(let t) = row[c] { t } else if row[c].isMissing { "" } else { "x" }
      }
      guard let loss = loss(in: cells), let r = loss.rows.first else { continue }
      throw .codeLostZeros(
        path: table.source, line: table.lineNumbers[r], column: name, text: cells[r],
        width: loss.width, example: loss.example)
    }
  }

  private static func isDigits(_ t: String) -> Bool {
    !t.isEmpty && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
