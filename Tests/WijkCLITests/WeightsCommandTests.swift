import Foundation
import Testing

// Oracle: columbus.gal as shipped with libpysal 4.14.1 (queen, keyed by POLYID) and
// its summary in reference_results_esda.json (236 links, mean 4.816…, min 2, max 10).
@Suite struct WeightsCommandTests {
  /// id → neighbour ids of a GAL file (order within a line is not meaningful).
  static func neighbourSets(_ text: String) -> [String: Set<String>] {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.split(separator: " ").map(String.init)
    }
    var out: [String: Set<String>] = [:]
    var k = 1
    while k < lines.count {
      let (id, count) = (lines[k][0], Int(lines[k][1])!)
      out[id] = count > 0 ? Set(lines[k + 1]) : []
      k += count > 0 ? 2 : 1
    }
    return out
  }

  @Test func columbusQueenEqualsColumbusGal() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("queen.gal").path
    let json = try StatisticFixtures.runJSON([
      "weights", StatisticFixtures.columbus, "--id", "POLYID", "--kind", "queen", "--out", out,
      "--json",
    ])
    let ours = try String(contentsOfFile: out, encoding: .utf8)
    let theirs = try String(
      contentsOf: StatisticFixtures.fixtures.appendingPathComponent("columbus/columbus.gal"),
      encoding: .utf8)
    #expect(ours.split(whereSeparator: \.isNewline).first == "49")
    #expect(Self.neighbourSets(ours) == Self.neighbourSets(theirs))
    #expect(json["links"] as? Int == 236)
    #expect(close(json["meanNeighbours"] as? Double, 4.816326530612245))
    #expect(json["minNeighbours"] as? Int == 2)
    #expect(json["maxNeighbours"] as? Int == 10)
    #expect((json["islands"] as? [String])?.isEmpty == true)
  }

  @Test func csvPairsHaveOneRowPerLink() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("knn.csv").path
    let r = try CLIRunner.run([
      "weights", StatisticFixtures.columbus, "--id", "POLYID", "--kind", "knn", "--k", "4",
      "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
    #expect(rows.first == "focal,neighbour,weight")
    #expect(rows.count == 1 + 49 * 4)
    #expect(r.stdout.contains("knn (k = 4), 49 units, 196 links"))
  }

  @Test func distanceWithoutThresholdNamesTheOption() throws {
    let r = try CLIRunner.run(["weights", StatisticFixtures.columbus, "--kind", "distance"])
    #expect(r.status == 64, "a usage error")
    #expect(r.stderr.contains("--threshold"))
  }
}
