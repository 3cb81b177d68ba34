// Oracle: inequality 1.1.2 Gini_Spatial on its own test data (mexico.csv pcgdp1940, block
// weights of hanson98), published g, wg, wcg; the exact permutation mean of wcg
// (Tests/Fixtures/reference/spatial_gini_references.py → spatial_gini.json).

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct SpatialGiniTests {
  static func load() throws -> ([Double?], SpatialWeights, [String: Any]) {
    let json = try AutocorrelationFixtures.json("reference/spatial_gini.json")
    let w = try AutocorrelationFixtures.weights(json["neighbours"] as! [[Int]])
    return ((json["values"] as! [Double]).map { $0 }, w, json)
  }

  @Test func matchesInequalityGiniSpatial() throws {
    let (x, w, json) = try Self.load()
    let g = try #require(try spatialGini(x, weights: w, permutations: 0, seed: 0).value)
    let published = json["published"] as! [String: Double]
    #expect(abs(g.gini - published["g"]!) < 1e-15)
    #expect(g.neighbourDifference == published["wg"]!)
    #expect(g.nonNeighbourDifference == published["wcg"]!)
    var cmp = ReferenceComparison()
    cmp.value("dtotal", g.totalDifference, json["dtotal"])
    cmp.value("wcg_share", g.nonNeighbourShare, json["wcg_share"])
    cmp.value("polarization", g.polarization ?? .nan, json["polarization"])
    #expect(cmp.mismatches.isEmpty, "\(cmp.mismatches)")
    #expect(g.permutation == nil)
  }

  /// The seeded permutation mean of wcg lies within 4 standard errors of its exact mean.
  @Test func permutationMeanApproachesTheExactMean() throws {
    let (x, w, json) = try Self.load()
    let permutations = 9_999
    let g = try #require(
      try spatialGini(x, weights: w, permutations: permutations, seed: 3).value)
    let p = try #require(g.permutation)
    let exact = json["exact_mean_wcg"] as! Double
    let se = p.standardDeviation / Double(permutations).squareRoot()
    #expect(abs(p.mean - exact) <= 4 * se, "\(p.mean) vs \(exact) ± \(se)")
    // the regions' states are alike: wcg is high, on the upper tail (inequality: p 0.04)
    #expect(p.tail == .upper)
    #expect(p.pseudoP < 0.1)
  }

  @Test func missingValuesLeaveTheirUnitOutAndNegativeValuesAreRefused() throws {
    let (x, w, _) = try Self.load()
    var y = x
    y[0] = nil
    let r = try spatialGini(y, weights: w, permutations: 0, seed: 0)
    #expect(r.sample.missing == ["0"])
    #expect(r.sample.ids.count == 31)
    y[1] = -1
    #expect(throws: AutocorrelationError.self) {
      try spatialGini(y, weights: w, permutations: 0, seed: 0)
    }
  }
}
