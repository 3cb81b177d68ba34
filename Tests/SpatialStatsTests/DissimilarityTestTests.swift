// Oracles (Tests/Fixtures/reference/dissimilarity_test_references.py → dissimilarity_test.json):
// (1) the same seeded draws replayed in plain Python, to 1e-12; (2) segregation 2.5.4's
// SingleValueTest with numpy's stream, in distribution (mean D* within 5 standard errors).

import Foundation
import Testing

@testable import SpatialStats

@Suite struct DissimilarityTestTests {
  static func cases() throws -> [[String: Any]] {
    try AutocorrelationFixtures.json("reference/dissimilarity_test.json")["cases"]
      as! [[String: Any]]
  }

  static func run(_ c: [String: Any]) throws -> DissimilarityTest {
    let null = DissimilarityNull(rawValue: c["null"] as! String)!
    return try #require(
      try dissimilarityTest(
        group: (c["group"] as! [Int]).map { Double?(Double($0)) },
        total: (c["total"] as! [Int]).map { Double?(Double($0)) }, null: null,
        simulations: 999, seed: 12345
      ).value)
  }

  @Test func replaysThePythonDrawsExactly() throws {
    let cases = try Self.cases()
    #expect(cases.count == 4)
    for c in cases {
      let r = try Self.run(c)
      let ref = c["wijk_replay"] as! [String: Any]
      let label = "\(c["name"]!) \(c["null"]!)"
      #expect(r.simulations == ref["simulations"] as! Int, "\(label)")
      #expect(closeRelative(r.observed, ref["observed"] as! Double, relative: 1e-12), "\(label)")
      #expect(
        closeRelative(r.expectedUnderNull, ref["expected_under_null"] as! Double, relative: 1e-12),
        "\(label)")
      #expect(r.pseudoP == ref["pseudo_p"] as! Double, "\(label)")
    }
  }

  /// The evenness null's inversion tables hold the binomial distribution: scipy's cdf at
  /// every k of the table to 1e-13, and less than 1e-16 left out below and above it.
  @Test func inversionTablesAreTheBinomialDistribution() throws {
    let tables = try AutocorrelationFixtures.json("reference/dissimilarity_test.json")["tables"]
      as! [[String: Any]]
    #expect(tables.count == 6)
    for t in tables {
      let (n, p) = (t["n"] as! Int, t["p"] as! Double)
      let (first, cdf) = BinomialInversion(p: p, sizes: [n]).distribution(unit: 0)
      let want = t["cdf"] as! [Double]
      #expect(first == t["first_k"] as! Int && cdf.count == want.count, "n \(n) p \(p)")
      let worst = zip(cdf, want).map { abs($0 - $1) }.max() ?? .infinity
      #expect(worst <= 1e-13, "n \(n) p \(p): \(worst)")
      #expect((t["below"] as! Double) < 1e-16 && (t["above"] as! Double) < 1e-16)
    }
  }

  @Test func agreesWithSegregationInDistribution() throws {
    for c in try Self.cases() {
      let r = try Self.run(c)
      let theirs = c["segregation"] as! [String: Any]
      let sd = theirs["sd"] as! Double
      let se = (sd * sd / 999 + sd * sd / Double(theirs["iterations"] as! Int)).squareRoot()
      #expect(
        abs(r.expectedUnderNull - (theirs["mean"] as! Double)) <= 5 * se,
        "\(c["name"]!) \(c["null"]!): \(r.expectedUnderNull)")
      #expect(closeRelative(r.observed, theirs["statistic"] as! Double, relative: 1e-12))
    }
  }

  /// Genk's gas connections are segregated beyond chance; ten units of ten people with
  /// D = 0.19 are not: random allocation gives more.
  @Test func smallUnitsAreNotEvidence() throws {
    let cases = try Self.cases()
    for c in cases where c["name"] as? String == "ten small units" {
      let r = try Self.run(c)
      #expect(r.expectedUnderNull > r.observed && r.pseudoP > 0.5)
    }
    for c in cases where (c["name"] as! String).hasPrefix("fluvius") {
      #expect(try Self.run(c).pseudoP == 0.001)
    }
  }

  @Test func fractionalCountsAreRefusedNamingTheUnit() {
    #expect {
      _ = try dissimilarityTest(
        group: [1, 2.5, 3], total: [10, 10, 10], unitIDs: ["a", "b", "c"])
    } throws: { e in
      "\(e)".contains("b") && "\(e)".contains("whole number")
    }
  }

  @Test func aMissingUnitIsLeftOutAndTheSeedRepeats() throws {
    let x: [Double?] = [3, 2, nil, 3, 1, 5, 2, 3, 4, 3]
    let t: [Double?] = Array(repeating: 10, count: 10)
    let a = try dissimilarityTest(group: x, total: t, seed: 7).value
    let b = try dissimilarityTest(group: x, total: t, seed: 7).value
    let without = try dissimilarityTest(
      group: x.enumerated().filter { $0.offset != 2 }.map(\.element),
      total: Array(repeating: 10, count: 9), seed: 7
    ).value
    #expect(a != nil && a == b && a == without)
  }
}
