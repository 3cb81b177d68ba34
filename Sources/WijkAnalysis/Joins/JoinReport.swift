/// A key that found no partner in a join, with where it is and what it might have meant.
public struct UnmatchedKey: Hashable, Sendable {
  /// The key as written in its source (before normalisation), or `""` when the cell is empty.
  public var key: String
  /// 1-based line in the table, or 0-based feature index in the layer.
  public var position: Int
  /// Up to three keys of the other side closest by edit distance (nearest first).
  public var closest: [String]
}

/// A table key that equals a layer key once leading zeros are dropped (`1` and `01`).
public struct LostLeadingZeros: Hashable, Sendable {
  /// The unmatched table key as written, without the zeros (e.g. `1`).
  public var tableKey: String
  /// The unmatched layer key it equals once leading zeros are dropped (e.g. `01`).
  public var layerKey: String
}

/// What a key join matched and what it did not; shown to the user whether or not the join
/// stops.
public struct JoinReport: Hashable, Sendable, CustomStringConvertible {
  /// The layer's file (`Layer.source`).
  public var layerSource: String
  /// The table's file (`Table.source`).
  public var tableSource: String
  /// Features and rows that found a partner (each feature matches at most one row).
  public var matched: Int
  /// Features of the layer.
  public var featureCount: Int
  /// Rows of the table.
  public var rowCount: Int
  /// Features whose key is not in the table ("wards without data"), in feature order.
  public var unmatchedFeatures: [UnmatchedKey]
  /// Table rows whose key is no ward's ("keys without a ward"), in row order.
  public var unmatchedRows: [UnmatchedKey]
  /// Unmatched table keys that equal an unmatched layer key once leading zeros are dropped
  /// from both (`1` against `01`): codes that were read as numbers somewhere.
  public var lostLeadingZeros: [LostLeadingZeros]
  /// Table keys that matched only once invisible characters (BOM, no-break or zero-width
  /// space) were removed (``KeyNormalisation``): as written, with their line.
  public var cleanedKeys: [UnmatchedKey] = []
  /// Layer codes likewise, with their feature index (0-based).
  public var cleanedLayerKeys: [UnmatchedKey] = []

  /// Whether every feature and every row found a partner.
  public var isComplete: Bool { unmatchedFeatures.isEmpty && unmatchedRows.isEmpty }

  public var description: String {
    var lines = [
      "Join of \(tableSource) onto \(layerSource): \(matched) of \(featureCount) wards matched "
        + "a row; \(rowCount) rows in the table."
    ]
    if !unmatchedFeatures.isEmpty {
      lines.append(
        "\(unmatchedFeatures.count) ward(s) without data: " + Self.list(unmatchedFeatures) + ".")
    }
    if !unmatchedRows.isEmpty {
      lines.append(
        "\(unmatchedRows.count) table key(s) without a ward: " + Self.list(unmatchedRows) + ".")
    }
    if !lostLeadingZeros.isEmpty {
      let pairs = lostLeadingZeros.map { "\($0.tableKey) → \($0.layerKey)" }
      let width = lostLeadingZeros.map(\.layerKey.count).max() ?? 0
      lines.append(
        "Hint: \(lostLeadingZeros.count) table key(s) look like ward codes that lost their "
          + "leading zeros (\(pairs.joined(separator: ", "))), e.g. after a spreadsheet round "
          + "trip. Keep the codes as text, or left-pad the table keys with zeros (pad_keys in the "
          + "configuration, --pad-keys on the command line) to width "
          + "\(width).")
    }
    let cleaned =
      cleanedKeys.map { "\($0.key.visibleInMessages) (\(tableSource) line \($0.position))" }
      + cleanedLayerKeys.map { "\($0.key.visibleInMessages) (ward feature \($0.position))" }
    if !cleaned.isEmpty {
      lines.append(
        "Note: \(cleaned.count) key(s) held invisible characters, removed before matching: "
          + cleaned.joined(separator: ", ") + ". Clean the source to be rid of this note.")
    }
    return lines.joined(separator: "\n")
  }

  private static func list(_ keys: [UnmatchedKey]) -> String {
    keys.map { k in
      let name = k.key.isEmpty ? "(empty)" : k.key.visibleInMessages
      return k.closest.isEmpty
        ? name : "\(name) (closest: \(k.closest.map(\.visibleInMessages).joined(separator: ", ")))"
    }.joined(separator: ", ")
  }
}
