// Oracle: esda 2.9.0 Moran_BV and Moran_Local_BV on Columbus, queen and rook weights of
// libpysal 4.14.1 (Tests/Fixtures/reference/bivariate_references.py → bivariate_columbus.json),
// to 1e-9 relative.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct BivariateMoranTests {
  struct Case {
    let x: [Double?]
    let y: [Double?]
    let w: SpatialWeights
    let expected: [String: Any]
    let label: String
  }

  static func cases() throws -> [Case] {
    let bivariate = try AutocorrelationFixtures.json("reference/bivariate_columbus.json")
    let columbus = try AutocorrelationFixtures.reference("columbus")
    let variables = columbus["variables"] as! [String: [String: Any]]
    let neighbours = columbus["neighbours"] as! [String: [[Int]]]
    return try (bivariate["cases"] as! [[String: Any]]).map { c in
      let (x, y, weights) = (c["x"] as! String, c["y"] as! String, c["weights"] as! String)
      return Case(
        x: variables[x]!["values"] as! [Double], y: variables[y]!["values"] as! [Double],
        w: try AutocorrelationFixtures.weights(neighbours[weights]!), expected: c,
        label: "\(x) × lag \(y), \(weights)")
    }
  }

  @Test func columbusMatchesEsda() throws {
    let all = try Self.cases()
    #expect(all.count == 6)
    for c in all {
      var cmp = ReferenceComparison()
      let g = try #require(try moranBivariate(c.x, c.y, weights: c.w, permutations: 0, seed: 0).value)
      cmp.value("I", g.i, c.expected["I"])
      let local = try #require(
        try localMoranBivariate(c.x, c.y, weights: c.w, permutations: 0, seed: 0).value)
      cmp.array("Is", local.i, c.expected["Is"])
      if local.quadrants.map(\.rawValue) != c.expected["quadrants"] as! [String] {
        cmp.mismatches.append("quadrants differ")
      }
      #expect(cmp.mismatches.isEmpty, "\(c.label): \(cmp.mismatches.prefix(5))")
    }
  }

  /// With y = x the bivariate statistics are the univariate ones (esda's formulas coincide:
  /// zx·zx = n − 1 and S0 = n for row-standardised weights).
  @Test func againstItselfIsMoransI() throws {
    let c = try Self.cases()[0]
    let bv = try #require(try moranBivariate(c.x, c.x, weights: c.w, permutations: 0, seed: 0).value)
    let m = try #require(try moranI(c.x, weights: c.w, permutations: 0, seed: 0).value)
    #expect(closeRelative(bv.i, m.i))
    let lbv = try #require(
      try localMoranBivariate(c.x, c.x, weights: c.w, permutations: 0, seed: 0).value)
    let lm = try #require(try localMoran(c.x, weights: c.w, permutations: 0, seed: 0).value)
    #expect(zip(lbv.i, lm.i).allSatisfy { closeRelative($0, $1) })
  }

  /// CRIME against the lag of INC: I_BV = −0.43, far in the lower tail; no permutation of
  /// 999 reaches it, so p = 1/1000 on the lower tail.
  @Test func permutationTestFindsTheLowerTail() throws {
    let c = try Self.cases()[0]
    let g = try #require(try moranBivariate(c.x, c.y, weights: c.w, seed: 12345).value)
    let p = try #require(g.permutation)
    #expect(p.pseudoP == 0.001)
    #expect(p.tail == .lower)
    let local = try #require(try localMoranBivariate(c.x, c.y, weights: c.w, seed: 12345).value)
    let lp = try #require(local.permutation)
    #expect(lp.pseudoP.count == 49)
    #expect(lp.pseudoP.allSatisfy { $0 >= 0.001 && $0 <= 1 })
  }

  /// A unit missing either variable is left out and named; the rest are analysed.
  @Test func missingInEitherVariableIsLeftOut() throws {
    let c = try Self.cases()[0]
    var x = c.x
    var y = c.y
    x[3] = nil
    y[7] = nil
    let r = try moranBivariate(x, y, weights: c.w, permutations: 0, seed: 0)
    #expect(r.sample.missing == [c.w.ids[3], c.w.ids[7]])
    #expect(r.sample.ids.count + r.sample.islands.count == 47)
    #expect(r.value != nil)
  }

  @Test func constantVariableIsUndefined() throws {
    let c = try Self.cases()[0]
    let r = try moranBivariate(
      c.x, [Double?](repeating: 2, count: 49), weights: c.w, permutations: 0, seed: 0)
    #expect(r.value == nil)
  }
}
