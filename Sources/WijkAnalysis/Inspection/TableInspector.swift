import Foundation
import WijkCore
import WijkIO

/// Builds a ``TableInspection``: reads every cell as written (``CSVOptions/allText``), then
/// reads each through the one ``CellPolicy`` to type the columns and count what is not a
/// number, and checks the key columns for duplicates the way ``KeyJoin`` compares keys.
public enum TableInspector {
  /// Whether `wijk info` treats `path` as a table rather than a layer (by its extension:
  /// ``TableSource/isTableFile(_:)``).
  public static func isTable(_ path: String) -> Bool { TableSource.isTableFile(path) }

  /// - Parameters:
  ///   - path: the table (``TableSource``: text, zipped text, workbook, attribute table or
  ///     database).
  ///   - sheet, headerRow, skipRows: its sheet or table and header row (``TableSource``).
  ///   - key: the key column to check; `nil` for the column that looks most like a key (a
  ///     key-like name: `code`, `id`, `sector`, `wijk`, `geoitem`, `CD_…`; the most distinct
  ///     values among those).
  ///   - separator, convention, encoding: as the reader options (`nil`: detected).
  ///   - missingValues: the markers of a missing value.
  /// - Throws: `IOError` when the file cannot be read as a table (naming line and column),
  ///   or `key` is not a column.
  public static func inspect(
    path: String, sheet: String? = nil, headerRow: Int? = nil, skipRows: Int? = nil,
    key: String? = nil, separator: Character? = nil,
    convention: NumberConvention? = nil, encoding: TextEncoding? = nil,
    missingValues: MissingValues = .standard
  ) throws -> TableInspection {
    let source = TableSource(path, layer: sheet, headerRow: headerRow, skipRows: skipRows)
    let reading = try TableReader.read(
      source,
      options: CSVOptions(
        separator: separator, numberConvention: convention, encoding: encoding,
        missingValues: missingValues, allText: true))
    let table = reading.table
    let report = reading.report
    let policy = CellPolicy(
      convention: report.numberConvention ?? .decimalPoint, missing: missingValues)
    var columns = table.columns.indices.map { summary(table, $0, policy) }
    if case .workbook = source.format {
      for c in columns.indices where columns[c].type == "code" {
        columns[c].lostZeros = lostZeros(table, c)
      }
    }
    // A Statbel file's CD_ columns are codes whatever their digits (as the reader keeps them).
    if StatbelReader.recognises(header: table.columns, separator: report.separator ?? ",") {
      for c in columns.indices
      where table.columns[c].uppercased().hasPrefix("CD_") && columns[c].type != "text" {
        columns[c].type = "code"
        columns[c].missing = []
      }
    }
    if let key, table.columnIndex(key) == nil {
      throw IOError.unknownColumn(path: path, column: key, available: table.columns)
    }
    // Without --key: the key-like column with the most distinct values (a sector code
    // before its municipality's REFNIS code), the first of equals.
    let candidates = table.columns.indices.filter { looksLikeKey(table.columns[$0], columns[$0]) }
    let best = candidates.max {
      columns[$0].distinct < columns[$1].distinct
        || (columns[$0].distinct == columns[$1].distinct && $0 > $1)
    }
    let keyColumns = key.map { [table.columnIndex($0)!] } ?? best.map { [$0] } ?? []
    return TableInspection(
      file: DataSourceName.redacted(path),
      separator: report.driver == nil ? word(report.separator ?? ",") : "",
      separatorDetected: report.separatorDetected ?? true,
      numberConvention: policy.convention.summary,
      numberConventionDetected: report.numberConventionDetected ?? true,
      encoding: report.encoding?.displayName ?? "UTF-8", rowCount: table.rows.count,
      columns: columns,
      keys: keyColumns.map { check(table, $0, given: key != nil) },
      missingMarkers: missingValues.summary,
      warnings: report.warnings.map(\.description), driver: report.driver,
      sheet: report.sheet, sheets: try TableReader.sheets(of: path),
      sheetKind: source.format == .text ? nil : source.part)
  }

  /// The codes of column `c` shorter than its zero-padded ones, with their lines.
  static func lostZeros(_ table: Table, _ c: Int) -> TableInspection.TextCells? {
    let cells = table.rows.map { ($0[c].text ?? "").trimmingCharacters(in: .whitespaces) }
    guard let loss = CodeWidths.loss(in: cells) else { return nil }
    let shown = loss.rows.prefix(MissingCellCount.shownLines)
    return TableInspection.TextCells(
      count: loss.rows.count, lines: shown.map { table.lineNumbers[$0] },
      cells: shown.map { cells[$0].visibleInMessages })
  }

  /// A column's type and counts, each cell read by `policy`.
  static func summary(_ table: Table, _ c: Int, _ policy: CellPolicy)
    -> TableInspection.ColumnSummary
  {
    var numbers = 0
    var whole = true
    var padded = false
    var text = TableInspection.TextCells(count: 0, lines: [], cells: [])
    var missingTable = table
    missingTable.rows = []
    var distinct = Set<String>()
    for (r, row) in table.rows.enumerated() {
      let cell = row[c].text ?? ""
      if !cell.isEmpty { distinct.insert(cell) }
      var out: AttributeValue = .text(cell)
      switch policy.read(cell) {
      case .number(_, let w):
        numbers += 1
        whole = whole && w
        padded = padded || isZeroPadded(cell)
      case .missing(let kind, let marker):
        out = .missing(reason: MissingValues.reason(kind, marker: marker))
      case .notANumber(let t):
        text.count += 1
        if text.lines.count < MissingCellCount.shownLines {
          text.lines.append(table.lineNumbers[r])
          text.cells.append(t.visibleInMessages)
        }
      }
      missingTable.rows.append([out])
    }
    missingTable.columns = [table.columns[c]]
    let type =
      numbers == 0
      ? (text.count == 0 ? "empty" : "text")
      : text.count > 0
        ? (text.count >= numbers ? "text" : "mixed")
        : padded ? "code" : whole ? "integer" : "real"
    let missing =
      type == "text" || type == "code"
      ? []
      : MissingCellCount.count(
        in: missingTable, columns: [table.columns[c]])
    return TableInspection.ColumnSummary(
      name: table.columns[c].visibleInMessages, type: type, numbers: numbers,
      missing: missing, nonNumeric: type == "mixed" ? text : nil, distinct: distinct.count)
  }

  /// `01`, `007`: a code that a spreadsheet would turn into a number.
  static func isZeroPadded(_ cell: String) -> Bool {
    let t = cell.trimmingCharacters(in: .whitespaces)
    return t.count > 1 && t.first == "0"
      && t.dropFirst().first.map { $0.isASCII && $0.isNumber } == true
  }

  /// A text or code column whose name says it holds keys.
  static func looksLikeKey(_ name: String, _ s: TableInspection.ColumnSummary) -> Bool {
    let n = name.lowercased()
    let named = ["code", "key", "id", "sector", "wijk", "ggw", "geoitem", "nis", "refnis"]
      .contains { n == $0 || n.hasPrefix($0) || n.hasSuffix($0) || n.hasPrefix("cd_") }
    return named && ["text", "code", "integer", "mixed"].contains(s.type) && !n.hasPrefix("tx_")
  }

  /// Duplicates, invisible characters and empty cells of key column `c`.
  static func check(_ table: Table, _ c: Int, given: Bool) -> TableInspection.KeyCheck {
    var lines: [String: [Int]] = [:]
    var order: [String] = []
    var raw: [String: String] = [:]
    var invisible: [TableInspection.DuplicateKey] = []
    var empty: [Int] = []
    for (r, row) in table.rows.enumerated() {
      let cell = row[c].text ?? ""
      let key = KeyNormalisation.codes.normalise(cell)
      if key.isEmpty {
        empty.append(table.lineNumbers[r])
        continue
      }
      if KeyNormalisation.hadInvisibles(cell) {
        invisible.append(.init(key: cell.visibleInMessages, lines: [table.lineNumbers[r]]))
      }
      if lines[key] == nil {
        order.append(key)
        raw[key] = cell
      }
      lines[key, default: []].append(table.lineNumbers[r])
    }
    let duplicated = order.filter { lines[$0]!.count > 1 }
    let rows = table.rows.indices.filter {
      let k = KeyNormalisation.codes.normalise(table.rows[$0][c].text ?? "")
      return lines[k].map { $0.count > 1 } ?? false
    }
    return TableInspection.KeyCheck(
      column: table.columns[c].visibleInMessages, given: given,
      duplicates: duplicated.map { .init(key: raw[$0]!.visibleInMessages, lines: lines[$0]!) },
      hint: duplicated.isEmpty
        ? nil : KeyJoin.filterHint(table, keyColumns: [c], duplicateRows: rows),
      invisibleCharacters: invisible, emptyLines: empty)
  }

  static func word(_ separator: Character) -> String {
    separator == "\t" ? "tab" : String(separator)
  }
}
