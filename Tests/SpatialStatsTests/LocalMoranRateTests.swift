// Oracle: esda 2.9.0 Moran_Local_Rate(adjusted=True) on St Louis homicides and SIDS2
// (Tests/Fixtures/reference/local_rate_references.py → local_moran_rate.json), to 1e-9.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct LocalMoranRateTests {
  @Test func matchesEsdaMoranLocalRate() throws {
    let cases =
      try AutocorrelationFixtures.json("reference/local_moran_rate.json")["cases"]
      as! [[String: Any]]
    #expect(cases.count == 4)
    for c in cases {
      let dataset = c["dataset"] as! String
      let json = try AutocorrelationFixtures.reference(dataset)
      let rate = json["moran_rate"] as! [String: Any]
      let lists = (json["neighbours"] as! [String: [[Int]]])[c["weights"] as! String]!
      let w = try AutocorrelationFixtures.weights(lists)
      let e = (rate["events_values"] as! [Double]).map { Double?($0) }
      let b = (rate["base_values"] as! [Double]).map { Double?($0) }
      let m = try #require(
        try localMoranForRates(events: e, base: b, weights: w, permutations: 0, seed: 0).value)
      var cmp = ReferenceComparison()
      cmp.array("Is", m.i, c["Is"])
      cmp.array("EI", m.expectedI, c["EI"])
      cmp.array("VI", m.variance, c["VI"])
      if m.quadrants.map(\.rawValue) != c["quadrants"] as! [String] {
        cmp.mismatches.append("quadrants differ")
      }
      #expect(cmp.mismatches.isEmpty, "\(dataset) \(c["weights"]!): \(cmp.mismatches.prefix(5))")
    }
  }

  /// A unit without a base is missing, not a rate of 0, and is named.
  @Test func missingBaseIsLeftOutAndNamed() throws {
    let json = try AutocorrelationFixtures.reference("sids2")
    let rate = json["moran_rate"] as! [String: Any]
    let w = try AutocorrelationFixtures.weights(
      (json["neighbours"] as! [String: [[Int]]])["queen"]!)
    let e = (rate["events_values"] as! [Double]).map { Double?($0) }
    var b = (rate["base_values"] as! [Double]).map { Double?($0) }
    b[5] = nil
    let r = try localMoranForRates(events: e, base: b, weights: w, permutations: 99, seed: 1)
    #expect(r.sample.missing == ["5"])
    let m = try #require(r.value)
    #expect(m.i.count == r.sample.ids.count)
    #expect(m.permutation?.pseudoP.count == r.sample.ids.count)
  }
}
