import Foundation
import Testing

// Case 21: sector figures moved to wards by area (case.md, computed by hand there): counts
// split and summed, the 65+ share recomputed from the split counts, the split sector and
// what falls outside every ward named in the report.
@Suite struct JoinArealCaseTests {
  static let folder = "Tests/Fixtures/cases/21-sector-to-ward-areal-weighting"

  /// The case's sectors with `sector_data.csv` joined on (the first step the help names).
  static func sectors(_ name: String) throws -> String {
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent("\(name).gpkg").path
    let r = try CLIRunner.run([
      "join", "\(folder)/\(name).geojson", "--code", "sectorcode", "--table",
      "\(folder)/sector_data.csv", "--key", "sectorcode", "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    return out
  }

  /// Runs the areal join and returns the per-ward rows (code → column → number) and the run.
  static func interpolate(_ sectors: String, _ extra: [String] = []) throws
    -> (rows: [String: [String: Double]], run: CLIRunner.Result)
  {
    let r = try CLIRunner.run(
      [
        "join", "\(folder)/wards.geojson", "--code", "wijkcode", "--source", sectors,
        "--source-id", "sectorcode", "--extensive", "inwoners,inwoners_65plus", "--rate",
        "aandeel_65plus=inwoners_65plus/inwoners*100",
      ] + extra)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(whereSeparator: \.isNewline).map { $0.split(separator: ",") }
    let header = lines[0].map(String.init)
    var rows: [String: [String: Double]] = [:]
    for cells in lines.dropFirst() {
      rows[String(cells[0])] = Dictionary(
        uniqueKeysWithValues: zip(header.dropFirst(), cells.dropFirst().map { Double($0)! }))
    }
    return (rows, r)
  }

  // W01 = 800 + 0.3 × 1000 = 1100, W02 = 0.7 × 1000 + 400 = 1100 (2200 = the sectors'
  // total); 65+: 140 and 260; share 12.73 % and 23.64 %, never 13 % / 23 % or 30 % / 50 %.
  @Test func case21CountsSplitAndSharesRecomputed() throws {
    let (rows, run) = try Self.interpolate(try Self.sectors("sectors"))
    #expect(close(rows["W01"]?["inwoners"], 1100) && close(rows["W02"]?["inwoners"], 1100))
    #expect(close(rows["W01"]?["inwoners_65plus"], 140))
    #expect(close(rows["W02"]?["inwoners_65plus"], 260))
    #expect(close(rows["W01"]?["aandeel_65plus"], 100.0 * 140 / 1100))  // 12.73 %
    #expect(close(rows["W02"]?["aandeel_65plus"], 100.0 * 260 / 1100))  // 23.64 %
    #expect(run.stderr.contains("71999A002 split by area: W01 30.00 %, W02 70.00 %"))
    #expect(!run.stderr.contains("71999A001 split"))
    #expect(!run.stderr.contains("outside every ward"))
    #expect(
      run.stderr.contains(
        "aandeel_65plus = inwoners_65plus / inwoners × 100, recomputed per ward from the "
          + "split counts"
      ))
  }

  // Partly outside: W02 = 700 + 200 = 900 (65+: 140 + 60 = 200, 22.22 %), W01 unchanged;
  // 200 inhabitants (9.09 % of 2200) lie outside the ward layer, nothing rescaled.
  @Test func case21PartlyOutsideIsReportedNotRescaled() throws {
    let (rows, run) = try Self.interpolate(try Self.sectors("sectors_partly_outside"))
    #expect(close(rows["W01"]?["inwoners"], 1100))
    #expect(close(rows["W02"]?["inwoners"], 900))
    #expect(close(rows["W02"]?["inwoners_65plus"], 200))
    #expect(close(rows["W02"]?["aandeel_65plus"], 100.0 * 200 / 900))  // 22.22 %
    #expect(
      run.stderr.contains(
        "inwoners: 200 of 2200 (9.09 %) lies outside every ward, in no ward's total"))
    #expect(run.stderr.contains("71999B001 split by area: W02 50.00 %, outside every ward 50.00 %"))
    let json = try StatisticFixtures.runJSON(
      [
        "join", "\(Self.folder)/wards.geojson", "--code", "wijkcode", "--source",
        try Self.sectors("sectors_partly_outside"), "--source-id", "sectorcode", "--extensive",
        "inwoners", "--json",
      ])
    let outside = try #require(json["outsideWards"] as? [[String: Any]])
    #expect(outside.first?["column"] as? String == "inwoners")
    #expect(close(outside.first?["outside"] as? Double, 200))
    #expect(close(outside.first?["total"] as? Double, 2200))
    let split = try #require(json["splitSources"] as? [[String: Any]])
    #expect(split.map { $0["source"] as? String } == ["71999A002", "71999B001"])
  }

  // A rate that cannot be honoured is an error, never ignored.
  @Test func aRateThatCannotBeHonouredIsAnError() throws {
    let sectors = try Self.sectors("sectors")
    let unknown = try CLIRunner.run([
      "join", "\(Self.folder)/wards.geojson", "--code", "wijkcode", "--source", sectors,
      "--extensive", "inwoners", "--rate", "x=senioren/inwoners*100",
    ])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("has no field \"senioren\""))
    let intensive = try CLIRunner.run([
      "join", "\(Self.folder)/wards.geojson", "--code", "wijkcode", "--source", sectors,
      "--intensive", "inwoners_65plus", "--extensive", "inwoners", "--rate",
      "x=inwoners_65plus/inwoners*100",
    ])
    #expect(intensive.status == 64, "a usage error")
    #expect(intensive.stderr.contains("not --intensive like inwoners_65plus"))
    let table = try CLIRunner.run([
      "join", "\(Self.folder)/wards.geojson", "--code", "wijkcode", "--table",
      "\(Self.folder)/sector_data.csv", "--key", "sectorcode", "--rate", "x=a/b*100",
    ])
    #expect(table.status == 64)
    #expect(table.stderr.contains("--rate and --mean are recomputed from sums"))
  }

  // An intensive share is area-weighted (13 % / 23 %), and the report says how to get the
  // right one.
  @Test func anIntensiveShareIsAveragedAndTheReportSaysSo() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.folder)/wards.geojson", "--code", "wijkcode", "--source",
      try Self.sectors("sectors"), "--intensive", "aandeel_65plus",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.lines
        == "wijkcode,aandeel_65plus\nW01,13\nW02,23\n")
    #expect(r.stderr.contains("give it with --rate name=numerator/base*per"))
  }
}
