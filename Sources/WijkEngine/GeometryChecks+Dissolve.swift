import WijkCore

extension GeometryChecks {
  /// The parts as one geometry: the GEOS unary union of their collection, as GeoPandas'
  /// `dissolve` computes it. Parts that touch or overlap merge into one polygon; parts apart
  /// (a ward and its exclave) stay separate polygons of one MultiPolygon. A result of one
  /// polygon is returned as a Polygon.
  ///
  /// - Parameter parts: valid polygons or multipolygons in one CRS (run ``problems(in:)``
  ///   first: an invalid part can make the union fail).
  /// - Throws: ``EngineError/geos(function:messages:)``, ``EngineError/wkb(_:)``.
  public static func union(_ parts: [Geometry]) throws(EngineError) -> Geometry {
    let context = GEOSContext()
    var geos: [GEOSGeometry] = []
    for part in parts { geos.append(try GEOSGeometry(part, context: context)) }
    return try GEOSGeometry.collection(geos, context: context).unaryUnion().value()
  }
}
