import CPROJ
import WijkCore

/// A coordinate reference system interpreted by PROJ: what kind it is, its name, EPSG code,
/// unit and area of use.
///
/// Not `Sendable` (it holds a PROJ object of its ``PROJContext``); pass its
/// ``definition`` between tasks instead.
public final class CoordinateReferenceSystem {
  let object: PROJHandle
  /// The context the CRS was made with; transformers from it use the same one.
  public var context: PROJContext { object.context }

  /// Interprets anything PROJ accepts: `EPSG:31370`, `urn:ogc:def:crs:EPSG::31370`, WKT (any
  /// version), PROJJSON or a PROJ string.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)`` from `proj_create`, with PROJ's
  ///   log (e.g. "Cannot find proj.db", "crs not found").
  public init(_ text: String, context: PROJContext = PROJContext()) throws(EngineError) {
    // proj_create returns NULL when the text cannot be interpreted (message in the log).
    let object = try PROJHandle(
      proj_create(context.handle, text), context: context, function: "proj_create")
    guard Self.crsTypes.contains(proj_get_type(object.pointer)) else {
      throw .proj(
        function: "proj_create", code: 0,
        messages: ["\"\(text.prefix(80))\" is not a coordinate reference system"])
    }
    self.object = object
  }

  /// The CRS with code `code` in the EPSG registry (e.g. 31370, Belgian Lambert 72).
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``, e.g. for an unknown code.
  public convenience init(epsg code: Int, context: PROJContext = PROJContext())
    throws(EngineError)
  {
    try self.init("EPSG:\(code)", context: context)
  }

  /// The CRS a layer declares: its authority code if it has one, else its WKT.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``; code 0 with the message
  ///   "the CRS definition is empty" when it has neither.
  public convenience init(_ definition: CRSDefinition, context: PROJContext = PROJContext())
    throws(EngineError)
  {
    guard let text = definition.projString else {
      throw .proj(function: "proj_create", code: 0, messages: ["the CRS definition is empty"])
    }
    try self.init(text, context: context)
  }

  private static let crsTypes: Set<PJ_TYPE> = [
    PJ_TYPE_GEODETIC_CRS, PJ_TYPE_GEOCENTRIC_CRS, PJ_TYPE_GEOGRAPHIC_CRS,
    PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_VERTICAL_CRS,
    PJ_TYPE_PROJECTED_CRS, PJ_TYPE_COMPOUND_CRS, PJ_TYPE_TEMPORAL_CRS,
    PJ_TYPE_ENGINEERING_CRS, PJ_TYPE_BOUND_CRS, PJ_TYPE_OTHER_CRS,
  ]

  /// The CRS's name, e.g. "BD72 / Belgian Lambert 72".
  public var name: String {
    // proj_get_name returns NULL when the object has no name; the string belongs to it.
    proj_get_name(object.pointer).map { String(cString: $0) } ?? "unnamed CRS"
  }

  /// The EPSG code: the object's own identifier, or else the one PROJ identifies with
  /// 100 % confidence (for a WKT without an ID); `nil` when there is none.
  public var epsgCode: Int? {
    if let code = Self.epsgIdentifier(of: object.pointer) { return code }
    return identifiedEPSGCode()
  }

  /// The CRS a bound CRS (a WKT with TOWGS84) is bound from, or the CRS itself.
  private func baseCRS() -> PROJHandle {
    guard proj_get_type(object.pointer) == PJ_TYPE_BOUND_CRS else { return object }
    // proj_get_source_crs returns NULL on failure; fall back to the bound CRS itself.
    let base = try? PROJHandle(
      proj_get_source_crs(context.handle, object.pointer), context: context,
      function: "proj_get_source_crs")
    return base ?? object
  }

  /// Whether the axes are latitude and longitude (degrees), so that areas and lengths
  /// would be in square degrees and degrees.
  public var isGeographic: Bool {
    let type = proj_get_type(baseCRS().pointer)
    return type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS
  }

  /// Metres per unit of the first axis (1 for EPSG:31370, 0.3048 for a foot-based CRS) and
  /// the unit's name.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``.
  public func axisUnit() throws(EngineError) -> (name: String, metresPerUnit: Double) {
    let crs = baseCRS()
    let cs = try PROJHandle(
      proj_crs_get_coordinate_system(context.handle, crs.pointer), context: context,
      function: "proj_crs_get_coordinate_system")
    var factor = 0.0
    var unitName: UnsafePointer<CChar>?
    // proj_cs_get_axis_info returns 0 on failure (e.g. no such axis), 1 on success.
    let found = proj_cs_get_axis_info(
      context.handle, cs.pointer, 0, nil, nil, nil, &factor, &unitName, nil, nil)
    guard found == 1 else { throw context.failure("proj_cs_get_axis_info") }
    return (unitName.map { String(cString: $0) } ?? "unknown unit", factor)
  }

  /// The region where the CRS is meant to be used, as a longitude/latitude box in degrees
  /// (`x` longitude, `y` latitude); `nil` when PROJ knows none.
  public var areaOfUse: Envelope? {
    var west = 0.0
    var south = 0.0
    var east = 0.0
    var north = 0.0
    // proj_get_area_of_use returns 0 when the object has no area of use (not an error).
    guard
      proj_get_area_of_use(context.handle, object.pointer, &west, &south, &east, &north, nil)
        == 1, west > -1000
    else { return nil }
    return Envelope(minX: west, minY: south, maxX: east, maxY: north)
  }

  /// The CRS as WKT2:2019, for writing files.
  ///
  /// - Throws: ``EngineError/proj(function:code:messages:)``. See `proj_as_wkt`.
  public func wkt() throws(EngineError) -> String {
    // proj_as_wkt returns NULL on failure; the string belongs to the object.
    guard let s = proj_as_wkt(context.handle, object.pointer, PJ_WKT2_2019, nil) else {
      throw context.failure("proj_as_wkt")
    }
    return String(cString: s)
  }

  /// The value form of this CRS: `EPSG:<code>` when it has one, plus its WKT and kind.
  public var definition: CRSDefinition {
    CRSDefinition(
      authorityCode: epsgCode.map { "EPSG:\($0)" }, wkt: try? wkt(), isGeographic: isGeographic)
  }

  /// The EPSG identifier stored on `object`, if any.
  private static func epsgIdentifier(of object: OpaquePointer) -> Int? {
    // proj_get_id_auth_name / proj_get_id_code return NULL when there is no identifier.
    guard let auth = proj_get_id_auth_name(object, 0), String(cString: auth) == "EPSG",
      let code = proj_get_id_code(object, 0)
    else { return nil }
    return Int(String(cString: code))
  }

  /// The EPSG code PROJ identifies with confidence 100, if exactly such a match exists.
  /// (The CRS itself, so that a bound CRS keeps its own TOWGS84 rather than its base's code.)
  private func identifiedEPSGCode() -> Int? {
    identify(object).first { $0.confidence == 100 }?.code
  }

  /// The EPSG CRSs PROJ finds equivalent or close to this one, with its confidence (0–100),
  /// best first, as `proj_identify` ranks them. A bound CRS (WKT with TOWGS84) is identified
  /// by the CRS it is bound from, as pyproj's `source_crs.list_authority` does: PROJ 9.1
  /// gives case 30's three Lambert 72 `.prj` files 25 (ArcGIS's false origin), 90
  /// (TOWGS84) and 100 (GDAL's ESRI WKT). Empty when PROJ finds nothing.
  public func identifiedEPSGCodes() -> [(code: Int, confidence: Int)] { identify(baseCRS()) }

  private func identify(_ crs: PROJHandle) -> [(code: Int, confidence: Int)] {
    var confidence: UnsafeMutablePointer<Int32>?
    // proj_identify returns NULL on failure; the list and confidences are ours to free.
    guard let list = proj_identify(context.handle, crs.pointer, "EPSG", nil, &confidence)
    else { return [] }
    defer {
      proj_list_destroy(list)
      proj_int_list_destroy(confidence)
    }
    var out: [(code: Int, confidence: Int)] = []
    for i in 0..<proj_list_get_count(list) {
      guard
        let match = try? PROJHandle(
          proj_list_get(context.handle, list, i), context: context, function: "proj_list_get"),
        let code = Self.epsgIdentifier(of: match.pointer)
      else { continue }
      out.append((code, Int(confidence?[Int(i)] ?? 0)))
    }
    return out
  }
}

extension CoordinateReferenceSystem {
  /// Whether both describe the same CRS (ignoring names and the axis order of a geographic
  /// CRS). See `proj_is_equivalent_to_with_ctx`.
  public func isEquivalent(to other: CoordinateReferenceSystem) -> Bool {
    proj_is_equivalent_to_with_ctx(
      context.handle, object.pointer, other.object.pointer,
      PJ_COMP_EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS) == 1
  }
}
