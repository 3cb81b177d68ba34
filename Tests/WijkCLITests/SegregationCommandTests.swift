import Foundation
import Testing

// Oracle: segregation 2.5.4 on the Fluvius 2021 residential connections per sector
// (Tests/Fixtures/reference/concentration_segregation.json). The counts are put in a
// GeoJSON layer (one point per sector at an arbitrary place: these indices are aspatial).
@Suite struct SegregationCommandTests {
  static func layer() throws -> (path: String, reference: [String: Any]) {
    let ref = try StatisticFixtures.json("reference/concentration_segregation.json")
    let units = ref["units"] as! [String]
    let gas = ref["gasResidential"] as! [Double]
    let total = ref["electricityResidential"] as! [Double]
    let nonres = ref["electricityNonResidential"] as! [Double]
    let features = units.indices.map { k -> [String: Any] in
      [
        "type": "Feature",
        "properties": [
          "sector": units[k], "gas": gas[k], "total": total[k], "nogas": total[k] - gas[k],
          "nonres": nonres[k],
        ],
        "geometry": ["type": "Point", "coordinates": [230000.0 + Double(k), 184000.0]],
      ]
    }
    let collection: [String: Any] = [
      "type": "FeatureCollection",
      "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::31370"]],
      "features": features,
    ]
    let path = try StatisticFixtures.temporaryFolder().appendingPathComponent("sectors.geojson")
    try JSONSerialization.data(withJSONObject: collection).write(to: path)
    return (path.path, ref)
  }

  @Test func singleGroupAgainstTheTotalMatchesSegregation() throws {
    let (path, ref) = try Self.layer()
    let json = try StatisticFixtures.runJSON([
      "segregation", path, "--id", "sector", "--group", "gas", "--total", "total", "--json",
    ])
    let indices = try #require(json["indices"] as? [String: Any])
    let single = ref["singleGroup"] as! [String: Double]
    let pairs = [
      ("dissimilarity", "dissimilarity"), ("gini", "gini"), ("isolation", "isolation"),
      ("exposure", "interaction"), ("theilH", "entropy"),
    ]
    for (ours, theirs) in pairs {
      #expect(close(indices[ours] as? Double, single[theirs]), "\(ours)")
    }
  }

  @Test func groupAgainstAnotherGroupMatchesSegregation() throws {
    let (path, ref) = try Self.layer()
    let json = try StatisticFixtures.runJSON([
      "segregation", path, "--group", "gas", "--other-group", "nonres", "--json",
    ])
    let indices = try #require(json["indices"] as? [String: Any])
    #expect(
      close(
        indices["dissimilarity"] as? Double, ref["dissimilarityGasVersusNonResidential"] as? Double)
    )
  }

  @Test func multigroupMatchesSegregation() throws {
    let (path, ref) = try Self.layer()
    let json = try StatisticFixtures.runJSON([
      "segregation", path, "--groups", "gas,nogas,nonres", "--json",
    ])
    let indices = try #require(json["indices"] as? [String: Any])
    for (name, value) in ref["multiGroup"] as! [String: Double] {
      #expect(close(indices[name] as? Double, value), "\(name)")
    }
  }

  /// `--null`: the seeded simulation test of D, the draws replayed in Python
  /// (dissimilarity_test_references.py → dissimilarity_test.json).
  @Test(arguments: ["evenness", "systematic"])
  func dissimilarityTestReplaysThePythonDraws(_ null: String) throws {
    let (path, _) = try Self.layer()
    let cases = try StatisticFixtures.json("reference/dissimilarity_test.json")["cases"]
      as! [[String: Any]]
    let ref = try #require(
      cases.first { ($0["name"] as! String).hasPrefix("fluvius") && $0["null"] as? String == null
      }?["wijk_replay"] as? [String: Any])
    let json = try StatisticFixtures.runJSON([
      "segregation", path, "--id", "sector", "--group", "gas", "--total", "total",
      "--null", null, "--json",
    ])
    let test = try #require(json["dissimilarityTest"] as? [String: Any])
    #expect(test["pseudoP"] as? Double == ref["pseudo_p"] as? Double)
    #expect(test["simulations"] as? Int == ref["simulations"] as? Int)
    let mean = try #require(test["expectedUnderNull"] as? Double)
    #expect(abs(mean - (ref["expected_under_null"] as! Double)) <= 1e-12)
  }

  @Test func dissimilarityTestNeedsOneGroup() throws {
    let r = try CLIRunner.run([
      "segregation", StatisticFixtures.columbus, "--groups", "CRIME,HOVAL", "--null", "evenness",
    ])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--group"))
  }

  @Test func groupWithoutTotalIsAUsageError() throws {
    let r = try CLIRunner.run(["segregation", StatisticFixtures.columbus, "--group", "CRIME"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--total"))
  }
}
