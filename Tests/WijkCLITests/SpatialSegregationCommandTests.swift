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

  /// The case's squares as polygons 1 km wide, offset into Genk, in Lambert 72.
  static func layer(_ c: [String: Any]) throws -> String {
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
    let collection: [String: Any] = [
      "type": "FeatureCollection", "features": features,
      "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::31370"]],
    ]
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

  /// A Shapefile without .prj passes the gate in its own units (Columbus), and the plain
  /// indices run on it; spatial proximity, in metres, refuses it and says how to mend it.
  @Test func aLayerWithoutCRSIsRefusedForProximity() throws {
    let args = ["segregation", StatisticFixtures.columbus, "--group", "NSA", "--total", "THOUS"]
    #expect(try CLIRunner.run(args).status == 0)
    let r = try CLIRunner.run(args + ["--spatial"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--spatial") && r.stderr.contains("--crs"), "\(r.stderr)")
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
