import WijkCore

/// A sector that the lookup does not place in any ward.
public struct SectorWithoutWard: Hashable, Sendable {
  /// The sector code, after the aggregation's ``KeyNormalisation``.
  public var sector: String
  /// 1-based lines of the data table holding it.
  public var lines: [Int]
}

/// Per-ward indicators and what could not be placed.
public struct SectorAggregationResult: Sendable {
  /// One row per ward (and per value of the extra grouping columns).
  public var wards: AggregatedTable
  /// Data rows whose sector is not in the lookup; they are left out of every ward.
  public var sectorsWithoutWard: [SectorWithoutWard]
  /// Lookup sectors that have no data row (informative: a ward may then be incomplete).
  public var lookupSectorsWithoutData: [String]
}

/// Aggregates a per-sector table to wards through a sector → ward lookup.
///
/// Counts are summed; rates and means are recomputed from their summed numerators and bases
/// (see ``AggregationKind``). A ward with a missing sector value (an empty cell, Statbel's `C`)
/// gets a missing value for that indicator, whose reason names the kind and the sectors
/// (`confidential: sector 71999A002`), unless ``MissingPolicy/sumKnown`` is chosen; either way
/// it is listed in ``AggregatedTable/missingFlags`` with the known part (a lower bound). A
/// sector listed twice in the table (within one `groupBy` group) is an error naming its lines,
/// never summed twice. This is the "ward = union of its sectors" derivation the
/// Provincies in Cijfers portal uses for its ward figures.
public enum SectorAggregation {
  /// - Parameters:
  ///   - table: the per-sector data (e.g. Fluvius energy per statistical sector and year).
  ///   - sectorColumn: the table's sector-code column (e.g. `geoitem`).
  ///   - lookup: the sector → ward table; each sector at most once.
  ///   - lookupSector: its sector column (e.g. `statsec2024`).
  ///   - lookupWard: its ward column (e.g. `ggw72024`); the output key is named after it.
  ///   - groupBy: further table columns splitting each ward (e.g. `period`).
  ///   - indicators: what to compute.
  ///   - missing: see ``MissingPolicy``.
  ///   - normalisation: applied to sector codes on both sides (default: trim and NFC).
  /// - Throws: ``JoinError/missingColumn(_:source:)``,
  ///   ``JoinError/duplicateTableKeys(source:column:lines:hint:)`` when the lookup or the table
  ///   lists a sector twice, ``JoinError/notANumber(source:line:column:value:)`` for a text cell
  ///   in an aggregated column.
  public static func aggregate(
    _ table: Table, sectorColumn: String, lookup: Table, lookupSector: String,
    lookupWard: String, groupBy: [String] = [], indicators: [AggregationSpec],
    missing: MissingPolicy = .propagate, normalisation: KeyNormalisation = .codes
  ) throws(JoinError) -> SectorAggregationResult {
    let wardOfSector = try lookupMap(
      lookup, sector: lookupSector, ward: lookupWard,
      normalisation: normalisation)
    let sectorIndex = try index(of: sectorColumn, in: table)
    let groupIndices = try groupBy.map { (c) throws(JoinError) -> Int in
      try index(of: c, in: table)
    }
    let sectorKeys = table.rows.map { row in
      KeyJoin.compose(
        ([row[sectorIndex]] + groupIndices.map { row[$0] }).map {
          $0.text.map(normalisation.normalise)
        })
    }
    // A sector twice (in one group) would be summed into its ward twice without a word.
    _ = try KeyJoin.uniqueIndex(
      sectorKeys, positions: table.lineNumbers, source: table.source,
      column: ([sectorColumn] + groupBy).joined(separator: "+"),
      table: (table, [sectorIndex] + groupIndices))
    var members: [[String]: [(row: Int, unit: String)]] = [:]
    var orphans: [String: [Int]] = [:]
    var seenSectors: Set<String> = []
    for (r, row) in table.rows.enumerated() {
      let sector = normalisation.normalise(row[sectorIndex].text ?? "")
      seenSectors.insert(sector)
      guard let ward = wardOfSector[sector] else {
        orphans[sector, default: []].append(table.lineNumbers[r])
        continue
      }
      let key = [ward] + groupIndices.map { row[$0].text ?? "" }
      members[key, default: []].append((r, sector))
    }
    let merged = try AggregationMerger(
      table: table, indicators: indicators, missing: missing, unitName: "sector"
    ).merge(keyColumns: [lookupWard] + groupBy, members: members)
    return SectorAggregationResult(
      wards: merged,
      sectorsWithoutWard: orphans.keys.sorted { $0.precedesByCodePoints($1) }.map {
        SectorWithoutWard(sector: $0, lines: orphans[$0]!)
      },
      lookupSectorsWithoutData: wardOfSector.keys.filter { !seenSectors.contains($0) }
        .sorted { $0.precedesByCodePoints($1) })
  }

  private static func index(of column: String, in table: Table) throws(JoinError) -> Int {
    guard let i = table.columnIndex(column) else {
      throw .missingColumn(column, source: table.source)
    }
    return i
  }

  /// Normalised sector → ward code (as written); throws on a sector listed twice.
  static func lookupMap(
    _ lookup: Table, sector: String, ward: String, normalisation: KeyNormalisation
  ) throws(JoinError) -> [String: String] {
    let s = try index(of: sector, in: lookup)
    let w = try index(of: ward, in: lookup)
    let keys = lookup.rows.map { $0[s].text.map(normalisation.normalise) }
    _ = try KeyJoin.uniqueIndex(
      keys, positions: lookup.lineNumbers, source: lookup.source, column: sector,
      table: (lookup, [s]), hints: false)
    var map: [String: String] = [:]
    for (k, row) in zip(keys, lookup.rows) {
      if let k, let code = row[w].text { map[k] = code }
    }
    return map
  }
}
