// Multiple-testing corrections against esda 2.9's `fdr` on p-vectors with ties, p = 1 and no
// discovery (Tests/Fixtures/reference/significance.json, from significance_references.py).

import Foundation
import Testing

@testable import SpatialStats

@Suite struct MultipleTestingTests {
  @Test func falseDiscoveryRateMatchesEsdaWithTiesAndOnes() throws {
    let cases =
      try AutocorrelationFixtures.json("reference/significance.json")["fdr"]
      as! [[String: Any]]
    #expect(cases.count == 12)
    for c in cases {
      let p = c["p"] as! [Double]
      let alpha = c["alpha"] as! Double
      let r = MultipleTestingCorrection.fdr.apply(p, alpha: alpha)
      #expect(closeRelative(r.threshold, c["threshold"] as! Double), "\(p) at \(alpha)")
      #expect(r.significant == c["significant"] as! [Bool], "\(p) at \(alpha)")
    }
  }

  // By hand: ties at the cut pass together; p = 1 never passes; no tests, no threshold work.
  @Test func tiesPassTogetherAndNoTestsMeanNothingSignificant() {
    let p = [0.001, 0.004, 0.004, 0.004, 0.03, 0.2, 0.5, 1, 1, 1]
    // k·α/n = 0.005k: p(4) = 0.004 < 0.020 is the largest such k
    let fdr = MultipleTestingCorrection.fdr.apply(p, alpha: 0.05)
    #expect(fdr.threshold == 0.02)
    #expect(fdr.significant == [true, true, true, true, false, false, false, false, false, false])
    #expect(MultipleTestingCorrection.bonferroni.apply(p, alpha: 0.05).threshold == 0.005)
    #expect(
      MultipleTestingCorrection.none.apply(p, alpha: 0.05).significant.filter { $0 }.count == 5)
    #expect(
      MultipleTestingCorrection.fdr.apply([1, 1, 1], alpha: 0.05).significant == [
        false, false, false,
      ])
    let empty = MultipleTestingCorrection.fdr.apply([], alpha: 0.05)
    #expect(empty.significant.isEmpty && empty.threshold == 0.05)
  }
}
