import Foundation
import Testing

// Oracle: esda 2.9.0 Moran_BV and Moran_Local_BV on Columbus CRIME against the lag of INC,
// libpysal's rook weights (Tests/Fixtures/reference/bivariate_references.py →
// bivariate_columbus.json).
@Suite struct BivariateCommandTests {
  static func reference() throws -> [String: Any] {
    let all = try StatisticFixtures.json("reference/bivariate_columbus.json")
    return try #require(
      (all["cases"] as! [[String: Any]]).first {
        $0["x"] as? String == "CRIME" && $0["y"] as? String == "INC"
          && $0["weights"] as? String == "rook"
      })
  }

  @Test func columbusCrimeAgainstIncomeMatchesEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "bivariate", StatisticFixtures.columbus, "--x", "CRIME", "--y", "INC", "--weights", "rook",
      "--contiguity", "vertex", "--json",
    ])
    let ref = try Self.reference()
    let global = try #require(json["global"] as? [String: Any])
    #expect(close(global["value"] as? Double, ref["I"] as? Double))
    // I_BV = −0.43 is beyond every one of 999 permutations, on the lower tail
    #expect(global["pseudoP"] as? Double == 0.001)
    #expect(global["tail"] as? String == "lower")
    let units = try #require(json["units"] as? [[String: Any]])
    let expectedIs = ref["Is"] as! [Double]
    let expectedQuadrants = ref["quadrants"] as! [String]
    #expect(units.count == 49)
    for (k, u) in units.enumerated() {
      #expect(close(u["statistic"] as? Double, expectedIs[k]), "unit \(k)")
      #expect(u["quadrant"] as? String == expectedQuadrants[k], "unit \(k)")
      #expect(u["z"] == nil && u["p"] == nil, "no analytic moments, unit \(k)")
    }
  }

  @Test func withoutPermutationsIsAnArgumentError() throws {
    let r = try CLIRunner.run([
      "bivariate", StatisticFixtures.columbus, "--x", "CRIME", "--y", "INC", "--permutations", "0",
    ])
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stderr.contains("--permutations must be 99 or more"))
  }

  @Test func outWritesTheQuadrantColumn() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("bv.csv").path
    let r = try CLIRunner.run([
      "bivariate", StatisticFixtures.columbus, "--x", "CRIME", "--y", "INC", "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let header = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")[0]
    for column in ["bv_stat", "bv_psim", "bv_quad", "bv_sig", "bv_cluster"] {
      #expect(header.contains(column), "\(column) in \(header)")
    }
    #expect(r.stdout.contains("bivariate Moran's I of CRIME against the lag of INC: I = "))
  }
}
