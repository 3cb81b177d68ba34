// GAL (neighbour lists) and GWT (weighted links) files, the text formats of GeoDa and libpysal.
//
// GAL: a header line ("n", or "0 n shapefile id-field"), then per unit a line "id k" followed by
// a line with its k neighbour ids. GWT: a header line "0 n shapefile id-field", then one line
// "from to weight" per link. Ids are kept as text ("01" stays "01").

import Foundation

extension SpatialWeights {
  /// Reads a GAL file; weights are binary, units are in the order the file declares them.
  ///
  /// - Throws: ``WeightsError/malformedFile(format:line:text:reason:)``,
  ///   ``WeightsError/unknownID(format:line:id:)`` and the checks of
  ///   ``init(ids:neighbours:weights:)``.
  public static func readGAL(_ text: String) throws -> SpatialWeights {
    let lines = Self.lines(text)
    guard let header = lines.first else {
      throw WeightsError.malformedFile(format: "GAL", line: 1, text: "", reason: "empty file")
    }
    let head = header.1.split(separator: " ")
    guard let n = Int(head.count == 1 ? head[0] : head.count > 1 ? head[1] : "") else {
      throw WeightsError.malformedFile(
        format: "GAL", line: header.0, text: header.1, reason: "expected the unit count")
    }
    var ids: [String] = []
    var raw: [(Int, [String])] = []
    // a cursor over non-empty lines: "id k", then (when k > 0) the line of k neighbour ids; an
    // island's empty neighbour line was dropped with the other empty lines
    var k = 1
    while k < lines.count {
      let (lineNo, text) = lines[k]
      let parts = text.split(separator: " ").map(String.init)
      guard parts.count == 2, let card = Int(parts[1]), card >= 0 else {
        throw WeightsError.malformedFile(
          format: "GAL", line: lineNo, text: text, reason: "expected 'id count'")
      }
      ids.append(parts[0])
      k += 1
      guard card > 0 else {
        raw.append((lineNo, []))
        continue
      }
      guard k < lines.count else {
        throw WeightsError.malformedFile(
          format: "GAL", line: lineNo, text: text, reason: "the neighbour line is missing")
      }
      let list = lines[k].1.split(separator: " ").map(String.init)
      guard list.count == card else {
        throw WeightsError.malformedFile(
          format: "GAL", line: lines[k].0, text: lines[k].1,
          reason: "expected \(card) neighbour ids, got \(list.count)")
      }
      raw.append((lines[k].0, list))
      k += 1
    }
    guard ids.count == n else {
      throw WeightsError.countMismatch(what: "units in the GAL file", expected: n, got: ids.count)
    }
    let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let neighbours = try raw.map { line, list in
      try list.map { id in
        guard let j = position[id] else {
          throw WeightsError.unknownID(format: "GAL", line: line, id: id)
        }
        return j
      }
    }
    return try SpatialWeights(ids: ids, neighbours: neighbours)
  }

  /// A GAL file of these weights' links (weights are not written: GAL is binary).
  public func galText() -> String {
    var out = "\(count)\n"
    for i in 0..<count {
      let row = neighbours(of: i)
      out += "\(ids[i]) \(row.count)\n" + row.map { ids[$0] }.joined(separator: " ") + "\n"
    }
    return out
  }

  /// Reads a GWT file. Unit ids and order come from the links' first appearance (a GWT file
  /// does not list islands; pass `ids` to fix the order and include them).
  ///
  /// - Throws: ``WeightsError/malformedFile(format:line:text:reason:)``,
  ///   ``WeightsError/unknownID(format:line:id:)`` when `ids` is given and a link names
  ///   another id, and the checks of ``init(ids:neighbours:weights:)``.
  public static func readGWT(_ text: String, ids given: [String]? = nil) throws -> SpatialWeights {
    var ids = given ?? []
    var position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var neighbours: [[Int]] = Array(repeating: [], count: ids.count)
    var weights: [[Double]] = Array(repeating: [], count: ids.count)
    func slot(_ id: String, _ line: Int) throws -> Int {
      if let p = position[id] { return p }
      if given != nil { throw WeightsError.unknownID(format: "GWT", line: line, id: id) }
      position[id] = ids.count
      ids.append(id)
      neighbours.append([])
      weights.append([])
      return ids.count - 1
    }
    for (lineNo, text) in Self.lines(text).dropFirst() {
      let parts = text.split(separator: " ").map(String.init)
      guard parts.count == 3, let w = Double(parts[2]) else {
        throw WeightsError.malformedFile(
          format: "GWT", line: lineNo, text: text, reason: "expected 'from to weight'")
      }
      let i = try slot(parts[0], lineNo)
      let j = try slot(parts[1], lineNo)
      neighbours[i].append(j)
      weights[i].append(w)
    }
    return try SpatialWeights(ids: ids, neighbours: neighbours, weights: weights)
  }

  /// A GWT file of these weights under their current transformation.
  public func gwtText(shapefile: String = "unknown", idField: String = "id") -> String {
    var out = "0 \(count) \(shapefile) \(idField)\n"
    for i in 0..<count {
      for k in offsets[i]..<offsets[i + 1] {
        out += "\(ids[i]) \(ids[neighbourIndices[k]]) \(values[k])\n"
      }
    }
    return out
  }

  /// Non-empty lines with their 1-based numbers, whitespace collapsed to single spaces.
  private static func lines(_ text: String) -> [(Int, String)] {
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
      .compactMap { k, line in
        let t = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return t.isEmpty ? nil : (k + 1, t)
      }
  }
}
