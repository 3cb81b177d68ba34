import Foundation
import Testing

// Oracle: esda 2.9.0 Moran_Local on Columbus CRIME, queen, row-standardised
// (Tests/Fixtures/columbus/reference_lisa_crime_queen.csv, local I to 10 decimals).
@Suite struct LisaCommandTests {
  /// POLYID → (local I, quadrant) from the reference CSV.
  static func reference() throws -> [String: (Double, String)] {
    let text = try String(
      contentsOf: StatisticFixtures.fixtures.appendingPathComponent(
        "columbus/reference_lisa_crime_queen.csv"), encoding: .utf8)
    var out: [String: (Double, String)] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let cells = line.split(separator: ",").map(String.init)
      out[cells[0]] = (Double(cells[4])!, cells[5])
    }
    return out
  }

  @Test func columbusLocalIAndQuadrantsMatchEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "lisa", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID", "--json",
    ])
    let reference = try Self.reference()
    let units = try #require(json["units"] as? [[String: Any]])
    #expect(units.count == 49)
    for u in units {
      let id = try #require(u["id"] as? String)
      let (i, quadrant) = try #require(reference[id])
      // the CSV rounds to 10 decimals, so 1e-9 absolute
      #expect(abs((u["statistic"] as? Double ?? .nan) - i) < 1e-9, "unit \(id)")
      #expect(u["quadrant"] as? String == quadrant, "unit \(id)")
    }
    #expect(json["seed"] as? Int == 12345)
  }

  /// esda's conditional moments EIc, VIc (local_moran_conditional_references.py), rook.
  @Test func jsonCarriesTheConditionalMomentsOfEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "lisa", StatisticFixtures.columbus, "--column", "CRIME", "--weights", "rook",
      "--contiguity", "vertex", "--permutations", "0", "--json",
    ])
    let all = try StatisticFixtures.json("reference/local_moran_conditional.json")
    let ref = try #require(
      (all["cases"] as! [[String: Any]]).first {
        $0["dataset"] as? String == "columbus" && $0["variable"] as? String == "CRIME"
          && $0["weights"] as? String == "rook"
      })
    let units = try #require(json["units"] as? [[String: Any]])
    let (eic, vic) = (ref["EIc"] as! [Double], ref["VIc"] as! [Double])
    for (k, u) in units.enumerated() {
      #expect(close(u["conditionalExpected"] as? Double, eic[k]), "unit \(k)")
      #expect(close(u["conditionalVariance"] as? Double, vic[k]), "unit \(k)")
    }
  }

  @Test func outWritesTheLayerWithResultColumns() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("lisa.csv").path
    let r = try CLIRunner.run([
      "lisa", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID", "--fdr",
      "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOfFile: out, encoding: .utf8)
    let header = try #require(text.split(whereSeparator: \.isNewline).first)
    for column in ["lisa_stat", "lisa_quad", "lisa_psim", "lisa_sig", "lisa_cluster"] {
      #expect(header.contains(column))
    }
    #expect(text.split(whereSeparator: \.isNewline).count == 50)
    #expect(r.stdout.contains("correction fdr"))
  }

  @Test func badOutExtensionWritesNothing() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("lisa.xlsx").path
    let r = try CLIRunner.run([
      "lisa", StatisticFixtures.columbus, "--column", "CRIME", "--out", out,
    ])
    #expect(r.status == 64, "a usage error")
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
