import Foundation
import Testing
import WijkCore

@testable import WijkEngine

/// Genk's 31 wards (2025): GEOS areas against shapely 2.2's (the committed script
/// `Tests/Fixtures/engine/genk_ward_areas.py` and its JSON), to 1e-9 relative per ward and in
/// total; the total is 87.57 km² (to 0.01 km²).
@Suite struct GenkAreaTests {
  struct Reference: Decodable {
    struct Ward: Decodable {
      var geoitem: String
      var area_m2: Double
      var is_valid: Bool
    }
    var total_area_m2: Double
    var wards: [Ward]
  }

  let wards = try! TestGeoJSON.layer(Fixtures.geoData("genk_wijken_2025_31370.geojson"))
  let reference = try! JSONDecoder().decode(
    Reference.self, from: Data(contentsOf: Fixtures.engine("genk_ward_areas.json")))

  @Test func wardAreasMatchShapely() throws {
    let areas = try GeometryChecks.areas(of: wards)
    #expect(areas.count == 31)
    #expect(TestGeoJSON.codes(wards, field: "geoitem") == reference.wards.map(\.geoitem))
    for (area, ward) in zip(areas, reference.wards) {
      #expect(abs(area - ward.area_m2) <= 1e-9 * ward.area_m2, "\(ward.geoitem)")
    }
    let total = areas.reduce(0, +)
    #expect(abs(total - reference.total_area_m2) <= 1e-9 * reference.total_area_m2)
    #expect(abs(total / 1e6 - 87.57) <= 0.01)
  }

  @Test func allWardsAreValid() throws {
    #expect(reference.wards.allSatisfy { $0.is_valid })
    #expect(try GeometryChecks.problems(in: wards).isEmpty)
  }
}
