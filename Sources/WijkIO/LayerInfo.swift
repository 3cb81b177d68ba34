import CGDAL

/// One layer of a vector file as `LayerReader.layers(in:)` lists it.
public struct LayerInfo: Hashable, Sendable, CustomStringConvertible {
  /// The layer's name in the file.
  public var name: String
  /// The feature count OGR reports (forced, so exact).
  public var featureCount: Int
  /// The declared geometry type, OGC name (`Polygon`, `MultiPolygon`, `Point`, ...), `None`
  /// for an attribute table and `Unknown` for a layer of mixed types.
  public var geometryType: String

  /// A description of a layer (tests and callers that list layers build these).
  public init(name: String, featureCount: Int, geometryType: String) {
    self.name = name
    self.featureCount = featureCount
    self.geometryType = geometryType
  }

  /// Whether the layer declares polygons (surfaces) and so could hold wards.
  public var isPolygonal: Bool {
    ["Polygon", "MultiPolygon", "CurvePolygon", "MultiSurface"].contains(geometryType)
  }

  /// Whether the layer has geometry at all (an attribute table has none).
  public var hasGeometry: Bool { geometryType != "None" }

  /// `name (type, n features)`.
  public var description: String { "\(name) (\(geometryType), \(featureCount) features)" }

  /// Reads name, forced feature count and flattened geometry type of a borrowed layer.
  init(_ layer: OGRLayerH) {
    let type = OGR_GT_Flatten(OGR_L_GetGeomType(layer))
    self.init(
      name: String(cString: OGR_L_GetName(layer)),
      featureCount: Int(OGR_L_GetFeatureCount(layer, 1)),
      geometryType: Self.typeNames[type.rawValue] ?? "Unknown")
  }

  /// OGC names of OGR's flat geometry type codes (`OGRwkbGeometryType`); 100 is wkbNone.
  private static let typeNames: [UInt32: String] = [
    0: "Unknown", 1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint",
    5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection", 10: "CurvePolygon",
    12: "MultiSurface", 100: "None",
  ]
}
