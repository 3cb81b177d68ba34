import CGDAL
import WijkCore

/// What a layer declares, read without reading its features: for `wijk info` on a layer that
/// holds no wards (5 M address points), where materialising every feature would cost
/// seconds and gigabytes for a description of a few lines.
public struct LayerHeader: Sendable {
  /// The layer's name in the file.
  public var name: String
  /// The GDAL driver that opened the file.
  public var driver: String
  /// The CRS the layer declares (`nil` without one).
  public var crs: CRSDefinition?
  /// The feature count OGR reports (forced, so exact).
  public var featureCount: Int
  /// The declared geometry type, OGC name (``LayerInfo/geometryType``).
  public var geometryType: String
  /// The extent `[minX, minY, maxX, maxY]` in the layer's CRS (OGR's, forced), `nil` when
  /// the layer is empty or has no geometry.
  public var extent: [Double]?
  /// The fields with their types, names as UTF-8 (a field name OGR cannot give as UTF-8 is
  /// shown with its invalid bytes replaced).
  public var fields: [Field]

  /// Whether the layer declares points or lines only, so holds no wards (a layer of mixed
  /// or unknown type may hold polygons and is read in full).
  public var holdsNoWards: Bool {
    ["Point", "MultiPoint", "LineString", "MultiLineString"].contains(geometryType)
  }

  /// Reads the header of one layer of `path`, chosen as ``LayerReader/read(path:layer:encoding:assumeCRS:)``
  /// chooses.
  ///
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/cannotOpen(path:message:)`` and the
  ///   layer-choice errors of the reader.
  public static func read(path: String, layer: String? = nil) throws(IOError) -> LayerHeader {
    let dataset = try LayerReader.open(path)
    return try withExtendedLifetime(dataset) { () throws(IOError) -> LayerHeader in
      let handles = dataset.layers
      let infos = handles.map(LayerInfo.init)
      let k = try LayerReader.choose(infos, name: layer, path: path)
      return header(handles[k], info: infos[k], driver: dataset.driverName)
    }
  }

  private static func header(_ h: OGRLayerH, info: LayerInfo, driver: String) -> LayerHeader {
    var envelope = OGREnvelope()
    let hasExtent =
      info.hasGeometry && info.featureCount > 0 && OGR_L_GetExtent(h, &envelope, 1) == OGRERR_NONE
    let definition = OGR_L_GetLayerDefn(h)
    let fields = (0..<OGR_FD_GetFieldCount(definition)).map { i -> Field in
      let field = OGR_FD_GetFieldDefn(definition, i)
      let name = String(decoding: bytes(OGR_Fld_GetNameRef(field)), as: UTF8.self)
      switch OGR_Fld_GetType(field) {
      case OFTInteger, OFTInteger64: return Field(name: name, type: .integer)
      case OFTReal: return Field(name: name, type: .real)
      default: return Field(name: name, type: .text)
      }
    }
    return LayerHeader(
      name: info.name, driver: driver,
      crs: OGR_L_GetSpatialRef(h).flatMap(SpatialReference.copy(of:))?.definition,
      featureCount: info.featureCount, geometryType: info.geometryType,
      extent: hasExtent ? [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY] : nil,
      fields: fields)
  }

  private static func bytes(_ s: UnsafePointer<CChar>?) -> [UInt8] {
    guard let s else { return [] }
    return Array(UnsafeBufferPointer(start: s, count: strlen(s))).map { UInt8(bitPattern: $0) }
  }
}
