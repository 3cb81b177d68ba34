import Testing

@testable import SpatialStats

/// Oracle: segregation 2.5.4 on Fluvius 2021 connections per statistical sector of Genk
/// (`concentration_segregation.json`, written by `concentration_references.py`).
@Suite("Segregation indices")
struct SegregationTests {
  let file: [String: Any]
  let gas: [Double?]
  let residential: [Double?]
  let nonResidential: [Double?]
  let units: [String]

  init() throws {
    file = try ReferenceFile("segregation").root
    gas = file.numbers("gasResidential")
    residential = file.numbers("electricityResidential")
    nonResidential = file.numbers("electricityNonResidential")
    units = file.strings("units")
  }

  @Test("single group against the rest: Dissim, Gini, Isolation, Interaction, Entropy")
  func singleGroup() throws {
    let s = try SingleGroupSegregation(group: gas, total: residential, unitIDs: units)
    let expected = file.object("singleGroup")
    #expect(s.comparison == .againstRest)
    #expect(close(s.dissimilarity.value, expected.number("dissimilarity")))
    #expect(close(s.gini.value, expected.number("gini")))
    #expect(close(s.isolation.value, expected.number("isolation")))
    #expect(close(s.interaction.value, expected.number("interaction")))
    #expect(close(s.entropy.value, expected.number("entropy")))
  }

  @Test("D of group A against group B differs from D against the rest (segregation#213)")
  func pairAndRest() throws {
    let pair = try SingleGroupSegregation(group: gas, otherGroup: nonResidential)
    #expect(pair.comparison == .againstOtherGroup)
    #expect(close(pair.dissimilarity.value, file.number("dissimilarityGasVersusNonResidential")))
    let all = zip(residential, nonResidential).map { Optional($0! + $1!) }
    let rest = try SingleGroupSegregation(group: gas, total: all)
    #expect(close(rest.dissimilarity.value, file.number("dissimilarityGasVersusAllConnections")))
    #expect(pair.dissimilarity != rest.dissimilarity)
  }

  @Test("multigroup: MultiDissim, MultiGini, MultiInfoTheory and the others; local LQ")
  func multigroup() throws {
    let noGas = zip(residential, gas).map { Optional($0! - $1!) }
    let m = try MultigroupSegregation(groups: [gas, noGas, nonResidential], unitIDs: units)
    let expected = file.object("multiGroup")
    #expect(close(m.dissimilarity.value, expected.number("dissimilarity")))
    #expect(close(m.gini.value, expected.number("gini")))
    #expect(close(m.informationTheory.value, expected.number("informationTheory")))
    #expect(close(m.normalisedExposure.value, expected.number("normalisedExposure")))
    #expect(
      close(
        m.squaredCoefficientOfVariation.value,
        expected.number("squaredCoefficientOfVariation")))
    #expect(close(m.relativeDiversity.value, expected.number("relativeDiversity")))
    #expect(close(m.diversity.value, expected.number("diversity")))
    let lq = (file["locationQuotients"] as! [Any]).map(optionalNumbers)
    for (row, expectedRow) in zip(m.locationQuotients, lq) {
      expectClose(row.map(\.value), expectedRow, "MultiLocationQuotient")
    }
  }

  @Test("edge fixture: a unit with total 0 counts as p = 0; a missing unit is left out")
  func edge() throws {
    let edge = file.object("edge")
    let s = try SingleGroupSegregation(group: edge.numbers("group"), total: edge.numbers("total"))
    #expect(s.missingUnits == ["unit 4"])
    #expect(close(s.dissimilarity.value, edge.number("dissimilarity")))
    #expect(close(s.gini.value, edge.number("gini")))
    #expect(close(s.isolation.value, edge.number("isolation")))
    #expect(close(s.interaction.value, edge.number("interaction")))
    #expect(close(s.entropy.value, edge.number("entropy")))
  }

  @Test("degenerate: an absent group or an empty city is undefined, not NaN")
  func degenerate() throws {
    let absent = try SingleGroupSegregation(group: [0, 0], total: [10, 20])
    #expect(absent.dissimilarity == .undefined(.groupShareDegenerate(share: 0)))
    #expect(absent.isolation.value == nil)
    let empty = try SingleGroupSegregation(group: [0, nil], total: [0, 3])
    #expect(empty.entropy == .undefined(.zeroTotal(quantity: "the population")))
    let allMissing = try SingleGroupSegregation(group: [nil, 1], total: [4, nil])
    #expect(allMissing.dissimilarity == .undefined(.noUnits))
    #expect(allMissing.missingUnits == ["unit 1", "unit 2"])
    let oneGroup = try MultigroupSegregation(groups: [[1, 2], [0, 0]])
    #expect(oneGroup.dissimilarity == .undefined(.emptyGroup(index: 1)))
  }

  @Test("errors: a group above its total names the unit")
  func errors() {
    let error = ConcentrationError.groupExceedsTotal(unit: "A2", group: 5, total: 3)
    #expect(throws: error) {
      try SingleGroupSegregation(group: [1, 5], total: [2, 3], unitIDs: ["A1", "A2"])
    }
    #expect(error.description == "Unit A2 has a group count of 5 above its total of 3.")
    #expect(throws: ConcentrationError.tooFewGroups(count: 1)) {
      try MultigroupSegregation(groups: [[1]])
    }
  }

  @Test("property: D, Gini, H, isolation lie in [0, 1] and xPx + xPy = 1", arguments: 0..<25)
  func bounds(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    let n = 2 + Int(random.next() % 40)
    let total = (0..<n).map { _ in Double(random.next() % 1000) }
    let group = total.map { Double(random.next() % UInt64($0 + 1)) }
    let s = try SingleGroupSegregation(group: group, total: total)
    for value in [s.dissimilarity, s.gini, s.entropy, s.isolation].compactMap(\.value) {
      #expect(value >= -1e-12 && value <= 1 + 1e-12)
    }
    if let x = s.isolation.value, let y = s.interaction.value { #expect(abs(x + y - 1) < 1e-12) }
  }
}
