import Testing
import WijkCore

@testable import WijkEngine

@Suite struct CoverageTests {
  func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
    .polygon(
      Polygon(
        exterior: Ring([
          Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
          Coordinate(x: x0, y: y1),
        ])))
  }

  /// Four wards framing an unassigned 100 m × 100 m square: a 10 000 m² gap.
  func framedHole() -> Layer {
    let parts = [
      square(0, 0, 300, 100), square(0, 200, 300, 300),
      square(0, 100, 100, 200), square(200, 100, 300, 200),
    ]
    return Layer(
      name: "frame", source: "test", crs: .epsg(31370), fields: [],
      features: parts.enumerated().map { Feature(index: $0, geometry: $1, values: []) })
  }

  @Test func gapInsideTheOuterBoundaryIsFoundWithItsArea() throws {
    let gaps = try GeometryChecks.gaps(in: framedHole())
    #expect(gaps.count == 1)
    #expect(abs(gaps[0].squareMetres - 10_000) < 1e-6)
    #expect(
      Envelope([gaps[0].location])!.intersects(Envelope(minX: 100, minY: 100, maxX: 200, maxY: 200))
    )
  }

  @Test func anEnclaveWardIsNotAGap() throws {
    var layer = framedHole()
    layer.features.append(Feature(index: 4, geometry: square(100, 100, 200, 200), values: []))
    #expect(try GeometryChecks.gaps(in: layer).isEmpty)
  }

  @Test func minimumAreaFiltersSlivers() throws {
    #expect(try GeometryChecks.gaps(in: framedHole(), minimumArea: 10_001).isEmpty)
  }

  // shapely 2.2: unary_union of the 31 wards is one Polygon with no interior ring.
  @Test func genkWardsHaveNoGaps() throws {
    let layer = try TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson"))
    #expect(try GeometryChecks.gaps(in: layer).isEmpty)
  }

  @Test func labelPointsLieInsideTheirWards() throws {
    let layer = try TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson"))
    let points = try GeometryChecks.labelPoints(of: layer)
    let context = GEOSContext()
    for (feature, point) in zip(layer.features, points) {
      let ward = try GEOSGeometry(feature.geometry!, context: context)
      #expect(try ward.contains(GEOSGeometry(.point(point!), context: context)))
    }
  }
}
