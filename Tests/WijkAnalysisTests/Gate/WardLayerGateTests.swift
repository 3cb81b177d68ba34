import Foundation
import Testing
import WijkCore
import WijkEngine
import WijkIO

@testable import WijkAnalysis

/// The one gate every command's ward layer passes (issue 10). Oracles: the field cases'
/// `case.md` values (GEOS for validity and areas, GeoPandas/Shapely for dissolving and point
/// counts in case 28's `compute_expected.py`, pyproj for case 30's sites).
@Suite struct WardLayerGateTests {
  static func request(_ file: String, code: String = "wijkcode", requiresCRS: Bool = true)
    -> WardLayerRequest
  {
    WardLayerRequest(
      file: fixture("cases/\(file)").path, codes: .field(code), requiresCRS: requiresCRS)
  }

  static func open(
    _ file: String, code: String = "wijkcode", _ options: WardLoadingOptions = .init()
  ) throws -> CheckedWardLayer {
    try WardLayerGate.open(request(file, code: code), options: options)
  }

  @Test func case04BowTieStopsNamingFeatureCodeAndPlace() throws {
    let error = #expect(throws: AnalysisError.self) {
      try Self.open("04-self-intersecting-ward/wards.geojson")
    }
    let text = "\(try #require(error))"
    #expect(text.contains("wards.geojson: 1 invalid ward(s)"))
    #expect(text.contains("feature 0 (W31): Self-intersection at (229500, 184500)"))
    #expect(text.contains("--repair"))
  }

  // Case 04 repaired: two triangles of 250 000 m², 500 000 m² in all (never 0).
  @Test func case04RepairGivesTwoTrianglesOfHalfAHectareEach() throws {
    let wards = try Self.open("04-self-intersecting-ward/wards.geojson", .init(repair: true))
    #expect(wards.report.repaired == ["W31"])
    let w31 = try #require(wards.layer.features[0].geometry)
    #expect(w31.polygons.count == 2)
    let areas = try GeometryChecks.areas(of: wards.layer)
    #expect(abs(areas[0] - 500_000) < 1e-6 && abs(areas[1] - 1_000_000) < 1e-6)
    #expect(wards.report.sentences.contains { $0.contains("Repaired") && $0.contains("W31") })
  }

  @Test func case03OverlapStopsNamingBothWardsAndTheArea() throws {
    #expect(
      throws: AnalysisError.overlappingWards(
        file: fixture("cases/03-overlapping-ward-polygons/wards.geojson").path,
        overlaps: ["W21 and W22 overlap by 50000 m² (5.00 ha)"])
    ) { try Self.open("03-overlapping-ward-polygons/wards.geojson") }
    let accepted = try Self.open(
      "03-overlapping-ward-polygons/wards.geojson", .init(allowOverlaps: true))
    #expect(accepted.report.acceptedOverlaps == ["W21 and W22 overlap by 50000 m² (5.00 ha)"])
  }

  @Test func case28DuplicateCodeStopsNamingW03AndFeatures2And4() throws {
    let path = fixture("cases/28-duplicate-ward-codes/wards_ward_in_two_parts.geojson").path
    let expected = AnalysisError.duplicateWardCode(
      file: path, field: "wijkcode", code: "W03", features: [2, 4])
    #expect(throws: expected) {
      try Self.open("28-duplicate-ward-codes/wards_ward_in_two_parts.geojson")
    }
    #expect(
      expected.description
        == "\(path): the ward code 'W03' (field wijkcode) is carried by 2 features "
        + "(features 2 and 4). Codes must be unique: merge the parts into one feature in a "
        + "GIS, or run with --dissolve-duplicates to dissolve them into one ward.")
    // Feature numbers are unique by construction: nothing to refuse.
    let numbered = try WardLayerGate.open(
      WardLayerRequest(file: path, codes: .featureNumbers, requiresCRS: false),
      options: .init())
    #expect(numbered.codes == ["1", "2", "3", "4", "5"])
  }

  // Case 28 dissolved (GeoPandas dissolve + sjoin within): W03 is one MultiPolygon of
  // 1 500 000 m²; 4 wards; points W01 1, W02 0, W03 3, W04 0.
  @Test func case28DissolvedW03IsOneWardOf150Hectares() throws {
    let source = WardSource(
      file: fixture("cases/28-duplicate-ward-codes/wards_ward_in_two_parts.geojson").path,
      code: "wijkcode", name: "wijknaam")
    let loaded = try WardLayerGate.load(source, options: .init(dissolveDuplicates: true))
    #expect(loaded.table.codes == ["W01", "W02", "W03", "W04"])
    #expect(loaded.table.names[2] == "Bèkerzand")
    let w03 = try #require(loaded.table.index(ofCode: "W03"))
    #expect(abs(loaded.table.areaSquareMetres[w03] - 1_500_000) < 1e-6)
    #expect(loaded.table.geometries[w03].typeName == "MultiPolygon")
    #expect(loaded.table.geometries[w03].polygons.count == 2)
    #expect(loaded.report.dissolved == [DuplicateWardCode(code: "W03", features: [2, 4])])
    let (_, points) = try readPoints(fixture("cases/28-duplicate-ward-codes/punten.csv"))
    let index = try WardPointIndex(wards: loaded.layer, codeField: "wijkcode")
    let counts = index.join(points).counts
    #expect(
      Dictionary(uniqueKeysWithValues: zip(index.codes, counts))
        == ["W01": 1, "W02": 0, "W03": 3, "W04": 0])
  }

  // Another form: parts that disagree in another field cannot be dissolved silently.
  @Test func partsThatDisagreeAreNotDissolved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-gate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let original = try String(
      contentsOf: fixture("cases/28-duplicate-ward-codes/wards_ward_in_two_parts.geojson"),
      encoding: .utf8)
    // The exclave (the second W03, last in the file) gets another name.
    let parts = original.components(separatedBy: "\"wijknaam\": \"Bèkerzand\"")
    #expect(parts.count == 3)
    let changed =
      parts[0] + "\"wijknaam\": \"Bèkerzand\"" + parts[1] + "\"wijknaam\": \"Bèkerzand-Oost\""
      + parts[2]
    let path = folder.appendingPathComponent("wards.geojson").path
    try changed.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(
      throws: AnalysisError.dissolveConflict(
        file: path, code: "W03", field: "wijknaam", values: ["Bèkerzand", "Bèkerzand-Oost"])
    ) {
      try WardLayerGate.open(
        WardLayerRequest(file: path, codes: .field("wijkcode")),
        options: .init(dissolveDuplicates: true))
    }
  }

  // Case 30: all three .prj files give EPSG:31370, areas of 1 000 000 m², and the case's
  // site positions (±1 m) and wards: S1 → W51, S2 → W53, S3 outside every ward.
  @Test(arguments: ["wards_arcgis", "wards_towgs84", "wards_gdal_esri"])
  func case30SitesLandInTheirWards(_ name: String) throws {
    let wards = try Self.open("30-shapefile-prj-esri-lambert72/\(name).shp")
    #expect(wards.layer.crs?.authorityCode == "EPSG:31370")
    for area in try GeometryChecks.areas(of: wards.layer) { #expect(abs(area - 1e6) < 1e-6) }
    let expected: [(lon: Double, lat: Double, x: Double, y: Double)] = [
      (5.5000, 50.9650, 229465.37, 184465.66), (5.4900, 50.9700, 228754.56, 185011.16),
      (5.5100, 50.9600, 230176.33, 183920.26),
    ]
    let transformer = try Transformer(from: .epsg(4326), to: try #require(wards.layer.crs))
    var points: [Coordinate] = []
    for site in expected {
      let p = try transformer.transform(Coordinate(x: site.lon, y: site.lat))
      #expect(abs(p.x - site.x) < 1 && abs(p.y - site.y) < 1, "\(name): \(p)")
      points.append(p)
    }
    let index = try WardPointIndex(wards: wards.layer, codeField: "wijkcode")
    let result = index.join(points)
    #expect(
      result.wardOfPoint.map { $0 < 0 ? "outside" : index.codes[Int($0)] }
        == ["W51", "W53", "outside"])
    if name != "wards_gdal_esri" {
      let sentence = try #require(wards.report.crsRecognition)
      #expect(sentence.contains("\(name).prj defines its CRS as"))
      #expect(sentence.contains("EPSG:31370 is used"))
    }
  }

  // A .prj that is not recognised keeps its own definition and says why, naming the file.
  @Test func anUnrecognisedPrjKeepsItsDefinition() throws {
    let path = fixture("io/synthetic_lambert72_false_easting_1m_off.shp").path
    let wards = try WardLayerGate.open(
      WardLayerRequest(file: path, codes: .field("wijkcode")), options: .init())
    #expect(wards.layer.crs?.authorityCode == nil)
    #expect(wards.layer.crs?.wkt != nil)
    let sentence = try #require(wards.report.crsRecognition)
    #expect(sentence.contains("synthetic_lambert72_false_easting_1m_off.prj"))
    #expect(sentence.contains("'Belge_1972_Belgian_Lambert_72'"))
    #expect(sentence.contains("not recognised"))
  }

  // Case 09's Shapefiles have no .prj: refused where areas are measured, used in their own
  // units (and said so) where they are not, never taken for WGS84.
  @Test func case09WithoutPrjNeedsTheCRS() throws {
    let file = "09-shapefile-dbf-encoding/wards_utf8_cpg.shp"
    let path = fixture("cases/\(file)").path
    #expect(throws: AnalysisError.missingCRS(file: path)) {
      try Self.open(file, code: "WIJKCODE")
    }
    let own = try WardLayerGate.open(
      Self.request(file, code: "WIJKCODE", requiresCRS: false), options: .init())
    #expect(own.report.unitsUnknown)
    #expect(own.layer.crs == nil)
    let given = try Self.open(file, code: "WIJKCODE", .init(crs: "EPSG:31370"))
    #expect(given.layer.crs?.authorityCode == "EPSG:31370")
  }

  // Case 09's encodings through the gate: guessed with a warning, or stated with --encoding.
  @Test func case09EncodingIsGuessedAloudOrStated() throws {
    let file = "09-shapefile-dbf-encoding/wards_cp1252_no_info.shp"
    let guessed = try WardLayerGate.open(
      Self.request(file, code: "WIJKCODE", requiresCRS: false), options: .init())
    #expect(guessed.report.readerWarnings.count == 1)
    #expect(guessed.report.readerWarnings[0].contains("Windows-1252"))
    let stated = try WardLayerGate.open(
      Self.request(file, code: "WIJKCODE", requiresCRS: false),
      options: .init(encoding: .windows1252))
    #expect(stated.report.readerWarnings.isEmpty)
    #expect(
      stated.layer.column("WIJKNAAM")?.map(\.text) == ["Hoëvelde", "Sint-Ruïnehof", "Bèkerzand"])
  }

  // Item 5: a WGS84 layer is projected to Lambert 72, or to the CRS asked for; one that lies
  // outside Lambert 72's area of use (Belgium) is not projected into nonsense.
  @Test func geographicLayersAreProjectedWithinTheAreaOfUse() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-gate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // Case 28's wards as `wijk join` writes them: RFC 7946, WGS84 degrees.
    let lambert = try Self.open("28-duplicate-ward-codes/wards.geojson")
    let written = folder.appendingPathComponent("wards_wgs84.geojson").path
    try LayerWriter.write(lambert.layer, to: written, format: .geoJSON)
    let back = try WardLayerGate.open(
      WardLayerRequest(file: written, codes: .field("wijkcode")), options: .init())
    #expect(back.layer.crs?.authorityCode == "EPSG:31370")
    #expect(back.report.projectedFrom == "EPSG:4326")
    for area in try GeometryChecks.areas(of: back.layer) { #expect(abs(area - 1e6) < 50) }
    let path = folder.appendingPathComponent("ohio.geojson").path
    let ring = "[[-83.0,40.0],[-82.99,40.0],[-82.99,40.01],[-83.0,40.01],[-83.0,40.0]]"
    try """
    {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},
    "geometry":{"type":"Polygon","coordinates":[\(ring)]}}]}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let request = WardLayerRequest(file: path, codes: .field("id"))
    #expect(
      throws: AnalysisError.outsideAreaOfUse(file: path, crs: "EPSG:4326", target: "EPSG:31370")
    ) { try WardLayerGate.open(request, options: .init()) }
    let utm = try WardLayerGate.open(request, options: .init(projectTo: .epsg(32617)))
    #expect(utm.report.projection?.hasPrefix("projected from EPSG:4326 to EPSG:32617") == true)
    // A 0.01° square at 40° N is about 853 m × 1111 m.
    let area = try GeometryChecks.areas(of: utm.layer)[0]
    #expect(abs(area - 947_000) < 5_000, "\(area)")
  }
}
