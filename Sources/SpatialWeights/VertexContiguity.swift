// Contiguity from polygon vertices, by hashing vertex coordinates: O(total vertices), no
// pairwise polygon tests. Matches libpysal 4.14 `Queen` / `Rook.from_dataframe` exactly when the
// snap tolerance is 0. Kept to reproduce libpysal; the default is BoundaryContiguity, which also
// finds boundaries that coincide without sharing vertices.

import WijkCore

/// Contiguity by shared vertex coordinates, as libpysal's `Queen` and `Rook`.
///
/// Each unit's vertices are taken ring by ring (exterior then holes, part by part) and
/// concatenated, as libpysal's `_get_boundary_points` does. Queen: units sharing a vertex are
/// neighbours. Rook: units sharing a segment between consecutive vertices of that list are
/// neighbours; like libpysal, this includes the joining segment from the end of one ring to
/// the start of the next, which matches libpysal exactly and in practice never creates a link.
///
/// Exact matching misses T-junctions (a vertex of one polygon on the edge of another), and
/// simplified boundaries that nearly touch give false islands (pysal#859, #889):
/// ``BoundaryContiguity`` finds both. With
/// `snapTolerance > 0`, vertices closer than the tolerance (in CRS units) are merged first,
/// transitively (a chain of close vertices becomes one), on a grid hash with cell = tolerance.
public struct VertexContiguity: AdjacencySource {
  /// Queen (a shared vertex) or rook (a shared edge).
  public var criterion: ContiguityCriterion
  /// Vertices at most this far apart (CRS units) count as shared; 0 means identical only.
  public var snapTolerance: Double

  /// Stores the options; ``adjacency(of:)`` rejects a negative or
  /// non-finite tolerance.
  public init(criterion: ContiguityCriterion, snapTolerance: Double = 0) {
    self.criterion = criterion
    self.snapTolerance = snapTolerance
  }

  /// - Throws: ``WeightsError/invalidParameter(name:value:expected:)`` for a negative or
  ///   non-finite snap tolerance, or one so small against the coordinates (below 1e-12 of
  ///   their magnitude) that no two distinct doubles could be that close: use 0 there.
  public func adjacency(of units: [[Polygon]]) throws -> [[Int]] {
    try checkSnapTolerance(snapTolerance, units: units)
    let (vertexIDs, unitOf, uniqueCoordinates) = Self.vertexIDs(units)
    var ids = vertexIDs
    if snapTolerance > 0 {
      let root = Self.snapClusters(uniqueCoordinates, tolerance: snapTolerance)
      ids = ids.map { root[$0] }
    }
    var links = [Set<Int>](repeating: [], count: units.count)
    switch criterion {
    case .queen: Self.link(keys: ids.map { UInt64($0) }, unitOf: unitOf, into: &links)
    case .rook:
      var keys: [UInt64] = []
      var owners: [Int] = []
      for k in ids.indices.dropLast() where unitOf[k] == unitOf[k + 1] {
        let (a, b) = (min(ids[k], ids[k + 1]), max(ids[k], ids[k + 1]))
        keys.append(UInt64(a) << 32 | UInt64(b))
        owners.append(unitOf[k])
      }
      Self.link(keys: keys, unitOf: owners, into: &links)
    }
    return links.map { $0.sorted() }
  }

  /// Numbers identical coordinates alike; returns the id per vertex, its unit, and the
  /// coordinate of each id. −0 and +0 are the same coordinate (as in Python).
  private static func vertexIDs(_ units: [[Polygon]]) -> ([Int], [Int], [Coordinate]) {
    var table: [Coordinate: Int] = [:]
    var ids: [Int] = []
    var unitOf: [Int] = []
    var unique: [Coordinate] = []
    for (u, polygons) in units.enumerated() {
      for polygon in polygons {
        for ring in polygon.rings {
          for c in ring.coordinates {
            let key = Coordinate(x: c.x + 0, y: c.y + 0)
            if let id = table[key] {
              ids.append(id)
            } else {
              table[key] = unique.count
              ids.append(unique.count)
              unique.append(key)
            }
            unitOf.append(u)
          }
        }
      }
    }
    return (ids, unitOf, unique)
  }

  /// Links every pair of distinct units that share a key.
  private static func link(keys: [UInt64], unitOf: [Int], into links: inout [Set<Int>]) {
    var owners: [UInt64: [Int]] = [:]
    owners.reserveCapacity(keys.count)
    for (k, key) in keys.enumerated() { owners[key, default: []].append(unitOf[k]) }
    for (_, units) in owners where units.count > 1 {
      let distinct = Set(units)
      guard distinct.count > 1 else { continue }
      for a in distinct { links[a].formUnion(distinct.subtracting([a])) }
    }
  }

  /// Union-find over coordinates within `tolerance` of each other; returns each id's root.
  private static func snapClusters(_ points: [Coordinate], tolerance: Double) -> [Int] {
    var parent = Array(points.indices)
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    struct Cell: Hashable { var x: Int64, y: Int64 }
    func cell(_ c: Coordinate) -> Cell {
      Cell(x: Int64((c.x / tolerance).rounded(.down)), y: Int64((c.y / tolerance).rounded(.down)))
    }
    var grid: [Cell: [Int]] = [:]
    for (i, p) in points.enumerated() { grid[cell(p), default: []].append(i) }
    let t2 = tolerance * tolerance
    for (i, p) in points.enumerated() {
      let c = cell(p)
      for dx in Int64(-1)...1 {
        for dy in Int64(-1)...1 {
          for j in grid[Cell(x: c.x + dx, y: c.y + dy)] ?? [] where j > i {
            let (ddx, ddy) = (points[j].x - p.x, points[j].y - p.y)
            if ddx * ddx + ddy * ddy <= t2 {
              let (a, b) = (find(i), find(j))
              if a != b { parent[max(a, b)] = min(a, b) }
            }
          }
        }
      }
    }
    return points.indices.map(find)
  }
}
