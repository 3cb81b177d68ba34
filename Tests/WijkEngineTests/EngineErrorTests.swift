import Testing
import WijkCore

@testable import WijkEngine

/// The sentences a city GIS user reads; each case's text pinned.
@Suite struct EngineErrorTests {
  static let topology =
    "TopologyException: Input geom 0 is invalid: Self-intersection at 229500 184500"

  static let cases: [(EngineError, String)] = [
    (
      EngineError.geos(
        function: "GEOSWKTReader_read_r",
        messages: ["ParseException: Expected word but encountered end of stream"]),
      """
      The geometry engine (GEOS GEOSWKTReader_read_r) failed: ParseException: Expected word but \
      encountered end of stream.
      """
    ),
    (
      EngineError.geos(function: "GEOSArea_r", messages: []),
      "The geometry engine (GEOS GEOSArea_r) failed: no message was given."
    ),
    (
      EngineError.proj(
        function: "proj_create", code: 2,
        messages: ["proj_create: Cannot find proj.db"]),
      """
      The coordinate engine (PROJ proj_create) failed with error 2: proj_create: Cannot find \
      proj.db.
      """
    ),
    (
      EngineError.wkb(.truncated(offset: 5)),
      "A geometry could not be read: WKB ends early at byte 5."
    ),
    (
      EngineError.transformFailed(
        coordinate: Coordinate(x: 5.5, y: 95), operation: "BD72 to WGS 84 (3)",
        messages: ["Invalid coordinate"]),
      """
      The coordinate (5.5, 95) could not be transformed with "BD72 to WGS 84 (3)" (Invalid \
      coordinate); it may lie far outside the area of the coordinate system, or latitude and \
      longitude may be swapped.
      """
    ),
    (
      EngineError.geographicCRS(layer: "wards", crs: "EPSG:4326"),
      """
      Layer "wards" is in a geographic CRS (EPSG:4326) whose units are degrees; areas and \
      lengths need a projected CRS such as EPSG:31370 (Belgian Lambert 72): project the layer \
      first.
      """
    ),
    (
      EngineError.missingCRS(layer: "wards"),
      """
      Layer "wards" declares no coordinate reference system, so its units are unknown; assign \
      one (e.g. EPSG:31370) before measuring areas.
      """
    ),
    (
      EngineError.nonLinearUnit(crs: "WGS 84", unit: "degree"),
      """
      The coordinate system WGS 84 measures its axes in degree, not in a length unit; areas \
      cannot be given in square metres.
      """
    ),
    (
      EngineError.crsMismatch(
        layer: "sectors", crs: "EPSG:31370", otherLayer: "wards", otherCRS: "EPSG:3812"),
      """
      Layer "sectors" is in EPSG:31370 but layer "wards" is in EPSG:3812; transform one of them \
      so both use the same coordinate system.
      """
    ),
    (
      EngineError.missingGeometry(layer: "wards", featureIndex: 3),
      "Feature 3 of layer \"wards\" has no geometry."
    ),
    (
      EngineError.feature(
        layer: "wards", featureIndex: 0,
        reason: .geos(
          function: "GEOSIntersection_r",
          messages: [topology])),
      """
      Feature 0 of layer "wards": The geometry engine (GEOS GEOSIntersection_r) failed: \
      TopologyException: Input geom 0 is invalid: Self-intersection at 229500 184500.
      """
    ),
  ]

  @Test(arguments: cases)
  func description(error: EngineError, text: String) {
    #expect(error.description == text)
  }

  @Test func invalidWardInOverlapCheckNamesTheFeature() throws {
    // Case 04's bow-tie W31 and a square overlapping its west triangle.
    var layer = try TestGeoJSON.layer(
      Fixtures.caseFile("04-self-intersecting-ward", "wards.geojson"))
    layer.features[1].geometry = .polygon(
      Polygon(
        exterior: Ring([
          Coordinate(x: 229000, y: 184000), Coordinate(x: 229600, y: 184000),
          Coordinate(x: 229600, y: 185000), Coordinate(x: 229000, y: 185000),
        ])))
    #expect(
      throws: EngineError.feature(
        layer: "wards", featureIndex: 0,
        reason: .geos(
          function: "GEOSIntersection_r",
          messages: [Self.topology]))
    ) { try GeometryChecks.overlaps(in: layer) }
  }
}
