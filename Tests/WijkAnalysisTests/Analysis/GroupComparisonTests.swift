import Testing
import WijkCore

@testable import WijkAnalysis

/// Four wards; the group "impulswijken" = W1, W3.
/// Group: households 100 + 300 = 400, poor 20 + 90 = 110 → 27.5 %.
/// Rest (W2, W4): households 200 + 400 = 600, poor 10 + 20 = 30 → 5 %.
/// City: 140 / 1000 = 14 %, so the group's LQ = 27.5 / 14 = 1.9642857…
@Suite struct GroupComparisonTests {
  let table = WardTable(
    source: "test", crs: .epsg(31370), codes: ["W1", "W2", "W3", "W4"],
    names: ["A", "B", "C", "D"], geometries: Array(repeating: .collection([]), count: 4),
    areaSquareMetres: [1, 1, 1, 1], labelPoints: Array(repeating: Coordinate(x: 0, y: 0), count: 4),
    columns: ["households": [100, 200, 300, 400], "poor": [20, 10, 90, 20]])
  let poor = IndicatorSpec(
    id: "poor_pct", kind: .rate, numerator: "poor", base: "households", per: 100,
    label: LocalisedText(nl: "arm", en: "poor"), unit: nil, worse: .higher)
  let households = IndicatorSpec(
    id: "households", kind: .count, numerator: "households", base: nil, per: nil,
    label: LocalisedText(nl: "huishoudens", en: "households"), unit: nil, worse: .neither)
  let group = WardGroup(name: "impulswijken", wards: ["W1", "W3"], illustrative: true)

  @Test("A group's counts are summed and its rate recomputed; likewise for the rest")
  func groupAndRest() throws {
    let r = try GroupComparison.compare(group, table: table, indicators: [households, poor])
    #expect(r.indicators[0].value == 400 && r.indicators[0].restValue == 600)
    #expect(r.indicators[0].shareOfCity == 0.4)
    #expect(abs(r.indicators[1].value! - 27.5) < 1e-12)  // not the mean of the ward rates (25 %)
    #expect(abs(r.indicators[1].restValue! - 5) < 1e-12)
    #expect(abs(r.indicators[1].locationQuotient! - 27.5 / 14) < 1e-12)
    #expect(r.illustrative)
  }

  @Test("A missing member ward makes the group's sums missing and is named")
  func missingMember() throws {
    var t = table
    t.columns["poor"] = [nil, 10, 90, 20]
    let r = try GroupComparison.compare(group, table: t, indicators: [poor])
    #expect(r.indicators[0].numerator == nil && r.indicators[0].value == nil)
    #expect(r.indicators[0].missingWards == ["W1"])
  }

  @Test("Unknown codes in a group are an error naming them")
  func unknown() {
    let bad = WardGroup(name: "impulswijken", wards: ["W1", "W9", "w1"], illustrative: false)
    #expect(throws: AnalysisError.unknownGroupWards(group: "impulswijken", codes: ["W9", "w1"])) {
      try GroupComparison.compare(bad, table: table, indicators: [poor])
    }
    #expect(
      AnalysisError.unknownGroupWards(group: "impulswijken", codes: ["W9"]).description
        == "the ward group 'impulswijken' names codes that are not wards: W9")
  }
}

@Suite struct ShortNameTests {
  @Test func municipalitySuffixIsDroppedUnlessTheNameIsACode() {
    let t = WardTable(
      source: "t", crs: .epsg(31370), codes: ["7101613", "73042A1", "X"],
      names: ["Kolderbos (Genk)", "73042A1 (Lanaken)", "Winterslag 2 en 4"],
      geometries: Array(repeating: .collection([]), count: 3), areaSquareMetres: [1, 1, 1],
      labelPoints: Array(repeating: Coordinate(x: 0, y: 0), count: 3))
    #expect(t.shortName(0) == "Kolderbos")
    #expect(t.shortName(1) == "73042A1 (Lanaken)")
    #expect(t.shortName(2) == "Winterslag 2 en 4")
  }
}
