import Testing

@testable import SpatialStats

/// Oracle: esda 2.9.0 `smoothing` on SIDS2 (libpysal 4.14.1 wheel), sudden infant deaths
/// over births 1974 and 1979, rook neighbours from `sids2.gal`
/// (`concentration_smoothing.json`).
@Suite("Empirical Bayes rates")
struct EmpiricalBayesTests {
  @Test("global, spatial and Assunção–Reis match esda", arguments: ["74", "79"])
  func matchesEsda(year: String) throws {
    let file = try ReferenceFile("smoothing").root.object("sets")
    let neighbours = (file["neighbours"] as! [[Double]]).map { $0.map { Int($0) } }
    let set = file.object(year)
    let events = set.numbers("events")
    let bases = set.numbers("bases")
    let global = try EmpiricalBayes.globalRates(events: events, bases: bases)
    expectClose(global.values.map(\.value), set.numbers("empiricalBayes"), "EB")
    let spatial = try EmpiricalBayes.spatialRates(
      events: events, bases: bases, neighbours: neighbours)
    // Where a unit and its neighbours have no events, esda divides 0 by 0 (NaN, written as
    // null); the rate there is 0, which is what we give.
    let esdaSpatial = set.numbers("spatialEmpiricalBayes")
    for i in esdaSpatial.indices where esdaSpatial[i] == nil {
      let around = ([i] + neighbours[i]).map { events[$0]! }
      #expect(around.allSatisfy { $0 == 0 } && spatial.values[i].value == 0)
    }
    expectClose(
      spatial.values.map(\.value).enumerated().map { esdaSpatial[$0] == nil ? nil : $1 },
      esdaSpatial, "SEB")
    let standardised = try EmpiricalBayes.assuncaoReisStandardised(events: events, bases: bases)
    expectClose(standardised.values.map(\.value), set.numbers("assuncaoReis"), "AR")
  }

  @Test("case 14: W02 (population 0) is not at risk and W03's 333‰ shrinks towards the city")
  func case14() throws {
    let result = try EmpiricalBayes.globalRates(
      events: [84, 0, 1, 100], bases: [1200, 0, 3, 2500], unitIDs: ["W01", "W02", "W03", "W04"],
      per: 1000)
    #expect(result.values[1] == .undefined(.zeroBase))
    let w03 = try #require(result.values[2].value)
    // The raw rate 333.33 is pulled to within a few per 1000 of the city rate 49.96.
    #expect(w03 < 60 && w03 > 49.9)
    #expect(throws: ConcentrationError.countWithZeroBase(unit: "W02", count: 2)) {
      try EmpiricalBayes.globalRates(
        events: [84, 2, 1, 100], bases: [1200, 0, 3, 2500],
        unitIDs: ["W01", "W02", "W03", "W04"])
    }
  }

  @Test("a missing unit is excluded from the neighbourhood and named")
  func missing() throws {
    let result = try EmpiricalBayes.spatialRates(
      events: [1, nil, 3], bases: [10, 10, 30], neighbours: [[1, 2], [0, 2], [0, 1]])
    #expect(result.missingUnits == ["unit 2"])
    #expect(result.values[1] == .undefined(.missingInput))
    // Unit 1 with neighbour 3 only: m = 4/40 = 0.1; both raw rates are 0.1, so s² ≤ 0 → 0.1.
    #expect(close(result.values[0].value, 0.1))
    #expect(
      throws: ConcentrationError.invalidNeighbour(
        unit: "unit 1", neighbour: 5,
        unitCount: 3)
    ) {
      try EmpiricalBayes.spatialRates(
        events: [1, 2, 3], bases: [10, 10, 30], neighbours: [[5], [], []])
    }
  }

  @Test("a negative moment variance is set to 0 (Marshall), where esda overshoots")
  func negativeVariance() throws {
    // e = [1, 2], b = [10, 10]: m = 3/20 = 0.15; raw rates 0.1 and 0.2;
    // Σb(r − m)²/Σb = (10·0.0025 + 10·0.0025)/20 = 0.0025; s² = 0.0025 − 0.15/10 = −0.0125.
    // esda: weight −0.0125/(−0.0125 + 0.015) = −5, so unit 1 gets −5·0.1 + 6·0.15 = 0.4,
    // further from m than its raw rate. With s² = 0 both units get m = 0.15.
    let result = try EmpiricalBayes.globalRates(events: [1, 2], bases: [10, 10])
    #expect(result.values.map(\.value) == [0.15, 0.15])
  }
}
