import Testing

@testable import WijkAnalysis

@Suite struct StandoutsTests {
  func ward(value: Double?, rank: Int?, lq: Double?, share: Double? = nil) -> WardIndicatorValue {
    WardIndicatorValue(
      code: "W1", numerator: nil, base: nil, value: value, shareOfCity: share,
      densityPerSquareKilometre: nil, smoothedRate: nil, locationQuotient: lq, rank: rank,
      zScore: nil, smallBase: false, localMoranI: nil, lisaQuadrant: nil, lisaPseudoP: nil,
      lisaCategory: "not significant", giStarZ: nil, giStarPseudoP: nil, hotspot: nil,
      undefined: [:], flags: [])
  }

  func indicator(
    _ id: String, _ label: String, kind: String = "mean", unit: String? = "kWh",
    _ w: WardIndicatorValue
  ) -> PlanIndicator {
    PlanIndicator(
      id: id, label: label, unit: unit, kind: kind, worse: "neither", ward: w, cityValue: nil,
      cityNumeratorTotal: nil, cityBaseTotal: nil, rankedWards: 30)
  }

  func plan(_ indicators: [PlanIndicator], trend: [PlanTrend] = [], language: String = "en")
    -> WardPlan
  {
    WardPlan(
      code: "W1", name: "W (X)", shortName: "W", title: "t", period: "2021", language: language,
      wardCount: 30, neighbours: [], indicators: indicators, groups: [], trend: trend,
      standouts: [], housing: nil, illustrativeInputs: [], credits: [], significance: 0.05,
      multipleTesting: SignificanceSummary(
        correction: .fdr, alpha: 0.05, indicators: [], globalMoran: nil),
      smallNumberThreshold: 5,
      provenance: Provenance(
        tool: "wijk", toolVersion: "0", libraries: [:], inputs: [], configurationFile: nil,
        seed: 1, permutations: 0, createdAt: "2026-01-01"))
  }

  // The brief's example: rank 1 of 30, 5024 kWh, LQ 1.37 → "37% above the city".
  @Test func theHighestWardIsSaidWithItsNumberAndTheCityComparison() {
    let p = plan([
      indicator("e", "Electricity use per household", ward(value: 5024, rank: 1, lq: 1.37))
    ])
    #expect(
      Standouts.pick(p).map(\.text) == [
        "Highest electricity use per household of all 30 wards: 5,024 kWh, 37% above the city"
      ])
  }

  @Test func dutchSentencesAndTheLowestWards() {
    let p = plan(
      [indicator("g", "Gasverbruik per gasaansluiting", ward(value: 9876.4, rank: 29, lq: 0.71))],
      language: "nl")
    #expect(
      Standouts.pick(p).map(\.text) == [
        "Op één na laagste gasverbruik per gasaansluiting van alle 30 wijken: 9.876 kWh, 29% onder de stad"
      ])
  }

  // Rank 12 but 30% above the city: said as a difference with the rank; rank 12 at 10%
  // above the city is not remarkable; counts give their share of the city.
  @Test func aLargeDifferenceWithTheCityStandsOutWithoutAnExtremeRank() {
    let p = plan([
      indicator("a", "Gas share", unit: "%", ward(value: 65.2, rank: 12, lq: 1.30)),
      indicator("b", "Electricity use", ward(value: 3300, rank: 12, lq: 1.10)),
      indicator(
        "c", "Households", kind: "count", unit: nil,
        ward(value: 1107, rank: 2, lq: nil, share: 0.0412)),
    ])
    #expect(
      Standouts.pick(p).map(\.text) == [
        "Second highest households of all 30 wards: 1,107, 4.1% of the city",
        "Gas share: 65.2%, 30% above the city (rank 12 of 30)",
      ])
  }

  // 3000 → 3450 kWh is +15%; the city 3200 → 3264 is +2%.
  @Test func aChangeOverTheYearsStandsOutWithTheCitysChange() {
    let i = indicator("e", "Electricity use", ward(value: 3450, rank: 10, lq: 1.05))
    let trend = PlanTrend(
      indicator: "e",
      points: [
        TrendPoint(
          year: "2018", ward: 3000, wardNumerator: nil, wardBase: nil, city: 3200, rank: 12,
          rankedWards: 30),
        TrendPoint(
          year: "2021", ward: 3450, wardNumerator: nil, wardBase: nil, city: 3264, rank: 10,
          rankedWards: 30),
      ])
    #expect(
      Standouts.pick(plan([i], trend: [trend])).map(\.text) == [
        "Electricity use rose 15% from 2018 to 2021 (3,000 kWh → 3,450 kWh); city +2%"
      ])
  }

  // +15% against the city's +13% (3200 → 3616): the ward moves with the city, nothing to say.
  @Test func aChangeLikeTheCitysDoesNotStandOut() {
    let i = indicator("e", "Electricity use", ward(value: 3450, rank: 10, lq: 1.05))
    let trend = PlanTrend(
      indicator: "e",
      points: [
        TrendPoint(
          year: "2018", ward: 3000, wardNumerator: nil, wardBase: nil, city: 3200, rank: 12,
          rankedWards: 30),
        TrendPoint(
          year: "2021", ward: 3450, wardNumerator: nil, wardBase: nil, city: 3616, rank: 10,
          rankedWards: 30),
      ])
    #expect(Standouts.pick(plan([i], trend: [trend])).isEmpty)
  }
}
