import Foundation
import Testing

@Suite struct InfoCommandTests {
  @Test func genkWardsAre31ValidWardsInLambert72() throws {
    let r = try CLIRunner.run(["info", "GeoData/genk_wijken_2025_31370.geojson", "--json"])
    #expect(r.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["featureCount"] as? Int == 31)
    #expect(json["crs"] as? String == "EPSG:31370")
    #expect(json["driver"] as? String == "GeoJSON")
    // 87.57 km² (provinciesincijfers; shapely 2.2 sums the same polygons to 87.5699 km²).
    #expect(abs((json["totalSquareKilometres"] as? Double ?? 0) - 87.57) < 0.005)
    #expect((json["invalidFeatures"] as? [Any])?.isEmpty == true)
    #expect((json["overlaps"] as? [Any])?.isEmpty == true)
    #expect((json["gaps"] as? [Any])?.isEmpty == true)
  }

  /// A point layer is described from its header (issue 15: 5 M address points took 44 s and
  /// 3 GiB through the ward checks): count, CRS, extent and fields as ogrinfo gives them.
  @Test func aPointLayerIsDescribedNotCheckedAsWards() throws {
    let r = try CLIRunner.run(["info", "Tests/Fixtures/io/synthetic_points_case01.shp", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["featureCount"] as? Int == 10)
    #expect(json["geometryTypes"] as? [String: Int] == ["Point": 10])
    #expect(json["crs"] as? String == "EPSG:31370")
    // ogrinfo -so: Extent: (229000.000000, 184100.000000) - (230800.000000, 185000.000000)
    #expect(json["extent"] as? [Double] == [229000, 184100, 230800, 185000])
    #expect(json["isUsableAsWards"] as? Bool == false)
    let text = try CLIRunner.run(["info", "Tests/Fixtures/io/synthetic_points_case01.shp"])
    #expect(text.stdout.contains("a Point layer holds no wards"))
    #expect(text.stdout.contains("verdict:   not a ward layer (Point features"))
    #expect(!text.stdout.contains("invalid features"))
  }

  /// Wards on which GEOS's pair overlay throws a TopologyException (the exhaustive search
  /// fails, `SliverTests`): the search passes over the pair, as no strip can lie between
  /// them, and the check finishes. The tolerance is printed as given (it was "0 m").
  @Test func aSliverCheckPassesOverAPairGEOSCannotOverlay() throws {
    let r = try CLIRunner.run([
      "info", "Tests/Fixtures/io/synthetic_sliver_check_topology_exception.geojson",
      "--sliver-tolerance", "0.001",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("features:  9"), "\(r.stdout)")
    #expect(
      r.stdout.contains("slivers (wards closer than 0.001 m without touching): none"),
      "\(r.stdout)")
    #expect(!r.stdout.contains("not checked"))
  }

  // Case 04: the bow-tie W31 is named with GEOS's reason and the crossing point.
  @Test func case04SelfIntersectionIsNamedWithItsLocation() throws {
    let r = try CLIRunner.run([
      "info", "Tests/Fixtures/cases/04-self-intersecting-ward/wards.geojson",
    ])
    #expect(r.status == 0)
    #expect(r.stdout.contains("feature 0 (W31): Self-intersection at (229500, 184500)"))
    #expect(
      r.stdout.contains("not checked: overlaps, gaps, slivers and area: 1 invalid feature(s) first"))
  }

  // Case 03: W21 and W22 overlap by 50 000 m² = 5.00 ha.
  @Test func case03OverlapIsNamedWithItsArea() throws {
    let r = try CLIRunner.run([
      "info", "Tests/Fixtures/cases/03-overlapping-ward-polygons/wards.geojson",
    ])
    #expect(r.stdout.contains("feature 0 (W21) and feature 1 (W22) overlap by 50000 m² (5.00 ha)"))
  }

  // Case 18: no layer chosen is an error listing the polygon layers, exit 65.
  @Test func case18SeveralLayersNeedAChoice() throws {
    let gpkg = "Tests/Fixtures/cases/18-geopackage-with-several-layers/stad.gpkg"
    let r = try CLIRunner.run(["info", gpkg])
    #expect(r.status == 65)
    #expect(r.stderr.contains("'statistische_sectoren' (6 features), 'wijken' (3 features)"))
    #expect(!r.stderr.contains("bron_metadata"))
    let chosen = try CLIRunner.run(["info", gpkg, "--layer", "wijken", "--json"])
    #expect(chosen.status == 0)
    #expect(chosen.stdout.contains("\"featureCount\" : 3"))
  }

  // Case 29: a 5 cm gap open at both ends is no hole of the coverage, but a sliver.
  @Test func case29SliverIsReportedWithItsSizeAndTheVerdictAsksForAttention() throws {
    let file = "Tests/Fixtures/cases/29-contiguity-t-junctions-and-slivers/wards_sliver.geojson"
    let r = try CLIRunner.run(["info", file])
    #expect(r.status == 0)
    #expect(r.stdout.contains("gaps in the coverage: none"))
    #expect(
      r.stdout.contains(
        "W01 and W02 are 0.05 m apart along 1000 m (a 50 m² sliver) near (230000.03, 184500)"))
    #expect(r.stdout.contains("verdict:   usable as a ward layer, but needs attention: 1 sliver(s)"))
    #expect(r.stdout.contains("a snap tolerance of 0.1 m does"))
    let output = try CLIRunner.run(["info", file, "--json"]).stdout
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let slivers = try #require(json["slivers"] as? [[String: Any]])
    #expect(slivers.count == 1)
    #expect(slivers.first?["firstLabel"] as? String == "W01")
    #expect(slivers.first?["secondLabel"] as? String == "W02")
    #expect(abs((slivers.first?["separation"] as? Double ?? 0) - 0.05) < 1e-6)
    #expect(abs((slivers.first?["squareMetres"] as? Double ?? 0) - 50) < 0.01)
    #expect((json["attention"] as? [String])?.count == 1)
    // the T-junction layer of the same case is clean
    let clean = try CLIRunner.run([
      "info", "Tests/Fixtures/cases/29-contiguity-t-junctions-and-slivers/wards_tjunction.geojson",
    ])
    #expect(clean.stdout.contains("slivers (wards closer than 1 m without touching): none"))
    #expect(clean.stdout.hasSuffix("verdict:   usable as a ward layer\n"))
  }

  @Test func aSliverToleranceOfZeroIsAnArgumentError() throws {
    let r = try CLIRunner.run([
      "info", "GeoData/genk_wijken_2025_31370.geojson", "--sliver-tolerance", "0",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--sliver-tolerance"))
  }

  @Test func missingFileExits66WithItsName() throws {
    let r = try CLIRunner.run(["info", "nope.geojson"])
    #expect(r.status == 66)
    #expect(r.stderr.contains("nope.geojson"))
  }
}

@Suite struct InfoAttributeTableTests {
  // Case 18's `bron_metadata` is an attribute table: not "invalid features", but no ward layer.
  @Test func anAttributeTableIsNotAWardLayer() throws {
    let r = try CLIRunner.run([
      "info", "Tests/Fixtures/cases/18-geopackage-with-several-layers/stad.gpkg", "--layer",
      "bron_metadata",
    ])
    #expect(r.status == 0)
    #expect(!r.stdout.contains("invalid features"))
    #expect(r.stdout.contains("verdict:   not a ward layer (no polygons); choose another layer with --layer"))
  }
}
