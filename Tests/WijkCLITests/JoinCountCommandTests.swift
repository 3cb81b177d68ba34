import Foundation
import Testing

// Oracle: esda 2.9.0 Join_Counts_Local on Columbus with CRIME above its median as "yes",
// libpysal's queen weights (Tests/Fixtures/reference/join_count_references.py →
// join_counts.json), and scipy's hypergeometric tail the permutation p tends to.
@Suite struct JoinCountCommandTests {
  func columbusCase() throws -> [String: Any] {
    let all = try StatisticFixtures.json("reference/join_counts.json")
    return try #require((all["cases"] as! [[String: Any]]).first { ($0["name"] as! String).hasPrefix("columbus") })
  }

  /// CRIME above its median: the counts are esda's LJC exactly, a unit with LJC = 0 has no
  /// p, and each p is within 4 standard errors of the exact hypergeometric tail.
  @Test func columbusAboveTheMedianMatchesEsda() throws {
    let ref = try columbusCase()
    let yes = ref["values"] as! [Int]
    let ljc = ref["LJC"] as! [Double]
    let exact = ref["exact_p"] as! [Any]
    // the median of CRIME: yes means above it, so any threshold between the two middle values
    let columbus = try StatisticFixtures.json("reference/spatial_columbus.json")
    let variables = columbus["variables"] as! [String: [String: Any]]
    let crime = try #require(variables["CRIME"]?["values"] as? [Double])
    let sorted = crime.sorted()
    let median = sorted[sorted.count / 2]
    #expect(zip(crime, yes).allSatisfy { ($0 > median) == ($1 == 1) }, "the reference's yes")
    let json = try StatisticFixtures.runJSON([
      "joincount", StatisticFixtures.columbus, "--column", "CRIME", "--above", "\(median)",
      "--weights", "queen", "--permutations", "9999", "--json",
    ])
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.count == 49)
    for (k, u) in units.enumerated() {
      #expect(u["statistic"] as? Double == ljc[k], "unit \(k)")
      if let p = exact[k] as? Double {
        let q = try #require(u["pseudoP"] as? Double, "unit \(k) has a p")
        let se = (p * (1 - p) / 9999).squareRoot()
        #expect(abs(q - p) <= 4 * se + 1e-4, "unit \(k): \(q) against \(p)")
      } else {
        #expect(u["pseudoP"] == nil, "unit \(k): LJC 0, no p")
        #expect(u["cluster"] as? String == "no join")
      }
    }
    #expect(json["statistic"] as? String == "local join count")
  }

  /// A column that is not 0/1 without --above is bad data (65), naming the unit.
  @Test func aColumnThatIsNotYesNoNamesTheUnit() throws {
    let r = try CLIRunner.run(["joincount", StatisticFixtures.columbus, "--column", "CRIME"])
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("Unit '1'") && r.stderr.contains("1 (yes) or 0 (no)"), "\(r.stderr)")
  }
}
