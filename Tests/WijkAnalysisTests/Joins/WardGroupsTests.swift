import Testing
import WijkCore

@testable import WijkAnalysis

/// Four wards; the group "impulswijken" = W1, W3.
/// Group: households 100 + 300 = 400, poor 20 + 90 = 110 → 27.5 %.
/// Rest (W2, W4): households 200 + 400 = 600, poor 10 + 20 = 30 → 5 %.
@Suite struct WardGroupsTests {
  let table = Table(
    source: "wards.csv", columns: ["ward", "households", "poor"],
    rows: [
      [.text("W1"), .integer(100), .integer(20)],
      [.text("W2"), .integer(200), .integer(10)],
      [.text("W3"), .integer(300), .integer(90)],
      [.text("W4"), .integer(400), .integer(20)],
    ], lineNumbers: [2, 3, 4, 5])
  let specs = [
    IndicatorSpec.count("households"),
    IndicatorSpec(name: "poor_pct", kind: .rate(numerator: "poor", base: "households", per: 100)),
  ]

  @Test("A group's counts are summed and its rate recomputed; likewise for the rest")
  func groupAndRest() throws {
    let r = try WardGroups.summarise(
      table, wardColumn: "ward", groups: [WardGroup(name: "impulswijken", codes: ["W1", "W3"])],
      indicators: specs)
    #expect(r.value("households", key: ["impulswijken", "group"]) == .integer(400))
    #expect(r.value("poor_pct", key: ["impulswijken", "group"]) == .real(27.5))
    #expect(r.value("households", key: ["impulswijken", "rest of city"]) == .integer(600))
    #expect(r.value("poor_pct", key: ["impulswijken", "rest of city"]) == .real(5))
    // Not the mean of the ward rates (20 % and 30 % → 25 %).
    #expect(r.unitCounts == [2, 2])
  }

  @Test("Unknown codes in a group are an error naming them")
  func unknown() {
    let error = JoinError.unknownWardCodes(group: "impulswijken", codes: ["W9", "w1"])
    #expect(throws: error) {
      try WardGroups.summarise(
        table, wardColumn: "ward",
        groups: [WardGroup(name: "impulswijken", codes: ["W1", "W9", "w1"])], indicators: specs)
    }
    #expect(error.description
      == "Ward group \"impulswijken\" names codes that are not wards: W9, w1.")
  }
}
