// Queen and rook contiguity from polygons against libpysal 4.14.1, exactly: the boundary method
// against `Graph.build_contiguity(strict=True)` and shapely's shared boundary lengths
// (Tests/Fixtures/reference/weights_references.json), the vertex method against
// `Queen`/`Rook.from_dataframe` (spatial_*.json). On these three coverages both libpysal
// builders agree (the reference script checks it), so both methods must give the same lists.

import Foundation
import Testing
import WijkCore

@testable import SpatialWeights

@Suite struct ContiguityTests {
  static let datasets = [
    ("columbus", "columbus/columbus.json"), ("stl_hom", "stl_hom/stl_hom.json"),
    ("sids2", "sids2/sids2.json"),
  ]

  @Test(arguments: datasets)
  func queenAndRookMatchLibpysal(name: String, path: String) throws {
    let geometries = try Fixtures.geometries(path)
    let ids = geometries.indices.map(String.init)
    let vertex = try Fixtures.reference(name)["neighbours"] as! [String: [[Int]]]
    let strict = try Fixtures.weightsReference()["strict"] as! [String: [String: Any]]
    let queen = try SpatialWeights.queen(ids: ids, geometries: geometries)
    let rook = try SpatialWeights.rook(ids: ids, geometries: geometries)
    #expect(queen.neighbourLists == strict[name]!["queen"] as! [[Int]])
    #expect(rook.neighbourLists == strict[name]!["rook"] as! [[Int]])
    #expect(queen.islands.isEmpty)
    let vertexQueen = try SpatialWeights.queen(ids: ids, geometries: geometries, method: .vertex)
    let vertexRook = try SpatialWeights.rook(ids: ids, geometries: geometries, method: .vertex)
    #expect(vertexQueen.neighbourLists == vertex["queen"])
    #expect(vertexRook.neighbourLists == vertex["rook"])
  }

  /// Every touching pair with its shared length: shapely's length of the intersection of the
  /// two boundaries, to 1e-9 relative; 0 exactly for pairs that meet only at points.
  @Test(arguments: datasets)
  func sharedBoundaryLengthsMatchShapely(name: String, path: String) throws {
    let units = try Fixtures.geometries(path).map(\.polygons)
    let strict = try Fixtures.weightsReference()["strict"] as! [String: [String: Any]]
    let expected = (strict[name]!["lengths"] as! [[Double]]).map {
      (Int($0[0]), Int($0[1]), $0[2])
    }
    let found = try BoundaryContiguity(criterion: .queen).sharedBoundaries(of: units)
    #expect(found.map { [$0.first, $0.second] } == expected.map { [$0.0, $0.1] })
    for (pair, e) in zip(found, expected) {
      #expect(
        e.2 == 0 ? pair.length == 0 : close(pair.length, e.2), "\(pair.first)-\(pair.second)")
      #expect(pair.separation == 0)
    }
  }

  @Test func columbusQueenFromPolygonsEqualsTheShippedGAL() throws {
    let gal = try SpatialWeights.readGAL(Fixtures.text("columbus/columbus.gal"))
    let reference = try Fixtures.reference("columbus")
    let ids = reference["ids"] as! [String]  // POLYID per feature, in file order
    // re-key the GAL (ordered as the file declares) to feature order
    let order = ids.map { gal.index(of: $0)! }
    let lists = order.map { k in
      gal.neighbours(of: k).map { ids.firstIndex(of: gal.ids[$0])! }.sorted()
    }
    #expect(lists == (reference["neighbours"] as! [String: [[Int]]])["gal"])
  }

  @Test(arguments: [("stl_hom", "stl_hom/stl.gal"), ("sids2", "sids2/sids2.gal")])
  func galFilesMatchLibpysal(name: String, path: String) throws {
    let gal = try SpatialWeights.readGAL(Fixtures.text(path))
    let reference = try Fixtures.reference(name)
    #expect(gal.ids == reference["gal_ids"] as! [String])
    #expect(gal.neighbourLists == (reference["neighbours"] as! [String: [[Int]]])["gal"])
  }

  /// A 3×3 grid of unit squares numbered row by row from the top left, as lat2W(3, 3).
  static func lattice(gap: Double = 0) -> [Geometry] {
    (0..<9).map { k in
      let (r, c) = (Double(k / 3), Double(k % 3))
      let (x0, y0) = (c + gap, -r - 1 + gap)
      let (x1, y1) = (c + 1 - gap, -r - gap)
      return .polygon(
        Polygon(
          exterior: Ring([
            Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
            Coordinate(x: x0, y: y1),
          ])))
    }
  }

  @Test func latticeMatchesLat2W() throws {
    let reference = try Fixtures.reference("small")["lattice3x3"] as! [String: Any]
    let expected = reference["neighbours"] as! [String: [[Int]]]
    let ids = (0..<9).map(String.init)
    #expect(
      try SpatialWeights.rook(ids: ids, geometries: Self.lattice()).neighbourLists
        == expected["rook"])
    #expect(
      try SpatialWeights.queen(ids: ids, geometries: Self.lattice()).neighbourLists
        == expected["queen"])
  }

  @Test func snapToleranceJoinsNearlyTouchingBoundaries() throws {
    // squares shrunk by 0.001 on every side: exact matching finds no shared vertex at all
    let ids = (0..<9).map(String.init)
    let shrunk = Self.lattice(gap: 0.001)
    let exact = try SpatialWeights.queen(ids: ids, geometries: shrunk)
    #expect(exact.islands == ids)
    // corners 0.002 apart (0.0028 diagonally) merge with a tolerance of 0.003
    let snapped = try SpatialWeights.queen(ids: ids, geometries: shrunk, snapTolerance: 0.003)
    let reference = try Fixtures.reference("small")["lattice3x3"] as! [String: Any]
    #expect(snapped.neighbourLists == (reference["neighbours"] as! [String: [[Int]]])["queen"])
    let rook = try SpatialWeights.rook(ids: ids, geometries: shrunk, snapTolerance: 0.003)
    #expect(rook.neighbourLists == (reference["neighbours"] as! [String: [[Int]]])["rook"])
  }

  @Test func vertexSnapToleranceJoinsNearlyTouchingBoundariesToo() throws {
    let ids = (0..<9).map(String.init)
    let shrunk = Self.lattice(gap: 0.001)
    let reference = try Fixtures.reference("small")["lattice3x3"] as! [String: Any]
    let expected = reference["neighbours"] as! [String: [[Int]]]
    let queen = try SpatialWeights.queen(
      ids: ids, geometries: shrunk, snapTolerance: 0.003, method: .vertex)
    #expect(queen.neighbourLists == expected["queen"])
    let rook = try SpatialWeights.rook(
      ids: ids, geometries: shrunk, snapTolerance: 0.003, method: .vertex)
    #expect(rook.neighbourLists == expected["rook"])
  }

  @Test func negativeSnapToleranceIsRejected() {
    #expect(
      throws: WeightsError.invalidParameter(
        name: "snapTolerance", value: "-1.0", expected: "a finite number ≥ 0")
    ) {
      try SpatialWeights.queen(
        ids: ["a"], geometries: Self.lattice().prefix(1).map { $0 },
        snapTolerance: -1)
    }
  }

  /// An edge with a non-finite coordinate bounds nothing: it is left out, never trapped on.
  @Test func nonFiniteCoordinatesAreLeftOut() throws {
    var lattice = Self.lattice()
    lattice[4] = .polygon(
      Polygon(
        exterior: Ring([
          Coordinate(x: 1, y: -2), Coordinate(x: .nan, y: -2), Coordinate(x: 2, y: -1),
          Coordinate(x: 1, y: -1),
        ])))
    let w = try SpatialWeights.queen(ids: (0..<9).map(String.init), geometries: lattice)
    #expect(w.neighbours(of: 4).contains(1) && w.neighbours(of: 4).contains(3))
  }

  struct Injected: AdjacencySource {
    func adjacency(of units: [[Polygon]]) throws -> [[Int]] { [[1], [0], []] }
  }

  @Test func anInjectedAdjacencySourceIsUsedAsGiven() throws {
    let w = try SpatialWeights.contiguity(
      ids: ["a", "b", "c"], units: [[], [], []], source: Injected())
    #expect(w.neighbourLists == [[1], [0], []])
    #expect(w.islands == ["c"])
  }
}

/// A snap tolerance too small for the coordinates' magnitude (no two distinct doubles near
/// 230 000 m are 1e-14 m apart) is refused, not allowed to overflow the snapping grid.
@Suite struct SnapToleranceTests {
  @Test func toleranceBelowTheCoordinatesPrecisionIsRefused() {
    let square = Polygon(exterior: Ring([
      Coordinate(x: 230_000, y: 185_000), Coordinate(x: 230_100, y: 185_000),
      Coordinate(x: 230_100, y: 185_100), Coordinate(x: 230_000, y: 185_100),
    ]))
    #expect(throws: WeightsError.self) {
      try SpatialWeights.queen(ids: ["a"], geometries: [.polygon(square)], snapTolerance: 1e-14)
    }
    #expect((try? SpatialWeights.queen(ids: ["a"], geometries: [.polygon(square)], snapTolerance: 0.01)) != nil)
  }
}
