import CGEOS
import WijkCore

/// A GEOS geometry owned by Swift: the handle is freed in `deinit` and nowhere else.
///
/// Make it from a wijk ``WijkCore/Geometry`` (through WKB), from WKB bytes or from WKT, use
/// the measures, predicates and overlays in the extensions, and turn the result back into a
/// value with ``value()``. Only 2D is kept: Z and M are dropped on the way in and out.
///
/// Not `Sendable`: it belongs to its ``GEOSContext``'s task (see the protocol at the top of
/// `GEOSContext.swift`).
public final class GEOSGeometry {
  /// The context that made the handle; kept alive by this geometry.
  public let context: GEOSContext
  let handle: OpaquePointer

  /// Adopts a handle GEOS returned as "caller owns". Call only with a fresh, non-NULL handle.
  init(adopting handle: OpaquePointer, context: GEOSContext) {
    self.handle = handle
    self.context = context
  }

  deinit {
    // The single place a geometry handle is freed.
    GEOSGeom_destroy_r(context.handle, handle)
  }

  /// Converts a wijk geometry to GEOS through WKB.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)`` from `GEOSWKBReader_read_r` when GEOS
  ///   refuses the structure. GEOS 3.11 accepts degenerate rings (fewer than 4 positions)
  ///   here; they surface as invalid in ``validityProblem``.
  public convenience init(_ geometry: Geometry, context: GEOSContext) throws(EngineError) {
    try self.init(wkb: WKB.encode(geometry), context: context)
  }

  /// Reads WKB bytes (either byte order, ISO or extended flavour).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)`` with GEOS's parse message.
  ///   See `GEOSWKBReader_read_r`.
  public convenience init(wkb: [UInt8], context: GEOSContext) throws(EngineError) {
    let reader = try context.reader()
    // GEOSWKBReader_read_r returns NULL on a parse error (message in the handler).
    guard let h = GEOSWKBReader_read_r(context.handle, reader, wkb, wkb.count) else {
      throw context.failure("GEOSWKBReader_read_r")
    }
    self.init(adopting: h, context: context)
  }

  /// Reads well-known text, e.g. `POLYGON ((0 0, 1 0, 1 1, 0 0))`.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)`` with GEOS's parse message.
  ///   See `GEOSWKTReader_read_r`.
  public convenience init(wkt: String, context: GEOSContext) throws(EngineError) {
    let ctx = context.handle
    // GEOSWKTReader_create_r returns NULL on failure.
    guard let reader = GEOSWKTReader_create_r(ctx) else {
      throw context.failure("GEOSWKTReader_create_r")
    }
    defer { GEOSWKTReader_destroy_r(ctx, reader) }
    // GEOSWKTReader_read_r returns NULL on a parse error.
    guard let h = GEOSWKTReader_read_r(ctx, reader, wkt) else {
      throw context.failure("GEOSWKTReader_read_r")
    }
    self.init(adopting: h, context: context)
  }

  /// The geometry as ISO WKB (2D, little-endian).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSWKBWriter_write_r`.
  public func wkb() throws(EngineError) -> [UInt8] {
    let writer = try context.writer()
    var size = 0
    // GEOSWKBWriter_write_r returns NULL on failure; the buffer is ours to GEOSFree_r.
    guard let buffer = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else {
      throw context.failure("GEOSWKBWriter_write_r")
    }
    defer { GEOSFree_r(context.handle, buffer) }
    return Array(UnsafeBufferPointer(start: buffer, count: size))
  }

  /// The geometry as a wijk value. An empty geometry (e.g. the intersection of disjoint
  /// polygons) becomes an empty `.collection([])`, since WKB cannot carry an empty point.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``, ``EngineError/wkb(_:)``.
  public func value() throws(EngineError) -> Geometry {
    if try isEmpty { return .collection([]) }
    let bytes = try wkb()
    do {
      return try WKB.decode(bytes)
    } catch {
      throw .wkb(error)
    }
  }

  /// Whether the geometry has no points. See `GEOSisEmpty_r`.
  public var isEmpty: Bool {
    get throws(EngineError) {
      let r = GEOSisEmpty_r(context.handle, handle)
      // GEOSisEmpty_r returns 2 on exception.
      guard r != 2 else { throw context.failure("GEOSisEmpty_r") }
      return r == 1
    }
  }

  /// GEOS's type name (`Polygon`, `MultiPolygon`, ...). See `GEOSGeomType_r`.
  public var typeName: String {
    get throws(EngineError) {
      // GEOSGeomType_r returns NULL on exception; the string is ours to GEOSFree_r.
      guard let s = GEOSGeomType_r(context.handle, handle) else {
        throw context.failure("GEOSGeomType_r")
      }
      defer { GEOSFree_r(context.handle, s) }
      return String(cString: s)
    }
  }

  /// The geometry as WKT with trailing zeros trimmed, for messages and tests.
  ///
  /// - Throws: ``EngineError/geos(function:messages:)``. See `GEOSWKTWriter_write_r`.
  public func wkt() throws(EngineError) -> String {
    let ctx = context.handle
    // GEOSWKTWriter_create_r returns NULL on failure.
    guard let writer = GEOSWKTWriter_create_r(ctx) else {
      throw context.failure("GEOSWKTWriter_create_r")
    }
    defer { GEOSWKTWriter_destroy_r(ctx, writer) }
    GEOSWKTWriter_setTrim_r(ctx, writer, 1)
    GEOSWKTWriter_setOutputDimension_r(ctx, writer, 2)
    // GEOSWKTWriter_write_r returns NULL on failure; the string is ours to GEOSFree_r.
    guard let s = GEOSWKTWriter_write_r(ctx, writer, handle) else {
      throw context.failure("GEOSWKTWriter_write_r")
    }
    defer { GEOSFree_r(ctx, s) }
    return String(cString: s)
  }
}
