import Foundation
import Testing

/// The 95 % intervals of the published ward table (issue 13): the golden `wards.csv` (which
/// `GenkGoldenTests` holds the main job to, byte for byte) against statsmodels' Wilson and
/// scipy's exact Poisson intervals of the same published numerator and base
/// (`Tests/Fixtures/reference/ward_table_ci_references.py` → `ward_table_ci.json`), to the
/// published rounding (rates to 0.1).
@Suite struct WardTableIntervalTests {
  struct Reference: Decodable {
    struct Interval: Decodable { var code, indicator: String; var lower, upper: Double }
    var intervals: [Interval]
  }

  static func table() throws -> (header: [String], rows: [[String]]) {
    let url = GenkGoldenTests.golden.appendingPathComponent("wards.csv")
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
      .map { $0.components(separatedBy: ";") }
    return (lines[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }, Array(lines.dropFirst()))
  }

  static func number(_ cell: String) -> Double? {
    Double(cell.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
  }

  @Test func ratesCarryWilsonIntervalsOfTheirPublishedCounts() throws {
    let ref = try JSONDecoder().decode(
      Reference.self,
      from: Data(contentsOf: fixture("reference/ward_table_ci.json")))
    #expect(ref.intervals.count == 29, "every ward with a published gas share")
    let (header, rows) = try Self.table()
    for r in ref.intervals {
      let row = try #require(rows.first { $0[0].contains("\"\(r.code)\"") }, "\(r.code)")
      let lo = try #require(header.firstIndex(of: "\(r.indicator)_bi95_laag"))
      let low = try #require(Self.number(row[lo]), "\(r.code) \(row[lo])")
      let high = try #require(Self.number(row[lo + 1]), "\(r.code) \(row[lo + 1])")
      #expect(abs(low - r.lower) <= 0.05 + 1e-9, "\(r.code)")
      #expect(abs(high - r.upper) <= 0.05 + 1e-9, "\(r.code)")
    }
  }

  @Test func countsAndMeansHaveNone() throws {
    let (header, rows) = try Self.table()
    for name in ["households_bi95_laag", "electricity_per_household_bi95_hoog"] {
      let k = try #require(header.firstIndex(of: name))
      #expect(rows.allSatisfy { $0[k].isEmpty }, "\(name)")
    }
  }
}
