/// A coordinate reference system as a layer declares it, before PROJ has looked at it.
///
/// wijk keeps the definition as the source gave it (an authority code such as `EPSG:31370`,
/// or WKT) and lets `WijkEngine.CoordinateReferenceSystem` interpret it with PROJ.
public struct CRSDefinition: Hashable, Sendable, CustomStringConvertible {
  /// `AUTHORITY:CODE` (e.g. `EPSG:31370`) when the source names one.
  public var authorityCode: String?
  /// The WKT (any version) when the source gives one.
  public var wkt: String?
  /// Whether the CRS is geographic (degrees), when the reader knows it.
  public var isGeographic: Bool?

  /// A definition as the source states it; PROJ interprets it later, nothing is checked here.
  public init(authorityCode: String? = nil, wkt: String? = nil, isGeographic: Bool? = nil) {
    self.authorityCode = authorityCode
    self.wkt = wkt
    self.isGeographic = isGeographic
  }

  /// `EPSG:<code>`.
  public static func epsg(_ code: Int) -> CRSDefinition {
    CRSDefinition(authorityCode: "EPSG:\(code)", isGeographic: code == 4326 || code == 4313)
  }

  /// The EPSG code when the authority is EPSG.
  public var epsgCode: Int? {
    guard let a = authorityCode, a.uppercased().hasPrefix("EPSG:") else { return nil }
    return Int(a.dropFirst(5))
  }

  /// What PROJ accepts: the authority code, else the WKT.
  public var projString: String? { authorityCode ?? wkt }

  public var description: String { authorityCode ?? (wkt.map { _ in "custom WKT" } ?? "unknown") }
}

/// One feature of a layer: its position in the source, a geometry and attribute values
/// aligned with the layer's `fields`.
public struct Feature: Hashable, Sendable {
  /// 0-based position in the source, used in every message about the feature.
  public var index: Int
  /// The source's feature id (OGR FID) when it has one.
  public var fid: Int64?
  /// The geometry; `nil` for a feature without one (an attribute-only row).
  public var geometry: Geometry?
  /// One value per field of the owning layer, in field order.
  public var values: [AttributeValue]

  /// A feature; `values` is not checked against the layer's fields.
  public init(index: Int, fid: Int64? = nil, geometry: Geometry?, values: [AttributeValue]) {
    self.index = index
    self.fid = fid
    self.geometry = geometry
    self.values = values
  }
}

/// A vector layer read from a file: features with geometry and typed attributes, a CRS and
/// where it came from. Immutable by convention: operations return new layers.
public struct Layer: Sendable {
  /// The layer's name as GDAL reports it (the GeoPackage layer, a Shapefile's base name).
  public var name: String
  /// The file (or data source) it was read from, for messages and provenance.
  public var source: String
  /// The declared or assumed CRS; `nil` when the file declares none and none was assumed.
  public var crs: CRSDefinition?
  /// The attribute fields, in source order.
  public var fields: [Field]
  /// The features, in source order; each holds one value per field.
  public var features: [Feature]

  /// A layer as given; feature values are not checked against `fields`.
  public init(
    name: String, source: String, crs: CRSDefinition?, fields: [Field], features: [Feature]
  ) {
    self.name = name
    self.source = source
    self.crs = crs
    self.fields = fields
    self.features = features
  }

  /// Index of the field called `name` (exact match first, then case-insensitive).
  public func fieldIndex(_ name: String) -> Int? {
    fields.firstIndex { $0.name == name }
      ?? fields.firstIndex { $0.name.lowercased() == name.lowercased() }
  }

  /// The values of field `name` for every feature, in feature order; `nil` if no such field.
  public func column(_ name: String) -> [AttributeValue]? {
    guard let i = fieldIndex(name) else { return nil }
    return features.map { $0.values[i] }
  }

  /// The envelope of all geometries, or `nil` when there are none.
  public var envelope: Envelope? {
    features.compactMap { $0.geometry?.envelope }.reduce(nil) { acc, e in acc?.union(e) ?? e }
  }
}
