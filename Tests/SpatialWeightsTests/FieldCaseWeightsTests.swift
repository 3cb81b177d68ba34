// Field cases 29 (contiguity across T-junctions and a 5 cm sliver) and 24 (kNN with tied
// distances) on the weights alone; reference values from
// Tests/Fixtures/reference/weights_references.py (libpysal 4.14.1 strict and fuzzy contiguity,
// shapely lengths). Moran's I on these weights is tested in WijkAnalysisTests.

import Foundation
import Testing
import WijkCore

@testable import SpatialWeights

@Suite struct Case29ContiguityTests {
  static let folder = "cases/29-contiguity-t-junctions-and-slivers/"

  static func layer(_ name: String) throws -> (codes: [String], geometries: [Geometry]) {
    let path = folder + name + ".geojson"
    return (try Fixtures.codes(path), try Fixtures.geometries(path))
  }

  static func reference(_ name: String) throws -> [String: Any] {
    (try Fixtures.weightsReference()["case29"] as! [String: Any])[name] as! [String: Any]
  }

  /// Neighbours by code, as the reference writes them.
  static func byCode(_ w: SpatialWeights) -> [String: [String]] {
    Dictionary(
      uniqueKeysWithValues: w.ids.indices.map { i in
        (w.ids[i], w.neighbours(of: i).map { w.ids[$0] }.sorted())
      })
  }

  @Test func case29TJunctionsAreNeighboursWithTheirSharedLengths() throws {
    let (codes, geometries) = try Self.layer("wards_tjunction")
    let reference = try Self.reference("wards_tjunction")
    let rook = try SpatialWeights.rook(ids: codes, geometries: geometries)
    let queen = try SpatialWeights.queen(ids: codes, geometries: geometries)
    #expect(Self.byCode(rook) == reference["strict_rook"] as! [String: [String]])
    #expect(Self.byCode(queen) == reference["strict_queen"] as! [String: [String]])
    #expect(rook.islands.isEmpty && queen.islands.isEmpty)
    let pairs = try BoundaryContiguity(criterion: .rook).sharedBoundaries(
      of: geometries.map(\.polygons))
    let lengths = Dictionary(
      uniqueKeysWithValues: pairs.map { ("\(codes[$0.first])-\(codes[$0.second])", $0.length) })
    #expect(
      lengths == [
        "W01-W02": 1000, "W01-W03": 1000, "W02-W03": 1000, "W02-W04": 500, "W03-W04": 500,
      ])
    #expect(lengths == reference["lengths"] as! [String: Double])
  }

  /// Vertex matching (libpysal's `Queen`/`Rook.from_dataframe`) is still there to reproduce
  /// libpysal, and the boundary pairs say which of their links it misses.
  @Test func case29VertexMatchingMissesWhatTheBoundaryPairsName() throws {
    let (codes, geometries) = try Self.layer("wards_tjunction")
    let reference = try Self.reference("wards_tjunction")
    let vertexRook = try SpatialWeights.rook(ids: codes, geometries: geometries, method: .vertex)
    let vertexQueen = try SpatialWeights.queen(
      ids: codes, geometries: geometries, method: .vertex)
    #expect(Self.byCode(vertexRook) == reference["vertex_rook"] as! [String: [String]])
    #expect(Self.byCode(vertexQueen) == reference["vertex_queen"] as! [String: [String]])
    #expect(vertexRook.islands == ["W01", "W04"] && vertexQueen.islands == ["W04"])
    let pairs = try BoundaryContiguity(criterion: .rook).sharedBoundaries(
      of: geometries.map(\.polygons))
    func missed(_ c: ContiguityCriterion) -> [String] {
      pairs.filter { $0.isMissedByVertexMatching(c) }.map {
        "\(codes[$0.first])-\(codes[$0.second])"
      }
    }
    #expect(missed(.rook) == ["W01-W02", "W01-W03", "W02-W04", "W03-W04"])
    #expect(missed(.queen) == ["W02-W04", "W03-W04"])
  }

  @Test func case29SliverIsAnIslandExactlyAndANeighbourWithinTenCentimetres() throws {
    let (codes, geometries) = try Self.layer("wards_sliver")
    let reference = try Self.reference("wards_sliver")
    let exact = try SpatialWeights.rook(ids: codes, geometries: geometries)
    #expect(Self.byCode(exact) == reference["strict_rook"] as! [String: [String]])
    #expect(exact.islands == ["W01"])
    let fuzzy = reference["fuzzy_0.1"] as! [String: [String]]
    let rook = try SpatialWeights.rook(ids: codes, geometries: geometries, snapTolerance: 0.1)
    let queen = try SpatialWeights.queen(ids: codes, geometries: geometries, snapTolerance: 0.1)
    #expect(Self.byCode(rook) == fuzzy && Self.byCode(queen) == fuzzy)
    let pairs = try BoundaryContiguity(criterion: .rook, tolerance: 0.1).sharedBoundaries(
      of: geometries.map(\.polygons))
    let w01w02 = try #require(pairs.first { $0.first == 0 && $0.second == 1 })
    #expect(abs(w01w02.separation - (reference["separation_W01_W02"] as! Double)) < 1e-9)
    #expect(abs(w01w02.length - 1000) < 1e-6)
    #expect(!w01w02.sharesVertex && !w01w02.sharesEdge)
    // a tolerance below the gap changes nothing
    let tight = try SpatialWeights.rook(ids: codes, geometries: geometries, snapTolerance: 0.04)
    #expect(tight.islands == ["W01"])
  }

  /// The other forms of the fault: an edge split at different points on each side (no vertex
  /// in common, edges overlapping), an enclave in a hole whose ring is cut elsewhere, and two
  /// squares meeting at one corner (queen, never rook, at any tolerance below their size).
  @Test func case29OtherFormsOfUnsharedVertices() throws {
    func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, extra: [Coordinate] = [])
      -> Polygon
    {
      let ring =
        [Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0)] + extra
        + [Coordinate(x: x1, y: y1), Coordinate(x: x0, y: y1)]
      return Polygon(exterior: Ring(ring))
    }
    // A's east edge has a vertex at y = 3, B's west edge one at y = 7: no vertex shared
    let a = square(0, 0, 10, 10, extra: [Coordinate(x: 10, y: 3)])
    let b = Polygon(
      exterior: Ring([
        Coordinate(x: 10, y: 2), Coordinate(x: 20, y: 2), Coordinate(x: 20, y: 12),
        Coordinate(x: 10, y: 12), Coordinate(x: 10, y: 7),
      ]))
    let corner = square(20, 12, 30, 22)
    let pairs = try BoundaryContiguity(criterion: .rook).sharedBoundaries(of: [[a], [b], [corner]])
    #expect(pairs.count == 2)
    #expect(pairs[0].first == 0 && pairs[0].second == 1 && abs(pairs[0].length - 8) < 1e-12)
    #expect(!pairs[0].sharesVertex)
    #expect(pairs[1].first == 1 && pairs[1].second == 2 && pairs[1].length == 0)
    #expect(pairs[1].sharesVertex)
    let snapped = try BoundaryContiguity(criterion: .rook, tolerance: 0.5).sharedBoundaries(
      of: [[a], [b], [corner]])
    #expect(snapped.map(\.length).map { $0 > 0 } == [true, false])
    // an enclave: the host's hole is one ring with vertices the enclave does not have
    let host = Polygon(
      exterior: Ring([
        Coordinate(x: 0, y: 0), Coordinate(x: 100, y: 0), Coordinate(x: 100, y: 100),
        Coordinate(x: 0, y: 100),
      ]),
      holes: [
        Ring([
          Coordinate(x: 40, y: 40), Coordinate(x: 50, y: 40), Coordinate(x: 60, y: 40),
          Coordinate(x: 60, y: 60), Coordinate(x: 40, y: 60),
        ])
      ])
    let enclave = square(40, 45, 60, 60, extra: [])
    let enclosed = try BoundaryContiguity(criterion: .rook).sharedBoundaries(
      of: [[host], [enclave]])
    #expect(enclosed.count == 1 && abs(enclosed[0].length - 50) < 1e-12)
  }
}

@Suite struct Case24NearestNeighbourTieTests {
  static let folder = "cases/24-knn-weights-distance-ties/"

  /// Codes and square centres (the centroid of an axis-parallel square).
  static func centres(_ file: String) throws -> (codes: [String], points: [Coordinate]) {
    let codes = try Fixtures.codes(folder + file)
    let points = try Fixtures.geometries(folder + file).map { g -> Coordinate in
      let e = g.envelope!
      return Coordinate(x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2)
    }
    return (codes, points)
  }

  static func byCode(_ w: SpatialWeights) -> [String: [String]] {
    Dictionary(
      uniqueKeysWithValues: w.ids.indices.map { i in
        (w.ids[i], w.neighbours(of: i).map { w.ids[$0] }.sorted())
      })
  }

  @Test(arguments: ["wards", "wards_reversed_order"])
  func case24TiesAreBrokenByTheSmallerCodeWhateverTheFeatureOrder(file: String) throws {
    let (codes, points) = try Self.centres(file + ".geojson")
    let built = try SpatialWeights.kNearestNeighbours(ids: codes, points: points, k: 2)
    let reference =
      ((try Fixtures.weightsReference()["case24"] as! [String: Any])[file] as! [String: Any])
    #expect(Self.byCode(built.weights) == reference["neighbours_by_code"] as! [String: [String]])
    let ties = Dictionary(
      uniqueKeysWithValues: built.ties.map { t in (codes[t.unit], t.tied.map { codes[$0] }) })
    #expect(ties == reference["ties"] as! [String: [String]])
    #expect(ties.keys.sorted() == ["W02", "W04", "W05", "W06", "W08"])
    #expect(built.ties.allSatisfy { $0.distance == 1000 })
    let w05 = try #require(built.ties.first { codes[$0.unit] == "W05" })
    #expect(w05.kept.map { codes[$0] } == ["W02", "W04"])
    // libpysal keeps what its k-d tree meets first: our choice on the file in code order,
    // another one on the reversed file
    let libpysal = reference["libpysal_knn"] as! [String: [String]]
    #expect((libpysal == Self.byCode(built.weights)) == (file == "wards"))
  }

  @Test func case24BothFeatureOrdersGiveTheSameWeights() throws {
    let (codesA, pointsA) = try Self.centres("wards.geojson")
    let (codesB, pointsB) = try Self.centres("wards_reversed_order.geojson")
    let a = try SpatialWeights.kNearest(ids: codesA, points: pointsA, k: 2)
    let b = try SpatialWeights.kNearest(ids: codesB, points: pointsB, k: 2)
    #expect(Self.byCode(a) == Self.byCode(b))
    #expect(codesA != codesB)
  }

  /// libpysal `DistanceBand`: a neighbour exactly at the threshold is in.
  @Test func case24DistanceBandKeepsUnitsExactlyAtTheThreshold() throws {
    let (codes, points) = try Self.centres("wards.geojson")
    let band = try SpatialWeights.distanceBand(ids: codes, points: points, threshold: 1000)
    let lists = Self.byCode(band)
    #expect(lists["W05"] == ["W02", "W04", "W06", "W08"])
    #expect(lists["W01"] == ["W02", "W04"])
    let below = try SpatialWeights.distanceBand(
      ids: codes, points: points, threshold: 1000.0.nextDown)
    #expect(below.islands.count == 9)
  }
}
