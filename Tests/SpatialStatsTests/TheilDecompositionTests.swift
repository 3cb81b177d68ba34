// Oracle: inequality 1.1.2 TheilD on its own test data, libpysal's mexico.csv by hanson98
// (Tests/Fixtures/reference/theil_references.py → theil_decomposition.json), to 1e-12.

import Foundation
import Testing

@testable import SpatialStats

@Suite struct TheilDecompositionTests {
  static func reference() throws -> [String: Any] {
    try AutocorrelationFixtures.json("reference/theil_decomposition.json")
  }

  @Test func matchesInequalityTheilD() throws {
    let json = try Self.reference()
    let tolerance = json["tolerance"] as! Double
    for c in json["cases"] as! [[String: Any]] {
      let values = (c["values"] as! [Double]).map { Double?($0) }
      let d = try #require(
        try TheilDecomposition.compute(
          values: values, groups: c["groups"] as! [String], unitIDs: c["units"] as? [String]
        ).value)
      let name = c["name"] as! String
      #expect(abs(d.total - (c["T"] as! Double)) <= tolerance, "\(name) T")
      #expect(abs(d.between - (c["between"] as! Double)) <= tolerance, "\(name) between")
      #expect(abs(d.within - (c["within"] as! Double)) <= tolerance, "\(name) within")
    }
  }

  /// inequality's test publishes the between-group values to 8 digits.
  @Test func betweenGroupsIsThePublishedValue() throws {
    let json = try Self.reference()
    let published = json["published_between_hanson98"] as! [Double]
    let cases = (json["cases"] as! [[String: Any]]).prefix(7)
    for (c, expected) in zip(cases, published) {
      let values = (c["values"] as! [Double]).map { Double?($0) }
      let d = try #require(
        try TheilDecomposition.compute(values: values, groups: c["groups"] as! [String]).value)
      #expect(abs(d.between - expected) < 5e-9, "\(c["name"]!)")
    }
  }

  @Test func groupSharesAddUpAndMissingUnitsAreNamed() throws {
    let d = try #require(
      try TheilDecomposition.compute(
        values: [1, 2, nil, 4, 8], groups: ["a", "a", "a", "b", "b"],
        unitIDs: ["W1", "W2", "W3", "W4", "W5"]
      ).value)
    #expect(d.missingUnits == ["W3"])
    #expect(d.groups.map(\.units) == [2, 2])
    #expect(abs(d.groups.map(\.share).reduce(0, +) - 1) < 1e-15)
    #expect(abs(d.total - (d.between + d.within)) < 1e-15)
  }
}
