/// The one entry point for reading a table, whatever its format (``TableSource``): delimited
/// text by ``CSVReader`` as it always was, a zipped text through GDAL's `/vsizip/` and then
/// ``CSVReader``, workbooks and attribute tables through GDAL/OGR. Every format ends in the
/// same `Table` and goes through the same column typing and ``CellPolicy``: a numeric column's
/// cell is a number, a missing-value marker (Statbel's `C` included) or an error naming the
/// source, line or row, column and the cell as written.
public enum TableReader {
  /// - Parameters:
  ///   - source: the file or connection, and its sheet, table or member.
  ///   - options: text and numeric columns and the missing-value markers (every format);
  ///     separator and encoding (text; the encoding also for a DBF); the number convention
  ///     (text; for workbooks and attribute tables it applies only to numbers written as
  ///     text, and is the decimal point unless given).
  /// - Returns: the table (its `source` names the sheet or table: `wijken.xlsx, sheet
  ///   Cijfers`; `lineNumbers` are physical lines of text, spreadsheet rows of a sheet, and
  ///   row numbers from 1 of an attribute table) and how it was read (`driver` for GDAL).
  /// - Throws: as ``CSVReader/read(path:options:)`` for text; for the other formats
  ///   ``IOError/cannotOpen(path:message:)``, ``IOError/noSuchLayer(path:layer:available:)``,
  ///   ``IOError/tableChoiceNeeded(path:part:available:)``,
  ///   ``IOError/codeLostZeros(path:line:column:text:width:example:)`` and the same cell
  ///   errors; ``IOError/optionNotApplicable(path:option:)`` for a sheet option given for a
  ///   format without sheets.
  public static func read(_ source: TableSource, options: CSVOptions = CSVOptions())
    throws(IOError) -> TableReading
  {
    let workbook: Bool = if case .workbook = source.format { true } else { false }
    if !workbook {
      if source.headerRow != nil { throw .optionNotApplicable(path: source.path, option: "header_row") }
      if source.skipRows != nil { throw .optionNotApplicable(path: source.path, option: "skip_rows") }
    }
    switch source.format {
    case .text:
      if source.layer != nil { throw .optionNotApplicable(path: source.path, option: "sheet") }
      return try CSVReader.read(path: source.path, options: options)
    case .zippedText:
      let member = try ZippedText.read(archive: source.path, member: source.layer)
      var reading = try CSVReader.read(bytes: member.bytes, path: member.name, options: options)
      reading.report.sheet = String(member.name.dropFirst(source.path.count + 1))
      return reading
    case .workbook, .attributes:
      return try GDALTableReader.read(source, options: options)
    }
  }

  /// The sheets of a workbook, the tables of a GeoPackage, DBF or database (those without
  /// geometry first; a database lists all its tables), or the members of a zip archive, in
  /// their order; `[]` for delimited text (one table).
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)``.
  public static func sheets(of path: String) throws(IOError) -> [TableSheet] {
    let source = TableSource(path)
    switch source.format {
    case .text: return []
    case .zippedText:
      return try ZippedText.members(of: path).map { TableSheet(name: $0, rows: nil) }
    case .workbook, .attributes: return try GDALTableReader.sheets(source)
    }
  }

  /// Reads the table at `path` (its only or first sheet or table).
  /// - Throws: as ``read(_:options:)``.
  public static func read(path: String, options: CSVOptions = CSVOptions()) throws(IOError)
    -> TableReading
  {
    try read(TableSource(path), options: options)
  }
}
