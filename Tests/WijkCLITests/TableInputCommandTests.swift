import Foundation
import Testing

/// Tables through the command line: `wijk info` on tables, `wijk join` and `wijk analyse` with
/// missing-value markers, non-numeric cells and duplicate keys (cases 11, 23, 28).
@Suite struct TableInputCommandTests {
  static let case11 = "Tests/Fixtures/cases/11-csv-semicolon-decimal-comma"
  static let case23 = "Tests/Fixtures/cases/23-statbel-confidential-cells"
  static let case28 = "Tests/Fixtures/cases/28-duplicate-ward-codes"

  @Test func case28InfoNamesTheDuplicateKeysWithTheirLinesAndTheFilter() throws {
    let r = try CLIRunner.run(["info", "\(Self.case28)/indicatoren_per_jaar.csv"])
    #expect(r.status == 0, "\(r.stderr)")
    for line in [
      "separator: ; (detected from the header)", "jaar: integer, 8 numbers",
      "key wijkcode (looks like a key): 4 value(s) on more than one line", "  W01: lines 2, 6",
      "  W04: lines 5, 9",
      "verdict:   fix the problems above (duplicate keys, non-numeric cells) before joining it",
    ] {
      #expect(r.stdout.contains(line + "\n"), "\(line)")
    }
    #expect(r.stdout.contains("filter on jaar, e.g. filter: { jaar: \"2023\" }"))
    let json = try CLIRunner.run(["info", "\(Self.case28)/indicatoren_dubbel.csv", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let keys = try #require(object["keys"] as? [[String: Any]])
    let duplicates = try #require(keys.first?["duplicates"] as? [[String: Any]])
    #expect(duplicates.count == 1 && duplicates[0]["key"] as? String == "W02")
    #expect(duplicates[0]["lines"] as? [Int] == [3, 4])
  }

  @Test func case23InfoCountsTheConfidentialCellAndChoosesTheSectorKey() throws {
    let r = try CLIRunner.run(["info", "\(Self.case23)/sectoren_statbel.txt"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "  MS_NBR_LEEFLOON: integer, 4 numbers\n      missing: 1 cell confidential (C), line 3\n"))
    #expect(r.stdout.contains("key CD_SECTOR (looks like a key): unique"))
    #expect(r.stdout.contains("verdict:   usable as a table"))
  }

  @Test func case11InfoShowsTheCellThatIsNotANumber() throws {
    let r = try CLIRunner.run(["info", "\(Self.case11)/indicatoren_bad_cell.csv"])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains(
        "  aandeel_65plus: mixed, 2 numbers\n      not a number: 1 cell: line 3 '22,2,5'\n"))
    #expect(r.stdout.contains("  inwoners: integer, 3 numbers"))
  }

  @Test func case23JoinKeepsTheOtherCellsAndSaysWhichIsMissing() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case23)/wards.geojson", "--code", "wijkcode", "--table",
      "\(Self.case23)/indicatoren_wijk.csv", "--key", "wijkcode",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.contains("leefloon: 1 cell confidential (C), line 3"))
    #expect(r.stdout.contains("W01;1200;84") || r.stdout.contains("W01,1200,84"), "\(r.stdout)")
  }

  @Test func case11AnalyseStopsAtTheBadCellAndWritesNothing() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-c11-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = CLIRunner.root.path
    let config = """
      title: "case 11"
      language: en
      wards: { file: \(root)/\(Self.case23)/wards.geojson, code: wijkcode, name: wijknaam }
      tables: [{ file: \(root)/\(Self.case11)/indicatoren_bad_cell.csv, key: wijkcode }]
      indicators: [{ id: old, kind: count, numerator: aandeel_65plus, label: old }]
      permutations: 9
      """
    let path = folder.appendingPathComponent("c.yaml").path
    try config.write(toFile: path, atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("out").path
    let r = try CLIRunner.run(["analyse", "--config", path, "--out", out])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "indicatoren_bad_cell.csv, line 3, column 'aandeel_65plus': '22,2,5' is neither a number"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test func declaredMarkersOnTheCommandLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-mv-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = folder.appendingPathComponent("t.csv").path
    try "wijkcode;inwoners;leefloon\r\nW01;1200;84\r\nW02;700;geheim\r\nW03;900;45\r\n"
      .write(toFile: table, atomically: true, encoding: .utf8)
    let args = [
      "join", "\(Self.case23)/wards.geojson", "--code", "wijkcode", "--table", table,
      "--key", "wijkcode",
    ]
    let declared = try CLIRunner.run(args + ["--missing-values", "geheim,onbekend"])
    #expect(declared.status == 0, "\(declared.stderr)")
    #expect(declared.stderr.contains("leefloon: 1 cell declared missing (geheim), line 3"))
    let info = try CLIRunner.run(["info", table, "--missing-values", "geheim"])
    #expect(
      info.stdout.contains(
        "  leefloon: integer, 2 numbers\n      missing: 1 cell declared missing (geheim), line 3\n")
    )
  }
}
