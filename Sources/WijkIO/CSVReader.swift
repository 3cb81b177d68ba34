import Foundation
import WijkCore

/// Options for ``CSVReader/read(path:options:)`` and for every format of ``TableReader``
/// (separator and encoding apply to text; the column declarations and markers to all).
public struct CSVOptions: Hashable, Sendable {
  /// The separator; `nil` to detect it from the header line.
  public var separator: Character?
  /// The number convention; `nil` to derive it from the separator (`;` ⇒ decimal comma).
  public var numberConvention: NumberConvention?
  /// The encoding; `nil` for UTF-8 (with or without BOM), else Windows-1252 with a warning.
  public var encoding: TextEncoding?
  /// Columns that stay text whatever they hold: keys and codes (`01` stays `01`).
  public var textColumns: Set<String>
  /// Columns whose names start with one of these (case-insensitive) also stay text
  /// (Statbel's `CD_` codes and `TX_` labels).
  public var textColumnPrefixes: [String]
  /// Columns a consumer needs as numbers: read cell by cell by the ``CellPolicy`` (a number,
  /// a missing-value marker, or an error naming the cell). Names the table does not have are
  /// ignored here; the consumer says what it misses.
  public var numericColumns: Set<String>
  /// Columns whose names start with one of these (case-insensitive) are numeric too
  /// (Statbel's `MS_` measures).
  public var numericColumnPrefixes: [String]
  /// The cells that mean "no value" in a numeric column (default: ``MissingValues/standard``).
  public var missingValues: MissingValues
  /// Every column stays text, whatever it holds (`wijk info` reads the cells as written).
  public var allText: Bool
  /// Columns whose all-digit codes the consumer left-pads with zeros (`pad_keys`): a
  /// workbook code there that lost its zeros is left to that padding (``CodeWidths``).
  public var paddedColumns: Set<String>

  /// Options; the defaults detect separator, convention and encoding.
  public init(
    separator: Character? = nil, numberConvention: NumberConvention? = nil,
    encoding: TextEncoding? = nil, textColumns: Set<String> = [],
    textColumnPrefixes: [String] = [], numericColumns: Set<String> = [],
    numericColumnPrefixes: [String] = [], missingValues: MissingValues = .standard,
    allText: Bool = false, paddedColumns: Set<String> = []
  ) {
    self.paddedColumns = paddedColumns
    self.textColumnPrefixes = textColumnPrefixes
    self.separator = separator
    self.numberConvention = numberConvention
    self.encoding = encoding
    self.textColumns = textColumns
    self.numericColumns = numericColumns
    self.numericColumnPrefixes = numericColumnPrefixes
    self.missingValues = missingValues
    self.allText = allText
  }
}

extension CSVOptions {
  /// Whether column `name` is declared text, by name or prefix.
  func isText(_ name: String) -> Bool {
    let upper = name.uppercased()
    return allText || textColumns.contains(name)
      || textColumnPrefixes.contains { upper.hasPrefix($0.uppercased()) }
  }

  /// Whether column `name` is declared numeric, by name (also case-insensitively, as
  /// `Table.columnIndex` finds it) or prefix.
  func isNumeric(_ name: String) -> Bool {
    let upper = name.uppercased()
    return numericColumns.contains(name)
      || numericColumns.contains { $0.uppercased() == upper }
      || numericColumnPrefixes.contains { upper.hasPrefix($0.uppercased()) }
  }
}

/// Reads delimited text tables (CSV, Excel exports, Statbel open data) into a typed `Table`.
///
/// A column declared numeric (``CSVOptions/numericColumns``) is read cell by cell by the
/// ``CellPolicy``: a number in the file's one convention, a missing-value marker (missing for
/// that cell only, with its reason), or an error naming file, line, column and cell. Any other
/// column is typed from all its cells: numeric when every cell that is not a marker parses
/// as a number (integer when every such cell is whole, else real), unless it is declared
/// text or a cell has a leading zero (`01`: a code, case 13); text otherwise, markers
/// included (a text column keeps `-` and `?` as written). A column whose cells all look like
/// numbers but where one does not parse (`22,2,5`) is an error, never text (case 11). Empty
/// cells are missing. Text is NFC.
public enum CSVReader {
  /// - Parameters:
  ///   - path: the file.
  ///   - options: separator, convention, encoding, text columns, suppression markers.
  /// - Returns: the table (`lineNumbers` are 1-based physical lines, the header is line 1)
  ///   and a report stating encoding, number convention and warnings.
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/emptyTable(path:)``,
  ///   ``IOError/unterminatedQuote(path:line:)``, ``IOError/raggedRow(path:line:expected:found:)``,
  ///   ``IOError/badNumber(path:line:column:text:convention:)``,
  ///   ``IOError/unknownColumn(path:column:available:)``,
  ///   ``IOError/duplicateColumn(path:column:)``,
  ///   ``IOError/undecodableText(path:feature:field:encoding:)`` (forced encoding only).
  public static func read(path: String, options: CSVOptions = CSVOptions()) throws(IOError)
    -> TableReading
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .fileNotFound(path: path)
    }
    return try read(bytes: Array(data), path: path, options: options)
  }

  /// Reads delimited text already in memory (a member of a zip archive, ``ZippedText``);
  /// `path` names it in messages and as the table's source.
  /// - Throws: as ``read(path:options:)``.
  static func read(bytes: [UInt8], path: String, options: CSVOptions) throws(IOError)
    -> TableReading
  {
    var report = ReadReport()
    let text = try decode(bytes, path: path, forced: options.encoding, report: &report)
    let separator = options.separator ?? CSVTokeniser.detectSeparator(text)
    report.separator = separator
    report.separatorDetected = options.separator == nil
    let convention = options.numberConvention ?? .detected(separator: separator)
    report.numberConvention = convention
    report.numberConventionDetected = options.numberConvention == nil
    let records = try CSVTokeniser.records(text, separator: separator, path: path)
    guard let header = records.first else { throw .emptyTable(path: path) }
    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    try checkColumns(columns, options: options, path: path)
    let options = withStatbelColumns(options, header: columns, separator: separator)
    let body = Array(records.dropFirst())
    for r in body where r.fields.count != columns.count {
      throw .raggedRow(path: path, line: r.line, expected: columns.count, found: r.fields.count)
    }
    let table = try typed(
      columns: columns, cells: body.map(\.fields), lines: body.map(\.line), path: path,
      options: options, convention: convention)
    return TableReading(table: table, report: report)
  }

  /// `options`, with Statbel's text and numeric column prefixes when the header is Statbel's
  /// and no prefixes were given.
  static func withStatbelColumns(_ options: CSVOptions, header: [String], separator: Character)
    -> CSVOptions
  {
    var options = options
    if options.textColumnPrefixes.isEmpty && options.numericColumnPrefixes.isEmpty
      && StatbelReader.recognises(header: header, separator: separator)
    {
      options.textColumnPrefixes = StatbelReader.options().textColumnPrefixes
      options.numericColumnPrefixes = StatbelReader.options().numericColumnPrefixes
    }
    return options
  }

  /// The table of cells read as text, each column typed by the ``ColumnTyper`` under one
  /// ``CellPolicy``: the step every table format shares (``TableReader``).
  /// - Parameters:
  ///   - cells: one array of `columns.count` texts per row.
  ///   - lines: the line (or spreadsheet row) of each row, for messages.
  ///   - keep: columns already typed by their source (a GeoPackage's integer field), by
  ///     column index, one value per row; they skip the typer.
  /// - Throws: ``IOError/duplicateColumn(path:column:)``,
  ///   ``IOError/unknownColumn(path:column:available:)``, and the typer's cell errors.
  static func typed(
    columns: [String], cells: [[String]], lines: [Int], path: String, options: CSVOptions,
    convention: NumberConvention, keep: [Int: [AttributeValue]] = [:]
  ) throws(IOError) -> Table {
    try checkColumns(columns, options: options, path: path)
    var rows = [[AttributeValue]](repeating: [], count: cells.count)
    let policy = CellPolicy(convention: convention, missing: options.missingValues)
    for (c, name) in columns.enumerated() {
      var typed = keep[c] ?? []
      if keep[c] == nil {
        typed = try ColumnTyper(
          path: path, column: name, policy: policy, forceText: options.isText(name),
          forceNumeric: options.isNumeric(name) && !options.isText(name)
        ).values(zip(cells, lines).map { ($0[c], $1) })
      }
      for r in typed.indices { rows[r].append(typed[r]) }
    }
    return Table(source: path, columns: columns, rows: rows, lineNumbers: lines)
  }

  /// UTF-8 (BOM dropped) when valid, else Windows-1252 with a warning; a forced encoding
  /// must decode or it is an error.
  private static func decode(
    _ bytes: [UInt8], path: String, forced: TextEncoding?, report: inout ReadReport
  ) throws(IOError) -> String {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let body = bytes.starts(with: bom) ? Array(bytes.dropFirst(3)) : bytes
    if let forced {
      guard let text = forced.decode(body) else {
        throw .undecodableText(path: path, feature: -1, field: "file", encoding: forced)
      }
      report.encoding = forced
      report.encodingSource = .user
      return text
    }
    if let text = TextEncoding.utf8.decode(body) {
      report.encoding = .utf8
      report.encodingSource = .validUTF8
      return text
    }
    report.encoding = .windows1252
    report.encodingSource = .fallback
    report.warnings.append(.encodingGuessed(path: path, assumed: .windows1252))
    // Every byte except five is defined in Windows-1252; Latin-1 takes those five.
    return TextEncoding.windows1252.decode(body) ?? TextEncoding.latin1.decode(body)!
  }

  static func checkColumns(_ columns: [String], options: CSVOptions, path: String)
    throws(IOError)
  {
    var seen = Set<String>()
    for c in columns where !seen.insert(c).inserted {
      throw .duplicateColumn(path: path, column: c)
    }
    for c in options.textColumns.sorted() where !seen.contains(c) {
      throw .unknownColumn(path: path, column: c, available: columns)
    }
  }
}

/// Decides one column's type from all its cells and converts them (see ``CSVReader``).
struct ColumnTyper {
  let path: String
  let column: String
  let policy: CellPolicy
  let forceText: Bool
  let forceNumeric: Bool

  func values(_ cells: [(text: String, line: Int)]) throws(IOError) -> [AttributeValue] {
    if forceNumeric {
      return try cells.map { (c) throws(IOError) in
        try policy.value(c.text, path: path, line: c.line, column: column)
      }
    }
    let trimmed = cells.map { (CellPolicy.trimmed($0.text), $0.line) }
    let filled = trimmed.filter { policy.missing.kind(of: $0.0) == nil }
    if forceText || filled.isEmpty || !isNumeric(filled.map(\.0)) {
      return trimmed.map { $0.0.isEmpty ? .missing : .text($0.0) }
    }
    var parsed: [AttributeValue] = []
    for (text, line) in trimmed {
      if case .notANumber = policy.read(text) {
        throw .badNumber(
          path: path, line: line, column: column, text: text, convention: policy.convention)
      }
      parsed.append(try policy.value(text, path: path, line: line, column: column))
    }
    let whole = !parsed.contains { if case .real = $0 { true } else { false } }
    return whole ? parsed : parsed.map { $0.number.map(AttributeValue.real) ?? $0 }
  }

  /// Numeric when every filled cell looks like a number and none is a zero-padded code.
  private func isNumeric(_ texts: [String]) -> Bool {
    texts.allSatisfy { t in
      let digits = t.drop { $0 == "-" || $0 == "+" }
      let padded =
        digits.count > 1 && digits.first == "0" && digits.dropFirst().first?.isASCIIDigit == true
      return NumberConvention.looksNumeric(t) && !padded
    }
  }
}
