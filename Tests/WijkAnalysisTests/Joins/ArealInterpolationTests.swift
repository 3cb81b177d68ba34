import Testing

@testable import WijkAnalysis

/// Hand-computed squares. Sources (100 m × 100 m, 10 000 m² each):
///   A = [0,100]×[0,100], B = [100,200]×[0,100].
/// Wards: W0 = [0,150]×[0,100] (15 000 m²), W1 = [150,200]×[0,50] (2 500 m²).
/// Overlaps: A∩W0 = 10 000, B∩W0 = 5 000, B∩W1 = 2 500; B's part [150,200]×[50,100]
/// (2 500 m²) lies outside every ward.
@Suite struct ArealInterpolationTests {
  let overlaps = [
    AreaOverlap(source: 0, ward: 0, squareMetres: 10_000),
    AreaOverlap(source: 1, ward: 0, squareMetres: 5_000),
    AreaOverlap(source: 1, ward: 1, squareMetres: 2_500),
  ]

  @Test("Extensive values keep their total; the outside part is reported")
  func extensive() throws {
    // Population A = 100, B = 40.
    // W0 = 100 × 1 + 40 × 0.5 = 120; W1 = 40 × 0.25 = 10; outside = 40 × 0.25 = 10.
    let r = try ArealInterpolation.interpolate(
      sourceAreas: [10_000, 10_000], wardCount: 2, overlaps: overlaps,
      extensive: ["population": [100, 40]])
    #expect(r.extensive["population"]! == [120, 10])
    #expect(r.extensiveOutside["population"] == 10)
    #expect(r.outsideSquareMetres == [0, 2_500])
    #expect(120 + 10 + 10 == 140)  // the total of the sources is kept
  }

  @Test("Intensive values become area-weighted means over the covered part")
  func intensive() throws {
    // Rate A = 10 %, B = 40 %. W0 = (10 × 10 000 + 40 × 5 000) / 15 000 = 20;
    // W1 = 40 (only B).
    let r = try ArealInterpolation.interpolate(
      sourceAreas: [10_000, 10_000], wardCount: 3, overlaps: overlaps,
      intensive: ["rate": [10, 40]])
    let rate = r.intensive["rate"]!
    #expect(abs(rate[0]! - 20) < 1e-12)
    #expect(rate[1] == 40)
    #expect(rate[2] == nil)  // W2 touches no source
  }

  @Test("A missing source value makes the wards it touches missing")
  func missing() throws {
    let r = try ArealInterpolation.interpolate(
      sourceAreas: [10_000, 10_000], wardCount: 2, overlaps: overlaps,
      extensive: ["population": [100, nil]])
    #expect(r.extensive["population"]! == [nil, nil])
  }

  @Test("Errors name the bad index or length")
  func errors() {
    #expect(throws: JoinError.indexOutOfRange(what: "ward", index: 1, count: 1)) {
      try ArealInterpolation.interpolate(
        sourceAreas: [10_000, 10_000], wardCount: 1, overlaps: overlaps)
    }
    #expect(throws: JoinError.lengthMismatch(what: "values of p", expected: 2, got: 1)) {
      try ArealInterpolation.interpolate(
        sourceAreas: [10_000, 10_000], wardCount: 2, overlaps: overlaps, extensive: ["p": [1]])
    }
    #expect(
      JoinError.lengthMismatch(what: "values of p", expected: 2, got: 1).description
        == "Expected 2 values of p but got 1.")
  }
}

/// Case 21 by hand (case.md): sectors 71999A001 = 700 000 m² in W01, 71999A002 = 1 000 000 m²
/// with 30 % in W01 and 70 % in W02, 71999B001 = 300 000 m² in W02.
@Suite struct ArealRatioTests {
  let overlaps = [
    AreaOverlap(source: 0, ward: 0, squareMetres: 700_000),
    AreaOverlap(source: 1, ward: 0, squareMetres: 300_000),
    AreaOverlap(source: 1, ward: 1, squareMetres: 700_000),
    AreaOverlap(source: 2, ward: 1, squareMetres: 300_000),
  ]
  let share = RatioSpec(
    name: "aandeel_65plus", numerator: "inwoners_65plus", base: "inwoners", per: 100)

  // W01 = 800 + 0.3 × 1000 = 1100 with 80 + 60 = 140 aged 65+: 12.73 %; W02 = 1100 with
  // 260: 23.64 %. Never the sum (30 %, 50 %) or the area-weighted mean (13 %, 23 %).
  @Test func case21SharesAreRecomputedFromSplitCounts() throws {
    let r = try ArealInterpolation.interpolate(
      sourceAreas: [700_000, 1_000_000, 300_000], wardCount: 3, overlaps: overlaps,
      extensive: ["inwoners": [800, 1000, 400], "inwoners_65plus": [80, 200, 120]],
      intensive: ["aandeel_65plus": [10, 20, 30]], ratios: [share])
    #expect(r.extensive["inwoners"]! == [1100, 1100, 0])
    #expect(r.extensive["inwoners_65plus"]! == [140, 260, 0])
    let ratio = r.ratios["aandeel_65plus"]!
    #expect(abs(ratio[0]! - 100.0 * 140 / 1100) < 1e-12)  // 12.727…
    #expect(abs(ratio[1]! - 100.0 * 260 / 1100) < 1e-12)  // 23.636…
    #expect(ratio[2] == nil)  // a ward without sources has base 0: no share, never 0 %
    // The wrong answer the case names, for contrast: area-weighted shares give 13 and 23.
    let mean = r.intensive["aandeel_65plus"]!
    #expect(abs(mean[0]! - 13) < 1e-12 && abs(mean[1]! - 23) < 1e-12)
  }

  @Test func aRatioOfColumnsThatAreNotSplitIsAnError() {
    #expect(
      throws: JoinError.missingColumn(
        "inwoners_65plus", source: "the extensive variables of rate aandeel_65plus")
    ) {
      try ArealInterpolation.interpolate(
        sourceAreas: [700_000, 1_000_000, 300_000], wardCount: 2, overlaps: overlaps,
        extensive: ["inwoners": [800, 1000, 400]], ratios: [share])
    }
  }
}
