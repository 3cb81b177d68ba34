// The folded pseudo p with ties counted on both tails, against esda (untied data: the same
// p_sim from esda's own simulated values) and against exact enumeration of every permutation
// (small layouts with ties, a degenerate unit and mirror images). References:
// Tests/Fixtures/reference/significance.json, written by significance_references.py.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct PseudoPTieTests {
  static func reference() throws -> [String: Any] {
    try AutocorrelationFixtures.json("reference/significance.json")
  }

  static func folded(_ simulated: [Double], _ observed: Double) -> Double {
    simulated.withUnsafeBufferPointer { TailCounts($0, observed: observed) }
      .pseudoP(permutations: simulated.count)
  }

  // On data without ties the rule is esda's p_sim, (min(#≥, #<) + 1) / (R + 1): applied to
  // esda's own simulated statistics it must give esda's p_sim exactly.
  @Test func onUntiedDataTheFoldedPIsEsdasPSim() throws {
    let untied = try Self.reference()["esda_untied"] as! [String: Any]
    for key in ["local_moran", "g_local_B_star"] {
      let e = untied[key] as! [String: Any]
      let observed = e["observed"] as! [Double]
      let simulated = e["simulated"] as! [[Double]]
      let pSim = e["p_sim"] as! [Double]
      for i in observed.indices {
        let ours = Self.folded(simulated[i], observed[i])
        // esda's G_Local stores p_sim in float32
        #expect(
          key == "local_moran" ? ours == pSim[i] : Float(ours) == Float(pSim[i]),
          "\(key) unit \(i): \(ours) against esda \(pSim[i])")
      }
    }
    let m = untied["moran"] as! [String: Any]
    #expect(
      Self.folded(m["simulated"] as! [Double], m["observed"] as! Double) == m["p_sim"] as! Double)
  }

  @Test func tiesCountOnBothTailsAndADegenerateDistributionGivesOne() {
    // 3 below, 4 tied, 3 above of 10: both tails count 7, p = 8/11; esda would give 4/11
    let sims = [1.0, 2, 3, 5, 5, 5, 5, 7, 8, 9]
    #expect(Self.folded(sims, 5) == 8.0 / 11)
    // a sum in another order differs in the last bits: still a tie
    #expect(Self.folded(sims, 5 + 4e-15) == 8.0 / 11)
    #expect(Self.folded([Double](repeating: 0.3, count: 99), 0.1 + 0.2) == 1)
    let counts = [Double](repeating: 2, count: 9).withUnsafeBufferPointer {
      TailCounts($0, observed: 2)
    }
    #expect(counts.tail == .neither)
    #expect(TailCounts(atLeast: 3, atMost: 98).tail == .upper)
  }

  static let permutations = 99_999

  /// Runs every statistic on an exact layout and compares each pseudo p with the exact p.
  @Test(arguments: ["case16_rook", "case16_queen", "mirror_line", "lattice_ties", "ring_untied"])
  func pseudoPConvergesToTheExactPermutationP(layout name: String) throws {
    let layouts = try Self.reference()["exact"] as! [[String: Any]]
    let f = try #require(layouts.first { $0["name"] as? String == name })
    let w = try SpatialWeights(
      ids: f["ids"] as! [String], neighbours: f["neighbours"] as! [[Int]])
    let y = (f["values"] as! [Double]).map(Optional.some)
    let r = Self.permutations
    let lisa = try #require(
      try localMoran(y, weights: w, permutations: r, seed: 3).value?.permutation)
    let gi = try #require(
      try localG(y, weights: w, transformation: .binary, star: true, permutations: r, seed: 3)
        .value?.permutation)
    for (key, p) in [("local_moran", lisa.pseudoP), ("gi_star", gi.pseudoP)] {
      let e = f[key] as! [String: [Double]]
      for i in p.indices {
        let tol = Self.tolerance(e["q_at_least"]![i], e["q_at_most"]![i], r)
        #expect(
          abs(p[i] - e["p"]![i]) <= tol,
          "\(name) \(key) unit \(i): pseudo p \(p[i]), exact \(e["p"]![i]) ± \(tol)")
      }
    }
    let global = try #require(try moranI(y, weights: w, permutations: r, seed: 3).value)
    let e = f["moran"] as! [String: Double]
    #expect(closeRelative(global.i, e["observed"]!))
    let tol = Self.tolerance(e["q_at_least"]!, e["q_at_most"]!, r)
    #expect(abs(global.permutation!.pseudoP - e["p"]!) <= tol, "\(name) Moran")
  }

  /// 1/(R + 1) for the "+1" and 4 binomial standard deviations of the larger-variance tail.
  static func tolerance(_ atLeast: Double, _ atMost: Double, _ r: Int) -> Double {
    let sd = max(atLeast * (1 - atLeast), atMost * (1 - atMost)).squareRoot()
    return 1 / Double(r + 1) + 4 * sd / Double(r).squareRoot()
  }

  // Mirror images (1 1 5 9 9 in a row): W01 at the bottom of its tied distribution and W05 at
  // the top get the same Gi* p; esda's rule (ties as ≥) converges to 0 for W01 and 0.25 for
  // W05. W03 sits exactly at the mean: its local I is 0 whatever its neighbours, p = 1.
  @Test func mirrorImagesGetTheSamePAndAUnitAtTheMeanGetsOne() throws {
    let layouts = try Self.reference()["exact"] as! [[String: Any]]
    let f = try #require(layouts.first { $0["name"] as? String == "mirror_line" })
    let esda = (f["gi_star"] as! [String: [Double]])["esda_directed"]!
    #expect(esda[0] == 0 && esda[4] == 0.25)
    let w = try SpatialWeights(ids: f["ids"] as! [String], neighbours: f["neighbours"] as! [[Int]])
    let y: [Double?] = [1, 1, 5, 9, 9]
    let gi = try #require(
      try localG(y, weights: w, transformation: .binary, star: true, seed: 1).value?.permutation)
    #expect(abs(gi.pseudoP[0] - gi.pseudoP[4]) < 0.06, "W01 \(gi.pseudoP[0]), W05 \(gi.pseudoP[4])")
    #expect(gi.pseudoP[0] > 0.15)
    #expect(gi.tails[0] == .lower && gi.tails[4] == .upper)
    let lisa = try #require(try localMoran(y, weights: w, seed: 1).value)
    #expect(lisa.i[2] == 0)
    #expect(lisa.permutation!.pseudoP[2] == 1)
    #expect(lisa.permutation!.tails[2] == .neither)
  }

  // 0.6 is the mean of 0.5 0.4 0.7 0.8 0.6 in decimal; in binary the mean comes out as
  // 0.6000000000000001. Unit e is at the mean: I = 0, p = 1, not "low" by 1e-16.
  @Test func floatingPointNoiseInTheMeanDoesNotMakeAUnitHighOrLow() throws {
    let w = try SpatialWeights(
      ids: ["a", "b", "c", "d", "e"], neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]])
    let y: [Double?] = [0.5, 0.4, 0.7, 0.8, 0.6]
    #expect(y.map { $0! }.reduce(0, +) / 5 != 0.6)
    let lisa = try #require(try localMoran(y, weights: w, permutations: 999, seed: 1).value)
    #expect(lisa.i[4] == 0)
    #expect(lisa.permutation!.pseudoP[4] == 1)
  }
}
