import Testing
import WijkCore

@testable import WijkEngine

@Suite struct GeometryChecksTests {
  let overlapping = try! TestGeoJSON.layer(
    Fixtures.caseFile("03-overlapping-ward-polygons", "wards.geojson"))

  /// Case 03: W21 = 229000–230000 × 184000–185000 and W22 = 229950–231000 × 184000–185000
  /// share a strip 50 m × 1000 m = 50 000 m².
  @Test func case03OverlapNamesBothWardsAndItsArea() throws {
    #expect(TestGeoJSON.codes(overlapping, field: "wijkcode") == ["W21", "W22"])
    let overlaps = try GeometryChecks.overlaps(in: overlapping, minimumArea: 1)
    #expect(overlaps.count == 1)
    let overlap = try #require(overlaps.first)
    #expect(overlap.first == 0 && overlap.second == 1)
    #expect(abs(overlap.squareMetres - 50_000) <= 1)
    #expect(overlap.description == "features 0 and 1 overlap by 50000 m²")
  }

  @Test func touchingWardsDoNotOverlap() throws {
    // Case 06: W51 and W52 share the edge x = 229500, W51 and W53 the edge y = 185000.
    let wards = try TestGeoJSON.layer(
      Fixtures.caseFile("06-lambert72-datum-shift", "wards.geojson"))
    #expect(try GeometryChecks.overlaps(in: wards).isEmpty)
  }

  @Test func areaOfAGeographicLayerIsRefused() throws {
    let lonLat = try Transformer(from: .epsg(31370), to: .epsg(4326)).transform(overlapping)
    #expect(lonLat.crs?.authorityCode == "EPSG:4326")
    #expect(throws: EngineError.geographicCRS(layer: "wards", crs: "EPSG:4326")) {
      try GeometryChecks.areas(of: lonLat)
    }
    #expect(throws: EngineError.geographicCRS(layer: "wards", crs: "EPSG:4326")) {
      try GeometryChecks.overlaps(in: lonLat)
    }
  }

  @Test func geographicLayerIsMeasuredAfterProjectingWhenAsked() throws {
    let lonLat = try Transformer(from: .epsg(31370), to: .epsg(4326)).transform(overlapping)
    let areas = try GeometryChecks.areas(of: lonLat, in: .epsg(31370))
    // The corners go there and back within millimetres: 1 000 000 and 1 050 000 m² ± 1 m².
    #expect(areas.count == 2)
    #expect(abs(areas[0] - 1_000_000) <= 1)
    #expect(abs(areas[1] - 1_050_000) <= 1)
    // Asking for a geographic target is refused too.
    #expect(throws: EngineError.geographicCRS(layer: "wards", crs: "EPSG:4326")) {
      try GeometryChecks.areas(of: overlapping, in: .epsg(4326))
    }
  }

  @Test func layerWithoutCRSHasNoArea() throws {
    var layer = overlapping
    layer.crs = nil
    #expect(throws: EngineError.missingCRS(layer: "wards")) {
      try GeometryChecks.areas(of: layer)
    }
  }

  @Test func areaOfAFeatureWithoutGeometryIsAnError() throws {
    var layer = overlapping
    layer.features[1].geometry = nil
    #expect(throws: EngineError.missingGeometry(layer: "wards", featureIndex: 1)) {
      try GeometryChecks.areas(of: layer)
    }
  }

  /// Source case 03 (W21 229000–230000, W22 229950–231000, both 184000–185000) against
  /// target case 06 (W51 228500–229500 × 184000–185000, W52 229500–230500 × same,
  /// W53 228500–229500 × 185000–186000). By hand: W21∩W51 = 500 × 1000 = 500 000,
  /// W21∩W52 = 500 × 1000 = 500 000, W22∩W52 = 550 × 1000 = 550 000; W21 only touches W53
  /// (area 0, not listed) and W22 misses W51 and W53.
  @Test func intersectionAreasForArealInterpolation() throws {
    let target = try TestGeoJSON.layer(
      Fixtures.caseFile("06-lambert72-datum-shift", "wards.geojson"))
    let entries = try GeometryChecks.intersectionAreas(source: overlapping, target: target)
    #expect(
      entries == [
        IntersectionArea(sourceIndex: 0, targetIndex: 0, squareMetres: 500_000),
        IntersectionArea(sourceIndex: 0, targetIndex: 1, squareMetres: 500_000),
        IntersectionArea(sourceIndex: 1, targetIndex: 1, squareMetres: 550_000),
      ])
  }

  @Test func intersectionAreasRefuseLayersInDifferentCRSs() throws {
    var target = overlapping
    target.name = "sectors"
    target.crs = .epsg(3812)
    #expect(
      throws: EngineError.crsMismatch(
        layer: "wards", crs: "EPSG:31370", otherLayer: "sectors", otherCRS: "EPSG:3812")
    ) { try GeometryChecks.intersectionAreas(source: overlapping, target: target) }
  }
}
