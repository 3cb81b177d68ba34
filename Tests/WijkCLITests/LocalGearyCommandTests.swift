import Foundation
import Testing

// Oracle: esda 2.9.0 Geary_Local_MV on Columbus CRIME, INC, HOVAL with libpysal's rook
// weights (Tests/Fixtures/reference/local_geary_references.py → local_geary.json).
@Suite struct LocalGearyCommandTests {
  @Test func multivariateColumbusMatchesEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "localgeary", StatisticFixtures.columbus, "--column", "CRIME", "--column", "INC",
      "--column", "HOVAL", "--weights", "rook", "--contiguity", "vertex", "--json",
    ])
    let all = try StatisticFixtures.json("reference/local_geary.json")
    let ref = try #require(
      (all["cases"] as! [[String: Any]]).first {
        $0["weights"] as? String == "rook" && ($0["variables"] as? [String])?.count == 3
      })
    let expected = ref["localG"] as! [Double]
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.count == 49)
    for (k, u) in units.enumerated() {
      #expect(close(u["statistic"] as? Double, expected[k]), "unit \(k)")
      #expect(u["pseudoP"] is Double)
    }
    #expect(json["statistic"] as? String == "multivariate local Geary")
  }

  @Test func withoutPermutationsIsAnArgumentError() throws {
    let r = try CLIRunner.run([
      "localgeary", StatisticFixtures.columbus, "--column", "CRIME", "--permutations", "0",
    ])
    #expect(r.status == 64, "\(r.stderr)")
  }
}
