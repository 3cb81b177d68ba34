import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

/// The point index against shapely/GEOS on a synthetic layer with enclaves (holes filled by
/// other wards) and multi-part wards; reference made by
/// `Tests/Fixtures/joins/make_point_reference.py`.
@Suite struct PointIndexReferenceTests {
  struct Expected: Decodable {
    var counts: [String: Int]
    var outside: Int
    var boundary_points: Int
    var intersects_total: Int
  }

  func inputs() throws -> (Layer, [Coordinate], Expected) {
    let wards = try readGeoJSON(fixture("joins/grid32_wards.geojson"))
    let table = try readDelimited(fixture("joins/grid32_points.csv"), separator: ";")
    let points = table.rows.map { Coordinate(x: Double($0[0].text!)!, y: Double($0[1].text!)!) }
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: fixture("joins/grid32_expected.json")))
    return (wards, points, expected)
  }

  @Test(
    "Smallest-key counts equal GEOS's ward by ward, for any grid density",
    arguments: [0.001, 0.5, 16, 400])
  func matchesGEOS(cellsPerEdge: Double) throws {
    let (wards, points, expected) = try inputs()
    #expect(wards.features.contains { if case .multiPolygon = $0.geometry { true } else { false } })
    #expect(wards.features.contains { $0.geometry?.polygons.first?.holes.isEmpty == false })
    let index = try WardPointIndex(wards: wards, codeField: "code", cellsPerEdge: cellsPerEdge)
    let r = index.join(points)
    #expect(Dictionary(uniqueKeysWithValues: zip(index.codes, r.counts)) == expected.counts)
    #expect(r.outsidePoints.count == expected.outside)
    #expect(r.boundaryPoints.count == expected.boundary_points)
    #expect(r.overlapPoints.isEmpty)
    #expect(index.join(points, mode: .intersects).countedTotal == expected.intersects_total)
  }

  @Test("Feature order does not change any point's ward")
  func orderIndependent() throws {
    let (wards, points, _) = try inputs()
    var reversed = wards
    reversed.features.reverse()
    let a = try WardPointIndex(wards: wards, codeField: "code")
    let b = try WardPointIndex(wards: reversed, codeField: "code")
    let ra = a.join(points)
    let rb = b.join(points)
    #expect(
      ra.wardOfPoint.map { $0 < 0 ? "" : a.codes[Int($0)] }
        == rb.wardOfPoint.map { $0 < 0 ? "" : b.codes[Int($0)] })
  }

  @Test("Duplicate ward codes are refused, naming them")
  func duplicates() throws {
    let (wards, _, _) = try inputs()
    var doubled = wards
    doubled.features.append(wards.features[0])
    let code = wards.features[0].values[0].text!
    #expect(throws: PointJoinError.duplicateWardCodes([code])) {
      try WardPointIndex(wards: doubled, codeField: "code")
    }
    #expect(
      PointJoinError.duplicateWardCodes(["W1", "W2"]).description
        == "These ward codes occur more than once in the ward layer: W1, W2.")
  }
}

@Suite struct PointIndexErrorTests {
  @Test("A ward that is not a polygon is refused, naming ward, feature and type")
  func notPolygonal() {
    let error = PointJoinError.notPolygonal(ward: "W2", index: 1, type: "Point")
    #expect(throws: error) {
      try WardPointIndex(
        codes: ["W1", "W2"],
        geometries: [
          .polygon(
            Polygon(
              exterior: Ring([
                Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 0, y: 1),
              ]))),
          .point(Coordinate(x: 5, y: 5)),
        ])
    }
    #expect(
      error.description
        == "Ward W2 (feature 1) has geometry type Point; a ward must be a polygon or multipolygon.")
  }

  @Test("A missing code field is named with the layer")
  func missingField() throws {
    let wards = try readGeoJSON(fixture("cases/01-point-on-shared-boundary/wards.geojson"))
    let error = PointJoinError.missingCodeField("code", layer: "wards.geojson")
    #expect(throws: error) { try WardPointIndex(wards: wards, codeField: "code") }
    #expect(
      error.description
        == "The ward layer wards.geojson has no field \"code\" to take the ward codes from.")
  }

  /// A 4 × 4 square ward W1 with a 2 × 2 hole filled by enclave W0, and a second part of W1
  /// at [10, 11]²: the hole's interior goes to W0, its edge to W0 (smaller code than W1),
  /// the far part to W1, and the gap between them to nobody.
  @Test("Holes belong to the enclave; multi-part wards use all parts")
  func holesAndParts() throws {
    func square(_ x0: Double, _ y0: Double, _ side: Double) -> Ring {
      Ring([
        Coordinate(x: x0, y: y0), Coordinate(x: x0 + side, y: y0),
        Coordinate(x: x0 + side, y: y0 + side), Coordinate(x: x0, y: y0 + side),
      ])
    }
    let w1 = Geometry.multiPolygon([
      Polygon(exterior: square(0, 0, 4), holes: [square(1, 1, 2).reversed]),
      Polygon(exterior: square(10, 10, 1)),
    ])
    let w0 = Geometry.polygon(Polygon(exterior: square(1, 1, 2)))
    let index = try WardPointIndex(codes: ["W1", "W0"], geometries: [w1, w0])
    let points = [
      Coordinate(x: 2, y: 2),  // in the hole → W0
      Coordinate(x: 1, y: 2),  // on the hole's edge → W0 (smaller code)
      Coordinate(x: 0.5, y: 0.5),  // in W1's ring → W1
      Coordinate(x: 10.5, y: 10.5),  // in W1's second part → W1
      Coordinate(x: 7, y: 7),  // between the parts → outside
    ]
    let r = index.join(points)
    #expect(r.wardOfPoint == [1, 1, 0, 0, -1])
    #expect(r.boundaryPoints == [1] && r.outsidePoints == [4])
  }
}

/// The point index on Genk's real 2025 wards (31 polygons, 1,458 vertices) against GEOS:
/// every ward vertex (exactly on shared boundaries), a point on each ward's surface and 5,000
/// uniform points; reference made by `Tests/Fixtures/joins/make_genk_reference.py`.
@Suite struct GenkPointReferenceTests {
  @Test("Genk wards: smallest-key counts, outside and boundary points equal GEOS's")
  func genk() throws {
    let wards = try readGeoJSON(geoData("genk_wijken_2025_31370.geojson"))
    let table = try readDelimited(fixture("joins/genk_points.csv"), separator: ";")
    let points = table.rows.map { Coordinate(x: Double($0[0].text!)!, y: Double($0[1].text!)!) }
    let expected = try JSONDecoder().decode(
      PointIndexReferenceTests.Expected.self,
      from: Data(contentsOf: fixture("joins/genk_expected.json")))
    let index = try WardPointIndex(wards: wards, codeField: "geoitem")
    let r = index.join(points)
    #expect(Dictionary(uniqueKeysWithValues: zip(index.codes, r.counts)) == expected.counts)
    #expect(r.outsidePoints.count == expected.outside)
    #expect(r.boundaryPoints.count == expected.boundary_points)
    #expect(r.overlapPoints.isEmpty)
    #expect(index.join(points, mode: .intersects).countedTotal == expected.intersects_total)
  }
}
