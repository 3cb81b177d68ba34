import WijkCore
import WijkIO

/// A ward whose value of a column is missing, and why.
public struct MissingWardValue: Sendable, Codable, Equatable {
  /// The table column (an indicator's numerator or base).
  public var column: String
  /// The ward code, as the layer writes it.
  public var ward: String
  /// Why: the kind of the missing cell (for a sector table, of its first missing sector).
  public var kind: MissingKind
  /// In words: `confidential (C)` for a ward table, `confidential: sector 71999A002` for a
  /// ward summed from sectors.
  public var reason: String
  /// The sectors whose cell is missing (sector tables only).
  public var sectors: [String]
  /// For a summed count, the sum over the ward's other sectors: a lower bound of the unknown
  /// total, never its value.
  public var knownPart: Double?
}

/// What joining one indicator table onto the wards found: rows read and kept, wards without
/// data, keys without a ward, sectors without a ward, missing cells and values.
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
  /// Per column, the share of its total (over the rows kept) that reaches no ward: keys
  /// without a ward and sectors without a ward together.
  public var shareWithoutWard: [String: Double] = [:]
  /// Whether the number convention was detected (`false`: the configuration stated it).
  public var numberConventionDetected: Bool = true
  /// Every column of the file, for messages about unknown columns.
  public var columns: [String] = []
  /// Missing cells of the indicator columns in the rows kept, per column and kind (empty,
  /// confidential, small count, …), with their first lines.
  public var missingCells: [MissingCellCount] = []
  /// Wards whose value of an indicator column is missing, with the reason.
  public var missingWardValues: [MissingWardValue] = []
  /// Reader warnings (a guessed encoding, an odd line), as sentences.
  public var warnings: [String]
  /// The table and lookup read from a database, for the provenance (a database has no file
  /// to hash): connection without password, table or query, rows and their checksum; `nil`
  /// when both are files (and then absent from `results.json`).
  public var databaseInputs: [Provenance.InputFile]? = nil
}

/// Reads an indicator table, filters it, aggregates sectors to wards through the lookup when
/// there is one, and joins it onto the wards by code.
///
/// The columns an indicator uses are read numeric cell by cell (``CellPolicy``): a marker
/// such as `C` or `<5` is missing for its cell only, and counted; other text stops the run.
/// Counts are summed over sectors, and rates are computed later from the summed numerators
/// and bases (never summed). Keys that reach no ward are refused unless the table's
/// ``UnmatchedAllowance`` allows them.
public enum IndicatorTableJoiner {
  /// - Parameters:
  ///   - spec: the table's configuration.
  ///   - columns: the numeric columns wanted; those the table does not have are skipped.
  ///   - layer: the ward layer; `codeField` holds the ward codes.
  ///   - missingValues: the markers of every table (the standard list and the
  ///     configuration's `missing_values`); the table's own are added.
  /// - Returns: the wanted columns, one value per ward (missing stays `nil`), and a report.
  /// - Throws: `IOError` (unreadable file or cell, naming file, line and column),
  ///   `JoinError` (unmatched keys beyond `allow_unmatched`, duplicate keys).
  public static func join(
    _ spec: IndicatorTable, columns: [String], onto layer: Layer, codeField: String,
    missingValues: MissingValues = .standard
  ) throws -> (columns: [String: [Double?]], report: TableJoinReport) {
    let markers = missingValues.adding(spec.missingValues ?? [])
    let keyColumns = [spec.key] + (spec.filter?.keys.sorted() ?? [])
    var csvOptions = CSVOptions(
      numberConvention: spec.decimal.map { $0 == "comma" ? .decimalComma : .decimalPoint },
      encoding: spec.encoding.flatMap(TextEncoding.init(name:)), textColumns: Set(keyColumns),
      numericColumns: Set(columns).subtracting(keyColumns), missingValues: markers)
    if spec.padKeys != nil { csvOptions.paddedColumns = [spec.key] }
    let reading = try TableReader.read(spec.part.source(spec.file), options: csvOptions)
    let table = filtered(reading.table, by: spec.filter ?? [:])
    let wanted = columns.filter { table.columnIndex($0) != nil && !keyColumns.contains($0) }
    var report = TableJoinReport(
      file: spec.file, rowsRead: reading.table.rows.count, rowsKept: table.rows.count,
      numberConvention: reading.report.numberConvention?.summary, joinReport: "",
      wardsWithoutData: [], keysWithoutWard: [], sectorsWithoutWard: [],
      warnings: reading.report.warnings.map(\.description))
    report.missingCells = MissingCellCount.count(in: table, columns: wanted)
    if DataSourceName.isConnection(spec.file) {
      report.databaseInputs = [
        Provenance.input(database: spec.file, layer: spec.part.layer ?? "", table: reading.table)
      ]
    }
    let ward = try wardLevel(table, spec: spec, columns: wanted, markers: markers, report: &report)
    let options = KeyJoinOptions(
      normalisation: .codes, padding: spec.padKeys.map(KeyPadding.toWidth) ?? .none,
      unmatched: spec.allowUnmatched.allowsAny ? .warn : .error)
    let joined = try KeyJoin.join(
      ward.table, onto: layer, layerKeys: [codeField], tableKeys: [ward.key], options: options)
    report.joinReport = joined.report.description
      .replacingOccurrences(of: spec.file, with: Provenance.displayPath(spec.file))
      .replacingOccurrences(of: layer.source, with: Provenance.displayPath(layer.source))
    report.file = Provenance.displayPath(spec.file)
    report.wardsWithoutData = joined.report.unmatchedFeatures.map(\.key)
    report.keysWithoutWard = joined.report.unmatchedRows.map(\.key)
    report.valuesWithoutWard = totals(
      of: wanted, in: ward.table, key: ward.key, keys: report.keysWithoutWard)
    report.numberConventionDetected = reading.report.numberConventionDetected ?? true
    report.columns = reading.table.columns
    try checkAllowance(
      spec, table: table, columns: wanted, ward: ward, joined: joined.report, &report)
    let codes = layer.column(codeField)?.map { $0.text ?? "" } ?? []
    var out: [String: [Double?]] = [:]
    for name in wanted {
      let values = joined.column(name) ?? []
      out[name] = values.map(\.number)
      report.missingWardValues += missingWardValues(
        name, values, codes: codes, matched: joined.tableRowOfFeature, ward: ward)
    }
    return (out, report)
  }

  /// The table at ward level and its key column, with the sector aggregation's flags.
  struct WardLevel {
    var table: Table
    var key: String
    var flags: [MissingFlag] = []
    /// The rows of the sectors that the lookup places in no ward, keyed by `sectorKey`.
    var orphans: Table? = nil
    var sectorKey = ""
    /// The table's sectors of each ward key (normalised codes), through the lookup.
    var sectorsOfWard: [String: [String]] = [:]
  }

  /// Σ of each column over the rows whose key is in `keys` (what no ward receives); missing
  /// cells count as nothing, so this is a lower bound.
  static func totals(of columns: [String], in table: Table, key: String, keys: [String])
    -> [String: Double]
  {
    guard let k = table.columnIndex(key), !keys.isEmpty else { return [:] }
    let wanted = Set(keys.map(KeyNormalisation.codes.normalise))
    let rows = table.rows.filter {
      wanted.contains(KeyNormalisation.codes.normalise($0[k].text ?? ""))
    }
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

  /// The table at ward level: as it is, or aggregated from sectors through the lookup (read
  /// with the same markers; its codes stay text).
  static func wardLevel(
    _ table: Table, spec: IndicatorTable, columns: [String], markers: MissingValues,
    report: inout TableJoinReport
  ) throws -> WardLevel {
    guard let lookup = spec.lookup else { return WardLevel(table: table, key: spec.key) }
    let lookupTable = try TableReader.read(
      lookup.part.source(lookup.file),
      options: CSVOptions(textColumns: [lookup.sector, lookup.ward], missingValues: markers)
    ).table
    if DataSourceName.isConnection(lookup.file) {
      let input = Provenance.input(
        database: lookup.file, layer: lookup.part.layer ?? "", table: lookupTable)
      report.databaseInputs = (report.databaseInputs ?? []) + [input]
    }
    let aggregated = try SectorAggregation.aggregate(
      table, sectorColumn: spec.key, lookup: lookupTable, lookupSector: lookup.sector,
      lookupWard: lookup.ward, indicators: columns.map(AggregationSpec.count))
    report.sectorsWithoutWard = aggregated.sectorsWithoutWard.map(\.sector)
    report.lookupSectorsWithoutData = aggregated.lookupSectorsWithoutData
    if !report.sectorsWithoutWard.isEmpty && !spec.allowUnmatched.allowsAny {
      throw JoinError.sectorsWithoutWard(
        source: table.source, lookup: lookup.file, sectors: report.sectorsWithoutWard)
    }
    let orphanLines = Set(aggregated.sectorsWithoutWard.flatMap(\.lines))
    var orphans = table
    orphans.rows = table.rows.indices.filter { orphanLines.contains(table.lineNumbers[$0]) }
      .map { table.rows[$0] }
    var sectorsOfWard: [String: [String]] = [:]
    if let s = lookupTable.columnIndex(lookup.sector), let w = lookupTable.columnIndex(lookup.ward)
    {
      for row in lookupTable.rows {
        let ward = KeyNormalisation.codes.normalise(row[w].text ?? "")
        sectorsOfWard[ward, default: []].append(KeyNormalisation.codes.normalise(row[s].text ?? ""))
      }
    }
    return WardLevel(
      table: aggregated.wards.table(source: "\(table.source) (per ward)"), key: lookup.ward,
      flags: aggregated.wards.missingFlags, orphans: orphans, sectorKey: spec.key,
      sectorsOfWard: sectorsOfWard)
  }

  /// Σ of the numbers of column `name` (missing cells count as nothing).
  static func sum(_ name: String, in table: Table) -> Double {
    guard let i = table.columnIndex(name) else { return 0 }
    return table.rows.reduce(0) { $0 + ($1[i].number ?? 0) }
  }

  /// Refuses keys and sectors that reach no ward beyond the table's `allow_unmatched`, and
  /// records what share of each column's total they hold.
  static func checkAllowance(
    _ spec: IndicatorTable, table: Table, columns: [String], ward: WardLevel,
    joined: JoinReport, _ report: inout TableJoinReport
  ) throws {
    let allowance = spec.allowUnmatched
    // A ward key is allowed when listed, or when every sector the lookup puts in it is.
    let unlistedKeys = report.keysWithoutWard.filter { key in
      let sectors = ward.sectorsOfWard[KeyNormalisation.codes.normalise(key)] ?? []
      return !allowance.names(key) && (sectors.isEmpty || !sectors.allSatisfy(allowance.names))
    }
    let unlistedSectors = report.sectorsWithoutWard.filter { !allowance.names($0) }
    let inSectors = { (keys: [String]) -> [String: Double] in
      guard let orphans = ward.orphans else { return [:] }
      return totals(of: columns, in: orphans, key: ward.sectorKey, keys: keys)
    }
    let lostAll = inSectors(report.sectorsWithoutWard)
    let lostUnlistedSectors = inSectors(unlistedSectors)
    let lostUnlistedKeys = totals(of: columns, in: ward.table, key: ward.key, keys: unlistedKeys)
    var lostUnlisted: [String: Double] = [:]
    for c in columns {
      let total = sum(c, in: table)
      guard total != 0 else { continue }
      let lost = (report.valuesWithoutWard[c] ?? 0) + (lostAll[c] ?? 0)
      if lost != 0 { report.shareWithoutWard[c] = lost / total }
      lostUnlisted[c] = ((lostUnlistedKeys[c] ?? 0) + (lostUnlistedSectors[c] ?? 0)) / total
    }
    let unlisted = unlistedKeys + unlistedSectors
    guard !unlisted.isEmpty else { return }
    guard let maxShare = allowance.maxShare else {
      if !unlistedSectors.isEmpty, let lookup = spec.lookup {
        throw JoinError.sectorsWithoutWard(
          source: report.file, lookup: lookup.file, sectors: unlistedSectors)
      }
      throw JoinError.unmatchedKeys(joined)
    }
    let over = lostUnlisted.filter { $0.value > maxShare }.sorted { $0.key < $1.key }
    if !over.isEmpty {
      throw JoinError.unmatchedBeyondAllowance(
        source: report.file, keys: unlisted,
        lost: over.map { "\(percent($0.value)) of \($0.key)" }.joined(separator: ", "),
        allowed: "max_share \(maxShare)"
          + (allowance.codes.isEmpty ? "" : ", codes " + allowance.codes.joined(separator: ", ")))
    }
  }

  /// `12.3 %`.
  static func percent(_ share: Double) -> String {
    let p = (share * 1000).rounded() / 10
    return "\(p) %"
  }

  /// The wards of the layer (matched by a row) whose value of `column` is missing.
  static func missingWardValues(
    _ column: String, _ values: [AttributeValue], codes: [String], matched: [Int?],
    ward: WardLevel
  ) -> [MissingWardValue] {
    values.indices.compactMap { f in
      guard case .missing(let reason) = values[f], let row = matched[f] else { return nil }
      let code = codes.indices.contains(f) ? codes[f] : ""
      let key = ward.table.columnIndex(ward.key).flatMap { ward.table.rows[row][$0].text } ?? code
      if let flag = ward.flags.first(where: { $0.indicator == column && $0.key.first == key }) {
        let first = MissingValues.kind(ofReason: flag.unitReasons.first ?? nil)?.kind
        return MissingWardValue(
          column: column, ward: code, kind: first ?? .notAvailable,
          reason: reason ?? "no value", sectors: flag.missingUnits, knownPart: flag.knownPart)
      }
      let kind = MissingValues.kind(ofReason: reason)?.kind ?? .notAvailable
      return MissingWardValue(
        column: column, ward: code, kind: kind,
        reason: (reason ?? kind.rawValue) + ", line \(ward.table.lineNumbers[row])", sectors: [],
        knownPart: nil)
    }
  }
}
