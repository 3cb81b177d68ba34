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
}
