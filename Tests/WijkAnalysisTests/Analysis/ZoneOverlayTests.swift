import Testing

@testable import WijkAnalysis

/// The illustrative C-Mine zone lies wholly inside Oud-Winterslag (7101623), so by areal
/// weighting it carries the ward's counts × (zone area / ward area), and its rates equal the
/// ward's own rates (the same factor cancels in numerator / base).
@Suite struct ZoneOverlayTests {
  @Test func zoneInsideOneWardCarriesItsShareOfCountsAndTheWardsRates() throws {
    let run = try GenkEndToEndTests.run.get()
    let zone = try #require(run.result.zones.first)
    #expect(zone.code == "CMINE" && zone.illustrative)
    #expect(zone.wardShares == ["7101623": 1])
    #expect(abs(zone.coveredShare - 1) < 1e-12)
    #expect(abs(zone.areaSquareKilometres - 0.24) < 1e-12)  // 600 m × 400 m
    let w = try #require(run.table.index(ofCode: "7101623"))
    let factor = 240_000 / run.table.areaSquareMetres[w]
    let households = run.table.columns["v2506_elek_res_n"]![w]!
    #expect(abs(zone.values[0].value! - households * factor) < 1e-9)
    let gas = try #require(run.result.indicator("gas_share")?.wards[w].value)
    #expect(abs(zone.values[1].value! - gas) < 1e-9)
  }
}
