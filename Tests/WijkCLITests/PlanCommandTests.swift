import Foundation
import Testing

@Suite(.serialized) struct PlanCommandTests {
  func freshFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("wijk-plan-\(UUID())").path
  }

  func json(_ path: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
  }

  /// JSON text with sorted keys, so two parsed values compare exactly.
  func canonical(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]),
      as: UTF8.self)
  }

  // One source of truth: the plan's numbers for Kolderbos are the published numbers of
  // `wijk analyse`'s wards.csv for Kolderbos (value, numerator, base, LQ, rank, z, Gi* z),
  // and the exact working file rounds to them.
  @Test func planNumbersEqualThePublishedTable() throws {
    let analysed = freshFolder()
    let plans = freshFolder()
    #expect(try CLIRunner.run(["analyse", "-q", "--plain-csv", "--out", analysed]).status == 0)
    let r = try CLIRunner.run(["plan", "-q", "--ward", "kolderbos (genk)", "--out", plans])
    #expect(r.status == 0, "\(r.stderr)")
    let csv = try String(contentsOfFile: analysed + "/wards.csv", encoding: .utf8)
      .split(separator: "\r\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      }
    let row = try #require(csv.first { $0.first == "7101613" })
    func cell(_ name: String) -> Double? { Double(row[csv[0].firstIndex(of: name)!]) }
    let plan = try json(plans + "/7101613-kolderbos.json")
    let exact = try json(analysed + "/results_not_for_publication.json")
    #expect(exact["not_for_publication"] is String)
    let planIndicators = try #require(plan["indicators"] as? [[String: Any]])
    // the last year of residents and of density (the years are in `series`), the 65+ share
    // and income of 2021, 5 Fluvius, the composite index's score
    #expect(planIndicators.count == 10)
    let index = try #require(plan["index"] as? [String: Any])
    #expect(index["rank"] as? Int != nil && (index["rankRange"] as? [Int])?.count == 2)
    #expect((plan["series"] as? [[String: Any]])?.map { $0["id"] as? String }.contains("population") == true)
    for pi in planIndicators {
      let id = try #require(pi["id"] as? String)
      let ward = try #require(pi["ward"] as? [String: Any])
      for (key, suffix) in [
        ("value", ""), ("numerator", "_teller"), ("base", "_noemer"), ("locationQuotient", "_lq"),
        ("rank", "_rang"), ("zScore", "_z"), ("giStarZ", "_gistar_z"),
      ] {
        #expect((ward[key] as? Double) == cell(id + suffix), "\(id)\(suffix)")
      }
    }
    let group = try #require((plan["groups"] as? [[String: Any]])?.first)
    #expect((group["indicators"] as? [Any])?.count == 31)
    for file in ["7101613-kolderbos.html", "7101613-kolderbos.md", "7101613-kolderbos-map.svg"] {
      #expect(FileManager.default.fileExists(atPath: plans + "/" + file))
    }
  }

  // --all writes 30 plans (html, md, map, json and two charts each) with the trend of 2018–2021.
  @Test func allWritesThirtyPlans() throws {
    let plans = freshFolder()
    let started = Date()
    let r = try CLIRunner.run(["plan", "--all", "--years", "2018,2019,2020,2021", "--out", plans])
    let seconds = Date().timeIntervalSince(started)
    #expect(r.status == 0, "\(r.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: plans)
    #expect(files.filter { $0.hasSuffix(".html") }.count == 30)
    #expect(files.filter { $0.hasSuffix(".md") }.count == 30)
    #expect(files.filter { $0.hasSuffix("-map.svg") }.count == 30)
    #expect(files.filter { $0.hasSuffix(".json") }.count == 30)
    // The years of the sector tables: a chart per ward of residents and density, 2011–2022.
    #expect(files.filter { $0.hasSuffix("-population.svg") }.count == 30)
    #expect(files.filter { $0.hasSuffix("-density.svg") }.count == 30)
    #expect(files.contains("7101628-winterslag-2-en-4.html"))
    #expect(!files.contains { $0.hasPrefix(".wijk-staging") })
    let md = try String(contentsOfFile: plans + "/7101616-nieuw-sledderlo.md", encoding: .utf8)
    #expect(md.contains("Evolutie 2018–2021"))
    #expect(r.stderr.contains("wrote 30 ward plan(s), 180 files"))
    print("wijk plan --all --years 2018,2019,2020,2021: \(String(format: "%.1f", seconds)) s")
  }

  @Test(arguments: ["Nieuw-Sledderlo", "nieuw sledderlo", "NIEUW SLEDDERLO (Genk)", "7101616"])
  func typedNamesFindTheWard(name: String) throws {
    let plans = freshFolder()
    let r = try CLIRunner.run(["plan", "-q", "--ward", name, "--out", plans])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: plans + "/7101616-nieuw-sledderlo.html"))
  }

  // An unknown name: exit 65, the three closest names, and nothing written.
  @Test func anUnknownWardExits65WithSuggestions() throws {
    let plans = freshFolder()
    let r = try CLIRunner.run(["plan", "-q", "--ward", "Sledderloo", "--out", plans])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "no ward is called or coded 'Sledderloo'; the closest are: Oud-Sledderlo [7101620], Nieuw Sledderlo [7101616], Langerlo [7101614]"
      ))
    #expect(!FileManager.default.fileExists(atPath: plans))
  }

  @Test func neitherWardNorAllIsAUsageError() throws {
    let r = try CLIRunner.run(["plan"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("Give --ward NAME (one or more) or --all."))
  }

  @Test func aSingleYearIsNotATrend() throws {
    let r = try CLIRunner.run(["plan", "--all", "--years", "2019"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--years needs two years or more for a trend"))
  }
}
