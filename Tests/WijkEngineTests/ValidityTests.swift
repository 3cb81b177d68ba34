import Testing
import WijkCore

@testable import WijkEngine

/// Case 04 (`Tests/Fixtures/cases/04-self-intersecting-ward`): W31 is a bow-tie whose edges
/// cross at (229500, 184500); the oracle is the case file, and the arithmetic: each triangle
/// has base 1000 m and height 500 m, so 1000 × 500 / 2 = 250 000 m², 500 000 m² in all.
@Suite struct ValidityTests {
  let wards = try! TestGeoJSON.layer(
    Fixtures.caseFile("04-self-intersecting-ward", "wards.geojson"))

  @Test func bowTieIsReportedAsSelfIntersectionAtTheCrossing() throws {
    #expect(TestGeoJSON.codes(wards, field: "wijkcode") == ["W31", "W32"])
    let problems = try GeometryChecks.problems(in: wards)
    #expect(
      problems == [
        FeatureValidityProblem(
          featureIndex: 0,
          problem: ValidityProblem(
            reason: "Self-intersection", location: Coordinate(x: 229500, y: 184500)))
      ])
    #expect(problems.first?.description == "feature 0: Self-intersection at (229500, 184500)")
  }

  @Test func bowTieShoelaceAreaIsZeroButRepairedAreaIsTwoTriangles() throws {
    let context = GEOSContext()
    let w31 = try GEOSGeometry(#require(wards.features[0].geometry), context: context)
    // The symmetric bow-tie's signed area cancels to 0: the number never to report.
    #expect(try w31.area == 0)
    #expect(try w31.isValid == false)
    let fixed = try w31.makeValid()
    #expect(try fixed.isValid)
    #expect(try fixed.typeName == "MultiPolygon")
    #expect(try fixed.area == 500_000)
    let parts = try fixed.value().polygons
    #expect(parts.count == 2)
    for part in parts {
      #expect(try GEOSGeometry(.polygon(part), context: context).area == 250_000)
    }
  }

  @Test func repairedLayerNamesTheRepairedFeature() throws {
    let (layer, repaired) = try GeometryChecks.repaired(wards)
    #expect(repaired == [0])
    #expect(try GeometryChecks.problems(in: layer).isEmpty)
    #expect(try GeometryChecks.areas(of: layer) == [500_000, 1_000_000])
    #expect(layer.features[1].geometry == wards.features[1].geometry)
  }

  @Test func overlayOnTheBowTieFailsWithGEOSsTopologyMessage() throws {
    let context = GEOSContext()
    let w31 = try GEOSGeometry(#require(wards.features[0].geometry), context: context)
    let strip = try GEOSGeometry.rectangle(
      Envelope(minX: 229000, minY: 184000, maxX: 229600, maxY: 185000), context: context)
    #expect(
      throws: EngineError.geos(
        function: "GEOSIntersection_r",
        messages: ["TopologyException: Input geom 0 is invalid: Self-intersection at 229500 184500"]
      )
    ) { try w31.intersection(strip) }
  }

  @Test func missingGeometryIsAProblemNotSkipped() throws {
    var layer = wards
    layer.features[1].geometry = nil
    let problems = try GeometryChecks.problems(in: layer)
    #expect(problems.map(\.featureIndex) == [0, 1])
    #expect(problems[1].problem == ValidityProblem(reason: "Missing geometry", location: nil))
  }

  @Test func degenerateRingIsInvalidNotAParseError() throws {
    // Ring (0 0, 1 1, 0 0): three positions, two distinct; GEOS reads it and then names it.
    let context = GEOSContext()
    let sliver = Geometry.polygon(
      Polygon(exterior: Ring([Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 1)])))
    let g = try GEOSGeometry(sliver, context: context)
    #expect(
      try g.validityProblem
        == ValidityProblem(
          reason: "Too few points in geometry component", location: Coordinate(x: 0, y: 0)))
  }
}
