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
enum CodeWidths {
  /// - Throws: ``IOError/codeLostZeros(path:line:column:text:width:example:)`` for the first
  ///   such cell.
  static func check(_ table: Table, options: CSVOptions) throws(IOError) {
    for (c, name) in table.columns.enumerated() where !options.paddedColumns.contains(name) {
      var padded: (width: Int, example: String)?
      var digitsOnly = true
      for row in table.rows {
        guard case .text(let t) = row[c] else { continue }
        guard isDigits(t) else {
          digitsOnly = false
          break
        }
        if t.count > 1, t.first == "0", t.count > (padded?.width ?? 0) { padded = (t.count, t) }
      }
      guard digitsOnly, let padded else { continue }
      for (r, row) in table.rows.enumerated() {
        guard case .text(let t) = row[c], t.count < padded.width, t.first != "0" else { continue }
        throw .codeLostZeros(
          path: table.source, line: table.lineNumbers[r], column: name, text: t,
          width: padded.width, example: padded.example)
      }
    }
  }

  private static func isDigits(_ t: String) -> Bool {
    !t.isEmpty && t.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }
}
