// Contiguity weights from polygons: which builder decides adjacency, and the entry points that
// choose one. Two builders: shared boundary segments (the default) and shared vertex
// coordinates (to reproduce libpysal's `Queen`/`Rook.from_dataframe`).

import WijkCore

/// Something that can say which polygonal units touch which: ``BoundaryContiguity`` and
/// ``VertexContiguity`` here, or an exact-predicate builder injected from the engine target,
/// which this pure-Swift target cannot import.
public protocol AdjacencySource: Sendable {
  /// Neighbour lists: for each unit (a list of polygons: one for a polygon, several for a
  /// multipolygon), the indices of the units adjacent to it. No unit lists itself.
  /// - Throws: Whatever the source's own checks raise (documented by the conforming type).
  func adjacency(of units: [[Polygon]]) throws -> [[Int]]
}

/// Which shared boundary makes two units neighbours.
public enum ContiguityCriterion: String, Hashable, Sendable {
  /// Share at least one point of their boundaries (a corner suffices).
  case queen
  /// Share a piece of boundary of positive length.
  case rook
}

/// How contiguity is decided.
public enum ContiguityMethod: String, Hashable, Sendable, CaseIterable, Codable {
  /// From the boundary segments themselves, with exact predicates (``BoundaryContiguity``):
  /// finds T-junctions (a vertex of one unit on the edge of another) and edges that overlap
  /// without sharing vertices; the neighbours of libpysal 4.14
  /// `Graph.build_contiguity(strict=True)` on a valid coverage. The default.
  case boundary
  /// From identical vertex coordinates (``VertexContiguity``): libpysal 4.14
  /// `Queen`/`Rook.from_dataframe` exactly, T-junctions missed. Only to reproduce libpysal.
  case vertex
}

/// Refuses a snap tolerance that is negative, not finite, or so small against the coordinates
/// (below 1e-12 of their magnitude) that no two distinct doubles could be that close.
///
/// - Throws: ``WeightsError/invalidParameter(name:value:expected:)`` naming `snapTolerance`.
func checkSnapTolerance(_ tolerance: Double, units: [[Polygon]]) throws {
  guard tolerance.isFinite, tolerance >= 0 else {
    throw WeightsError.invalidParameter(
      name: "snapTolerance", value: "\(tolerance)", expected: "a finite number ≥ 0")
  }
  guard tolerance > 0 else { return }
  var magnitude = 0.0
  for polygon in units.joined() {
    for ring in polygon.rings {
      for c in ring.coordinates { magnitude = max(magnitude, abs(c.x), abs(c.y)) }
    }
  }
  if tolerance < magnitude * 1e-12 {
    throw WeightsError.invalidParameter(
      name: "snapTolerance", value: "\(tolerance)",
      expected: "0 (exact) or at least \(magnitude * 1e-12) for coordinates of \(magnitude)")
  }
}

extension SpatialWeights {
  /// Contiguity weights (binary, transformation "O") from an adjacency source.
  ///
  /// - Parameters:
  ///   - ids: One id per unit.
  ///   - units: The polygons of each unit, aligned with `ids`.
  ///   - source: Who decides adjacency (``BoundaryContiguity``, ``VertexContiguity``).
  /// - Throws: ``WeightsError/countMismatch(what:expected:got:)`` and whatever `source` throws.
  public static func contiguity(
    ids: [String], units: [[Polygon]], source: any AdjacencySource
  ) throws -> SpatialWeights {
    guard ids.count == units.count else {
      throw WeightsError.countMismatch(
        what: "polygons and unit ids", expected: ids.count,
        got: units.count)
    }
    return try SpatialWeights(ids: ids, neighbours: source.adjacency(of: units))
  }

  /// Queen contiguity: units whose boundaries share at least a point.
  ///
  /// With ``ContiguityMethod/boundary`` (default) a vertex of one unit on the edge of another
  /// counts, and `snapTolerance` (CRS units, metres in a projected CRS) counts boundaries at
  /// most that far apart as touching (libpysal's `fuzzy_contiguity`, GeoDa's precision
  /// threshold). With ``ContiguityMethod/vertex`` it matches libpysal 4.14
  /// `Queen.from_dataframe` when `snapTolerance` is 0. Non-polygonal geometries have no
  /// boundary here and become islands.
  /// - Throws: as ``contiguity(ids:units:source:)``; a bad tolerance as
  ///   ``WeightsError/invalidParameter(name:value:expected:)``.
  public static func queen(
    ids: [String], geometries: [Geometry], snapTolerance: Double = 0,
    method: ContiguityMethod = .boundary
  ) throws -> SpatialWeights {
    try contiguity(
      ids: ids, units: geometries.map(\.polygons),
      source: source(.queen, snapTolerance, method))
  }

  /// Rook contiguity: units whose boundaries share a piece of positive length (with a
  /// `snapTolerance`: run within the tolerance of each other along more than the tolerance).
  /// With ``ContiguityMethod/vertex``: a shared pair of consecutive vertices, as libpysal 4.14
  /// `Rook.from_dataframe` when `snapTolerance` is 0.
  /// - Throws: as ``queen(ids:geometries:snapTolerance:method:)``.
  public static func rook(
    ids: [String], geometries: [Geometry], snapTolerance: Double = 0,
    method: ContiguityMethod = .boundary
  ) throws -> SpatialWeights {
    try contiguity(
      ids: ids, units: geometries.map(\.polygons),
      source: source(.rook, snapTolerance, method))
  }

  static func source(
    _ criterion: ContiguityCriterion, _ tolerance: Double, _ method: ContiguityMethod
  ) -> any AdjacencySource {
    switch method {
    case .boundary: BoundaryContiguity(criterion: criterion, tolerance: tolerance)
    case .vertex: VertexContiguity(criterion: criterion, snapTolerance: tolerance)
    }
  }
}
