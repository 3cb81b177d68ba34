import CGDAL
import Foundation
import WijkCore

/// Writes a `Layer` to a file, atomically: to a temporary file beside the target, renamed
/// over it only when everything was written, so a failed run leaves any previous file as it
/// was and no half-written one.
public enum LayerWriter {
  /// The output formats.
  public enum Format: Hashable, Sendable {
    /// GeoPackage (OGC 12-128r18): one layer with the layer's CRS, written in one
    /// transaction.
    case geoPackage
    /// GeoJSON per RFC 7946, through GDAL's `RFC7946=YES` layer option: coordinates in
    /// WGS84 longitude/latitude (GDAL reprojects from the layer's CRS), exterior rings
    /// counter-clockwise, holes clockwise, 7 decimals, no `crs` member. The layer must have a
    /// CRS to reproject from.
    case geoJSON
    /// GeoJSON in the layer's own CRS with a `crs` member naming its code (e.g.
    /// `urn:ogc:def:crs:EPSG::31370`), as GDAL writes with `RFC7946=NO` (the 2008 GeoJSON
    /// specification; QGIS and GDAL read it back in that CRS). The layer's CRS must have an
    /// authority code.
    case geoJSONInLayerCRS
    /// The attribute table only (no geometry), as ``CSVWriter`` writes it (`standard`).
    case csv
    /// An Office Open XML spreadsheet (`.xlsx`), through GDAL's XLSX driver: one sheet per
    /// layer, named after it, the field names in the first row; text fields are text cells
    /// (a code `0123` keeps its zero), integer and real fields number cells. No geometry.
    case xlsx
  }

  /// What a file says about itself: GeoPackage `gpkg_contents.identifier` and
  /// `.description` (GDAL's `IDENTIFIER` and `DESCRIPTION` layer options) and GDAL
  /// metadata items on the layer and on the dataset (`gpkg_metadata`), which QGIS shows in
  /// the layer properties. Other formats ignore it.
  public struct Metadata: Hashable, Sendable {
    /// A short title of the layer (`gpkg_contents.identifier`); `nil` leaves GDAL's default.
    public var identifier: String?
    /// A sentence on what the layer is (`gpkg_contents.description`).
    public var description: String?
    /// `NAME` → value, set on the layer and the dataset with `GDALSetMetadataItem`.
    public var items: [String: String]

    /// Metadata as given.
    public init(
      identifier: String? = nil, description: String? = nil, items: [String: String] = [:]
    ) {
      self.identifier = identifier
      self.description = description
      self.items = items
    }
  }

  /// - Parameters:
  ///   - layer: the layer; every feature must have one value per field. A layer without a
  ///     CRS is written without one as GeoPackage or CSV; GeoJSON needs one (see
  ///     ``IOError/geoJSONNeedsCRS(path:)``).
  ///   - path: the target file; replaced if it exists.
  ///   - format: see ``Format``.
  /// - Throws: ``IOError/valueCountMismatch(path:feature:expected:found:)``,
  ///   ``IOError/geoJSONNeedsCRS(path:)``, ``IOError/crsWithoutCode(path:crs:)``,
  ///   ``IOError/unusableCRS(path:crs:message:)``,
  ///   ``IOError/gdalFailure(path:operation:message:)``,
  ///   ``IOError/writeFailed(path:message:)``. `path` is unchanged after any of them.
  public static func write(
    _ layer: Layer, to path: String, format: Format, metadata: Metadata? = nil
  ) throws(IOError) {
    switch format {
    case .csv:
      for f in layer.features where f.values.count != layer.fields.count {
        throw .valueCountMismatch(
          path: path, feature: f.index, expected: layer.fields.count, found: f.values.count)
      }
      let table = Table(
        source: layer.source, columns: layer.fields.map(\.name),
        rows: layer.features.map(\.values), lineNumbers: layer.features.indices.map { $0 + 2 })
      try CSVWriter.write(table, to: path)
    case .geoPackage, .geoJSON, .geoJSONInLayerCRS, .xlsx:
      // GDAL's RFC 7946 writer takes the coordinates of a layer without a CRS for
      // longitude/latitude and cuts them at the antimeridian: metres such as Lambert 72's
      // 229000 came out as empty rings (case 09). Without a CRS there is nothing to
      // reproject from, so refuse instead.
      if format == .geoJSON, layer.crs == nil { throw .geoJSONNeedsCRS(path: path) }
      if format == .geoJSONInLayerCRS, layer.crs?.authorityCode == nil {
        guard let crs = layer.crs else { throw .geoJSONNeedsCRS(path: path) }
        throw .crsWithoutCode(path: path, crs: crs.description)
      }
      try write([(layer, metadata)], to: path, format: format)
    }
  }

  /// Writes several layers into one file: the sheets of an `.xlsx` workbook (a table and its
  /// codebook), or the layers of a GeoPackage, in order.
  /// - Throws: as ``write(_:to:format:metadata:)``; ``IOError/writeFailed(path:message:)``
  ///   for `.csv`, which holds one table.
  public static func write(_ layers: [Layer], to path: String, format: Format) throws(IOError) {
    try write(layers.map { ($0, nil) }, to: path, format: format)
  }

  static func write(_ layers: [(Layer, Metadata?)], to path: String, format: Format)
    throws(IOError)
  {
    guard format != .csv else {
      throw .writeFailed(path: path, message: "a CSV file holds one table, not \(layers.count)")
    }
    try AtomicFile.write(to: path) { (temporary: String) throws(IOError) in
      try OGRLayerWriting(layers: layers, target: path, temporary: temporary, format: format)
        .write()
    }
  }
}

/// One GDAL write of layers to a temporary file (see ``LayerWriter``).
struct OGRLayerWriting {
  let layers: [(Layer, LayerWriter.Metadata?)]
  /// The user's path, for messages.
  let target: String
  let temporary: String
  let format: LayerWriter.Format

  var driverName: String {
    switch format {
    case .geoPackage: "GPKG"
    case .geoJSON, .geoJSONInLayerCRS: "GeoJSON"
    case .xlsx, .csv: "XLSX"
    }
  }

  func write() throws(IOError) {
    GDALSession.begin()
    guard let driver = GDALGetDriverByName(driverName) else {
      throw .gdalFailure(
        path: target, operation: "finding the \(driverName) driver",
        message: GDALSession.lastErrorMessage())
    }
    // GDALCreate returns NULL on failure.
    guard let h = GDALCreate(driver, temporary, 0, 0, 0, GDT_Unknown, nil) else {
      throw .writeFailed(path: target, message: GDALSession.lastErrorMessage())
    }
    let dataset = GDALDatasetHandle(h)
    for (layer, metadata) in layers { try write(layer, metadata, into: h) }
    for (name, value) in layers.compactMap(\.1).flatMap(\.items).sorted(by: { $0.key < $1.key }) {
      // CE_None on success; a driver without dataset metadata ignores it.
      _ = GDALSetMetadataItem(h, name, value, nil)
    }
    dataset.close()
    // GDALClose reports flush errors only through the error state.
    if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
      throw .writeFailed(path: target, message: GDALSession.lastErrorMessage())
    }
  }

  private func write(_ layer: Layer, _ metadata: LayerWriter.Metadata?, into h: GDALDatasetH)
    throws(IOError)
  {
    let srs = try layer.crs.map { (crs: CRSDefinition) throws(IOError) in
      try SpatialReference.make(crs, path: target)
    }
    var pairs: [(String, String)] =
      format == .geoJSON
      ? [("RFC7946", "YES")] : format == .geoJSONInLayerCRS ? [("RFC7946", "NO")] : []
    if format == .geoPackage {
      if let id = metadata?.identifier { pairs.append(("IDENTIFIER", id)) }
      if let d = metadata?.description { pairs.append(("DESCRIPTION", d)) }
    }
    let options = CStringList(pairs)
    // The dataset copies (references) the SRS; ours is released by its wrapper. A sheet has
    // no geometry and no SRS.
    let type = format == .xlsx ? wkbNone : geometryType(layer)
    guard
      let out = GDALDatasetCreateLayer(
        h, layer.name, format == .xlsx ? nil : srs?.handle, type, options.pointer)
    else {
      throw .gdalFailure(
        path: target, operation: "creating layer '\(layer.name)'",
        message: GDALSession.lastErrorMessage())
    }
    for (name, value) in (metadata?.items ?? [:]).sorted(by: { $0.key < $1.key }) {
      _ = GDALSetMetadataItem(out, name, value, nil)
    }
    try createFields(layer, out)
    // One transaction for the whole layer (GeoPackage); GeoJSON and XLSX have none and
    // return an error we ignore, as they write sequentially anyway.
    let transaction = GDALDatasetStartTransaction(h, 0) == OGRERR_NONE
    CPLErrorReset()
    for feature in layer.features { try write(feature, of: layer, to: out, geometryType: type) }
    if transaction, GDALDatasetCommitTransaction(h) != OGRERR_NONE {
      throw .gdalFailure(
        path: target, operation: "committing the features",
        message: GDALSession.lastErrorMessage())
    }
  }

  /// Polygon or MultiPolygon when every geometry is one (a mix of both is written as
  /// MultiPolygon), the common type otherwise, `wkbUnknown` for a mix.
  func geometryType(_ layer: Layer) -> OGRwkbGeometryType {
    let names = Set(layer.features.compactMap { $0.geometry?.typeName })
    if names == ["Polygon", "MultiPolygon"] { return wkbMultiPolygon }
    guard names.count == 1, let name = names.first else {
      return names.isEmpty ? wkbNone : wkbUnknown
    }
    let types: [String: OGRwkbGeometryType] = [
      "Point": wkbPoint, "LineString": wkbLineString, "Polygon": wkbPolygon,
      "MultiPoint": wkbMultiPoint, "MultiLineString": wkbMultiLineString,
      "MultiPolygon": wkbMultiPolygon, "GeometryCollection": wkbGeometryCollection,
    ]
    return types[name] ?? wkbUnknown
  }

  func createFields(_ layer: Layer, _ out: OGRLayerH) throws(IOError) {
    for field in layer.fields {
      let type: OGRFieldType =
        switch field.type {
        case .integer: OFTInteger64
        case .real: OFTReal
        case .text: OFTString
        }
      let definition = OGR_Fld_Create(field.name, type)
      // OGR_L_CreateField copies the definition; ours is destroyed right after.
      defer { OGR_Fld_Destroy(definition) }
      guard OGR_L_CreateField(out, definition, 1) == OGRERR_NONE else {
        throw .gdalFailure(
          path: target, operation: "creating field '\(field.name)'",
          message: GDALSession.lastErrorMessage())
      }
    }
  }

  func write(
    _ feature: Feature, of layer: Layer, to out: OGRLayerH, geometryType: OGRwkbGeometryType
  ) throws(IOError) {
    guard feature.values.count == layer.fields.count else {
      throw .valueCountMismatch(
        path: target, feature: feature.index, expected: layer.fields.count,
        found: feature.values.count)
    }
    guard let h = OGR_F_Create(OGR_L_GetLayerDefn(out)) else {
      throw .gdalFailure(
        path: target, operation: "creating feature \(feature.index)",
        message: GDALSession.lastErrorMessage())
    }
    let owned = OGRFeatureHandle(h)
    for (i, value) in feature.values.enumerated() {
      let i = Int32(i)
      switch value {
      case .missing: OGR_F_SetFieldNull(h, i)
      case .integer(let v): OGR_F_SetFieldInteger64(h, i, v)
      case .real(let v): OGR_F_SetFieldDouble(h, i, v)
      case .text(let s): OGR_F_SetFieldString(h, i, s.precomposedStringWithCanonicalMapping)
      }
    }
    if let geometry = feature.geometry, geometryType != wkbNone {
      try setGeometry(geometry, on: owned, index: feature.index, type: geometryType)
    }
    // OGR_L_CreateFeature copies the feature; ours is destroyed by its wrapper.
    guard OGR_L_CreateFeature(out, h) == OGRERR_NONE else {
      throw .gdalFailure(
        path: target, operation: "writing feature \(feature.index)",
        message: GDALSession.lastErrorMessage())
    }
  }

  private func setGeometry(
    _ geometry: Geometry, on feature: OGRFeatureHandle, index: Int, type: OGRwkbGeometryType
  ) throws(IOError) {
    // A polygon in a MultiPolygon layer is written as a one-part multipolygon.
    let promoted =
      if type == wkbMultiPolygon, case .polygon(let p) = geometry {
        Geometry.multiPolygon([p])
      } else { geometry }
    let wkb = WKB.encode(promoted)
    var g: OGRGeometryH?
    guard OGR_G_CreateFromWkb(wkb, nil, &g, Int32(wkb.count)) == OGRERR_NONE, let g else {
      throw .gdalFailure(
        path: target, operation: "converting the geometry of feature \(index)",
        message: GDALSession.lastErrorMessage())
    }
    // OGR_F_SetGeometryDirectly takes ownership of g, also on failure.
    guard OGR_F_SetGeometryDirectly(feature.handle, g) == OGRERR_NONE else {
      throw .gdalFailure(
        path: target, operation: "setting the geometry of feature \(index)",
        message: GDALSession.lastErrorMessage())
    }
  }
}
