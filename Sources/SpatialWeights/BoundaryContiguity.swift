// Contiguity from the boundary segments themselves: two units touch where their edges touch,
// whatever their vertices. Finds what vertex matching misses (T-junctions, edges split at
// different points) and, with a tolerance, boundaries a few centimetres apart.

import WijkCore

/// Where two units meet: the length of boundary they share and how they meet.
public struct SharedBoundary: Hashable, Sendable {
  /// Index of the first unit (the lower of the two).
  public var first: Int
  /// Index of the second unit (`first < second`).
  public var second: Int
  /// CRS units (metres in a projected CRS) along which the boundaries coincide, or with a
  /// tolerance run within it of each other; 0 when they meet only at points (queen, not rook).
  public var length: Double
  /// The smallest distance between the two boundaries: 0 when they touch, up to the
  /// tolerance when only the tolerance makes them neighbours.
  public var separation: Double
  /// Whether the boundaries have a vertex with identical coordinates (what libpysal's vertex
  /// `Queen` needs to see the pair).
  public var sharesVertex: Bool
  /// Whether they have an identical edge, the same two consecutive vertices (what libpysal's
  /// vertex `Rook` needs).
  public var sharesEdge: Bool

  /// A pair of units `first < second` meeting as described.
  public init(
    first: Int, second: Int, length: Double, separation: Double, sharesVertex: Bool,
    sharesEdge: Bool
  ) {
    self.first = first
    self.second = second
    self.length = length
    self.separation = separation
    self.sharesVertex = sharesVertex
    self.sharesEdge = sharesEdge
  }

  /// Whether vertex matching (``VertexContiguity`` without snapping, libpysal's
  /// `Queen`/`Rook.from_dataframe`) would miss this pair under `criterion`.
  public func isMissedByVertexMatching(_ criterion: ContiguityCriterion) -> Bool {
    switch criterion {
    case .queen: !sharesVertex
    case .rook: length > 0 && !sharesEdge
    }
  }
}

/// Contiguity from shared boundary segments.
///
/// Exact by default: two units are queen neighbours when an edge of one touches or crosses an
/// edge of the other (a vertex lying on the other's edge counts), and rook neighbours when two
/// of their edges are collinear and overlap along a positive length. Sides and collinearity are
/// decided by the exact orientation predicate (``orientation(_:_:_:_:_:_:)``, Shewchuk), so
/// the result does not depend on rounding. On a valid coverage (no overlaps) these are the
/// neighbours of libpysal 4.14 `Graph.build_contiguity(rook:, strict=True)` (shapely
/// `touches`, and relate pattern `F***1****` for rook); wards whose boundaries cross (an
/// overlap) are queen neighbours here, where libpysal's strict builder drops them.
///
/// With `tolerance` > 0 (CRS units, metres in a projected CRS), boundaries at most that far
/// apart count as touching (queen), and as sharing a boundary (rook) where they run within the
/// tolerance of each other along more than the tolerance in all: a 5 cm sliver between two
/// wards disappears with a tolerance of 0.1 m, two wards whose corners are 5 cm apart stay queen
/// neighbours only. This is libpysal's `fuzzy_contiguity(buffer=tolerance/2)` for queen, and
/// GeoDa's precision threshold in spirit. A pair that shares a boundary exactly stays a rook
/// pair at any tolerance.
///
/// Edge pairs come from a grid over the edges' bounding boxes (``BoundarySegments``): about
/// linear in the number of edges on a layer of wards.
public struct BoundaryContiguity: AdjacencySource {
  /// Queen (a shared point) or rook (a shared piece of boundary).
  public var criterion: ContiguityCriterion
  /// Boundaries at most this far apart (CRS units) touch; 0 means exactly.
  public var tolerance: Double

  /// Stores the options; ``sharedBoundaries(of:)`` rejects a bad tolerance.
  public init(criterion: ContiguityCriterion, tolerance: Double = 0) {
    self.criterion = criterion
    self.tolerance = tolerance
  }

  /// - Throws: as ``sharedBoundaries(of:)``.
  public func adjacency(of units: [[Polygon]]) throws -> [[Int]] {
    neighbours(try sharedBoundaries(of: units), count: units.count)
  }

  /// Neighbour lists of `count` units from their ``sharedBoundaries(of:)``: every pair for
  /// queen, the pairs with a shared length for rook.
  public func neighbours(_ pairs: [SharedBoundary], count: Int) -> [[Int]] {
    var lists = [[Int]](repeating: [], count: count)
    for pair in pairs where criterion == .queen || pair.length > 0 {
      lists[pair.first].append(pair.second)
      lists[pair.second].append(pair.first)
    }
    return lists
  }

  /// Every pair of units whose boundaries touch (within the tolerance), ordered by `first`
  /// then `second`, whatever the criterion: rook pairs are those with a `length` above 0.
  ///
  /// - Throws: ``WeightsError/invalidParameter(name:value:expected:)`` (`snapTolerance`) for a
  ///   negative or non-finite tolerance, or one below 1e-12 of the coordinates' magnitude,
  ///   which no two distinct doubles could respect: use 0 there.
  public func sharedBoundaries(of units: [[Polygon]]) throws -> [SharedBoundary] {
    try checkSnapTolerance(tolerance, units: units)
    let edges = BoundarySegments(units)
    var found: [UInt64: Evidence] = [:]
    edges.forEachNearPair(reach: tolerance) { s, t in
      let (a, b) = (edges.segments[s], edges.segments[t])
      let contact = a.exactContact(b)
      var separation = 0.0
      if !contact.touches {
        guard tolerance > 0 else { return }
        separation = a.distance(to: b, touching: false)
        guard separation <= tolerance else { return }
      }
      let near = tolerance > 0 ? max(a.nearOverlap(b, within: tolerance), contact.overlap) : 0
      let (u, v) = (edges.unit[s], edges.unit[t])
      found[UInt64(min(u, v)) << 32 | UInt64(max(u, v)), default: Evidence()].add(
        exact: contact.overlap, near: near, separation: separation,
        sharedVertex: contact.touches && a.sharesEndPoint(b),
        sharedEdge: contact.overlap > 0 && a.isSameEdge(b))
    }
    return found.map { key, e in
      // with a tolerance, a few fractions of it near a corner do not make a shared boundary
      let length = e.exact > 0 ? max(e.exact, e.near) : (e.near > tolerance ? e.near : 0)
      return SharedBoundary(
        first: Int(key >> 32), second: Int(key & 0xFFFF_FFFF), length: length,
        separation: e.separation, sharesVertex: e.sharedVertex, sharesEdge: e.sharedEdge)
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }

  /// What the edge pairs of two units say, summed.
  private struct Evidence {
    var exact = 0.0
    var near = 0.0
    var separation = Double.infinity
    var sharedVertex = false
    var sharedEdge = false

    mutating func add(
      exact: Double, near: Double, separation: Double, sharedVertex: Bool, sharedEdge: Bool
    ) {
      self.exact += exact
      self.near += near
      self.separation = min(self.separation, separation)
      self.sharedVertex = self.sharedVertex || sharedVertex
      self.sharedEdge = self.sharedEdge || sharedEdge
    }
  }
}
