import Foundation
import Testing

@Suite(.serialized) struct AnalyseCommandTests {
  func tempFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("wijk-analyse-\(UUID())")
  }

  @Test func genkRunWritesEveryOutput() throws {
    let out = tempFolder()
    let r = try CLIRunner.run(["analyse", "--out", out.path, "--excel"])
    #expect(r.status == 0, "\(r.stderr)")
    let files = [
      "wards_not_for_publication.gpkg", "results_not_for_publication.json", "wards.csv",
      "wards.xlsx", "wards_codebook.csv", "summary.md", "summary.html",
      "maps/gas_share.svg", "maps/gas_share-lisa.svg", "maps/households.svg",
    ]
    for f in files {
      #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(f).path), "\(f)")
    }
    let csv = try Data(contentsOf: out.appendingPathComponent("wards.csv"))
    #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF], "Excel dialect: a BOM")
    #expect(
      String(decoding: csv.dropFirst(3).prefix(30), as: UTF8.self)
        == "wijkcode;wijk;oppervlakte_km2;")
    #expect(r.stderr.contains("computing gas_share (999 permutations, seed 12345)"))
    #expect(r.stderr.contains("illustratief"), "the illustrative group is announced")
    let html = try String(contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
    #expect(html.contains("Kattevenne-Molenblook") && html.contains("concentratiewijk"))
    #expect(!html.contains("src=\"http"), "self-contained")
  }

  @Test func quietPrintsNothingOnSuccess() throws {
    let r = try CLIRunner.run(["analyse", "--out", tempFolder().path, "-q"])
    #expect(r.status == 0)
    #expect(r.stderr.isEmpty)
  }

  @Test func unknownConfigurationKeyExits78NamingTheKey() throws {
    let config = tempFolder().appendingPathExtension("yaml")
    var text = try String(
      contentsOfFile: "\(CLIRunner.root.path)/GeoData/wijk-genk.yaml", encoding: .utf8)
    text = text.replacingOccurrences(of: "permutations: 999", with: "permutatons: 999")
      .replacingOccurrences(of: "file: genk_", with: "file: \(CLIRunner.root.path)/GeoData/genk_")
      .replacingOccurrences(
        of: "groups_file: impulswijken",
        with: "groups_file: \(CLIRunner.root.path)/GeoData/impulswijken")
    try text.write(to: config, atomically: true, encoding: .utf8)
    let out = tempFolder()
    let r = try CLIRunner.run(["analyse", "--config", config.path, "--out", out.path])
    #expect(r.status == 78)
    #expect(r.stderr.contains("key 'permutatons': unknown key 'permutatons'"))
    #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
  }

  @Test func failedRunLeavesEarlierOutputsUntouched() throws {
    let out = tempFolder()
    #expect(try CLIRunner.run(["analyse", "--out", out.path, "-q"]).status == 0)
    let before = try Data(
      contentsOf: out.appendingPathComponent("results_not_for_publication.json"))
    let config = tempFolder().appendingPathExtension("yaml")
    try """
    wards: { file: \(CLIRunner.root.path)/Tests/Fixtures/cases/04-self-intersecting-ward/wards.geojson, code: wijkcode, name: wijknaam }
    indicators:
      - { id: a, kind: count, numerator: n, label: A }
    """.write(to: config, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run(["analyse", "--config", config.path, "--out", out.path])
    #expect(r.status == 65)
    #expect(r.stderr.contains("feature 0 (W31): Self-intersection at (229500, 184500)"))
    #expect(
      try Data(contentsOf: out.appendingPathComponent("results_not_for_publication.json"))
        == before)
    let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(!left.contains { $0.hasPrefix(".wijk-staging") })
  }

  @Test func missingConfigurationExits66SayingWhereToRun() throws {
    let r = try CLIRunner.run(["analyse", "--config", "nope.yaml"])
    #expect(r.status == 66)
    #expect(r.stderr.contains("nope.yaml: no such configuration file. Run wijk in the project folder"))
  }

  // The region: Genk and its ten neighbours, 153 wards on the 2020-2024 sectors.
  @Test func regionConfigurationRuns() throws {
    let out = tempFolder()
    let r = try CLIRunner.run([
      "analyse", "--config", "GeoData/wijk-region.yaml", "--out", out.path, "-q",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("results_not_for_publication.json")))
      as? [String: Any]
    #expect((json?["wards"] as? [Any])?.count == 153)
  }
}
