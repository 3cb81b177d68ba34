// Oracle: esda 2.9.0 Moran_Local EIc and VIc (Sokal et al. 1998 eqs. A7–A8) on Columbus and
// St Louis (Tests/Fixtures/reference/local_moran_conditional_references.py →
// local_moran_conditional.json), to 1e-9.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct LocalMoranConditionalMomentsTests {
  @Test func matchEsdaEIcAndVIc() throws {
    let cases =
      try AutocorrelationFixtures.json("reference/local_moran_conditional.json")["cases"]
      as! [[String: Any]]
    #expect(cases.count == 6)
    for c in cases {
      let json = try AutocorrelationFixtures.reference(c["dataset"] as! String)
      let variable = (json["variables"] as! [String: [String: Any]])[c["variable"] as! String]!
      let y = (variable["values"] as! [Double]).map { Double?($0) }
      let lists = (json["neighbours"] as! [String: [[Int]]])[c["weights"] as! String]!
      let m = try #require(
        try localMoran(
          y, weights: try AutocorrelationFixtures.weights(lists), permutations: 0, seed: 0
        ).value)
      var cmp = ReferenceComparison()
      cmp.array("EIc", m.conditionalExpectedI, c["EIc"])
      cmp.array("VIc", m.conditionalVariance, c["VIc"])
      #expect(cmp.mismatches.isEmpty, "\(c["dataset"]!) \(c["weights"]!): \(cmp.mismatches.prefix(4))")
    }
  }
}
