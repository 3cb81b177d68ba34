import CGEOS

// Binary predicates. Each GEOS predicate returns a C char: 1 true, 0 false, 2 on exception.
extension GEOSGeometry {
  private func predicate(
    _ function: String,
    _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar,
    _ other: GEOSGeometry
  ) throws(EngineError) -> Bool {
    let r = body(context.handle, handle, other.handle)
    // 2 is the exception sentinel of every GEOS predicate.
    guard r != 2 else { throw context.failure(function) }
    return r == 1
  }

  /// Whether the geometries share at least one point. See `GEOSIntersects_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func intersects(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSIntersects_r", GEOSIntersects_r, other)
  }

  /// Whether `other` lies inside this geometry and not only on its boundary (a point on a
  /// ward's edge is not contained). See `GEOSContains_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func contains(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSContains_r", GEOSContains_r, other)
  }

  /// Whether no point of `other` lies outside this geometry (a point on the edge is
  /// covered). See `GEOSCovers_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func covers(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSCovers_r", GEOSCovers_r, other)
  }

  /// Whether the geometries meet only on their boundaries (neighbouring wards).
  /// See `GEOSTouches_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func touches(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSTouches_r", GEOSTouches_r, other)
  }
}
