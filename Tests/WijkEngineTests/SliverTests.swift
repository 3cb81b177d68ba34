import Testing
import WijkCore

@testable import WijkEngine

/// Slivers between wards (field case 29 and other forms of the fault). Oracle for case 29:
/// shapely (weights_references.py): W01–W02 0.05 m apart, 50 m² between them.
@Suite struct SliverTests {
  func layer(_ rings: [[(Double, Double)]]) -> Layer {
    Layer(
      name: "wards", source: "test", crs: .epsg(31370), fields: [],
      features: rings.enumerated().map { k, ring in
        Feature(
          index: k,
          geometry: .polygon(Polygon(exterior: Ring(ring.map { Coordinate(x: $0.0, y: $0.1) }))),
          values: [])
      })
  }

  func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [(Double, Double)] {
    [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
  }

  @Test func case29SliverIsNamedWithItsWidthLengthAndArea() throws {
    let layer = try TestGeoJSON.layer(
      Fixtures.caseFile("29-contiguity-t-junctions-and-slivers", "wards_sliver.geojson"))
    let slivers = try GeometryChecks.slivers(in: layer, tolerance: 1)
    #expect(slivers.count == 1)
    let s = try #require(slivers.first)
    #expect(s.first == 0 && s.second == 1)
    #expect(abs(s.separation - 0.05) < 1e-6)
    #expect(abs(s.length - 1000) < 0.1)
    #expect(abs(s.squareMetres - 50) < 0.01)
    let at = try #require(s.location)
    #expect(at.x > 230_000 && at.x < 230_000.05 && at.y > 184_000 && at.y < 185_000)
    // the gap check alone does not see it: the strip is open at both ends
    #expect(try GeometryChecks.gaps(in: layer).isEmpty)
    // a tolerance below the gap finds nothing
    #expect(try GeometryChecks.slivers(in: layer, tolerance: 0.04).isEmpty)
  }

  @Test func case29TJunctionsAreNoSlivers() throws {
    let layer = try TestGeoJSON.layer(
      Fixtures.caseFile("29-contiguity-t-junctions-and-slivers", "wards_tjunction.geojson"))
    #expect(try GeometryChecks.slivers(in: layer, tolerance: 1).isEmpty)
  }

  /// A wedge: the wards share the corner at the bottom and open to 0.2 m at the top, so they
  /// touch (distance 0) and the strip is open at one end.
  @Test func aWedgeClosedAtOneEndIsASliver() throws {
    let wedge = layer([
      rectangle(0, 0, 100, 500),
      [(100.2, 500), (100, 0), (200, 0), (200, 500)],
    ])
    let s = try #require(try GeometryChecks.slivers(in: wedge, tolerance: 1).first)
    #expect(s.separation == 0)
    #expect(abs(s.squareMetres - 50) < 0.01)  // ½ · 0.2 · 500
    #expect(abs(s.length - 500) < 1)
  }

  /// Wards meeting cleanly, at the outer boundary as well, leave nothing to report; Genk's 31
  /// wards neither.
  @Test func cleanCoveragesHaveNoSlivers() throws {
    // B is half as tall as A: a concave corner of the outer boundary at (100, 50)
    let grid = layer([
      rectangle(0, 0, 100, 100), rectangle(100, 0, 200, 50), rectangle(0, 100, 100, 200),
    ])
    #expect(try GeometryChecks.slivers(in: grid, tolerance: 1).isEmpty)
    let genk = try TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson"))
    #expect(try GeometryChecks.slivers(in: genk, tolerance: 1).isEmpty)
  }

  /// Corners 0.5 m apart diagonally: the wards do not touch, and say so.
  @Test func cornersCloseButApartAreReported() throws {
    let corners = layer([rectangle(0, 0, 100, 100), rectangle(100.3, 100.4, 200, 200)])
    let s = try #require(try GeometryChecks.slivers(in: corners, tolerance: 1).first)
    #expect(abs(s.separation - 0.5) < 1e-9)
  }

  /// An 8 × 8 grid of 100 m wards whose right and top edges are pulled in by 0 to 1.5 m in a
  /// fixed pattern, some only at one corner (wedges): strips open and closed at their ends,
  /// wider and narrower than the tolerance, T-junctions and corners.
  func flawedGrid() -> Layer {
    let pulls = [0, 0, 0.05, 0.3, 0, 0.8, 1.5, 0, 0.02]
    var rings: [[(Double, Double)]] = []
    for i in 0..<8 {
      for j in 0..<8 {
        let (x0, y0) = (Double(i) * 100, Double(j) * 100)
        let right = pulls[(3 * i + 5 * j) % pulls.count]
        let top = pulls[(7 * i + 2 * j + 1) % pulls.count]
        let wedge = (i + j) % 3 == 0
        rings.append([
          (x0, y0), (x0 + 100 - (wedge ? 0 : right), y0), (x0 + 100 - right, y0 + 100 - top),
          (x0, y0 + 100 - (wedge ? 0 : top)),
        ])
      }
    }
    return layer(rings)
  }

  /// The search passes over wards far from any strip the coverage's closing can hold
  /// (`SliverCandidates`); it must find what the search over every pair finds, to the digit.
  @Test func theFastSearchFindsWhatTheExhaustiveOneFinds() throws {
    let layers = [
      flawedGrid(),
      try TestGeoJSON.layer(
        Fixtures.caseFile("29-contiguity-t-junctions-and-slivers", "wards_sliver.geojson")),
      try TestGeoJSON.layer(
        Fixtures.caseFile("29-contiguity-t-junctions-and-slivers", "wards_tjunction.geojson")),
      try TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson")),
    ]
    for (n, layer) in layers.enumerated() {
      for tolerance in [0.04, 1, 2] {
        let fast = try GeometryChecks.slivers(in: layer, tolerance: tolerance)
        let all = try GeometryChecks.slivers(in: layer, tolerance: tolerance, exhaustive: true)
        #expect(fast == all, "layer \(n), tolerance \(tolerance)")
      }
    }
    // the grid has slivers of every kind to find
    let found = try GeometryChecks.slivers(in: flawedGrid(), tolerance: 1)
    #expect(found.count > 20)
    #expect(found.contains { $0.separation == 0 } && found.contains { $0.separation > 0.5 })
  }

  /// Nine valid wards on which GEOS's overlay of one pair throws a TopologyException at a
  /// 1 mm tolerance: the exhaustive search fails; the fast one has no strip candidate near
  /// that pair, so it never overlays it, and finds nothing.
  @Test func theFastSearchPassesOverAPairGEOSCannotOverlay() throws {
    let layer = try TestGeoJSON.layer(
      Fixtures.tests.appendingPathComponent("Fixtures/io/synthetic_sliver_check_topology_exception.geojson"))
    #expect(throws: EngineError.self) {
      try GeometryChecks.slivers(in: layer, tolerance: 0.001, exhaustive: true)
    }
    #expect(try GeometryChecks.slivers(in: layer, tolerance: 0.001).isEmpty)
  }
}
