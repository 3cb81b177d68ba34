import WijkCore

/// Why a geometry or coordinate operation failed, with the evidence a user needs to find the
/// cause: the C function and the library's own messages, the layer and feature, the CRS.
///
/// Every case's ``description`` is a full sentence meant for a city GIS user; the tests in
/// `EngineErrorTests` pin each one.
public indirect enum EngineError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A GEOS function reported failure (its sentinel) with the messages GEOS gave, in order.
  case geos(function: String, messages: [String])
  /// A PROJ function failed. `code` is PROJ's error number (0 when PROJ set none);
  /// `messages` holds PROJ's error text followed by what it logged during the call
  /// (for example "Cannot find proj.db").
  case proj(function: String, code: Int32, messages: [String])
  /// WKB bytes could not be decoded into a wijk geometry.
  case wkb(WKBError)
  /// PROJ could not transform a coordinate (it returned `HUGE_VAL`), typically because the
  /// coordinate is far outside the area of use or latitude and longitude are swapped.
  case transformFailed(coordinate: Coordinate, operation: String, messages: [String])
  /// A length or area was asked for in a geographic CRS, where it would be in degrees.
  case geographicCRS(layer: String, crs: String)
  /// A layer has no CRS, so its units (and hence areas in m²) are unknown.
  case missingCRS(layer: String)
  /// A CRS whose axes are not in a linear unit (metre, foot, ...) where one is needed.
  case nonLinearUnit(crs: String, unit: String)
  /// Two layers that must share a CRS do not.
  case crsMismatch(layer: String, crs: String, otherLayer: String, otherCRS: String)
  /// A feature has no geometry where one is needed.
  case missingGeometry(layer: String, featureIndex: Int)
  /// An operation failed on one feature of a layer; `reason` is the underlying failure.
  case feature(layer: String, featureIndex: Int, reason: EngineError)

  /// A sentence for a city GIS user: what failed, the evidence, and what to do.
  public var description: String {
    switch self {
    case .geos(let function, let messages):
      return "The geometry engine (GEOS \(function)) failed: "
        + (messages.isEmpty ? "no message was given." : messages.joined(separator: "; ") + ".")
    case .proj(let function, let code, let messages):
      return "The coordinate engine (PROJ \(function)) failed with error \(code): "
        + (messages.isEmpty ? "no message was given." : messages.joined(separator: "; ") + ".")
    case .wkb(let error):
      return "A geometry could not be read: \(error)."
    case .transformFailed(let c, let operation, let messages):
      let why = messages.isEmpty ? "" : " (\(messages.joined(separator: "; ")))"
      return "The coordinate \(c) could not be transformed with \"\(operation)\"\(why); "
        + "it may lie far outside the area of the coordinate system, or latitude and "
        + "longitude may be swapped."
    case .geographicCRS(let layer, let crs):
      return "Layer \"\(layer)\" is in a geographic CRS (\(crs)) whose units are degrees; "
        + "areas and lengths need a projected CRS such as EPSG:31370 (Belgian Lambert 72): "
        + "project the layer first."
    case .missingCRS(let layer):
      return "Layer \"\(layer)\" declares no coordinate reference system, so its units are "
        + "unknown; assign one (e.g. EPSG:31370) before measuring areas."
    case .nonLinearUnit(let crs, let unit):
      return "The coordinate system \(crs) measures its axes in \(unit), not in a length "
        + "unit; areas cannot be given in square metres."
    case .crsMismatch(let layer, let crs, let otherLayer, let otherCRS):
      return "Layer \"\(layer)\" is in \(crs) but layer \"\(otherLayer)\" is in \(otherCRS); "
        + "transform one of them so both use the same coordinate system."
    case .missingGeometry(let layer, let index):
      return "Feature \(index) of layer \"\(layer)\" has no geometry."
    case .feature(let layer, let index, let reason):
      return "Feature \(index) of layer \"\(layer)\": \(reason)"
    }
  }
}
