import CGEOS
import WijkCore

/// A packed R-tree (Sort-Tile-Recursive) over an array of geometries, answering "which
/// geometries' envelopes meet this box?" with indices into that array.
///
/// The tree borrows the geometries' handles, so it keeps the array alive. Each geometry's
/// index travels through GEOS's `void *item` as `index + 1` (so that index 0 is not a NULL
/// pointer). Like shapely's `STRtree`, it is filled once at construction and immutable
/// afterwards (GEOS builds the tree on the first query and refuses later inserts).
///
/// Not `Sendable`: it belongs to its context's task.
public final class STRtree {
  /// The indexed geometries, in the order whose indices queries return.
  public let geometries: [GEOSGeometry]
  private let context: GEOSContext
  private let handle: OpaquePointer

  /// Builds a tree over `geometries` (all made with `context`). Empty geometries are
  /// inserted but never returned (GEOS gives them no envelope).
  ///
  /// - Parameter nodeCapacity: children per node; 10 as in shapely.
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSSTRtree_create_r`,
  ///   `GEOSSTRtree_insert_r`.
  public init(_ geometries: [GEOSGeometry], context: GEOSContext, nodeCapacity: Int = 10)
    throws(EngineError)
  {
    precondition(
      geometries.allSatisfy { $0.context === context },
      "STRtree: every geometry must belong to the tree's GEOS context")
    // GEOSSTRtree_create_r returns NULL on exception; the tree is ours to destroy.
    guard let h = GEOSSTRtree_create_r(context.handle, nodeCapacity) else {
      throw context.failure("GEOSSTRtree_create_r")
    }
    self.handle = h
    self.context = context
    self.geometries = geometries
    for (i, g) in geometries.enumerated() {
      // GEOSSTRtree_insert_r returns void; the item is the index + 1, never dereferenced.
      GEOSSTRtree_insert_r(context.handle, h, g.handle, UnsafeMutableRawPointer(bitPattern: i + 1))
    }
  }

  deinit {
    // The single place the tree is freed; it does not free the geometries it borrowed.
    GEOSSTRtree_destroy_r(context.handle, handle)
  }

  /// Indices (ascending) of the geometries whose envelope intersects `envelope`.
  /// A candidate filter only: follow with an exact predicate.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSSTRtree_query_r`.
  public func query(_ envelope: Envelope) throws(EngineError) -> [Int] {
    try query(GEOSGeometry.rectangle(envelope, context: context))
  }

  /// Indices (ascending) of the geometries whose envelope intersects that of `geometry`.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSSTRtree_query_r`.
  public func query(_ geometry: GEOSGeometry) throws(EngineError) -> [Int] {
    let hits = IndexCollector()
    let userdata = Unmanaged.passUnretained(hits).toOpaque()
    // GEOSSTRtree_query_r returns void; an exception inside it is reported only through the
    // message handler, so the buffer is checked afterwards.
    withExtendedLifetime(hits) {
      GEOSSTRtree_query_r(context.handle, handle, geometry.handle, collectIndex, userdata)
    }
    let error = context.failure("GEOSSTRtree_query_r")
    if case .geos(_, let messages) = error, !messages.isEmpty { throw error }
    return hits.indices.sorted()
  }
}

/// Receives the query callback's items; passed unretained as userdata for one query.
private final class IndexCollector {
  var indices: [Int] = []
}

/// The C query callback: decodes `index + 1` from the item pointer.
private func collectIndex(_ item: UnsafeMutableRawPointer?, _ userdata: UnsafeMutableRawPointer?) {
  guard let item, let userdata else { return }
  Unmanaged<IndexCollector>.fromOpaque(userdata).takeUnretainedValue()
    .indices.append(Int(bitPattern: item) - 1)
}
