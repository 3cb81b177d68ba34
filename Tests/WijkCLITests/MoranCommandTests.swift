import Foundation
import Testing

// Oracle: esda 2.9.0 Moran on Columbus CRIME with the queen weights of columbus.gal,
// row-standardised (Tests/Fixtures/columbus/reference_results_esda.json).
@Suite struct MoranCommandTests {
  static func reference() throws -> [String: Any] {
    let all = try StatisticFixtures.json("columbus/reference_results_esda.json")
    let weights = (all["weights"] as! [String: Any])["queen_gal"] as! [String: Any]
    return (weights["variables"] as! [String: Any])["CRIME"] as! [String: Any]
  }

  func check(_ json: [String: Any]) throws {
    let ref = try Self.reference()
    let pairs: [(String, String)] = [
      ("i", "moran_I"), ("expectedI", "moran_EI"), ("varianceNormality", "moran_VI_norm"),
      ("zNormality", "moran_z_norm"), ("pNormality", "moran_p_norm_two_sided"),
      ("varianceRandomisation", "moran_VI_rand"), ("zRandomisation", "moran_z_rand"),
      ("pRandomisation", "moran_p_rand_two_sided"),
    ]
    for (ours, theirs) in pairs {
      #expect(close(json[ours] as? Double, ref[theirs] as? Double), "\(ours)")
    }
    #expect(json["n"] as? Int == 49)
    #expect((json["missing"] as? [Any])?.isEmpty == true)
  }

  @Test func columbusCrimeQueenMatchesEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID", "--json",
    ])
    try check(json)
    #expect(json["transformation"] as? String == "row")
    #expect(json["seed"] as? Int == 12345)
    // I is far in the tail: no permutation of 999 reaches it, so p = 1/1000.
    #expect(json["pseudoP"] as? Double == 0.001)
  }

  @Test func weightsFileGivesTheSameI() throws {
    let json = try StatisticFixtures.runJSON([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID",
      "--weights-file", "Tests/Fixtures/columbus/columbus.gal", "--json",
    ])
    try check(json)
  }

  @Test func textOutputPrintsI() throws {
    let r = try CLIRunner.run([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--permutations", "0",
    ])
    #expect(r.status == 0)
    // esda prints 0.5001885571828611; we sum in another order, so compare to 1e-9
    let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("I = ") })
    let printed = Double(line.dropFirst(4).split(separator: " ").first ?? "")
    #expect(close(printed, 0.5001885571828611))
  }

  @Test func unknownColumnExits65NamingFileAndField() throws {
    let r = try CLIRunner.run(["moran", StatisticFixtures.columbus, "--column", "CRIMEX"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("columbus.shp has no field \"CRIMEX\""))
  }

  @Test func gwtFileOfOtherUnitsIsRefused() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let gal = dir.appendingPathComponent("other.gal").path
    try "2\nA 1\nB\nB 1\nA\n".write(toFile: gal, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--weights-file", gal,
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("ids not in the layer: A, B"))
  }
}

// Missing values and islands are left out and named: a 3 × 2 grid of 100 m squares a–f
// (c has no value) plus a square "far" 10 km away (no neighbour) leaves n = 5.
@Suite struct MoranExclusionTests {
  @Test func missingAndIslandsAreNamed() throws {
    func square(_ x: Double, _ y: Double) -> [[[Double]]] {
      [[[x, y], [x + 100, y], [x + 100, y + 100], [x, y + 100], [x, y]]]
    }
    let cells: [(String, Double?, Double, Double)] = [
      ("a", 1, 0, 0), ("b", 2, 100, 0), ("c", nil, 200, 0), ("d", 4, 0, 100), ("e", 8, 100, 100),
      ("f", 3, 200, 100), ("far", 5, 10_000, 10_000),
    ]
    let features = cells.map { id, value, x, y -> [String: Any] in
      [
        "type": "Feature", "properties": ["code": id, "v": value as Any? ?? NSNull()],
        "geometry": ["type": "Polygon", "coordinates": square(x, y)],
      ]
    }
    let collection: [String: Any] = [
      "type": "FeatureCollection",
      "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::31370"]],
      "features": features,
    ]
    let path = try StatisticFixtures.temporaryFolder().appendingPathComponent("grid.geojson")
    try JSONSerialization.data(withJSONObject: collection).write(to: path)
    let r = try CLIRunner.run(["moran", path.path, "--column", "v", "--id", "code", "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(json["missing"] as? [String] == ["c"])
    #expect(json["islands"] as? [String] == ["far"])
    #expect(json["n"] as? Int == 5)
    #expect(r.stderr.contains("left out 1 unit(s) with no v: c"))
    #expect(r.stderr.contains("left out 1 island(s) (no neighbours): far"))
  }
}
