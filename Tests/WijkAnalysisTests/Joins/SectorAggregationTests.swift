import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

@Suite struct SectorAggregationTests {
  static let counts = [
    "v2506_elek_nietres_n", "v2506_elek_res_n", "v2506_gas_res_n", "v2506_gas_nietres_n",
  ]
  static let energies = [
    "v2506_elek_nietres_cons", "v2506_elek_res_cons", "v2506_elek_res_injectie",
    "v2506_gas_res_cons", "v2506_gas_nietres_cons",
  ]

  func fluvius() throws -> SectorAggregationResult {
    try SectorAggregation.aggregate(
      try readDelimited(geoData("genk_fluvius_energy_statsec2019_2018_2021.csv"), separator: ","),
      sectorColumn: "geoitem",
      lookup: try readDelimited(geoData("genk_statsec2024_to_wijk2024.csv"), separator: ","),
      lookupSector: "statsec2024", lookupWard: "ggw72024", groupBy: ["period"],
      indicators: (Self.counts + Self.energies).map(AggregationSpec.count)
        + [
          AggregationSpec(
            name: "kwh_per_res_connection",
            kind: .rate(numerator: "v2506_elek_res_cons", base: "v2506_elek_res_n", per: 1))
        ])
  }

  @Test("Fluvius sectors → wards 2024 equals the derived table (counts exact, kWh 1e-9)")
  func fluviusMatchesDerivedTable() throws {
    let result = try fluvius()
    let expected = try readDelimited(
      fixture("expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv"), separator: ",")
    #expect(result.sectorsWithoutWard.isEmpty)
    #expect(result.lookupSectorsWithoutData.isEmpty)
    #expect(result.wards.missingFlags.isEmpty)
    #expect(result.wards.keys.count == expected.rows.count)  // 31 wards × 4 years = 124
    let col = { (name: String) in expected.columnIndex(name)! }
    for row in expected.rows {
      let key = [row[col("ggw72024")].text!, row[col("period")].text!]
      let r = try #require(result.wards.keys.firstIndex(of: key), "\(key)")
      #expect(result.wards.unitCounts[r] == Int(row[col("n_statsec")].text!)!)
      for c in Self.counts {
        let want = AttributeValue.integer(Int64(row[col(c)].text!)!)
        #expect(result.wards.value(c, key: key) == want, "\(key) \(c)")
      }
      for c in Self.energies {
        let want = Double(row[col(c)].text!)!
        let got = try #require(result.wards.value(c, key: key)?.number)
        #expect(abs(got - want) <= 1e-9 * max(abs(want), 1), "\(key) \(c): \(got) vs \(want)")
      }
    }
  }

  @Test("2021 Genk-Centrum-Noord: 3437 residential connections; rate recomputed from sums")
  func genkCentrumNoord() throws {
    let wards = try fluvius().wards
    #expect(wards.value("v2506_elek_res_n", key: ["710167", "2021"]) == .integer(3437))
    // The derived table's 2021 row for 710167 gives the sums; the rate is their quotient.
    let expected = try readDelimited(
      fixture("expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv"), separator: ",")
    let row = try #require(expected.rows.first { $0[0].text == "2021" && $0[1].text == "710167" })
    let cons = Double(row[expected.columnIndex("v2506_elek_res_cons")!].text!)!
    let rate = try #require(wards.value("kwh_per_res_connection", key: ["710167", "2021"])?.number)
    #expect(abs(rate - cons / 3437) <= 1e-9 * rate)
  }

  @Test("A sector missing from the lookup (ZZZZ, location unknown) is reported with its lines")
  func unknownLocationReported() throws {
    var lookup = try readDelimited(geoData("genk_statsec2024_to_wijk2024.csv"), separator: ",")
    lookup.rows.removeAll { $0[0].text == "71016ZZZZ" }
    let data = try readDelimited(
      geoData("genk_fluvius_energy_statsec2019_2018_2021.csv"), separator: ",")
    let r = try SectorAggregation.aggregate(
      data, sectorColumn: "geoitem", lookup: lookup, lookupSector: "statsec2024",
      lookupWard: "ggw72024", groupBy: ["period"], indicators: [.count("v2506_elek_res_n")])
    let zzzzLines = data.rows.indices.filter { data.rows[$0][0].text == "71016ZZZZ" }
      .map { data.lineNumbers[$0] }
    #expect(zzzzLines.count == 4)  // one row per year 2018–2021
    #expect(r.sectorsWithoutWard == [SectorWithoutWard(sector: "71016ZZZZ", lines: zzzzLines)])
    #expect(r.wards.keys.count == 30 * 4)  // the "not localised" pseudo-ward is gone
  }

  /// Three sectors in two wards; S3 has a missing count and S9 is in no ward.
  /// W1 = S1 + S2: households 10 + 30 = 40, poor 2 + 3 = 5, rate 100 × 5 / 40 = 12.5 %;
  /// mean income (20 000 × 10 + 30 000 × 30) / 40 = 27 500. W2 = S3 only.
  let small = Table(
    source: "sectors.csv", columns: ["sector", "households", "poor", "income"],
    rows: [
      [.text("S1"), .integer(10), .integer(2), .real(20_000)],
      [.text("S2"), .integer(30), .integer(3), .real(30_000)],
      [.text("S3"), .missing, .integer(4), .real(25_000)],
      [.text("S4"), .integer(5), .integer(1), .real(10_000)],
      [.text("S9"), .integer(7), .integer(0), .real(0)],
    ], lineNumbers: [2, 3, 4, 5, 6])
  let lookup = Table(
    source: "lookup.csv", columns: ["sector", "ward"],
    rows: [["S1", "W1"], ["S2", "W1"], ["S3", "W2"], ["S4", "W2"]].map { $0.map { .text($0) } },
    lineNumbers: [2, 3, 4, 5])
  let specs = [
    AggregationSpec.count("households"),
    AggregationSpec(name: "poor_pct", kind: .rate(numerator: "poor", base: "households", per: 100)),
    AggregationSpec(name: "mean_income", kind: .mean(column: "income", weight: "households")),
  ]

  @Test("Rates and means are recomputed from sums; missing propagates; orphans reported")
  func handComputed() throws {
    let r = try SectorAggregation.aggregate(
      small, sectorColumn: "sector", lookup: lookup, lookupSector: "sector",
      lookupWard: "ward", indicators: specs)
    #expect(r.wards.value("households", key: ["W1"]) == .integer(40))
    #expect(r.wards.value("poor_pct", key: ["W1"]) == .real(12.5))
    #expect(r.wards.value("mean_income", key: ["W1"]) == .real(27_500))
    #expect(r.wards.value("households", key: ["W2"])?.isMissing == true)
    #expect(r.wards.value("poor_pct", key: ["W2"])?.isMissing == true)
    #expect(r.wards.missingFlags.map(\.missingUnits) == [["S3"], ["S3"], ["S3"]])
    #expect(r.sectorsWithoutWard == [SectorWithoutWard(sector: "S9", lines: [6])])
  }

  @Test("sumKnown sums the known part and still flags it")
  func sumKnown() throws {
    let r = try SectorAggregation.aggregate(
      small, sectorColumn: "sector", lookup: lookup, lookupSector: "sector",
      lookupWard: "ward", indicators: specs, missing: .sumKnown)
    // W2's known part is S4 alone: 5 households, 1 poor → 20 %.
    #expect(r.wards.value("households", key: ["W2"]) == .integer(5))
    #expect(r.wards.value("poor_pct", key: ["W2"]) == .real(20))
    #expect(r.wards.missingFlags.first?.resultIsMissing == false)
  }

  @Test("A lookup listing a sector twice is an error naming it and its lines")
  func duplicateLookup() {
    var bad = lookup
    bad.rows.append([.text("S1"), .text("W2")])
    bad.lineNumbers.append(6)
    #expect(
      throws: JoinError.duplicateTableKeys(
        source: "lookup.csv", column: "sector", lines: ["S1": [2, 6]], hint: nil)
    ) {
      try SectorAggregation.aggregate(
        small, sectorColumn: "sector", lookup: bad, lookupSector: "sector", lookupWard: "ward",
        indicators: specs)
    }
    #expect(
      JoinError.duplicateTableKeys(
        source: "lookup.csv", column: "sector", lines: ["S1": [2, 6]], hint: nil
      ).description
        == "lookup.csv: the key of column sector occurs more than once, so a join would have to "
        + "pick or add rows without a word: S1 at lines 2 and 6. Nothing was joined. Keep one row "
        + "per key (remove the copy, or correct the code).")
  }
}
