// Oracles: statsmodels proportion_confint(method="wilson") and scipy chi2.ppf (the exact
// Garwood Poisson interval), scipy norm.ppf (Tests/Fixtures/reference/
// confidence_interval_references.py → confidence_intervals.json), to 1e-12 relative.

import Foundation
import Testing

@testable import SpatialStats

@Suite struct ConfidenceIntervalTests {
  static func reference() throws -> [String: Any] {
    try AutocorrelationFixtures.json("reference/confidence_intervals.json")
  }

  static func close(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-12 * max(1, abs(b))
  }

  @Test func normalQuantileMatchesScipy() throws {
    for c in try Self.reference()["normal_quantiles"] as! [[String: Double]] {
      #expect(Self.close(StandardNormal.quantile(c["q"]!), c["z"]!), "q = \(c["q"]!)")
    }
  }

  @Test func wilsonMatchesStatsmodels() throws {
    let cases = try Self.reference()["wilson"] as! [[String: Double]]
    #expect(cases.count == 27)
    for c in cases {
      let ci = try #require(
        ConfidenceIntervals.wilson(successes: c["x"]!, trials: c["n"]!, level: c["level"]!))
      #expect(Self.close(ci.lower, c["lower"]!), "\(c)")
      #expect(Self.close(ci.upper, c["upper"]!), "\(c)")
    }
  }

  @Test func exactPoissonMatchesScipy() throws {
    let cases = try Self.reference()["poisson"] as! [[String: Double]]
    #expect(cases.count == 27)
    for c in cases {
      let ci = try #require(ConfidenceIntervals.poisson(count: c["k"]!, level: c["level"]!))
      #expect(Self.close(ci.lower, c["lower"]!), "\(c)")
      #expect(Self.close(ci.upper, c["upper"]!), "\(c)")
    }
  }

  @Test func impossibleInputsHaveNoInterval() {
    #expect(ConfidenceIntervals.wilson(successes: 5, trials: 4) == nil)
    #expect(ConfidenceIntervals.wilson(successes: 1, trials: 0) == nil)
    #expect(ConfidenceIntervals.poisson(count: 2.5) == nil)
    #expect(ConfidenceIntervals.poisson(count: 3, level: 1) == nil)
  }
}
