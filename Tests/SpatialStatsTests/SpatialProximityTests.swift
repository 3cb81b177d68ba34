// Oracle: Massey & Denton's (1988) SP formula in numpy on SIDS2 (projected to EPSG:32119) and
// on a synthetic row of ten squares (Tests/Fixtures/reference/spatial_proximity_references.py
// → spatial_proximity.json), to 1e-12 relative. segregation 2.5.4's SpatialProximity is
// recorded beside it and shown to rank the squares backwards, which is why it is not matched.

import Foundation
import Testing
import WijkCore

@testable import SpatialStats

@Suite struct SpatialProximityTests {
  static func cases() throws -> [String: [String: Any]] {
    let cases =
      try AutocorrelationFixtures.json("reference/spatial_proximity.json")["cases"]
      as! [[String: Any]]
    return Dictionary(uniqueKeysWithValues: cases.map { ($0["name"] as! String, $0) })
  }

  static func proximity(_ c: [String: Any]) throws -> Double? {
    let (x, y) = (c["x"] as! [Double], c["y"] as! [Double])
    return try spatialProximity(
      group: (c["group_values"] as! [Double]).map { Double?($0) },
      total: (c["total_values"] as! [Double]).map { Double?($0) },
      centroids: zip(x, y).map { Coordinate(x: $0, y: $1) }, areas: c["area"] as! [Double]
    ).value
  }

  @Test func matchesMasseyDentonInNumpy() throws {
    let cases = try Self.cases()
    #expect(cases.count == 3)
    for (name, c) in cases {
      let sp = try #require(try Self.proximity(c), "\(name)")
      #expect(closeRelative(sp, c["SP"] as! Double, relative: 1e-12), "\(name): \(sp)")
    }
  }

  /// Two solid halves cluster (SP > 1); mixed units side by side do not (SP < 1).
  /// segregation 2.5.4 says the opposite, the fault not copied.
  @Test func clusteringScoresAboveAnAlternatingPattern() throws {
    let cases = try Self.cases()
    let halves = try #require(try Self.proximity(cases["halves"]!))
    let alternating = try #require(try Self.proximity(cases["alternating"]!))
    #expect(halves > 1 && alternating < 1)
    let theirs = { (name: String) in cases[name]!["segregation_SpatialProximity"] as! Double }
    #expect(theirs("halves") < theirs("alternating"))
  }

  @Test func aMissingCountLeavesTheUnitOut() throws {
    let c = try Self.cases()["halves"]!
    var group = (c["group_values"] as! [Double]).map { Double?($0) }
    let total = (c["total_values"] as! [Double]).map { Double?($0) }
    let points = zip(c["x"] as! [Double], c["y"] as! [Double]).map { Coordinate(x: $0, y: $1) }
    let areas = c["area"] as! [Double]
    group[9] = nil
    let without = try spatialProximity(
      group: Array(group.prefix(9)), total: Array(total.prefix(9)),
      centroids: Array(points.prefix(9)), areas: Array(areas.prefix(9))
    ).value
    let missing = try spatialProximity(
      group: group, total: total, centroids: points, areas: areas
    ).value
    #expect(try #require(missing) == #require(without))
  }

  @Test func undefinedWhenTheGroupIsEverybody() throws {
    let r = try spatialProximity(
      group: [5, 5], total: [5, 5], centroids: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)],
      areas: [1, 1])
    #expect(r.value == nil)
  }

  @Test func aDecayThatIsNotPositiveIsRefused() {
    #expect(throws: ConcentrationError.self) {
      try spatialProximity(
        group: [1, 2], total: [5, 5],
        centroids: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0)], areas: [1, 1],
        decay: ProximityDecay(scale: 0))
    }
  }
}
