// Oracles: esda 2.9.0 Join_Counts_Local for LJC, scipy's hypergeometric upper tail for the
// exact p the conditional permutation test tends to
// (Tests/Fixtures/reference/join_count_references.py → join_counts.json).

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct LocalJoinCountTests {
  static func cases() throws -> [[String: Any]] {
    try AutocorrelationFixtures.json("reference/join_counts.json")["cases"] as! [[String: Any]]
  }

  @Test func joinCountsMatchEsda() throws {
    for c in try Self.cases() {
      let w = try AutocorrelationFixtures.weights(c["neighbours"] as! [[Int]])
      let x = (c["values"] as! [Int]).map { Double?(Double($0)) }
      let r = try #require(try localJoinCounts(x, weights: w, permutations: 0, seed: 0).value)
      #expect(r.joins == c["LJC"] as! [Int], "\(c["name"]!)")
      #expect(r.pseudoP.allSatisfy { $0 == nil })
    }
  }

  /// With 9,999 permutations each pseudo p lies within 4 standard errors of the exact
  /// hypergeometric tail; a unit with LJC = 0 has none.
  @Test func pseudoPTendsToTheHypergeometricTail() throws {
    let permutations = 9_999
    for c in try Self.cases() {
      let w = try AutocorrelationFixtures.weights(c["neighbours"] as! [[Int]])
      let x = (c["values"] as! [Int]).map { Double?(Double($0)) }
      let r = try #require(
        try localJoinCounts(x, weights: w, permutations: permutations, seed: 7).value)
      let exact = c["exact_p"] as! [Any]
      for i in exact.indices {
        guard let p = exact[i] as? Double else {
          #expect(r.pseudoP[i] == nil, "\(c["name"]!) unit \(i)")
          continue
        }
        let got = try #require(r.pseudoP[i], "\(c["name"]!) unit \(i)")
        let se = (p * (1 - p) / Double(permutations)).squareRoot()
        #expect(abs(got - p) <= 4 * se + 1 / Double(permutations + 1), "unit \(i): \(got) vs \(p)")
      }
    }
  }

  @Test func aValueOtherThanZeroOrOneIsRefusedNamingTheUnit() throws {
    let w = try AutocorrelationFixtures.weights([[1], [0, 2], [1]])
    #expect {
      _ = try localJoinCounts([1, 2, 0], weights: w, seed: 0)
    } throws: { error in
      "\(error)".contains("Unit '1' has the value 2.0")
    }
  }
}
