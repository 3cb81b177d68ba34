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
        "\"\(k)\" (\(occ[k]!.map(String.init).joined(separator: ", ")))"
      }
      return "In \(s), these values of \(c) occur more than once, so a join would be "
        + "ambiguous: \(list.joined(separator: "; "))."
    case .unmatchedKeys(let report):
      return report.description
    case .notANumber(let s, let l, let c, let v):
      return "\(s), line \(l): column \(c) holds \"\(v)\", which is not a number."
    case .lengthMismatch(let w, let e, let g):
      return "Expected \(e) \(w) but got \(g)."
    case .indexOutOfRange(let w, let i, let n):
      return "The \(w) index \(i) is out of range (there are \(n))."
    case .sectorsWithoutWard(let s, let l, let sectors):
      return "\(s): \(sectors.count) sector(s) are not in the lookup \(l), so their values "
        + "would be lost: \(sectors.joined(separator: ", ")). Add them to the lookup, or set "
        + "allow_unmatched: true to report them and go on."
    }
  }
}
