import Testing
import WijkCore

@testable import WijkEngine

/// Cases 05 and 06: WGS 84 → Belgian Lambert 72 needs the BD72 datum shift, and the axis
/// order must be lon/lat in and easting/northing out. Oracle: the case files (PROJ 9 with
/// "BD72 to WGS 84 (3)"), reproduced here with
///   echo "50.9650 5.5000" | cs2cs -d 4 EPSG:4326 EPSG:31370   → 229465.3724 184465.6592
/// The tolerance is the case's 1 m. A projection-only result, S1 ≈ (229557.6, 184406.1), is
/// 92 m off in x, and a flipped-rotation Helmert, S1 ≈ (229522.9, 184496.6), 57 m: both fail.
@Suite struct TransformerTests {
  static let lambert72 = [
    "S1": Coordinate(x: 229465.37, y: 184465.66),
    "S2": Coordinate(x: 228754.56, y: 185011.16),
    "S3": Coordinate(x: 230176.33, y: 183920.26),
  ]

  static func toLambert72(_ context: PROJContext = PROJContext()) throws -> Transformer {
    try Transformer(
      from: CoordinateReferenceSystem(epsg: 4326, context: context),
      to: CoordinateReferenceSystem(epsg: 31370, context: context))
  }

  static func near(_ a: Coordinate, _ b: Coordinate, within metres: Double) -> Bool {
    abs(a.x - b.x) <= metres && abs(a.y - b.y) <= metres
  }

  @Test func case06SitesLandWithinOneMetreWithTheDatumShift() throws {
    let transformer = try Self.toLambert72()
    let sites = try testCSV(Fixtures.caseFile("06-lambert72-datum-shift", "sites_wgs84.csv"))
    #expect(sites.count == 3)
    for site in sites {
      let id = try #require(site["site_id"])
      let lon = try #require(site["lon"].flatMap(Double.init))
      let lat = try #require(site["lat"].flatMap(Double.init))
      let xy = try transformer.transform(Coordinate(x: lon, y: lat))
      let expected = try #require(Self.lambert72[id])
      #expect(Self.near(xy, expected, within: 1.0), "\(id): \(xy) vs \(expected)")
      #expect(transformer.operationName?.contains("BD72 to WGS 84 (3)") == true)
    }
  }

  @Test func projectionWithoutDatumShiftWouldFailTheTolerance() {
    // The guard is real: the wrong answers the case lists lie outside 1 m of the right one.
    let right = Self.lambert72["S1"]!
    #expect(!Self.near(Coordinate(x: 229557.6, y: 184406.1), right, within: 1.0))
    #expect(!Self.near(Coordinate(x: 229522.9, y: 184496.6), right, within: 1.0))
  }

  @Test func case05BothCorrectInputsGiveTheSamePosition() throws {
    let transformer = try Self.toLambert72()
    let row = try #require(
      try testCSV(Fixtures.caseFile("05-latlon-axis-order", "site_latlon.csv")).first)
    let fromCSV = try transformer.transform(
      Coordinate(x: Double(row["lon"]!)!, y: Double(row["lat"]!)!))
    let geojson = try TestGeoJSON.layer(
      Fixtures.caseFile("05-latlon-axis-order", "site_lonlat_rfc7946.geojson"))
    #expect(geojson.crs == .epsg(4326))
    let projected = try transformer.transform(geojson)
    #expect(projected.crs?.authorityCode == "EPSG:31370")
    guard case .point(let fromGeoJSON) = try #require(projected.features[0].geometry) else {
      Issue.record("expected a point")
      return
    }
    #expect(fromCSV == fromGeoJSON)
    #expect(Self.near(fromCSV, Self.lambert72["S1"]!, within: 1.0))
  }

  @Test func case05SwappedSiteFallsOutsideTheAreaOfUse() throws {
    let context = PROJContext()
    let lambert = try CoordinateReferenceSystem(epsg: 31370, context: context)
    // EPSG's area of use of Belgian Lambert 72: lon 2.5–6.4, lat 49.5–51.51.
    let area = try #require(lambert.areaOfUse)
    #expect(area == Envelope(minX: 2.5, minY: 49.5, maxX: 6.4, maxY: 51.51))
    #expect(area.contains(Coordinate(x: 5.5, y: 50.965)))
    #expect(!area.contains(Coordinate(x: 50.965, y: 5.5)))
  }

  @Test func roundTripReturnsWithinOneHundredThousandthOfADegree() throws {
    let context = PROJContext()
    let back = try Transformer(
      from: CoordinateReferenceSystem(epsg: 31370, context: context),
      to: CoordinateReferenceSystem(epsg: 4326, context: context))
    let lonLat = try back.transform(Self.lambert72["S1"]!)
    #expect(abs(lonLat.x - 5.5) <= 1e-5)
    #expect(abs(lonLat.y - 50.965) <= 1e-5)
    #expect(back.operationName?.contains("BD72 to WGS 84 (3)") == true)
  }

  @Test func lambert2008UsesETRS89() throws {
    // echo "50.9650 5.5000" | cs2cs -d 4 EPSG:4326 EPSG:3812   → 729462.6923 684475.4192
    // (PROJ 9.1.1; projinfo -s EPSG:4326 -t EPSG:3812 lists the one candidate
    // "Inverse of ETRS89 to WGS 84 (1) + Belgian Lambert 2008", 1 m)
    let context = PROJContext()
    let transformer = try Transformer(
      from: CoordinateReferenceSystem(epsg: 4326, context: context),
      to: CoordinateReferenceSystem(epsg: 3812, context: context))
    let xy = try transformer.transform(Coordinate(x: 5.5, y: 50.965))
    #expect(abs(xy.x - 729462.6923) <= 1e-3)
    #expect(abs(xy.y - 684475.4192) <= 1e-3)
    #expect(
      transformer.operationName
        == "axis order change (2D) + Inverse of ETRS89 to WGS 84 (1) + Belgian Lambert 2008")
  }

  @Test func operationNameIsNilBeforeTheFirstTransform() throws {
    #expect(try Self.toLambert72().operationName == nil)
  }

  @Test func impossibleLatitudeIsAnErrorNamingTheCoordinate() throws {
    let transformer = try Self.toLambert72()
    _ = try transformer.transform(Coordinate(x: 5.5, y: 50.965))
    let bad = Coordinate(x: 5.5, y: 95)
    #expect(
      throws: EngineError.transformFailed(
        coordinate: bad,
        operation: "axis order change (2D) + Inverse of BD72 to WGS 84 (3) + Belgian Lambert 72",
        messages: ["Invalid coordinate", "push: Invalid latitude"])
    ) { try transformer.transform(bad) }
    // The error is cleared: the next coordinate transforms again.
    #expect(
      Self.near(
        try transformer.transform(Coordinate(x: 5.5, y: 50.965)), Self.lambert72["S1"]!,
        within: 1.0))
  }

  @Test func geometryTransformKeepsRingsClosedAndAxesInOrder() throws {
    let transformer = try Self.toLambert72()
    let ring = Ring([
      Coordinate(x: 5.49, y: 50.96), Coordinate(x: 5.51, y: 50.96),
      Coordinate(x: 5.51, y: 50.97), Coordinate(x: 5.49, y: 50.97),
    ])
    let projected = try transformer.transform(.polygon(Polygon(exterior: ring)))
    let cs = try #require(projected.polygons.first).exterior.coordinates
    #expect(cs.count == 5)
    #expect(cs.first == cs.last)
    // Easting grows eastwards and northing northwards: x from lon, y from lat.
    #expect(cs[1].x > cs[0].x && cs[2].y > cs[1].y)
  }
}
