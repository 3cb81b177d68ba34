import WijkCore
import WijkIO

/// What joining one indicator table onto the wards found: rows read and kept, wards without
/// data, keys without a ward, sectors without a ward.
public struct TableJoinReport: Sendable, Codable, Equatable {
  public var file: String
  public var rowsRead: Int
  /// Rows left after the configuration's `filter`.
  public var rowsKept: Int
  /// "decimal comma (Belgian Excel)" or similar, as the reader detected it.
  public var numberConvention: String?
  /// The join report's sentences (matched, unmatched on both sides, hints).
  public var joinReport: String
  public var wardsWithoutData: [String]
  /// Keys (ward codes, after the lookup) that are not wards of the layer.
  public var keysWithoutWard: [String]
  /// Sector codes of the table that the lookup does not place in any ward.
  public var sectorsWithoutWard: [String]
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
    let reading = try CSVReader.read(
      path: spec.file, options: CSVOptions(textColumns: Set(keyColumns)))
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
    report.wardsWithoutData = joined.report.unmatchedFeatures.map(\.key)
    report.keysWithoutWard = joined.report.unmatchedRows.map(\.key)
    var out: [String: [Double?]] = [:]
    for name in wanted { out[name] = joined.column(name)?.map(\.number) }
    return (out, report)
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
    if !report.sectorsWithoutWard.isEmpty && !spec.allowUnmatched {
      throw JoinError.sectorsWithoutWard(
        source: table.source, lookup: lookup.file, sectors: report.sectorsWithoutWard)
    }
    return (aggregated.wards.table(source: "\(table.source) (per ward)"), lookup.ward)
  }
}
