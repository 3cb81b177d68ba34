import WijkCore
import WijkIO

/// What joining one indicator table onto the wards found: rows read and kept, wards without
/// data, keys without a ward, sectors without a ward.
public struct TableJoinReport: Sendable, Codable, Equatable {
  /// The table's path, as configured.
  public var file: String
  /// Data rows in the file, before the configuration's `filter`.
  public var rowsRead: Int
  /// Rows left after the configuration's `filter`.
  public var rowsKept: Int
  /// "decimal comma (Belgian Excel)" or similar, as the reader detected it.
  public var numberConvention: String?
  /// The join report's sentences (matched, unmatched on both sides, hints).
  public var joinReport: String
  /// Codes of wards the table has no data for: missing in its columns, never 0.
  public var wardsWithoutData: [String]
  /// Keys (ward codes, after the lookup) that are not wards of the layer.
  public var keysWithoutWard: [String]
  /// Sector codes of the table that the lookup does not place in any ward.
  public var sectorsWithoutWard: [String]
  /// Sectors of the lookup without a row in the table: their wards may be incomplete.
  public var lookupSectorsWithoutData: [String] = []
  /// Per column, the total of the rows whose key is not a ward of the layer (e.g. a
  /// location-unknown sector): left out of every ward and of the city totals.
  public var valuesWithoutWard: [String: Double] = [:]
  /// Whether the number convention was detected (`false`: the configuration stated it).
  public var numberConventionDetected: Bool = true
  /// Every column of the file, for messages about unknown columns.
  public var columns: [String] = []
  /// Reader warnings (a guessed encoding, an odd line), as sentences.
  public var warnings: [String]
}

/// Reads an indicator table, filters it, aggregates sectors to wards through the lookup when
/// there is one, and joins it onto the wards by code.
///
/// Only the numeric columns an indicator uses are taken; counts are summed over sectors,
/// and rates are computed later from the summed numerators and bases (never summed).
public enum IndicatorTableJoiner {
  /// - Parameters:
  ///   - spec: the table's configuration.
  ///   - columns: the numeric columns wanted; those the table does not have are skipped.
  ///   - layer: the ward layer; `codeField` holds the ward codes.
  /// - Returns: the wanted columns, one value per ward (missing stays `nil`), and a report.
  /// - Throws: `IOError` (unreadable file or cell, naming file, line and column),
  ///   `JoinError` (unmatched keys unless `allow_unmatched`, duplicate keys).
  public static func join(
    _ spec: IndicatorTable, columns: [String], onto layer: Layer, codeField: String
  ) throws -> (columns: [String: [Double?]], report: TableJoinReport) {
    let keyColumns = [spec.key] + (spec.filter?.keys.sorted() ?? [])
    let csvOptions = CSVOptions(
      numberConvention: spec.decimal.map { $0 == "comma" ? .decimalComma : .decimalPoint },
      encoding: spec.encoding.flatMap(TextEncoding.init(name:)), textColumns: Set(keyColumns))
    let reading = try CSVReader.read(path: spec.file, options: csvOptions)
    let table = filtered(reading.table, by: spec.filter ?? [:])
    let wanted = columns.filter { table.columnIndex($0) != nil }
    var report = TableJoinReport(
      file: spec.file, rowsRead: reading.table.rows.count, rowsKept: table.rows.count,
      numberConvention: reading.report.numberConvention?.summary, joinReport: "",
      wardsWithoutData: [], keysWithoutWard: [], sectorsWithoutWard: [],
      warnings: reading.report.warnings.map(\.description))
    let (wardTable, wardKey) = try wardLevel(table, spec: spec, columns: wanted, report: &report)
    let options = KeyJoinOptions(
      normalisation: .codes, padding: spec.padKeys.map(KeyPadding.toWidth) ?? .none,
      unmatched: spec.allowUnmatched ? .warn : .error)
    let joined = try KeyJoin.join(
      wardTable, onto: layer, layerKeys: [codeField], tableKeys: [wardKey], options: options)
    report.joinReport = joined.report.description
      .replacingOccurrences(of: spec.file, with: Provenance.displayPath(spec.file))
      .replacingOccurrences(of: layer.source, with: Provenance.displayPath(layer.source))
    report.file = Provenance.displayPath(spec.file)
    report.wardsWithoutData = joined.report.unmatchedFeatures.map(\.key)
    report.keysWithoutWard = joined.report.unmatchedRows.map(\.key)
    report.valuesWithoutWard = totals(of: wanted, in: wardTable, key: wardKey, keys: report.keysWithoutWard)
    report.numberConventionDetected = reading.report.numberConventionDetected ?? true
    report.columns = reading.table.columns
    var out: [String: [Double?]] = [:]
    for name in wanted { out[name] = joined.column(name)?.map(\.number) }
    return (out, report)
  }

  /// Σ of each column over the rows whose key is in `keys` (what no ward receives).
  static func totals(of columns: [String], in table: Table, key: String, keys: [String])
    -> [String: Double]
  {
    guard let k = table.columnIndex(key), !keys.isEmpty else { return [:] }
    let rows = table.rows.filter { keys.contains($0[k].text ?? "") }
    var out: [String: Double] = [:]
    for c in columns {
      guard let i = table.columnIndex(c) else { continue }
      out[c] = rows.reduce(0) { $0 + ($1[i].number ?? 0) }
    }
    return out
  }

  /// Rows whose `column` text equals the value, for every filter entry.
  static func filtered(_ table: Table, by filter: [String: String]) -> Table {
    guard !filter.isEmpty else { return table }
    let tests = filter.compactMap { key, value in table.columnIndex(key).map { ($0, value) } }
    var out = table
    let keep = table.rows.indices.filter { r in
      tests.allSatisfy { table.rows[r][$0.0].text == $0.1 }
    }
    out.rows = keep.map { table.rows[$0] }
    out.lineNumbers = keep.map { table.lineNumbers[$0] }
    return out
  }

  /// The table at ward level: as it is, or aggregated from sectors through the lookup.
  static func wardLevel(
    _ table: Table, spec: IndicatorTable, columns: [String], report: inout TableJoinReport
  ) throws -> (Table, key: String) {
    guard let lookup = spec.lookup else { return (table, spec.key) }
    let lookupTable = try CSVReader.read(
      path: lookup.file, options: CSVOptions(textColumns: [lookup.sector, lookup.ward])
    ).table
    let aggregated = try SectorAggregation.aggregate(
      table, sectorColumn: spec.key, lookup: lookupTable, lookupSector: lookup.sector,
      lookupWard: lookup.ward, indicators: columns.map(AggregationSpec.count))
    report.sectorsWithoutWard = aggregated.sectorsWithoutWard.map(\.sector)
    report.lookupSectorsWithoutData = aggregated.lookupSectorsWithoutData
    if !report.sectorsWithoutWard.isEmpty && !spec.allowUnmatched {
      throw JoinError.sectorsWithoutWard(
        source: table.source, lookup: lookup.file, sectors: report.sectorsWithoutWard)
    }
    return (aggregated.wards.table(source: "\(table.source) (per ward)"), lookup.ward)
  }
}
