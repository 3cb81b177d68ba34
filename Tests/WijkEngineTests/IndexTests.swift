import Testing
import WijkCore

@testable import WijkEngine

/// STRtree and prepared geometries on Genk's wards, checked against brute force with the
/// unprepared GEOS predicates and envelopes (the same library, a different code path).
@Suite struct IndexTests {
  let wards = try! TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson"))

  @Test func strtreeQueryEqualsBruteForceEnvelopeTest() throws {
    let context = GEOSContext()
    let geometries = try wards.features.map { try GEOSGeometry($0.geometry!, context: context) }
    let tree = try STRtree(geometries, context: context)
    let box = Envelope(minX: 225000, minY: 181000, maxX: 228000, maxY: 184000)
    let expected = try geometries.indices.filter { try geometries[$0].envelope!.intersects(box) }
    #expect(!expected.isEmpty && expected.count < 31)
    #expect(try tree.query(box) == expected)
    #expect(try tree.query(Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)) == [])
    // Index 0 travels as item 1: the first ward is found.
    #expect(try tree.query(geometries[0]).contains(0))
  }

  @Test func preparedPredicatesAgreeWithPlainOnes() throws {
    let context = GEOSContext()
    let ward = try GEOSGeometry(wards.features[0].geometry!, context: context)
    let prepared = try PreparedGeometry(ward)
    let e = try #require(try ward.envelope)
    var inside = 0
    // A 20 × 20 grid over the ward's envelope.
    for i in 0..<20 {
      for j in 0..<20 {
        let c = Coordinate(
          x: e.minX + (Double(i) + 0.5) * e.width / 20,
          y: e.minY + (Double(j) + 0.5) * e.height / 20)
        let point = try GEOSGeometry.point(c, context: context)
        let plain = try ward.contains(point)
        #expect(try prepared.contains(point) == plain)
        #expect(try prepared.covers(c) == ward.covers(point))
        #expect(try prepared.containsProperly(point) == plain)
        #expect(try prepared.intersects(point) == ward.intersects(point))
        if plain { inside += 1 }
      }
    }
    #expect(inside > 0 && inside < 400)
  }

  @Test func pointOnSharedBoundaryIsCoveredButNotContained() throws {
    let context = GEOSContext()
    let square = try GEOSGeometry.rectangle(
      Envelope(minX: 229000, minY: 184000, maxX: 230000, maxY: 185000), context: context)
    let prepared = try PreparedGeometry(square)
    let onEdge = Coordinate(x: 230000, y: 184500)
    #expect(try prepared.covers(onEdge))
    #expect(try !prepared.contains(onEdge))
  }
}
