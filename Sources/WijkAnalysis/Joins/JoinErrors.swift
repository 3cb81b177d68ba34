/// Why a point-to-ward index could not be built.
public enum PointJoinError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The code list and geometry list differ in length.
  case countMismatch(codes: Int, geometries: Int)
  /// The ward layer has no field with the code.
  case missingCodeField(String, layer: String)
  /// A ward feature (0-based index) has no code.
  case missingWardCode(index: Int)
  /// Two or more wards share a code (after normalisation); the codes are listed.
  case duplicateWardCodes([String])
  /// A ward's geometry is missing or not a polygon/multipolygon.
  case notPolygonal(ward: String, index: Int, type: String)

  public var description: String {
    switch self {
    case .countMismatch(let c, let g):
      "There are \(c) ward codes but \(g) ward geometries; they must pair up one to one."
    case .missingCodeField(let f, let layer):
      "The ward layer \(layer) has no field \"\(f)\" to take the ward codes from."
    case .missingWardCode(let i):
      "Ward feature \(i) has no ward code."
    case .duplicateWardCodes(let codes):
      "These ward codes occur more than once in the ward layer: \(codes.joined(separator: ", "))."
    case .notPolygonal(let w, let i, let t):
      "Ward \(w) (feature \(i)) has geometry type \(t); a ward must be a polygon or multipolygon."
    }
  }
}

/// Why a key join, an aggregation or a group summary could not be done.
public enum JoinError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A named column is not in the table (or field not in the layer).
  case missingColumn(String, source: String)
  /// Keys that occur more than once on one side, with the 1-based lines (tables) or 0-based
  /// feature indices (layers) where they occur.
  case duplicateKeys(source: String, column: String, occurrences: [String: [Int]])
  /// Keys that occur more than once in a table, with the 1-based file lines of each, and a
  /// hint (e.g. the column a `filter` should choose on: a table with one row per ward and
  /// year).
  case duplicateTableKeys(source: String, column: String, lines: [String: [Int]], hint: String?)
  /// Unmatched keys beyond what `allow_unmatched` allows: `lost` says per column what share of
  /// its total they hold.
  case unmatchedBeyondAllowance(source: String, keys: [String], lost: String, allowed: String)
  /// A strict join left rows unmatched; the report says which.
  case unmatchedKeys(JoinReport)
  /// A cell meant to be a number is not one.
  case notANumber(source: String, line: Int, column: String, value: String)
  /// The source-area list and the value lists differ in length.
  case lengthMismatch(what: String, expected: Int, got: Int)
  /// An intersection names a source or ward index out of range.
  case indexOutOfRange(what: String, index: Int, count: Int)
  /// Sectors of a table that the lookup places in no ward.
  case sectorsWithoutWard(source: String, lookup: String, sectors: [String])

  public var description: String {
    switch self {
    case .missingColumn(let c, let s):
      return "\(s) has no column \"\(c)\"."
    case .duplicateKeys(let s, let c, let occ):
      let list = occ.keys.sorted().map { k in
        "\"\(k.visibleInMessages)\" (\(occ[k]!.map(String.init).joined(separator: ", ")))"
      }
      return "In \(s), these values of \(c) occur more than once, so a join would be "
        + "ambiguous: \(list.joined(separator: "; "))."
    case .duplicateTableKeys(let s, let c, let lines, let hint):
      let list = lines.keys.sorted { lines[$0]![0] < lines[$1]![0] }.map { k in
        "\(k.visibleInMessages) at lines \(Self.and(lines[k]!.map(String.init)))"
      }
      return "\(s): \(lines.count == 1 ? "the key" : "\(lines.count) keys") of column \(c) "
        + "\(lines.count == 1 ? "occurs" : "occur") more than once, so a join would have to pick "
        + "or add rows without a word: \(list.joined(separator: "; ")). Nothing was joined. "
        + (hint ?? "Keep one row per key (remove the copy, or correct the code).")
    case .unmatchedBeyondAllowance(let s, let keys, let lost, let allowed):
      let shown = keys.map(\.visibleInMessages).joined(separator: ", ")
      return "\(s): \(keys.count) key(s) reach no ward (\(shown)) "
        + "and they hold \(lost), more than allow_unmatched allows (\(allowed)). A loss this size "
        + "is usually a ward layer or lookup of another vintage; list the codes that may be left "
        + "out (allow_unmatched: [code, …]) or raise max_share if it is right."
    case .unmatchedKeys(let report):
      return report.description
    case .notANumber(let s, let l, let c, let v):
      return "\(s), line \(l): column \(c) holds \"\(v.visibleInMessages)\", which is not a number."
    case .lengthMismatch(let w, let e, let g):
      return "Expected \(e) \(w) but got \(g)."
    case .indexOutOfRange(let w, let i, let n):
      return "The \(w) index \(i) is out of range (there are \(n))."
    case .sectorsWithoutWard(let s, let l, let sectors):
      return "\(s): \(sectors.count) sector(s) are not in the lookup \(l), so their values "
        + "would be lost: \(sectors.map(\.visibleInMessages).joined(separator: ", ")). Add them "
        + "to the lookup, or list them under the table's allow_unmatched (wijk join: "
        + "--allow-unmatched) to report them and go on."
    }
  }
}

extension JoinError {
  /// `1, 2 and 3`.
  static func and(_ items: [String]) -> String {
    items.count <= 1
      ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }
}
