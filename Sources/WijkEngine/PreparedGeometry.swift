import CGEOS
import WijkCore

/// A geometry prepared for many predicate tests against it (a ward tested against thousands
/// of points): GEOS builds an index of its segments on first use.
///
/// It keeps its base ``GEOSGeometry`` alive (GEOS's prepared geometry borrows the base) and
/// frees the prepared handle in `deinit` only.
///
/// - Important: not thread-safe even for reading, since the index is built lazily; use it in
///   the task of its context only (the type is not `Sendable`).
public final class PreparedGeometry {
  /// The geometry that was prepared; must outlive the prepared handle, hence held here.
  public let base: GEOSGeometry
  private let handle: OpaquePointer

  /// Prepares `base`.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSPrepare_r`.
  public init(_ base: GEOSGeometry) throws(EngineError) {
    // GEOSPrepare_r returns NULL on exception; the result is ours to
    // GEOSPreparedGeom_destroy_r and borrows `base`.
    guard let h = GEOSPrepare_r(base.context.handle, base.handle) else {
      throw base.context.failure("GEOSPrepare_r")
    }
    self.base = base
    self.handle = h
  }

  deinit {
    // The single place the prepared handle is freed; `base` is released after this.
    GEOSPreparedGeom_destroy_r(base.context.handle, handle)
  }

  private func predicate(
    _ function: String,
    _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar,
    _ other: GEOSGeometry
  ) throws(EngineError) -> Bool {
    let r = body(base.context.handle, handle, other.handle)
    // Every GEOSPrepared* predicate returns 2 on exception.
    guard r != 2 else { throw base.context.failure(function) }
    return r == 1
  }

  /// Whether `other` lies inside the base (not only on its boundary).
  /// See `GEOSPreparedContains_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func contains(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSPreparedContains_r", GEOSPreparedContains_r, other)
  }

  /// Whether `other` lies in the interior of the base, touching its boundary nowhere.
  /// See `GEOSPreparedContainsProperly_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func containsProperly(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSPreparedContainsProperly_r", GEOSPreparedContainsProperly_r, other)
  }

  /// Whether no point of `other` lies outside the base (boundary points are covered).
  /// See `GEOSPreparedCovers_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func covers(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSPreparedCovers_r", GEOSPreparedCovers_r, other)
  }

  /// Whether `other` and the base share at least one point.
  /// See `GEOSPreparedIntersects_r`.
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public func intersects(_ other: GEOSGeometry) throws(EngineError) -> Bool {
    try predicate("GEOSPreparedIntersects_r", GEOSPreparedIntersects_r, other)
  }

  /// Whether the point `c` lies in the base, boundary included (`covers`). GEOS 3.11 has no
  /// XY predicate, so a temporary point is made and freed per call (about 0.5 µs).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``.
  ///   See `GEOSGeom_createPointFromXY_r`, `GEOSPreparedCovers_r`.
  public func covers(_ c: Coordinate) throws(EngineError) -> Bool {
    try covers(GEOSGeometry.point(c, context: base.context))
  }

  /// Whether the point `c` lies in the interior of the base (boundary excluded).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``.
  ///   See `GEOSGeom_createPointFromXY_r`, `GEOSPreparedContains_r`.
  public func contains(_ c: Coordinate) throws(EngineError) -> Bool {
    try contains(GEOSGeometry.point(c, context: base.context))
  }
}

extension GEOSGeometry {
  /// A point geometry at `c`, made directly (no WKB round trip).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSGeom_createPointFromXY_r`.
  public static func point(_ c: Coordinate, context: GEOSContext) throws(EngineError)
    -> GEOSGeometry
  {
    // GEOSGeom_createPointFromXY_r returns NULL on exception.
    guard let h = GEOSGeom_createPointFromXY_r(context.handle, c.x, c.y) else {
      throw context.failure("GEOSGeom_createPointFromXY_r")
    }
    return GEOSGeometry(adopting: h, context: context)
  }

  /// A polygon covering `envelope`. See `GEOSGeom_createRectangle_r` (GEOS 3.11).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``.
  public static func rectangle(_ envelope: Envelope, context: GEOSContext) throws(EngineError)
    -> GEOSGeometry
  {
    let e = envelope
    // GEOSGeom_createRectangle_r returns NULL on exception.
    guard let h = GEOSGeom_createRectangle_r(context.handle, e.minX, e.minY, e.maxX, e.maxY)
    else { throw context.failure("GEOSGeom_createRectangle_r") }
    return GEOSGeometry(adopting: h, context: context)
  }
}
