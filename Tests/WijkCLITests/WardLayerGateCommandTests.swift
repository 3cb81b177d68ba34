import Foundation
import Testing

extension CLIRunner.Result {
  /// stdout with CSV's CRLF line ends as plain newlines.
  var lines: String { stdout.replacingOccurrences(of: "\r\n", with: "\n") }
}

// The one ward-layer gate, command by command (issue 10, items 3, 4, 5, 8 and 10). Oracles:
// the field cases' case.md (GEOS validity and areas; GeoPandas dissolve, sjoin and libpysal
// Rook in case 28's compute_expected.py; pyproj in case 30's).
@Suite struct WardLayerGateCommandTests {
  static let cases = "Tests/Fixtures/cases"
  static let case03 = "\(cases)/03-overlapping-ward-polygons"
  static let case04 = "\(cases)/04-self-intersecting-ward"
  static let case09 = "\(cases)/09-shapefile-dbf-encoding"
  static let case28 = "\(cases)/28-duplicate-ward-codes"
  static let case30 = "\(cases)/30-shapefile-prj-esri-lambert72"

  /// The same faulty layer stops every command that reads wards, with exit 65 and the
  /// gate's message, and nothing written.
  func expectStops(_ layer: String, code: String, message: String) throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("out.gpkg").path
    let runs: [[String]] = [
      [
        "join", layer, "--code", code, "--points", "\(Self.case03)/points.csv", "--x", "x",
        "--y", "y", "--allow-unmatched", "--out", out,
      ],
      ["weights", layer, "--id", code, "--kind", "queen"],
      ["moran", layer, "--id", code, "--column", code, "--permutations", "0"],
      ["lisa", layer, "--id", code, "--column", code, "--out", out],
      ["classify", layer, "--id", code, "--column", code],
      ["segregation", layer, "--id", code, "--group", code, "--total", code],
    ]
    for arguments in runs {
      let r = try CLIRunner.run(arguments)
      #expect(r.status == 65, "\(arguments[0]): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(arguments[0]): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out), "\(arguments[0])")
    }
  }

  // Case 04: the bow-tie stops join and every statistic as it stops analyse.
  @Test func case04SelfIntersectionStopsEveryCommand() throws {
    try expectStops(
      "\(Self.case04)/wards.geojson", code: "wijkcode",
      message: "feature 0 (W31): Self-intersection at (229500, 184500)")
  }

  // Case 03: the 5 ha overlap stops join and every statistic as it stops analyse.
  @Test func case03OverlapStopsEveryCommand() throws {
    try expectStops(
      "\(Self.case03)/wards.geojson", code: "wijkcode",
      message: "W21 and W22 overlap by 50000 m² (5.00 ha)")
  }

  // Case 28: W03 on features 2 and 4 stops every command that uses the code.
  @Test func case28DuplicateCodeStopsEveryCommand() throws {
    try expectStops(
      "\(Self.case28)/wards_ward_in_two_parts.geojson", code: "wijkcode",
      message: "the ward code 'W03' (field wijkcode) is carried by 2 features (features 2 and 4)")
  }

  // Case 04 repaired in join: T01 and T02 both in W31, T03 in W32; the report says so.
  @Test func case04RepairedInJoinCountsBothTriangles() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case04)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case04)/points.csv", "--x", "x", "--y", "y", "--repair", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["repaired"] as? [String] == ["W31"])
    #expect(r.stderr.contains("Repaired invalid ward(s) with GEOS make-valid: W31."))
    let csv = try CLIRunner.run([
      "join", "\(Self.case04)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case04)/points.csv", "--x", "x", "--y", "y", "--repair",
    ])
    #expect(
      csv.lines == "wijkcode,n_points\nW31,2\nW32,1\n"
    )
  }

  // Case 03 accepted: every boundary mode's report agrees with its counts (8 points; assign
  // counts R04 and R05 once, within and intersects twice: 10).
  @Test(arguments: [
    ("assign", 8, "W21,5\nW22,3"), ("within", 10, "W21,5\nW22,5"),
    ("intersects", 10, "W21,5\nW22,5"),
  ])
  func case03OverlapReportMatchesTheCounts(_ mode: String, _ total: Int, _ rows: String) throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case03)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case03)/points.csv", "--x", "x", "--y", "y", "--point-id", "punt_id",
      "--allow-overlaps", "--boundary", mode,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines == "wijkcode,n_points\n\(rows)\n")
    #expect(r.stderr.contains("8 points; the ward counts add up to \(total)"))
    #expect(
      r.stderr.contains("Overlapping wards accepted on request: W21 and W22 overlap by 50000 m²"))
    let once = r.stderr.contains("each was counted once")
    #expect(once == (mode == "assign"), "\(r.stderr)")
    #expect(r.stderr.contains("so more than once") == (mode != "assign"))
  }

  // Case 28 dissolved: one W03 (features 2 and 4), counts W01 1, W02 0, W03 3, W04 0; rook
  // neighbours W01–W02, W02–W03, W03–W04; Moran's I on n = 4.
  @Test func case28DissolvedHoldsInJoinWeightsAndMoran() throws {
    let layer = "\(Self.case28)/wards_ward_in_two_parts.geojson"
    let dir = try StatisticFixtures.temporaryFolder()
    let joined = dir.appendingPathComponent("joined.gpkg").path
    let arguments = [
      "join", layer, "--code", "wijkcode", "--points", "\(Self.case28)/punten.csv", "--x", "x",
      "--y", "y", "--point-id", "punt_id", "--dissolve-duplicates", "--allow-unmatched",
    ]
    let join = try CLIRunner.run(arguments)
    #expect(join.status == 0, "\(join.stderr)")
    #expect(
      join.lines
        == "wijkcode,n_points\nW01,1\nW02,0\nW03,3\nW04,0\n")
    #expect(
      join.stderr.contains(
        "Dissolved features sharing a code into one ward each (on request): W03 (features 2 and 4)."
      ))
    #expect(try CLIRunner.run(arguments + ["--out", joined]).status == 0)
    let gal = dir.appendingPathComponent("rook.gal").path
    let weights = try CLIRunner.run([
      "weights", layer, "--id", "wijkcode", "--kind", "rook", "--dissolve-duplicates", "--out",
      gal,
    ])
    #expect(weights.status == 0, "\(weights.stderr)")
    #expect(
      WeightsCommandTests.neighbourSets(try String(contentsOfFile: gal, encoding: .utf8))
        == ["W01": ["W02"], "W02": ["W01", "W03"], "W03": ["W02", "W04"], "W04": ["W03"]])
    // The joined layer holds one W03: Moran's I of the counts is on n = 4.
    let moran = try StatisticFixtures.runJSON([
      "moran", joined, "--id", "wijkcode", "--column", "n_points", "--weights", "rook",
      "--permutations", "0", "--json",
    ])
    #expect(moran["n"] as? Int == 4)
  }
}

// `wijk info` reports what the gate finds instead of stopping.
@Suite struct InfoGateTests {
  static let case28 = WardLayerGateCommandTests.case28
  static let case30 = WardLayerGateCommandTests.case30

  // Case 28: W03 is listed as a duplicate code (it said "usable" before).
  @Test func case28InfoListsW03AsADuplicateCode() throws {
    let layer = "\(Self.case28)/wards_ward_in_two_parts.geojson"
    let r = try CLIRunner.run(["info", layer])
    #expect(r.status == 0)
    #expect(r.stdout.contains("duplicate codes in wijkcode: 1\n  - W03 (features 2 and 4)"))
    #expect(
      r.stdout.contains(
        "verdict:   fix the problems above before using it as a ward layer (or let the "
          + "commands go on with --dissolve-duplicates)"))
    let json = try StatisticFixtures.runJSON(["info", layer, "--json"])
    let duplicates = try #require(json["duplicateCodes"] as? [[String: Any]])
    #expect(duplicates.count == 1)
    #expect(duplicates.first?["code"] as? String == "W03")
    #expect(duplicates.first?["features"] as? [Int] == [2, 4])
    #expect(json["isUsableAsWards"] as? Bool == false)
    let accepted = try StatisticFixtures.runJSON(
      ["info", layer, "--json", "--dissolve-duplicates"])
    #expect(accepted["isUsableAsWards"] as? Bool == true)
    let clean = try CLIRunner.run(["info", "\(Self.case28)/wards.geojson"])
    #expect(clean.stdout.contains("duplicate codes in wijkcode: none"))
    #expect(clean.stdout.contains("verdict:   usable as a ward layer"))
  }

  // Case 30: each .prj is Lambert 72, with PROJ's confidence and the agreement measured.
  @Test func case30InfoRecognisesLambert72() throws {
    let arcgis = try CLIRunner.run(["info", "\(Self.case30)/wards_arcgis.shp"])
    #expect(
      arcgis.stdout.contains(
        "CRS:       EPSG:31370 — BD72 / Belgian Lambert 72, equivalent to the file's "
          + "'Belge_1972_Belgian_Lambert_72' (PROJ's confidence 25 %, agreement 0.5 mm over "
          + "its area of use)"), "\(arcgis.stdout)")
    #expect(arcgis.stdout.contains("area:      3.00 km²"))
    #expect(arcgis.stdout.contains("verdict:   usable as a ward layer"))
    let towgs84 = try StatisticFixtures.runJSON([
      "info", "\(Self.case30)/wards_towgs84.shp", "--json",
    ])
    #expect(towgs84["crs"] as? String == "EPSG:31370")
    let recognition = try #require(towgs84["crsRecognition"] as? [String: Any])
    #expect(recognition["confidence"] as? Int == 90)
    #expect(recognition["outcome"] as? String == "equivalent")
    #expect((recognition["deviationMetres"] as? Double ?? 1) <= 0.01)
    let gdal = try CLIRunner.run(["info", "\(Self.case30)/wards_gdal_esri.shp"])
    #expect(gdal.stdout.contains("CRS:       EPSG:31370 — BD72 / Belgian Lambert 72\n"))
  }

  // Not recognised: the file's own definition, its name and why; still a usable layer.
  @Test func anUnrecognisedPrjIsNamedWithTheReason() throws {
    let r = try CLIRunner.run([
      "info", "Tests/Fixtures/io/synthetic_lambert72_false_easting_1m_off.shp",
    ])
    #expect(
      r.stdout.contains(
        "CRS:       the file's own definition 'Belge_1972_Belgian_Lambert_72', not an EPSG code "
          + "(its best match EPSG:31370 (confidence 25 %) differs by up to 1.00 m over its area "
          + "of use)"), "\(r.stdout)")
    #expect(r.stdout.contains("synthetic_lambert72_false_easting_1m_off.prj defines its CRS"))
    #expect(r.stdout.contains("verdict:   usable as a ward layer"))
  }

  // Case 09: no .prj is "no CRS", and the verdict says what to give.
  @Test func case09InfoAsksForTheCRS() throws {
    let r = try CLIRunner.run([
      "info", "\(WardLayerGateCommandTests.case09)/wards_utf8_cpg.shp",
    ])
    #expect(r.stdout.contains("CRS:       none declared (give one with --crs)"))
    #expect(
      r.stdout.contains(
        "verdict:   give the layer's CRS with --crs (e.g. --crs EPSG:31370), then check it again"))
  }
}

// Case 30 through the point join: S1 → W51, S2 → W53, S3 outside every ward, for all three.
@Suite struct PrjPointJoinTests {
  @Test(arguments: ["wards_arcgis", "wards_towgs84", "wards_gdal_esri"])
  func case30SitesJoinToTheirWards(_ name: String) throws {
    let folder = WardLayerGateCommandTests.case30
    let r = try CLIRunner.run([
      "join", "\(folder)/\(name).shp", "--code", "wijkcode", "--points",
      "\(folder)/sites_wgs84.csv", "--lon", "lon", "--lat", "lat", "--point-id", "site_id",
      "--allow-unmatched",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.lines
        == "wijkcode,n_points\nW51,1\nW52,0\nW53,1\n")
    #expect(r.stderr.contains("outside every ward (1): S3"))
  }
}

// Case 09 and item 10: what `join` writes as GeoJSON, and in which CRS.
@Suite struct JoinGeoJSONTests {
  static let wards = "\(WardLayerGateCommandTests.case09)/wards_utf8_cpg.shp"

  func run(_ extra: [String], out: String) throws -> CLIRunner.Result {
    try CLIRunner.run(
      [
        "join", Self.wards, "--code", "WIJKCODE", "--table",
        "\(WardLayerGateCommandTests.case09)/site_by_name_nfd.csv", "--key", "wijknaam",
        "--allow-unmatched", "--out", out,
      ] + extra)
  }

  @Test func case09WithoutCRSIsAnErrorSayingGiveCRS() throws {
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent("w.geojson").path
    let r = try run([], out: out)
    #expect(r.status == 65)
    #expect(r.stderr.contains("w.geojson: GeoJSON is written in WGS84 longitude/latitude"))
    #expect(r.stderr.contains("--crs EPSG:31370"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func case09WithCRSHasItsCoordinatesInWGS84() throws {
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent("w.geojson").path
    let r = try run(["--crs", "EPSG:31370"], out: out)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stderr.contains(
        "GeoJSON in WGS84 longitude/latitude (RFC 7946), transformed from the wards' EPSG:31370"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
        as? [String: Any])
    #expect(json["crs"] == nil)
    let features = try #require(json["features"] as? [[String: Any]])
    #expect(features.count == 3)
    for f in features {
      let rings = try #require((f["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])
      #expect(rings[0].count == 5)
      // Near Genk: 5.49–5.53 E, 50.96–50.97 N.
      #expect(rings[0].allSatisfy { abs($0[0] - 5.51) < 0.03 && abs($0[1] - 50.965) < 0.01 })
    }
  }

  // Points in a stated CRS cannot be placed on wards whose CRS is unknown (they were placed
  // untransformed before).
  @Test func case09PointsInAStatedCRSNeedTheWardsCRS() throws {
    let r = try CLIRunner.run([
      "join", Self.wards, "--code", "WIJKCODE", "--points",
      "\(WardLayerGateCommandTests.case03)/points.csv", "--x", "x", "--y", "y", "--points-crs",
      "EPSG:31370", "--allow-unmatched",
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("wards_utf8_cpg.shp: the layer declares no coordinate reference"))
  }

  @Test func geojsonInTheWardsCRSNamesIt() throws {
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent("w.geojson").path
    let r = try run(["--crs", "EPSG:31370", "--geojson-crs", "source"], out: out)
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    #expect(text.contains("\"name\": \"urn:ogc:def:crs:EPSG::31370\""))
    #expect(text.contains("229000.0, 184000.0"))
    let help = try CLIRunner.run(["join", "--help"])
    #expect(help.stdout.contains("--geojson-crs"))
    #expect(help.stdout.contains("GeoJSON is WGS84 longitude/latitude (RFC 7946)"))
  }
}

// Item 5: kNN and distance bands on a WGS84 GeoJSON (as `join` writes it) are in metres.
@Suite struct WeightsInMetresTests {
  /// Case 28's four 1 km squares in a row, written by `join` as WGS84 GeoJSON.
  static func wgs84Wards() throws -> String {
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent("w.geojson").path
    let r = try CLIRunner.run([
      "join", "\(WardLayerGateCommandTests.case28)/wards.geojson", "--code", "wijkcode",
      "--points", "\(WardLayerGateCommandTests.case28)/punten.csv", "--x", "x", "--y", "y",
      "--allow-unmatched", "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    return out
  }

  // Centroids are 1000 m apart (± the 7 decimals of RFC 7946): a band of 1000.5 m links the
  // neighbours in the row (6 directed links), 999.5 m none. In degrees nothing would be
  // within 999.5 and everything within 1000.5.
  @Test func distanceBandIsInMetresAfterProjecting() throws {
    let layer = try Self.wgs84Wards()
    let near = try StatisticFixtures.runJSON([
      "weights", layer, "--id", "wijkcode", "--kind", "distance", "--threshold", "1000.5",
      "--json",
    ])
    #expect(near["links"] as? Int == 6)
    #expect(
      near["distances"] as? String
        == "metres (EPSG:31370; the layer was projected from EPSG:4326)")
    #expect(
      (near["projection"] as? String)?.hasPrefix(
        "projected from EPSG:4326 to EPSG:31370") == true)
    let far = try StatisticFixtures.runJSON([
      "weights", layer, "--id", "wijkcode", "--kind", "distance", "--threshold", "999.5",
      "--json",
    ])
    #expect(far["links"] as? Int == 0)
  }

  @Test func knnSaysItsUnitsInTheStatistics() throws {
    let layer = try Self.wgs84Wards()
    let r = try CLIRunner.run([
      "moran", layer, "--id", "wijkcode", "--column", "n_points", "--weights", "knn", "--k",
      "1", "--permutations", "0", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "knn (k = 1), distances in metres (EPSG:31370; the layer was projected from EPSG:4326)"))
    #expect(r.stderr.contains("The ward layer was projected from EPSG:4326 to EPSG:31370"))
    let help = try CLIRunner.run(["weights", "--help"])
    #expect(help.stdout.contains("Distance band in metres"))
  }

  // A layer without a CRS is measured in its own units, and the output says so.
  @Test func withoutACRSTheUnitsAreNamed() throws {
    let json = try StatisticFixtures.runJSON([
      "weights", StatisticFixtures.columbus, "--kind", "knn", "--k", "2", "--json",
    ])
    #expect(json["distances"] as? String == "the layer's own units (it declares no CRS)")
  }
}

// Case 09's encodings reach every command through the gate.
@Suite struct GateEncodingTests {
  @Test func case09GuessedEncodingIsSaidAndStatedOneIsUsed() throws {
    let layer = "\(WardLayerGateCommandTests.case09)/wards_cp1252_no_info.shp"
    let dir = try StatisticFixtures.temporaryFolder()
    let gal = dir.appendingPathComponent("w.gal").path
    let guessed = try CLIRunner.run([
      "weights", layer, "--id", "WIJKNAAM", "--kind", "rook", "--out", gal,
    ])
    #expect(guessed.status == 0, "\(guessed.stderr)")
    #expect(guessed.stderr.contains("it was read as Windows-1252"))
    let stated = try CLIRunner.run([
      "weights", layer, "--id", "WIJKNAAM", "--kind", "rook", "--encoding", "Windows-1252",
      "--out", gal,
    ])
    #expect(!stated.stderr.contains("it was read as"))
    let ids = WeightsCommandTests.neighbourSets(try String(contentsOfFile: gal, encoding: .utf8))
    #expect(Set(ids.keys) == ["Hoëvelde", "Sint-Ruïnehof", "Bèkerzand"])
  }
}
