import Testing

@testable import SpatialStats

/// Field case 14 (`Tests/Fixtures/cases/14-rate-with-zero-population/`), per 1000.
/// `indicatoren.csv`: inwoners (population) / leefloon (households on social assistance).
private let wards = ["W01", "W02", "W03", "W04"]
private let population: [Double?] = [1200, 0, 3, 2500]
private let assistance: [Double?] = [84, 0, 1, 100]

@Suite("Rates and location quotients")
struct RatesTests {
  @Test("case 14: rates per 1000, W02 undefined, W03 flagged")
  func case14Rates() throws {
    let table = try RateTable(
      counts: assistance, bases: population, unitIDs: wards, per: 1000, smallBaseBelow: 100)
    // 84/1200·1000 = 70; 1/3·1000 = 333.333…; 100/2500·1000 = 40.
    #expect(close(table.rates[0].value, 70))
    #expect(table.rates[1] == .undefined(.zeroBase))
    #expect(table.rates[1].description == "not defined (base 0)")
    #expect(close(table.rates[2].value, 1000.0 / 3))
    #expect(close(table.rates[3].value, 40))
    #expect(table.isSmallBase == [false, false, true, false])
    // City: (84 + 0 + 1 + 100) / (1200 + 0 + 3 + 2500) · 1000 = 185/3703·1000 = 49.959…
    #expect(close(table.cityRate.value, 185.0 / 3703 * 1000))
    #expect((table.cityRate.value! * 100).rounded() / 100 == 49.96)
    #expect(table.missingUnits.isEmpty)
  }

  @Test("case 14: location quotients 1.401, missing, 6.672, 0.801")
  func case14LocationQuotients() throws {
    let table = try RateTable(counts: assistance, bases: population, unitIDs: wards, per: 1000)
    let lq = table.locationQuotients
    // 70 / 49.9595 = 1.40114; 333.33 / 49.9595 = 6.67207; 40 / 49.9595 = 0.80065.
    #expect(close(lq[0].value, (84.0 / 1200) / (185.0 / 3703)))
    #expect(((lq[0].value ?? 0) * 1000).rounded() / 1000 == 1.401)
    #expect(lq[1] == .undefined(.zeroBase))
    #expect(((lq[2].value ?? 0) * 1000).rounded() / 1000 == 6.672)
    #expect(((lq[3].value ?? 0) * 1000).rounded() / 1000 == 0.801)
  }

  @Test("case 14 inconsistent: W02 with 2 cases on population 0 is an error naming W02")
  func case14Inconsistent() {
    let inconsistent: [Double?] = [84, 2, 1, 100]
    #expect(throws: ConcentrationError.countWithZeroBase(unit: "W02", count: 2)) {
      try RateTable(counts: inconsistent, bases: population, unitIDs: wards, per: 1000)
    }
    let message = ConcentrationError.countWithZeroBase(unit: "W02", count: 2).description
    #expect(
      message == "Unit W02 has 2 cases but a base (population) of 0; the count or the "
        + "base is wrong.")
  }

  @Test("a missing unit is excluded from the city totals and named, not read as 0")
  func missingUnit() throws {
    let table = try RateTable(
      counts: [84, nil, 1, 100], bases: [1200, 50, 3, 2500], unitIDs: wards, per: 1000)
    #expect(table.missingUnits == ["W02"])
    #expect(table.rates[1] == .undefined(.missingInput))
    #expect(close(table.cityRate.value, 185.0 / 3703 * 1000))  // W02's base 50 not added
    #expect(table.cityBase == 3703)
  }

  @Test("errors: lengths, negative counts, bad multiplier")
  func errors() {
    #expect(
      throws: ConcentrationError.lengthMismatch(
        first: "the counts", firstCount: 2, second: "the bases", secondCount: 1)
    ) {
      try RateTable(counts: [1, 2], bases: [3])
    }
    #expect(throws: ConcentrationError.negativeValue(unit: "unit 2", field: "count", value: -1)) {
      try RateTable(counts: [1, -1], bases: [3, 4])
    }
    #expect(
      throws: ConcentrationError.invalidParameter(
        name: "rate multiplier", value: 0, expected: "above 0")
    ) {
      try RateTable(counts: [1], bases: [3], per: 0)
    }
  }

  @Test("property: the city as a whole has LQ 1, and base-weighted LQs average to 1")
  func cityLocationQuotientIsOne() throws {
    var random = SplitMix64(state: 7)
    for _ in 0..<20 {
      let n = 2 + Int(random.next() % 30)
      let bases = (0..<n).map { _ in Double(1 + random.next() % 5000) }
      let counts = bases.map { Double(random.next() % UInt64($0 + 1)) }
      let city = try RateTable(
        counts: [counts.reduce(0, +)], bases: [bases.reduce(0, +)], per: 1000)
      #expect(city.locationQuotients[0].value.map { abs($0 - 1) < 1e-12 } ?? true)
      let table = try RateTable(counts: counts, bases: bases)
      let mean =
        zip(table.locationQuotients, bases).reduce(0.0) { $0 + $1.0.value! * $1.1 }
        / bases.reduce(0, +)
      #expect(abs(mean - 1) < 1e-12 || counts.allSatisfy { $0 == 0 })
    }
  }

  @Test("LQ equals segregation 2.5 MultiLocationQuotient (Fluvius 2021, gas connections)")
  func matchesMultiLocationQuotient() throws {
    let file = try ReferenceFile("segregation").root
    let gas = file.numbers("gasResidential")
    let residential = file.numbers("electricityResidential")
    let nonResidential = file.numbers("electricityNonResidential")
    // The base is all electricity connections = gas + no-gas + non-residential.
    let all = zip(residential, nonResidential).map { $0! + $1! }
    let table = try RateTable(counts: gas, bases: all, unitIDs: file.strings("units"))
    let expected = (file["locationQuotients"] as! [Any]).map { optionalNumbers($0)[0] }
    expectClose(table.locationQuotients.map(\.value), expected, "LQ gas")
  }

  @Test("shares of the city total sum to 1; a missing unit is named")
  func shares() throws {
    let table = try ShareTable(counts: [84, nil, 1, 100], unitIDs: wards)
    #expect(close(table.shares[0].value, 84.0 / 185))
    #expect(table.shares[1] == .undefined(.missingInput))
    #expect(table.missingUnits == ["W02"])
    #expect(abs(table.shares.compactMap(\.value).reduce(0, +) - 1) < 1e-15)
    let empty = try ShareTable(counts: [0, 0])
    #expect(empty.shares[0] == .undefined(.zeroTotal(quantity: "the counts")))
  }

  @Test("case 14: class breaks ignore W02 instead of reading it as 0")
  func case14Classes() throws {
    let table = try RateTable(counts: assistance, bases: population, unitIDs: wards, per: 1000)
    let values = table.rates.map(\.value)  // [70, nil, 333.3…, 40]
    let c = try #require(try Classifier.quantiles(values, classes: 3).value)
    #expect(c.classIndex == [1, nil, 2, 0])
    #expect(c.bins[0] > 40)  // a 0 for W02 would have pulled the first break to 0…40
    #expect(c.missingIndices == [1])
  }

  @Test("every error and undefined reason reads as a sentence naming its evidence")
  func descriptions() {
    let errors: [ConcentrationError] = [
      .lengthMismatch(first: "the counts", firstCount: 3, second: "the bases", secondCount: 2),
      .countWithZeroBase(unit: "W02", count: 2),
      .negativeValue(unit: "W07", field: "count", value: -1),
      .nonFiniteValue(unit: "W07", field: "base", value: .nan),
      .groupExceedsTotal(unit: "W07", group: 5, total: 3),
      .invalidNeighbour(unit: "W07", neighbour: 40, unitCount: 31),
      .invalidParameter(name: "rate multiplier", value: 0, expected: "above 0"),
      .tooFewGroups(count: 1),
    ]
    #expect(
      errors[0].description
        == "There are 3 values in the counts but 2 in the bases; they must be given for the "
        + "same units in the same order.")
    #expect(
      errors[2].description == "Unit W07 has a negative count (-1); counts cannot be "
        + "negative.")
    #expect(
      errors[5].description
        == "Unit W07 lists neighbour 40, which is not another unit among the 31 units.")
    for error in errors { #expect(error.description.hasSuffix(".")) }
    for error in errors.dropFirst().prefix(5) { #expect(error.description.contains("W0")) }
    #expect(
      UndefinedReason.zeroTotal(quantity: "the base").description
        == "not defined (the city total of the base is 0)")
    #expect(
      ClassificationError.nonFiniteValue(index: 2, value: .nan).description
        == "Value 3 is nan, which cannot be classified; leave it empty (missing).")
  }
}
