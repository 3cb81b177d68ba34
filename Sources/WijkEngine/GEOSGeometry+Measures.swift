import CGEOS
import WijkCore

extension GEOSGeometry {
  /// Adopts a geometry handle returned by `function`, or throws its failure when GEOS
  /// returned NULL (the sentinel of every GEOS function that makes a geometry).
  func adopt(_ result: OpaquePointer?, from function: String) throws(EngineError)
    -> GEOSGeometry
  {
    guard let result else { throw context.failure(function) }
    return GEOSGeometry(adopting: result, context: context)
  }

  /// Planar area in squared CRS units (m² in a metric projected CRS); 0 for points and
  /// lines. Callers wanting m² from a layer should use ``GeometryChecks/areas(of:in:)``,
  /// which refuses a geographic CRS.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSArea_r`.
  public var area: Double {
    get throws(EngineError) {
      var value = 0.0
      // GEOSArea_r returns 0 on exception, 1 on success.
      guard GEOSArea_r(context.handle, handle, &value) == 1 else {
        throw context.failure("GEOSArea_r")
      }
      return value
    }
  }

  /// Planar length (perimeter for polygons) in CRS units. See `GEOSLength_r`.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public var length: Double {
    get throws(EngineError) {
      var value = 0.0
      // GEOSLength_r returns 0 on exception, 1 on success.
      guard GEOSLength_r(context.handle, handle, &value) == 1 else {
        throw context.failure("GEOSLength_r")
      }
      return value
    }
  }

  /// Shortest planar distance to `other`, in CRS units; 0 when they intersect.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSDistance_r`.
  public func distance(to other: GEOSGeometry) throws(EngineError) -> Double {
    var value = 0.0
    // GEOSDistance_r returns 0 on exception, 1 on success.
    guard GEOSDistance_r(context.handle, handle, other.handle, &value) == 1 else {
      throw context.failure("GEOSDistance_r")
    }
    return value
  }

  /// The centre of mass (of the highest-dimension parts); may lie outside a concave ward.
  /// An empty point for an empty geometry.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSGetCentroid_r`.
  public var centroid: GEOSGeometry {
    get throws(EngineError) {
      try adopt(GEOSGetCentroid_r(context.handle, handle), from: "GEOSGetCentroid_r")
    }
  }

  /// A point guaranteed to lie in the interior of a polygon (for labels and for assigning a
  /// ward to a containing area).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSPointOnSurface_r`.
  public var pointOnSurface: GEOSGeometry {
    get throws(EngineError) {
      try adopt(GEOSPointOnSurface_r(context.handle, handle), from: "GEOSPointOnSurface_r")
    }
  }

  /// The coordinate of a point geometry; `nil` for an empty point.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)`` for a non-point geometry.
  ///   See `GEOSGeomGetX_r`, `GEOSGeomGetY_r`.
  public var coordinate: Coordinate? {
    get throws(EngineError) {
      if try isEmpty { return nil }
      var x = 0.0
      var y = 0.0
      // GEOSGeomGetX_r / GEOSGeomGetY_r return 0 on exception (e.g. not a point), 1 on success.
      guard GEOSGeomGetX_r(context.handle, handle, &x) == 1 else {
        throw context.failure("GEOSGeomGetX_r")
      }
      guard GEOSGeomGetY_r(context.handle, handle, &y) == 1 else {
        throw context.failure("GEOSGeomGetY_r")
      }
      return Coordinate(x: x, y: y)
    }
  }

  /// The bounding box in CRS units, or `nil` for an empty geometry.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSGeom_getXMin_r` and siblings.
  public var envelope: Envelope? {
    get throws(EngineError) {
      if try isEmpty { return nil }
      var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
      let ctx = context.handle
      // Each GEOSGeom_get{X,Y}{Min,Max}_r returns 0 on exception, 1 on success.
      guard GEOSGeom_getXMin_r(ctx, handle, &e.minX) == 1,
        GEOSGeom_getYMin_r(ctx, handle, &e.minY) == 1,
        GEOSGeom_getXMax_r(ctx, handle, &e.maxX) == 1,
        GEOSGeom_getYMax_r(ctx, handle, &e.maxY) == 1
      else { throw context.failure("GEOSGeom_getXMin_r") }
      return e
    }
  }
}
