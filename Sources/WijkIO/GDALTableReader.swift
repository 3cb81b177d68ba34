import CGDAL
import Foundation
import WijkCore

/// Reads a table through GDAL/OGR (workbooks, GeoPackage/SQLite/DBF attribute tables, a
/// database table or query) into the same `Table` as ``CSVReader``, through the same typing
/// and ``CellPolicy``.
///
/// Workbooks (`.xlsx`, `.ods`) are opened with every cell as text and no header guessing
/// (GDAL's `FIELD_TYPES=STRING` and `HEADERS=DISABLE`, as open options and as the
/// `OGR_XLSX_*`/`OGR_ODS_*` configuration options GDAL 3.6 reads), so that a code stored as
/// text keeps its zeros; GDAL gives a number cell as its stored value (`12.5`, whatever the
/// locale that displayed it) and a formula cell as its result (`#VALUE!` for an error, which
/// a numeric column refuses). Rows keep their spreadsheet numbers. Attribute tables keep
/// their integer and real fields as numbers; text fields go through the typer like CSV cells.
enum GDALTableReader {
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)``,
  ///   ``IOError/noSuchLayer(path:layer:available:)``,
  ///   ``IOError/tableChoiceNeeded(path:part:available:)``, ``IOError/badQuery(path:sql:message:)``,
  ///   ``IOError/emptyTable(path:)``, ``IOError/unnamedColumn(path:row:column:)``,
  ///   ``IOError/codeLostZeros(path:line:column:text:width:example:)``
  ///   and the cell errors of ``CSVReader``.
  static func read(_ source: TableSource, options: CSVOptions) throws(IOError) -> TableReading {
    let workbook: String? = if case .workbook(let d) = source.format { d } else { nil }
    let settings = ConfigurationScope(workbook.map(workbookSettings) ?? [])
    let dataset = try open(source, workbook: workbook, encoding: options.encoding)
    let query = try LayerQuery.sql(in: source.layer).map { (sql: String) throws(IOError) in
      try OGRResultSet(dataset, sql: sql, path: source.path)
    }
    defer { withExtendedLifetime((settings, dataset, query)) {} }  // layers are borrowed
    let layer: OGRLayerH
    if let query {
      layer = query.layer
    } else {
      layer = try chosen(dataset, source, workbook: workbook)
    }
    var named = source
    named.layer = query == nil ? String(cString: OGR_L_GetName(layer)) : source.layer
    let name = named.description
    let convention = options.numberConvention ?? .decimalPoint
    var report = ReadReport(encoding: .utf8)
    report.driver = dataset.driverName
    report.sheet = named.layer
    if options.numberConvention != nil {
      report.numberConvention = convention
      report.numberConventionDetected = false
    }
    let table =
      workbook == nil
      ? try attributes(layer, name: name, options: options, convention: convention)
      : try sheet(layer, source, name: name, options: options, convention: convention)
    if workbook != nil && !options.allText { try CodeWidths.check(table, options: options) }
    return TableReading(table: table, report: report)
  }

  /// The layers of a workbook or data source with their row counts (see
  /// ``TableReader/sheets(of:)``).
  static func sheets(_ source: TableSource) throws(IOError) -> [TableSheet] {
    let workbook: String? = if case .workbook(let d) = source.format { d } else { nil }
    let settings = ConfigurationScope(workbook.map(workbookSettings) ?? [])
    let dataset = try open(source, workbook: workbook, encoding: nil)
    return withExtendedLifetime((settings, dataset)) {
      let infos = dataset.layers.map(LayerInfo.init)
      let ordered = workbook != nil ? infos : infos.filter { !$0.hasGeometry } + infos.filter(\.hasGeometry)
      return ordered.map { TableSheet(name: $0.name, rows: $0.featureCount) }
    }
  }

  /// Opens the source read-only; a DBF with a forced encoding is recoded from it by GDAL.
  private static func open(_ source: TableSource, workbook: String?, encoding: TextEncoding?)
    throws(IOError) -> GDALDatasetHandle
  {
    let path = source.path
    guard DataSourceName.isConnection(path) || FileManager.default.fileExists(atPath: path)
    else { throw .fileNotFound(path: path) }
    GDALSession.begin()
    var pairs = workbook.map { _ in [("FIELD_TYPES", "STRING"), ("HEADERS", "DISABLE")] } ?? []
    // GDAL's PostgreSQL driver lists only tables with geometry unless asked.
    if path.uppercased().hasPrefix("PG:") { pairs.append(("LIST_ALL_TABLES", "YES")) }
    if let encoding, ["dbf", "shp"].contains((path as NSString).pathExtension.lowercased()) {
      pairs.append(("ENCODING", encoding == .windows1252 ? "CP1252" : encoding.rawValue))
    }
    let options = CStringList(pairs)
    // Only the workbook's own driver, so that a damaged .xlsx is not read as a zip of CSVs.
    let allowed = CStringList(strings: workbook.map { [$0] } ?? [])
    // NULL on failure; GDAL_OF_VERBOSE_ERROR leaves the reason in the last-error slot.
    guard
      let h = GDALOpenEx(
        path, GDALSession.readFlags, allowed.constPointer, options.constPointer, nil)
    else { throw .cannotOpen(path: path, message: GDALSession.lastErrorMessage()) }
    return GDALDatasetHandle(h)
  }

  /// GDAL 3.6 reads the workbook switches as configuration options (later versions also as
  /// open options, passed too).
  private static func workbookSettings(_ driver: String) -> [(String, String)] {
    [("OGR_\(driver)_FIELD_TYPES", "STRING"), ("OGR_\(driver)_HEADERS", "DISABLE")]
  }

  /// The layer `source.layer` names: a sheet by name or number, a table by name; without a
  /// name, a workbook's first sheet, or a data source's only table (its only layer, else its
  /// only layer without geometry).
  private static func chosen(
    _ dataset: GDALDatasetHandle, _ source: TableSource, workbook: String?
  ) throws(IOError) -> OGRLayerH {
    let layers = dataset.layers
    let names = layers.map { String(cString: OGR_L_GetName($0)) }
    guard !layers.isEmpty else { throw .emptyTable(path: source.path) }
    if let wanted = source.layer {
      if let i = names.firstIndex(of: wanted)
        ?? names.firstIndex(where: { $0.lowercased() == wanted.lowercased() })
      {
        return layers[i]
      }
      if workbook != nil, let n = Int(wanted), n >= 1, n <= layers.count { return layers[n - 1] }
      // A database finds a table (or view, `schema.table`) by name that it does not list.
      if workbook == nil, let h = dataset.handle, let layer = GDALDatasetGetLayerByName(h, wanted) {
        return layer
      }
      throw .noSuchLayer(path: source.path, layer: wanted, available: names)
    }
    if workbook != nil || layers.count == 1 { return layers[0] }
    let tables = layers.filter { OGR_GT_Flatten(OGR_L_GetGeomType($0)) == wkbNone }
    if tables.count == 1 { return tables[0] }
    throw .tableChoiceNeeded(path: source.path, part: source.part, available: names)
  }

  /// A sheet read as text: the header row's cells name the columns, the rows below it (after
  /// `skipRows`) are the data; blank rows are left out, as blank lines of a CSV.
  private static func sheet(
    _ layer: OGRLayerH, _ source: TableSource, name: String, options: CSVOptions,
    convention: NumberConvention
  ) throws(IOError) -> Table {
    let headerRow = source.headerRow ?? 1
    let firstData = headerRow + 1 + (source.skipRows ?? 0)
    var header: [String]?
    var cells: [[String]] = []
    var lines: [Int] = []
    let count = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer))
    OGR_L_ResetReading(layer)
    // OGR_L_GetNextFeature hands over ownership; the wrapper destroys it.
    while let next = OGR_L_GetNextFeature(layer) {
      let feature = OGRFeatureHandle(next)
      // With HEADERS=DISABLE the feature id is the spreadsheet row.
      let row = Int(OGR_F_GetFID(feature.handle))
      let values = (0..<count).map { text(feature.handle, $0) }
      if row == headerRow { header = values.map { $0.trimmingCharacters(in: .whitespaces) } }
      guard row >= firstData, values.contains(where: { !$0.isEmpty }) else { continue }
      cells.append(values)
      lines.append(row)
    }
    guard var columns = header, columns.contains(where: { !$0.isEmpty }) else {
      throw .emptyTable(path: name)
    }
    // Columns without a name and without a value are formatting, not data.
    let kept = columns.indices.filter { c in
      !columns[c].isEmpty || cells.contains { !$0[c].isEmpty }
    }
    if let unnamed = kept.first(where: { columns[$0].isEmpty }) {
      throw .unnamedColumn(path: name, row: headerRow, column: columnLetters(unnamed))
    }
    columns = kept.map { columns[$0] }
    return try CSVReader.typed(
      columns: columns, cells: cells.map { row in kept.map { row[$0] } }, lines: lines,
      path: name, options: options, convention: convention)
  }

  /// The spreadsheet letters of a 0-based column index: A … Z, AA, AB, ….
  static func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var out = ""
    while n > 0 {
      let r = (n - 1) % 26
      out = String(UnicodeScalar(UInt8(65 + r))) + out
      n = (n - 1) / 26
    }
    return out
  }

  /// An attribute table: field names are the columns, rows are numbered from 1 in read
  /// order; integer and real fields stay numbers unless the column is declared text.
  private static func attributes(
    _ layer: OGRLayerH, name: String, options: CSVOptions, convention: NumberConvention
  ) throws(IOError) -> Table {
    let definition = OGR_L_GetLayerDefn(layer)
    let count = OGR_FD_GetFieldCount(definition)
    var columns: [String] = []
    var numeric: [Bool] = []
    for i in 0..<count {
      let field = OGR_FD_GetFieldDefn(definition, i)
      let column = String(cString: OGR_Fld_GetNameRef(field))
      columns.append(column)
      let type = OGR_Fld_GetType(field)
      numeric.append(
        [OFTInteger, OFTInteger64, OFTReal].contains(type) && !options.isText(column))
    }
    var cells: [[String]] = []
    var kept = [Int: [AttributeValue]]()
    for c in numeric.indices where numeric[c] { kept[c] = [] }
    OGR_L_ResetReading(layer)
    while let next = OGR_L_GetNextFeature(layer) {
      let feature = OGRFeatureHandle(next)
      cells.append((0..<count).map { numeric[Int($0)] ? "" : text(feature.handle, $0) })
      for c in 0..<count where numeric[Int(c)] {
        kept[Int(c), default: []].append(number(feature.handle, c))
      }
    }
    return try CSVReader.typed(
      columns: columns, cells: cells, lines: Array(stride(from: 1, through: cells.count, by: 1)),
      path: name, options: options, convention: convention, keep: kept)
  }

  /// A field as text: empty when unset or null; a real without a fraction without `.0`.
  private static func text(_ f: OGRFeatureH, _ i: Int32) -> String {
    guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return "" }
    let definition = OGR_F_GetFieldDefnRef(f, i)
    if OGR_Fld_GetType(definition) == OFTReal { return OGR_F_GetFieldAsDouble(f, i).shortText }
    return String(cString: OGR_F_GetFieldAsString(f, i)).precomposedStringWithCanonicalMapping
  }

  /// A numeric field as a value; null is missing.
  private static func number(_ f: OGRFeatureH, _ i: Int32) -> AttributeValue {
    guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .missing }
    if OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, i)) == OFTReal {
      let d = OGR_F_GetFieldAsDouble(f, i)
      return d.isNaN ? .missing(reason: "not available (NaN)") : .real(d)
    }
    return .integer(OGR_F_GetFieldAsInteger64(f, i))
  }
}

/// Thread-local GDAL configuration options set for a scope: set in `init`, the previous
/// values restored in `deinit` (GDAL reads a workbook's options while its rows are read, not
/// only when it is opened).
final class ConfigurationScope {
  private var previous: [(String, String?)] = []

  init(_ pairs: [(String, String)]) {
    for (key, value) in pairs {
      // The returned string is GDAL's; copy it before it is replaced.
      previous.append((key, CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }))
      CPLSetThreadLocalConfigOption(key, value)
    }
  }

  deinit { for (key, value) in previous.reversed() { CPLSetThreadLocalConfigOption(key, value) } }
}
