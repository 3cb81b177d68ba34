import WijkCore

/// A named set of wards (e.g. the impulse wards a city designates), by ward code.
public struct WardGroup: Hashable, Sendable {
  public var name: String
  public var codes: [String]
  public init(name: String, codes: [String]) {
    self.name = name
    self.codes = codes
  }
}

/// Group-level indicators: for each group, its wards together and the rest of the city.
public enum WardGroups {
  /// The label of the group's own part in the output key.
  public static let groupPart = "group"
  /// The label of the complement (every other ward of the table) in the output key.
  public static let restPart = "rest of city"

  /// Summarises ward rows per group and per complement.
  ///
  /// Counts are summed and rates and means recomputed (see ``IndicatorKind``), exactly as for
  /// sectors → wards. Output keys are `[group name, part, by…]` with part ``groupPart`` or
  /// ``restPart``.
  ///
  /// - Parameters:
  ///   - table: one row per ward (and per value of `by`, e.g. per year).
  ///   - wardColumn: the ward-code column.
  ///   - groups: the groups; codes are normalised with `normalisation` before comparing.
  ///   - by: further columns splitting each summary (e.g. `period`).
  /// - Throws: ``JoinError/unknownWardCodes(group:codes:)`` naming codes that are not in the
  ///   table; ``JoinError/missingColumn(_:source:)``;
  ///   ``JoinError/notANumber(source:line:column:value:)``.
  public static func summarise(
    _ table: Table, wardColumn: String, groups: [WardGroup], by: [String] = [],
    indicators: [IndicatorSpec], missing: MissingPolicy = .propagate,
    normalisation: KeyNormalisation = .codes
  ) throws(JoinError) -> AggregatedTable {
    guard let w = table.columnIndex(wardColumn) else {
      throw .missingColumn(wardColumn, source: table.source)
    }
    var byIndex: [Int] = []
    for c in by {
      guard let i = table.columnIndex(c) else { throw .missingColumn(c, source: table.source) }
      byIndex.append(i)
    }
    let wardOfRow = table.rows.map { normalisation.normalise($0[w].text ?? "") }
    let known = Set(wardOfRow)
    var members: [[String]: [(row: Int, unit: String)]] = [:]
    for group in groups {
      let codes = Set(group.codes.map(normalisation.normalise))
      let unknown = group.codes.filter { !known.contains(normalisation.normalise($0)) }
      if !unknown.isEmpty { throw .unknownWardCodes(group: group.name, codes: unknown) }
      for (r, ward) in wardOfRow.enumerated() {
        let part = codes.contains(ward) ? groupPart : restPart
        let key = [group.name, part] + byIndex.map { table.rows[r][$0].text ?? "" }
        members[key, default: []].append((r, ward))
      }
    }
    return try IndicatorMerger(table: table, indicators: indicators, missing: missing)
      .merge(keyColumns: ["group", "part"] + by, members: members)
  }
}
