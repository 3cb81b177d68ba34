import WijkCore

/// A hole in the ward coverage: an area enclosed by the layer's outer boundary that no ward
/// covers (a digitising gap, or a missing ward).
public struct CoverageGap: Hashable, Sendable, CustomStringConvertible {
  /// The gap's outline, in the layer's CRS.
  public var polygon: Polygon
  /// Its area in m².
  public var squareMetres: Double
  /// A point inside the gap (GEOS point on surface), to say where it is.
  public var location: Coordinate

  public var description: String {
    "a gap of \(Int(squareMetres.rounded())) m² near \(location)"
  }
}

extension GeometryChecks {
  /// Holes of the union of all features larger than `minimumArea` m²: places inside the
  /// layer's outer boundary that no feature covers. Wards must tile the city; a gap drops
  /// the points that fall in it.
  ///
  /// Computed as the interior rings of GEOS's unary union (`GEOSUnaryUnion_r`) of the layer.
  /// Enclaves that are features themselves are covered, so they are not gaps.
  ///
  /// - Parameter minimumArea: in m²; slivers of this size or less are not reported.
  /// - Throws: ``EngineError/geographicCRS(layer:crs:)``, ``EngineError/missingCRS(layer:)``,
  ///   ``EngineError/geos(function:messages:)`` when the union fails (run ``problems(in:)``
  ///   first: invalid wards make it fail).
  public static func gaps(in layer: Layer, minimumArea: Double = 0) throws(EngineError)
    -> [CoverageGap]
  {
    let scale = try squareMetresPerSquareUnit(of: layer)
    let context = GEOSContext()
    let (_, geometries) = try geosGeometries(of: layer, context: context)
    guard !geometries.isEmpty else { return [] }
    let union = try GEOSGeometry.collection(geometries, context: context).unaryUnion()
    var found: [CoverageGap] = []
    for polygon in try union.value().polygons {
      for hole in polygon.holes {
        let gap = try GEOSGeometry(.polygon(Polygon(exterior: hole)), context: context)
        let area = try gap.area * scale
        guard area > minimumArea, let location = try gap.pointOnSurface.coordinate else { continue }
        found.append(
          CoverageGap(polygon: Polygon(exterior: hole), squareMetres: area, location: location))
      }
    }
    return found
  }

  /// A point guaranteed inside each feature (GEOS `GEOSPointOnSurface_r`), for labels and
  /// for "which ward is this ward's label in" checks; `nil` for a feature without geometry.
  ///
  /// - Throws: ``EngineError/feature(layer:featureIndex:reason:)``.
  public static func labelPoints(of layer: Layer) throws(EngineError) -> [Coordinate?] {
    try pointPerFeature(of: layer) { (g) throws(EngineError) in try g.pointOnSurface.coordinate }
  }

  /// One point per feature from `point` (its geometry in GEOS), `nil` without geometry.
  static func pointPerFeature(
    of layer: Layer, _ point: (GEOSGeometry) throws(EngineError) -> Coordinate?
  ) throws(EngineError) -> [Coordinate?] {
    let context = GEOSContext()
    var points: [Coordinate?] = []
    for (i, feature) in layer.features.enumerated() {
      guard let g = feature.geometry else {
        points.append(nil)
        continue
      }
      points.append(
        try perFeature(layer, i) { () throws(EngineError) in
          try point(GEOSGeometry(g, context: context))
        })
    }
    return points
  }
}

extension GeometryChecks {
  /// The centroid of each feature (GEOS `GEOSGetCentroid_r`), as libpysal's `KNN` and
  /// `DistanceBand` use; `nil` for a feature without geometry.
  ///
  /// - Throws: ``EngineError/feature(layer:featureIndex:reason:)``.
  public static func centroids(of layer: Layer) throws(EngineError) -> [Coordinate?] {
    try pointPerFeature(of: layer) { (g) throws(EngineError) in try g.centroid.coordinate }
  }
}
