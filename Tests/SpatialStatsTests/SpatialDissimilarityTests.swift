// Oracle: segregation 2.5.4 SpatialDissim and Dissim on SIDS2, non-white births within all
// births, queen and rook (Tests/Fixtures/reference/spatial_dissimilarity_references.py →
// spatial_dissimilarity.json), to 1e-9.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct SpatialDissimilarityTests {
  @Test func matchesSegregationSpatialDissim() throws {
    let cases =
      try AutocorrelationFixtures.json("reference/spatial_dissimilarity.json")["cases"]
      as! [[String: Any]]
    let neighbours = try AutocorrelationFixtures.reference("sids2")["neighbours"]
      as! [String: [[Int]]]
    #expect(cases.count == 4)
    for c in cases {
      let w = try AutocorrelationFixtures.weights(neighbours[c["weights"] as! String]!)
      let x = (c["group_values"] as! [Double]).map { Double?($0) }
      let t = (c["total_values"] as! [Double]).map { Double?($0) }
      let sd = try #require(try spatialDissimilarity(group: x, total: t, weights: w).value)
      #expect(closeRelative(sd, c["SD"] as! Double), "\(c["group"]!) \(c["weights"]!)")
      let d = try SingleGroupSegregation(group: x, total: t).dissimilarity.value
      #expect(closeRelative(try #require(d), c["D"] as! Double))
      #expect(sd < d!, "neighbours with different shares lower the index")
    }
  }

  @Test func withoutNeighboursItIsUndefined() throws {
    let w = try AutocorrelationFixtures.weights([[], [], []])
    let r = try spatialDissimilarity(group: [1, 5, 9], total: [10, 10, 10], weights: w)
    #expect(r.value == nil)
  }
}
