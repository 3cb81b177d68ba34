import CGEOS
import WijkCore

// Overlays: each returns a new owned geometry (GEOS "caller owns"); NULL means an exception,
// such as a TopologyException on invalid input, whose message is in the thrown error.
extension GEOSGeometry {
  /// The points common to both geometries.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``, e.g. a TopologyException when one
  ///   input is invalid. See `GEOSIntersection_r`.
  public func intersection(_ other: GEOSGeometry) throws(EngineError) -> GEOSGeometry {
    try adopt(
      GEOSIntersection_r(context.handle, handle, other.handle), from: "GEOSIntersection_r")
  }

  /// The points of this geometry that are not in `other`.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSDifference_r`.
  public func difference(_ other: GEOSGeometry) throws(EngineError) -> GEOSGeometry {
    try adopt(GEOSDifference_r(context.handle, handle, other.handle), from: "GEOSDifference_r")
  }

  /// The points in either geometry.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSUnion_r`.
  public func union(_ other: GEOSGeometry) throws(EngineError) -> GEOSGeometry {
    try adopt(GEOSUnion_r(context.handle, handle, other.handle), from: "GEOSUnion_r")
  }

  /// The union of the parts of this geometry (dissolves a collection of wards into one
  /// outline).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSUnaryUnion_r`.
  public func unaryUnion() throws(EngineError) -> GEOSGeometry {
    try adopt(GEOSUnaryUnion_r(context.handle, handle), from: "GEOSUnaryUnion_r")
  }

  /// The points within `distance` (CRS units; negative shrinks a polygon), with 8 segments
  /// per quarter circle.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSBuffer_r`.
  public func buffer(by distance: Double) throws(EngineError) -> GEOSGeometry {
    try adopt(GEOSBuffer_r(context.handle, handle, distance, 8), from: "GEOSBuffer_r")
  }

  /// A collection of the given geometries (copied, so the inputs stay owned by Swift).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``.
  ///   See `GEOSGeom_clone_r`, `GEOSGeom_createCollection_r`.
  public static func collection(_ parts: [GEOSGeometry], context: GEOSContext)
    throws(EngineError) -> GEOSGeometry
  {
    let ctx = context.handle
    var clones: [OpaquePointer?] = []
    for part in parts {
      // GEOSGeom_clone_r returns NULL on exception.
      guard let c = GEOSGeom_clone_r(ctx, part.handle) else {
        for c in clones { GEOSGeom_destroy_r(ctx, c) }
        throw context.failure("GEOSGeom_clone_r")
      }
      clones.append(c)
    }
    // GEOSGeom_createCollection_r takes ownership of the clones (not of the array) on
    // success, and returns NULL on exception, leaving them with us.
    let type = Int32(GEOS_GEOMETRYCOLLECTION.rawValue)
    guard let h = GEOSGeom_createCollection_r(ctx, type, &clones, UInt32(clones.count)) else {
      for c in clones { GEOSGeom_destroy_r(ctx, c) }
      throw context.failure("GEOSGeom_createCollection_r")
    }
    return GEOSGeometry(adopting: h, context: context)
  }
}
