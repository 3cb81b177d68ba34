import Testing

@testable import SpatialStats

/// Oracle: inequality 1.1.2 `Gini(x).g`, `Theil(x).T`; Lorenz points and top shares by hand
/// in numpy (`concentration_inequality.json`). Sets: Columbus INC, HOVAL, CRIME; a set with
/// zeros; a constant set.
@Suite("Inequality")
struct InequalityTests {
  static let names = ["INC", "HOVAL", "CRIME", "zeros", "constant"]

  @Test("Gini, Theil T, Lorenz curve and top shares match", arguments: names)
  func matches(name: String) throws {
    let set = try ReferenceFile("inequality").root.object("sets").object(name)
    let inequality = try Inequality(values: set.numbers("values"))
    #expect(close(inequality.gini.value, set.number("gini")), "Gini")
    // Zeros: the limit s ln s → 0 against inequality's tiny-constant trick, same digits.
    #expect(close(inequality.theilT.value, set.number("theilT")), "Theil")
    let lorenz = try #require(inequality.lorenzCurve.value)
    let expected = (set["lorenz"] as! [[Double]])
    expectClose(lorenz.map(\.unitShare), expected.map { $0[0] }, "Lorenz x")
    expectClose(lorenz.map(\.valueShare), expected.map { $0[1] }, "Lorenz y")
    let top = set.object("topShare")
    for percent in ["10", "20", "50"] {
      #expect(
        close(
          try inequality.topShare(percent: Double(percent)!).value,
          top.number(percent)), "top \(percent)%")
    }
  }

  @Test("missing values are excluded, all-zero values are undefined")
  func missingAndZero() throws {
    let withMissing = try Inequality(values: [1, nil, 3], unitIDs: ["a", "b", "c"])
    #expect(withMissing.missingUnits == ["b"])
    // Two units 1 and 3: G = (2·(1·1 + 2·3) − 2·4 − 4) / (2·4) = (14 − 12)/8 = 0.25.
    #expect(close(withMissing.gini.value, 0.25))
    let zeros = try Inequality(values: [0, 0])
    #expect(zeros.gini == .undefined(.zeroTotal(quantity: "the values")))
    #expect(throws: ConcentrationError.negativeValue(unit: "unit 1", field: "value", value: -2)) {
      try Inequality(values: [-2, 3])
    }
  }

  @Test("property: Gini lies in [0, 1)", arguments: 0..<25)
  func giniBounds(seed: UInt64) throws {
    var random = SplitMix64(state: seed + 100)
    let values = (0..<(1 + Int(random.next() % 60))).map { _ in Optional(random.unit() * 1e4) }
    let gini = try #require(try Inequality(values: values).gini.value)
    #expect(gini >= -1e-12 && gini < 1)
  }
}
