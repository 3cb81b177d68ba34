import WijkCore

/// How table keys are padded before matching.
public enum KeyPadding: Hashable, Sendable {
  /// No padding: `1` does not match `01`.
  case none
  /// Left-pad all-digit table keys with `0` to this many characters.
  case toWidth(Int)
  /// Left-pad all-digit table keys with `0` to the width of the longest layer code.
  case toLayerCodeWidth
}

/// What a join does when rows or features stay unmatched.
public enum UnmatchedPolicy: Hashable, Sendable {
  /// Throw ``JoinError/unmatchedKeys(_:)`` carrying the report (the default).
  case error
  /// Return the result; the report lists the unmatched keys and the caller shows it as a
  /// warning. Unmatched wards get missing values, never 0.
  case warn
}

/// Options of a key join.
public struct KeyJoinOptions: Hashable, Sendable {
  /// How keys are normalised on both sides before matching.
  public var normalisation: KeyNormalisation
  /// Whether and how table keys are left-padded with zeros before matching.
  public var padding: KeyPadding
  /// Whether unmatched keys throw or are only reported.
  public var unmatched: UnmatchedPolicy

  /// Defaults: exact codes (``KeyNormalisation/codes``), no padding, throw on unmatched
  /// keys.
  public init(
    normalisation: KeyNormalisation = .codes, padding: KeyPadding = .none,
    unmatched: UnmatchedPolicy = .error
  ) {
    self.normalisation = normalisation
    self.padding = padding
    self.unmatched = unmatched
  }
}

/// The table's values per ward, and the report.
public struct KeyJoinResult: Sendable {
  /// The joined columns: the table's columns other than its key columns.
  public var columns: [String]
  /// One row per feature (feature order), one value per column; all missing when the feature
  /// matched no row.
  public var values: [[AttributeValue]]
  /// The table row (0-based) each feature matched, or `nil`.
  public var tableRowOfFeature: [Int?]
  /// What matched and what did not, on both sides.
  public var report: JoinReport

  /// The values of joined column `name` per feature, or `nil` if it is not a joined column.
  public func column(_ name: String) -> [AttributeValue]? {
    guard let i = columns.firstIndex(of: name) else { return nil }
    return values.map { $0[i] }
  }
}

/// Joins a table onto a layer by key columns (an attribute join).
///
/// Keys are compared as text after ``KeyNormalisation`` (never as numbers), composite keys
/// part by part. Both sides must have unique keys. The report lists unmatched keys on both
/// sides with their closest candidates and flags codes that lost leading zeros.
/// Like a GIS "join attributes by field value", but it never drops or duplicates a ward.
public enum KeyJoin {
  /// Joins `table` onto `layer`.
  ///
  /// - Parameters:
  ///   - layerKeys: field names of the layer forming the key (usually one, the ward code).
  ///   - tableKeys: column names of the table, paired with `layerKeys`.
  /// - Throws: ``JoinError/missingColumn(_:source:)`` for an unknown field or column;
  ///   ``JoinError/duplicateKeys(source:column:occurrences:)`` when a key occurs twice on either
  ///   side; ``JoinError/unmatchedKeys(_:)`` when anything stays unmatched and
  ///   `options.unmatched` is ``UnmatchedPolicy/error``.
  public static func join(
    _ table: Table, onto layer: Layer, layerKeys: [String], tableKeys: [String],
    options: KeyJoinOptions = KeyJoinOptions()
  ) throws(JoinError) -> KeyJoinResult {
    let layerColumns = try layerKeys.map { (k) throws(JoinError) -> [AttributeValue] in
      guard let c = layer.column(k) else { throw .missingColumn(k, source: layer.source) }
      return c
    }
    let tableIndices = try tableKeys.map { (k) throws(JoinError) -> Int in
      guard let i = table.columnIndex(k) else { throw .missingColumn(k, source: table.source) }
      return i
    }
    let n = options.normalisation
    let layerRaw = layer.features.indices.map { f in layerColumns.map { $0[f].text } }
    let layerKeysN = layerRaw.map { parts in compose(parts.map { $0.map(n.normalise) }) }
    let width = padWidth(options.padding, layerCodes: layerRaw)
    let tableRaw = table.rows.map { row in tableIndices.map { row[$0].text } }
    let tableKeysN = tableRaw.map { parts in
      compose(parts.map { $0.map { pad(n.normalise($0), width) } })
    }
    // Only checked for duplicates: each feature looks its own key up in the table's index.
    _ = try uniqueIndex(
      layerKeysN, positions: layer.features.map(\.index), source: layer.source,
      column: layerKeys.joined(separator: "+"))
    let rowIndex = try uniqueIndex(
      tableKeysN, positions: table.lineNumbers, source: table.source,
      column: tableKeys.joined(separator: "+"), table: (table, tableIndices))
    let rowOfFeature: [Int?] = layerKeysN.map { k in k.flatMap { rowIndex[$0] } }
    let report = makeReport(
      layer: layer, table: table, layerKeys: layerKeysN, tableKeys: tableKeysN,
      layerRaw: layerRaw, tableRaw: tableRaw, rowOfFeature: rowOfFeature)
    if !report.isComplete && options.unmatched == .error { throw .unmatchedKeys(report) }
    let keep = table.columns.indices.filter { !tableIndices.contains($0) }
    let values = rowOfFeature.map { r in
      keep.map { c in r.map { table.rows[$0][c] } ?? .missing }
    }
    return KeyJoinResult(
      columns: keep.map { table.columns[$0] }, values: values, tableRowOfFeature: rowOfFeature,
      report: report)
  }

  /// One-column convenience form of ``join(_:onto:layerKeys:tableKeys:options:)``.
  public static func join(
    _ table: Table, onto layer: Layer, layerKey: String, tableKey: String,
    options: KeyJoinOptions = KeyJoinOptions()
  ) throws(JoinError) -> KeyJoinResult {
    try join(table, onto: layer, layerKeys: [layerKey], tableKeys: [tableKey], options: options)
  }

  /// Joins key parts with a unit separator; `nil` when any part is missing or empty.
  static func compose(_ parts: [String?]) -> String? {
    var out: [String] = []
    for p in parts {
      guard let p, !p.isEmpty else { return nil }
      out.append(p)
    }
    return out.joined(separator: "\u{1F}")
  }

  private static func padWidth(_ padding: KeyPadding, layerCodes: [[String?]]) -> Int? {
    switch padding {
    case .none: nil
    case .toWidth(let w): w
    case .toLayerCodeWidth: layerCodes.flatMap { $0.compactMap { $0?.count } }.max()
    }
  }

  /// Pads all-digit keys only: names and alphanumeric codes are left alone.
  private static func pad(_ key: String, _ width: Int?) -> String {
    guard let width, !key.isEmpty, key.allSatisfy({ $0.isASCII && $0.isNumber }) else {
      return key
    }
    return KeyNormalisation.padded(key, toWidth: width)
  }

  /// Maps each present key to its position; throws naming every duplicate key. With `table`
  /// (the keys are its rows, `positions` its lines) the error is
  /// ``JoinError/duplicateTableKeys(source:column:lines:hint:)``, with a hint when another
  /// column tells the copies apart (``filterHint(_:keyColumns:duplicateRows:)``).
  static func uniqueIndex(
    _ keys: [String?], positions: [Int], source: String, column: String,
    table: (table: Table, keyColumns: [Int])? = nil, hints: Bool = true
  ) throws(JoinError) -> [String: Int] {
    var index: [String: Int] = [:]
    var duplicates: [String: [Int]] = [:]
    var duplicated = Set<String>()
    for (i, key) in keys.enumerated() {
      guard let key else { continue }
      if let first = index[key] {
        duplicated.insert(key)
        let shown = key.replacingOccurrences(of: "\u{1F}", with: "+")
        if duplicates[shown] == nil { duplicates[shown] = [positions[first]] }
        duplicates[shown]!.append(positions[i])
      } else {
        index[key] = i
      }
    }
    if !duplicates.isEmpty {
      guard let table else {
        throw .duplicateKeys(source: source, column: column, occurrences: duplicates)
      }
      let rows = keys.indices.filter { keys[$0].map { duplicated.contains($0) } ?? false }
      throw .duplicateTableKeys(
        source: source, column: column, lines: duplicates,
        hint: hints
          ? filterHint(table.table, keyColumns: table.keyColumns, duplicateRows: rows) : nil)
    }
    return index
  }

  /// "One row per code and year": the grouping column (its distinct values at most half the
  /// rows; the fewest first) whose value tells apart every copy of every duplicated key, as a
  /// sentence naming it and its values; `nil` when no column does (a row copied, perhaps with
  /// a corrected value).
  static func filterHint(_ table: Table, keyColumns: [Int], duplicateRows: [Int]) -> String? {
    let key = { (r: Int) in keyColumns.map { table.rows[r][$0].text ?? "" } }
    var best: (column: Int, values: [String])?
    for c in table.columns.indices where !keyColumns.contains(c) {
      var seen = Set<[String]>()
      let apart = duplicateRows.allSatisfy {
        seen.insert(key($0) + [table.rows[$0][c].text ?? ""]).inserted
      }
      guard apart else { continue }
      let values = Set(table.rows.map { $0[c].text ?? "" }).sorted { $0.precedesByCodePoints($1) }
      // A grouping column (a year, a period) repeats its values over many keys.
      guard values.count * 2 <= table.rows.count else { continue }
      if values.count < (best?.values.count ?? Int.max) { best = (c, values) }
    }
    guard let best else { return nil }
    let name = table.columns[best.column]
    let keyName = keyColumns.map { table.columns[$0] }.joined(separator: "+")
    return "The table seems to hold one row per \(keyName) and \(name) (values "
      + best.values.map(\.visibleInMessages).joined(separator: ", ")
      + "): choose one with a filter on \(name), e.g. filter: { \(name): \"\(best.values.last!)\" } "
      + "in the table's configuration."
  }
}
