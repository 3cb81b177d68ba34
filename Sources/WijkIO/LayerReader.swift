import CGDAL
import Foundation
import WijkCore

/// Reads vector layers (GeoJSON, GeoPackage, Shapefile) through GDAL/OGR into WijkCore's
/// `Layer`: geometry as ISO WKB decoded by `WKB.decode`, attributes typed (integer, real,
/// text; dates and other types as text), CRS as a `CRSDefinition`.
public enum LayerReader {
  /// Lists the layers of a vector file with their forced feature count and geometry type,
  /// in the order the file registers them (attribute tables included, as `None`).
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)``.
  public static func layers(in path: String) throws(IOError) -> [LayerInfo] {
    let dataset = try open(path)
    // Layer handles are borrowed from the dataset: keep it open while they are used.
    return withExtendedLifetime(dataset) { dataset.layers.map(LayerInfo.init) }
  }

  /// Reads one layer of a vector file.
  ///
  /// Layer choice: `layer` when given; else the only layer with geometry; else the only
  /// polygon layer; else an error listing the candidates (pyogrio#355: never "the first").
  ///
  /// Text: GeoJSON and GeoPackage are UTF-8 by definition. A Shapefile's DBF is decoded by
  /// wijk from raw bytes (opened with `ENCODING=`): `encoding` if given, else `.cpg`, else
  /// the DBF language-driver byte, else UTF-8 if valid, else Windows-1252 with a warning in
  /// the report. All text comes out NFC.
  ///
  /// CRS: what the file declares (OGR's SRS, `.prj`, GeoPackage SRS table, GeoJSON `crs`
  /// member). A Shapefile without `.prj` gives `crs == nil` unless `assumeCRS` is given,
  /// never WGS84. A GeoJSON without `crs` member is WGS84 by RFC 7946, unless `assumeCRS` is
  /// given, and its coordinates must then be degrees.
  ///
  /// - Parameters:
  ///   - path: a `.geojson`/`.json`, `.gpkg` or `.shp` file, or any GDAL vector data source
  ///     such as a PostGIS connection `PG:dbname=genk host=…` (``DataSourceName``).
  ///   - layer: the layer name (GeoPackage, a database table such as `public.wards`), or an
  ///     SQL query as `sql:SELECT …` (``LayerQuery``); `nil` to let the rule above choose.
  ///   - encoding: forces the DBF text encoding (Shapefile only).
  ///   - assumeCRS: the CRS to use when the file declares none.
  /// - Returns: the layer (features in source order, `index` 0-based) and a ``ReadReport``.
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)``,
  ///   ``IOError/noSuchLayer(path:layer:available:)``,
  ///   ``IOError/layerChoiceNeeded(path:candidates:)``, ``IOError/noSpatialLayer(path:)``,
  ///   ``IOError/coordinatesNotDegrees(path:feature:coordinate:)``,
  ///   ``IOError/unreadableGeometry(path:feature:message:)``,
  ///   ``IOError/undecodableText(path:feature:field:encoding:)``,
  ///   ``IOError/unsupportedEncoding(path:name:)``, ``IOError/badQuery(path:sql:message:)``.
  ///   Messages show a connection's password as `***`; the layer's `source` is the
  ///   connection without it.
  public static func read(
    path: String, layer: String? = nil, encoding: TextEncoding? = nil,
    assumeCRS: CRSDefinition? = nil
  ) throws(IOError) -> LayerReading {
    let dataset = try open(path)
    let query = try LayerQuery.sql(in: layer).map { (sql: String) throws(IOError) in
      try OGRResultSet(dataset, sql: sql, path: path)
    }
    defer { withExtendedLifetime((dataset, query)) {} }  // the layer handles below are borrowed
    let handles = dataset.layers
    let chosen: OGRLayerH
    if let query {
      chosen = query.layer
    } else {
      chosen = handles[try choose(handles.map(LayerInfo.init), name: layer, path: path)]
    }
    var raw = try RawLayer.read(chosen, path: path)
    let isShapefile = dataset.driverName == "ESRI Shapefile"
    if isShapefile, let dbf = ShapefileEncoding.sideFile(of: path, "dbf") {
      raw.markUnreadableNumbers(dbfPath: dbf)
    }
    let declaration =
      isShapefile
      ? ShapefileEncoding.declaration(for: path)
      : ShapefileEncoding.Declaration(encoding: .utf8, source: nil)
    let (textEncoding, source, warnings) = try ShapefileEncoding.resolve(
      path: path, user: isShapefile ? encoding : nil, declaration: declaration,
      texts: raw.allTexts)
    var report = ReadReport(
      encoding: textEncoding, encodingSource: isShapefile ? source : nil, warnings: warnings)
    report.driver = dataset.driverName
    let decoded = try raw.decoded(with: textEncoding, path: path)
    let crs = try resolveCRS(
      declared: raw.crs, assumed: assumeCRS, driver: dataset.driverName, path: path,
      features: decoded.features, report: &report)
    let result = Layer(
      name: raw.name, source: DataSourceName.redacted(path), crs: crs, fields: decoded.fields,
      features: decoded.features)
    return LayerReading(layer: result, report: report)
  }

  /// Opens `path` read-only as a vector file; Shapefiles with `ENCODING=` so that OGR
  /// hands over the DBF's raw bytes and wijk decodes them. A connection string
  /// (``DataSourceName/isConnection(_:)``, e.g. `PG:dbname=genk`) goes to GDAL as it is.
  static func open(_ path: String) throws(IOError) -> GDALDatasetHandle {
    guard DataSourceName.isConnection(path) || FileManager.default.fileExists(atPath: path)
    else { throw .fileNotFound(path: path) }
    GDALSession.begin()
    let ext = (path as NSString).pathExtension.lowercased()
    let options = CStringList(ext == "shp" || ext == "dbf" ? [("ENCODING", "")] : [])
    // GDALOpenEx returns NULL on failure; the message is there thanks to VERBOSE_ERROR.
    guard let h = GDALOpenEx(path, GDALSession.readFlags, nil, options.constPointer, nil) else {
      throw .cannotOpen(path: path, message: GDALSession.lastErrorMessage())
    }
    return GDALDatasetHandle(h)
  }

  /// The index of the layer to read (see ``read(path:layer:encoding:assumeCRS:)``).
  static func choose(_ infos: [LayerInfo], name: String?, path: String) throws(IOError) -> Int {
    if let name {
      if let i = infos.firstIndex(where: { $0.name == name })
        ?? infos.firstIndex(where: { $0.name.lowercased() == name.lowercased() })
      {
        return i
      }
      throw .noSuchLayer(path: path, layer: name, available: infos.map(\.name))
    }
    let spatial = infos.indices.filter { infos[$0].hasGeometry }
    if spatial.count == 1 { return spatial[0] }
    let polygonal = spatial.filter { infos[$0].isPolygonal }
    if polygonal.count == 1 { return polygonal[0] }
    if spatial.isEmpty { throw .noSpatialLayer(path: path) }
    let offered = polygonal.isEmpty ? spatial : polygonal
    throw .layerChoiceNeeded(path: path, candidates: offered.map { infos[$0] })
  }

  /// The CRS of the layer, applying the GeoJSON and `assumeCRS` rules.
  private static func resolveCRS(
    declared: CRSDefinition?, assumed: CRSDefinition?, driver: String, path: String,
    features: [Feature], report: inout ReadReport
  ) throws(IOError) -> CRSDefinition? {
    // OGR gives every GeoJSON without a `crs` member WGS84; find out whether the file said so.
    let implicit =
      driver == "GeoJSON" && declared?.isGeographic == true
      && !GeoJSONMembers.hasCRSMember(path)
    if implicit {
      if let assumed { return assumed }
      try DegreeCheck.check(features, path: path)
      return declared
    }
    guard let declared else { return assumed }
    if let assumed, assumed.authorityCode != declared.authorityCode {
      report.warnings.append(.assumedCRSIgnored(path: path, declared: declared.description))
    }
    return declared
  }
}
