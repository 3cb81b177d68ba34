// Oracle: esda 2.9.0 Geary_Local and Geary_Local_MV on Columbus, queen and rook
// (Tests/Fixtures/reference/local_geary_references.py → local_geary.json), to 1e-9; the
// permutation p against an exact enumeration of the conditional distribution.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct LocalGearyTests {
  @Test func matchesEsdaUnivariateAndMultivariate() throws {
    let cases = try AutocorrelationFixtures.json("reference/local_geary.json")["cases"]
      as! [[String: Any]]
    let columbus = try AutocorrelationFixtures.reference("columbus")
    let values = columbus["variables"] as! [String: [String: Any]]
    let neighbours = columbus["neighbours"] as! [String: [[Int]]]
    #expect(cases.count == 6)
    for c in cases {
      let names = c["variables"] as! [String]
      let w = try AutocorrelationFixtures.weights(neighbours[c["weights"] as! String]!)
      let x = names.map { (values[$0]!["values"] as! [Double]).map { Double?($0) } }
      let g = try #require(try localGeary(x, weights: w, permutations: 0, seed: 0).value)
      var cmp = ReferenceComparison()
      cmp.array("localG", g.c, c["localG"])
      #expect(cmp.mismatches.isEmpty, "\(names) \(c["weights"]!): \(cmp.mismatches.prefix(3))")
    }
  }

  /// On a 3 × 2 rook lattice each unit's neighbours are drawn from the 5 others; with
  /// row-standardised binary weights the statistic depends only on which units are drawn,
  /// so its exact distribution is the mean over all subsets. 99,999 permutations land within
  /// 4 standard errors of the exact folded tail.
  @Test func pseudoPTendsToTheExactConditionalTail() throws {
    // 0 1 2 / 3 4 5
    let lists = [[1, 3], [0, 2, 4], [1, 5], [0, 4], [1, 3, 5], [2, 4]]
    let w = try AutocorrelationFixtures.weights(lists)
    let y: [Double] = [1, 2, 8, 3, 9, 7]
    let permutations = 99_999
    let g = try #require(
      try localGeary([y.map { $0 }], weights: w, permutations: permutations, seed: 11).value)
    let p = try #require(g.permutation)
    let mean = y.reduce(0, +) / 6
    let sd = (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 6).squareRoot()
    let z = y.map { ($0 - mean) / sd }
    for i in 0..<6 {
      let k = lists[i].count
      let others = (0..<6).filter { $0 != i }
      let stats = subsets(others, k).map { s in
        s.reduce(0.0) { $0 + (z[i] - z[$1]) * (z[i] - z[$1]) } / Double(k)
      }
      let tol = 1e-12
      let upper = Double(stats.filter { $0 >= g.c[i] - tol }.count) / Double(stats.count)
      let lower = Double(stats.filter { $0 <= g.c[i] + tol }.count) / Double(stats.count)
      let exact = min(upper, lower)
      let se = (exact * (1 - exact) / Double(permutations)).squareRoot()
      #expect(abs(p.pseudoP[i] - exact) <= 4 * se + 2 / Double(permutations), "unit \(i)")
    }
  }

  @Test func missingInAnyVariableLeavesTheUnitOut() throws {
    let lists = [[1, 3], [0, 2, 4], [1, 5], [0, 4], [1, 3, 5], [2, 4]]
    let w = try AutocorrelationFixtures.weights(lists)
    let a: [Double?] = [1, 2, 8, 3, 9, 7]
    let b: [Double?] = [4, nil, 1, 2, 6, 5]
    let r = try localGeary([a, b], weights: w, permutations: 0, seed: 0)
    #expect(r.sample.missing == ["1"])
    #expect(r.value?.clusters == nil)
  }

  func subsets(_ items: [Int], _ k: Int) -> [[Int]] {
    guard k > 0 else { return [[]] }
    guard items.count >= k else { return [] }
    let head = items[0]
    let rest = Array(items.dropFirst())
    return subsets(rest, k - 1).map { [head] + $0 } + subsets(rest, k)
  }
}
