import Foundation
import Testing

// Oracle: Massey & Denton's SP in numpy and segregation 2.5.4's SpatialDissim on a row of ten
// 1 km squares (Tests/Fixtures/reference/spatial_proximity_references.py →
// spatial_proximity.json). Here the squares go through the whole command: a GeoJSON layer in
// Belgian Lambert 72, the ward gate, queen contiguity, GEOS centroids and areas.
@Suite struct SpatialSegregationCommandTests {
  static func reference(_ name: String) throws -> [String: Any] {
    let cases = try StatisticFixtures.json("reference/spatial_proximity.json")["cases"]
    return try #require((cases as! [[String: Any]]).first { $0["name"] as? String == name })
  }

  /// The case's squares as polygons 1 km wide, offset into Genk, with or without a CRS.
  static func layer(_ c: [String: Any], crs: Bool = true) throws -> String {
    let (x, y) = (c["x"] as! [Double], c["y"] as! [Double])
    let (group, total) = (c["group_values"] as! [Double], c["total_values"] as! [Double])
    let features = x.indices.map { k -> [String: Any] in
      let (cx, cy) = (230000 + x[k], 184000 + y[k])
      let ring = [[-500.0, -500.0], [500, -500], [500, 500], [-500, 500], [-500, -500]]
        .map { [cx + $0[0], cy + $0[1]] }
      return [
        "type": "Feature", "properties": ["unit": "u\(k)", "x": group[k], "t": total[k]],
        "geometry": ["type": "Polygon", "coordinates": [ring]],
      ]
    }
    var collection: [String: Any] = ["type": "FeatureCollection", "features": features]
    if crs {
      collection["crs"] = ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::31370"]]
    }
    let path = try StatisticFixtures.temporaryFolder().appendingPathComponent("squares.geojson")
    try JSONSerialization.data(withJSONObject: collection).write(to: path)
    return path.path
  }

  @Test(arguments: ["halves", "alternating"])
  func spatialIndicesMatchTheReference(_ name: String) throws {
    let c = try Self.reference(name)
    let json = try StatisticFixtures.runJSON([
      "segregation", try Self.layer(c), "--id", "unit", "--group", "x", "--total", "t",
      "--spatial", "--json",
    ])
    let indices = try #require(json["indices"] as? [String: Any])
    let sp = try #require(indices["spatialProximity"] as? Double)
    #expect(abs(sp - (c["SP"] as! Double)) <= 1e-9 * (c["SP"] as! Double), "\(name): \(sp)")
    let sd = try #require(indices["spatialDissimilarity"] as? Double)
    #expect(abs(sd - (c["SD_queen"] as! Double)) <= 1e-12, "\(name): \(sd)")
  }

  /// Clustered halves score above 1 and above the alternating row; segregation 2.5.4's
  /// SpatialProximity, recorded in the fixture, orders them the other way.
  @Test func clusteringRanksAboveMixing() throws {
    func sp(_ name: String) throws -> Double {
      let json = try StatisticFixtures.runJSON([
        "segregation", try Self.layer(try Self.reference(name)), "--group", "x", "--total", "t",
        "--spatial", "--json",
      ])
      return try #require((json["indices"] as? [String: Any])?["spatialProximity"] as? Double)
    }
    let (halves, alternating) = (try sp("halves"), try sp("alternating"))
    #expect(halves > 1 && alternating < 1)
  }

  @Test func aLayerWithoutCRSIsRefusedForProximity() throws {
    let path = try Self.layer(try Self.reference("halves"), crs: false)
    let r = try CLIRunner.run([
      "segregation", path, "--group", "x", "--total", "t", "--spatial",
    ])
    #expect(r.status != 0)
    #expect(r.stderr.contains("CRS"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func spatialWithSeveralGroupsIsAUsageError() throws {
    let r = try CLIRunner.run([
      "segregation", StatisticFixtures.columbus, "--groups", "CRIME,HOVAL", "--spatial",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--group"))
  }
}
