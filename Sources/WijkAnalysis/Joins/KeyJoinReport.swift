import WijkCore

extension KeyJoin {
  /// Builds the report: unmatched keys on both sides with their closest candidates on the
  /// other side, and the table keys that match a layer key once leading zeros are dropped.
  static func makeReport(
    layer: Layer, table: Table, layerKeys: [String?], tableKeys: [String?],
    layerRaw: [[String?]], tableRaw: [[String?]], rowOfFeature: [Int?]
  ) -> JoinReport {
    let shown = { (parts: [String?]) in parts.map { $0 ?? "" }.joined(separator: "+") }
    let matchedRows = Set(rowOfFeature.compactMap { $0 })
    let allLayer = layerRaw.map(shown)
    let allTable = tableRaw.map(shown)
    var unmatchedFeatures: [UnmatchedKey] = []
    for (f, row) in rowOfFeature.enumerated() where row == nil {
      unmatchedFeatures.append(
        UnmatchedKey(
          key: allLayer[f], position: layer.features[f].index,
          closest: closestKeys(to: allLayer[f], among: allTable)))
    }
    var unmatchedRows: [UnmatchedKey] = []
    for r in table.rows.indices where !matchedRows.contains(r) {
      unmatchedRows.append(
        UnmatchedKey(
          key: allTable[r], position: table.lineNumbers[r],
          closest: closestKeys(to: allTable[r], among: allLayer)))
    }
    return JoinReport(
      layerSource: layer.source, tableSource: table.source,
      matched: rowOfFeature.compactMap { $0 }.count, featureCount: layer.features.count,
      rowCount: table.rows.count, unmatchedFeatures: unmatchedFeatures,
      unmatchedRows: unmatchedRows,
      lostLeadingZeros: leadingZeroPairs(unmatchedFeatures, unmatchedRows),
      cleanedKeys: cleaned(layer, table, allLayer, allTable, rowOfFeature).table,
      cleanedLayerKeys: cleaned(layer, table, allLayer, allTable, rowOfFeature).layer)
  }

  /// Matched keys of either side that held invisible characters (table rows by line, then
  /// features by index).
  private static func cleaned(
    _ layer: Layer, _ table: Table, _ layerKeys: [String], _ tableKeys: [String],
    _ rowOfFeature: [Int?]
  ) -> (table: [UnmatchedKey], layer: [UnmatchedKey]) {
    let rows = Set(rowOfFeature.compactMap { $0 }).sorted()
    let fromTable = rows.filter { KeyNormalisation.hadInvisibles(tableKeys[$0]) }.map {
      UnmatchedKey(key: tableKeys[$0], position: table.lineNumbers[$0], closest: [])
    }
    let fromLayer = rowOfFeature.indices.filter {
      rowOfFeature[$0] != nil && KeyNormalisation.hadInvisibles(layerKeys[$0])
    }.map { UnmatchedKey(key: layerKeys[$0], position: layer.features[$0].index, closest: []) }
    return (fromTable, fromLayer)
  }

  /// Pairs of unmatched keys that differ only by leading zeros.
  private static func leadingZeroPairs(_ features: [UnmatchedKey], _ rows: [UnmatchedKey])
    -> [LostLeadingZeros]
  {
    func stripped(_ s: String) -> String {
      let t = s.drop { $0 == "0" }
      return t.isEmpty && !s.isEmpty ? "0" : String(t)
    }
    var layerByStripped: [String: String] = [:]
    for f in features where f.key.first == "0" { layerByStripped[stripped(f.key)] = f.key }
    return rows.compactMap { r in
      guard r.key.first != "0", let l = layerByStripped[stripped(r.key)] else { return nil }
      return LostLeadingZeros(tableKey: r.key, layerKey: l)
    }
  }
}
