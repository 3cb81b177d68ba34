import Foundation
import Testing

// Oracle: esda 2.9.0 G_Local on Columbus CRIME, queen (Tests/Fixtures/reference/
// spatial_columbus.json, made by spatial_references.py): "B_star" is transform="B",
// star=True (the classic Gi*), "R" is esda's default transform="R", star=False.
@Suite struct GiStarCommandTests {
  static func reference(_ variant: String) throws -> [String: [Double]] {
    let all = try StatisticFixtures.json("reference/spatial_columbus.json")
    let crime = (all["variables"] as! [String: Any])["CRIME"] as! [String: Any]
    let queen = (crime["weights"] as! [String: Any])["queen"] as! [String: Any]
    let g = (queen["g_local"] as! [String: Any])[variant] as! [String: Any]
    return g.mapValues { ($0 as! [Any]).map { ($0 as? Double) ?? .nan } }
  }

  func compare(_ arguments: [String], variant: String) throws {
    let json = try StatisticFixtures.runJSON(
      ["gistar", StatisticFixtures.columbus, "--column", "CRIME", "--json", "--permutations", "0"]
        + arguments)
    let ref = try Self.reference(variant)
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.count == ref["Gs"]!.count)
    for (k, u) in units.enumerated() {
      #expect(close(u["statistic"] as? Double, ref["Gs"]![k]), "unit \(k)")
      #expect(close(u["z"] as? Double, ref["Zs"]![k]), "unit \(k)")
      #expect(close(u["p"] as? Double, ref["p_norm"]![k]), "unit \(k)")
    }
  }

  @Test func classicGiStarIsTheDefaultAndMatchesEsda() throws {
    try compare([], variant: "B_star")
    let r = try CLIRunner.run(["gistar", StatisticFixtures.columbus, "--column", "CRIME"])
    #expect(r.stdout.contains("Getis-Ord Gi* of CRIME"))
    #expect(r.stdout.contains("binary, unit included"))
  }

  @Test func esdaDefaultRowWithoutStarMatchesEsda() throws {
    try compare(["--transform", "row", "--no-star"], variant: "R")
  }
}
