// Islands, missing values, constant variables, multiple testing: against esda on the subgraph
// wijk analyses (see the notes in spatial_small.json) and against esda.fdr.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct MoranExclusionTests {
  static func small(_ key: String) throws -> [String: Any] {
    try AutocorrelationFixtures.reference("small")[key] as! [String: Any]
  }

  static func latticeRook() throws -> [[Int]] {
    (try small("lattice3x3")["neighbours"] as! [String: [[Int]]])["rook"]!
  }

  @Test func anIslandIsExcludedNamedAndTheRestMatchesEsdaWithoutIt() throws {
    let f = try Self.small("island")
    let lists = try Self.latticeRook() + [[]]
    let w = try SpatialWeights(ids: (0..<9).map(String.init) + ["island"], neighbours: lists)
    let y = (f["values"] as! [Double]).map(Optional.some)
    let result = try localMoran(y, weights: w, permutations: 0, seed: 0)
    #expect(result.sample.islands == ["island"])
    #expect(result.sample.ids.count == 9 && !result.sample.ids.contains("island"))
    #expect(result.sample.warnings == ["Left out 1 unit(s) without neighbours: island."])
    let mismatches = try compareAll(y, w, f["expected"] as! [String: Any])
    #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
  }

  @Test func islandPolicyFailThrowsWithTheIDs() throws {
    let w = try SpatialWeights(
      ids: (0..<9).map(String.init) + ["island"], neighbours: try Self.latticeRook() + [[]])
    let y: [Double?] = (0..<10).map(Double.init)
    #expect(throws: AutocorrelationError.islands(["island"])) {
      try moranI(y, weights: w, seed: 1, islands: .fail)
    }
    #expect(
      AutocorrelationError.islands(["W07", "W12"]).description
        == "These units have no neighbours, so no spatial statistic can use them: W07, W12.")
  }

  @Test func aMissingUnitIsExcludedAndTheSubgraphMatchesEsda() throws {
    let f = try Self.small("missing")
    let w = try AutocorrelationFixtures.weights(try Self.latticeRook())
    let y = (f["values"] as! [Any]).map { $0 as? Double }
    let result = try moranI(y, weights: w, permutations: 0, seed: 0)
    #expect(result.sample.missing == ["4"])
    let sub = try SpatialWeights(
      ids: (0..<8).map(String.init), neighbours: f["subgraph_neighbours"] as! [[Int]])
    #expect(w.restricted(to: [0, 1, 2, 3, 5, 6, 7, 8]).neighbourLists == sub.neighbourLists)
    let mismatches = try compareAll(y, w, f["expected"] as! [String: Any])
    #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
  }

  @Test func aConstantVariableIsUndefinedNotNaN() throws {
    let w = try AutocorrelationFixtures.weights(try Self.latticeRook())
    let y = [Double?](repeating: 7, count: 9)
    let reason = UndefinedReason.zeroVariance
    guard case .undefined(let r) = try moranI(y, weights: w, seed: 1).estimate else {
      Issue.record("expected undefined")
      return
    }
    #expect(r == reason)
    #expect(try gearyC(y, weights: w, seed: 1).value == nil)
    #expect(try generalG(y, weights: w, seed: 1).value == nil)
    #expect(try localMoran(y, weights: w, seed: 1).value == nil)
    #expect(try localG(y, weights: w, seed: 1).value == nil)
    #expect(
      reason.description
        == "not defined (zero variance: every analysed unit has the same value)")
  }

  @Test func valuesMustLineUpWithTheWeights() throws {
    let w = try AutocorrelationFixtures.weights(try Self.latticeRook())
    #expect(throws: AutocorrelationError.countMismatch(what: "values", expected: 9, got: 2)) {
      try moranI([1, 2], weights: w, seed: 1)
    }
  }

  @Test func falseDiscoveryRateMatchesEsdaFdr() throws {
    let f = try Self.small("fdr")
    let p = f["p"] as! [Double]
    for (alpha, expected) in zip(f["alpha"] as! [Double], f["threshold"] as! [Double]) {
      let result = falseDiscoveryRate(p, alpha: alpha)
      #expect(closeRelative(result.threshold, expected), "alpha \(alpha)")
      #expect(result.significant == p.map { $0 < expected })
    }
    // by hand, alpha 0.05, n 10: k·α/n = 0.005k; p(2) = 0.008 < 0.010 is the largest such k
    #expect(falseDiscoveryRate(p, alpha: 0.05).significant.filter { $0 }.count == 2)
    #expect(bonferroni(p, alpha: 0.05).threshold == 0.005)
    #expect(bonferroni(p, alpha: 0.05).significant.filter { $0 }.count == 1)
  }

  @Test func moranIsUnchangedByAnAffineRescaling() throws {
    let (y, w, _) = try AutocorrelationCase(dataset: "columbus", variable: "INC", weights: "queen")
      .load()
    let a = try #require(try moranI(y, weights: w, permutations: 0, seed: 0).value)
    let b = try #require(
      try moranI(y.map { 3 * $0 - 10 }, weights: w, permutations: 0, seed: 0).value)
    #expect(closeRelative(a.i, b.i, relative: 1e-12))
  }
}

/// Getis-Ord G is defined for values ≥ 0; a negative value is an error naming the unit
/// (esda gives G = ±inf and z = NaN when such values sum to 0).
@Suite struct GetisOrdNegativeValueTests {
  @Test func negativeValueIsAnErrorNamingTheUnit() throws {
    let w = try SpatialWeights(
      ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]],
      weights: [[1], [1, 1], [1, 1], [1]])
    #expect(throws: AutocorrelationError.negativeValue(unit: "b", value: -1, statistic: "Getis-Ord G")) {
      try localG([2, -1, 0, 1], weights: w, star: true, permutations: 0, seed: 1)
    }
  }
}
