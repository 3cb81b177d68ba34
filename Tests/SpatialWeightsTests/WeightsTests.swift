// SpatialWeights: transformation sums against libpysal 4.14.1, checks and their messages,
// files, and point-based builders against hand computation.

import Foundation
import Testing
import WijkCore

@testable import SpatialWeights

@Suite struct WeightsTests {
  static func columbusQueen() throws -> SpatialWeights {
    let lists = (try Fixtures.reference("columbus")["neighbours"] as! [String: [[Int]]])["queen"]!
    return try SpatialWeights(ids: lists.indices.map(String.init), neighbours: lists)
  }

  @Test(arguments: Transformation.allCases)
  func sumsMatchLibpysal(transformation: Transformation) throws {
    let summary = try Fixtures.reference("columbus")["weights_summary"] as! [String: Any]
    let expected = (summary["queen"] as! [String: [String: Any]])[transformation.rawValue]!
    let w = try Self.columbusQueen().transformed(transformation)
    #expect(close(w.s0, expected["s0"] as! Double))
    #expect(close(w.s1, expected["s1"] as! Double))
    #expect(close(w.s2, expected["s2"] as! Double))
    let firstRow = expected["first_row"] as! [Double]
    #expect(zip(w.weightLists[0], firstRow).allSatisfy { close($0, $1) })
  }

  @Test func transformingReturnsANewValueAndStartsFromTheOriginal() throws {
    let w = try Self.columbusQueen()
    let r = w.transformed(.row)
    #expect(w.transformation == .original && r.transformation == .row)
    #expect(r.transformed(.doubly) == w.transformed(.doubly))
    #expect(close(w.transformed(.doubly).s0, 1))
    // row sums are 1 for every unit (Columbus has no islands)
    #expect(r.rowSums.allSatisfy { close($0, 1) })
  }

  @Test func lagOfTheLatticeByHand() throws {
    // 3×3 rook lattice, unit 4 (centre) has neighbours 1, 3, 5, 7
    let lists =
      (try Fixtures.reference("small")["lattice3x3"] as! [String: Any])["neighbours"]
      as! [String: [[Int]]]
    let w = try SpatialWeights(ids: (0..<9).map(String.init), neighbours: lists["rook"]!)
    let y: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5]
    // row-standardised: (1 + 1 + 9 + 6) / 4 = 4.25; corner 0: (1 + 1) / 2 = 1
    let lag = w.transformed(.row).lag(y)
    #expect(lag[4] == 4.25 && lag[0] == 1)
    #expect(w.cardinalities == [2, 3, 2, 3, 4, 3, 2, 3, 2])
  }

  @Test func initialiserChecksWithEvidence() {
    #expect(
      throws: WeightsError.countMismatch(
        what: "neighbour lists and unit ids", expected: 2, got: 1)
    ) {
      try SpatialWeights(ids: ["a", "b"], neighbours: [[1]])
    }
    #expect(throws: WeightsError.selfNeighbour(unit: "a")) {
      try SpatialWeights(ids: ["a", "b"], neighbours: [[0], []])
    }
    #expect(throws: WeightsError.neighbourOutOfRange(unit: "b", index: 5, count: 2)) {
      try SpatialWeights(ids: ["a", "b"], neighbours: [[], [5]])
    }
    #expect(throws: WeightsError.duplicateID("a")) {
      try SpatialWeights(ids: ["a", "a"], neighbours: [[], []])
    }
    #expect(throws: WeightsError.invalidWeight(unit: "a", neighbour: "b", value: -1)) {
      try SpatialWeights(ids: ["a", "b"], neighbours: [[1], [0]], weights: [[-1], [1]])
    }
  }

  @Test func errorMessagesSayWhatWasExpected() {
    #expect(
      WeightsError.countMismatch(what: "weight lists and unit ids", expected: 3, got: 2)
        .description == "The weight lists and unit ids do not line up: expected 3, got 2.")
    #expect(
      WeightsError.neighbourOutOfRange(unit: "W01", index: 9, count: 4).description
        == "Unit 'W01' has neighbour number 9, but there are only 4 units (expected 0 to 3).")
  }

  @Test func islandsAreListedByID() throws {
    let w = try SpatialWeights(ids: ["a", "b", "c"], neighbours: [[1], [0], []])
    #expect(w.islands == ["c"])
    #expect(w.transformed(.row).rowSums == [1, 1, 0])
  }

  @Test func restrictingKeepsTheSubgraph() throws {
    let w = try SpatialWeights(
      ids: ["a", "b", "c", "d"], neighbours: [[1, 2], [0, 2], [0, 1, 3], [2]]
    ).transformed(.row)
    let sub = w.restricted(to: [0, 1, 3])
    #expect(sub.ids == ["a", "b", "d"])
    #expect(sub.neighbourLists == [[1], [0], []])
    #expect(sub.transformation == .row && sub.rowSums == [1, 1, 0])
  }

  @Test func galRoundTrip() throws {
    let w = try Self.columbusQueen()
    let back = try SpatialWeights.readGAL(w.galText())
    #expect(back == w)
  }

  @Test func gwtRoundTripKeepsWeights() throws {
    let w = try SpatialWeights(
      ids: ["01", "02", "03"], neighbours: [[1], [0, 2], [1]], weights: [[0.5], [2, 0.25], [4]])
    let back = try SpatialWeights.readGWT(w.gwtText(), ids: w.ids)
    #expect(back.weightLists == w.weightLists && back.ids == ["01", "02", "03"])
  }

  @Test func malformedGALNamesTheLine() {
    #expect(throws: WeightsError.unknownID(format: "GAL", line: 3, id: "9")) {
      try SpatialWeights.readGAL("2\n1 1\n9\n2 1\n1\n")
    }
  }

  @Test func kNearestByHand() throws {
    // points on a line at 0, 1, 3, 7: nearest of 0 is 1; of 3 is 1 (distance 2) then 0 (3)
    let pts = [0.0, 1, 3, 7].map { Coordinate(x: $0, y: 0) }
    let w = try SpatialWeights.kNearest(ids: ["a", "b", "c", "d"], points: pts, k: 2)
    #expect(w.neighbourLists == [[1, 2], [0, 2], [0, 1], [1, 2]])
  }

  @Test func distanceBandCountsTheThresholdItselfAndInvertsDistance() throws {
    let pts = [0.0, 1, 3, 7].map { Coordinate(x: $0, y: 0) }
    let w = try SpatialWeights.distanceBand(
      ids: ["a", "b", "c", "d"], points: pts, threshold: 2, inverseDistancePower: -1)
    #expect(w.neighbourLists == [[1], [0, 2], [1], []])
    #expect(w.weightLists == [[1], [1, 0.5], [0.5], []])
  }
}

/// kNN and distance band on the Columbus polygon centroids against libpysal 4.14.1 `KNN`
/// (k = 4) and `DistanceBand` at `min_threshold_distance` (binary and inverse distance).
@Suite struct PointWeightsTests {
  static func points() throws -> [String: Any] {
    try Fixtures.reference("columbus")["points"] as! [String: Any]
  }

  static func centroids() throws -> [Coordinate] {
    (try points()["centroids"] as! [[Double]]).map { Coordinate(x: $0[0], y: $0[1]) }
  }

  @Test func kNearestMatchesLibpysal() throws {
    let c = try Self.centroids()
    let w = try SpatialWeights.kNearest(ids: c.indices.map(String.init), points: c, k: 4)
    let expected = try Self.points()["knn4"] as! [[Int]]
    #expect(w.neighbourLists == expected)
  }

  @Test func distanceBandMatchesLibpysal() throws {
    let c = try Self.centroids()
    let p = try Self.points()
    let ids = c.indices.map(String.init)
    let threshold = p["threshold"] as! Double
    let band = try SpatialWeights.distanceBand(ids: ids, points: c, threshold: threshold)
    #expect(band.neighbourLists == p["band"] as! [[Int]])
    #expect(band.islands.isEmpty)
    let inverse = try SpatialWeights.distanceBand(
      ids: ids, points: c, threshold: threshold, inverseDistancePower: -1)
    let expected = p["inverse_distance_weights"] as! [[Double]]
    #expect(
      zip(inverse.weightLists, expected).allSatisfy { row, e in
        row.count == e.count && zip(row, e).allSatisfy { close($0, $1) }
      })
  }
}

@Suite struct GALIslandTests {
  @Test func aUnitWithNoNeighboursReadsAsAnIsland() throws {
    // GeoDa writes "c 0" followed by an empty line for an island
    let w = try SpatialWeights.readGAL("3\na 1\nb\nb 1\na\nc 0\n\n")
    #expect(w.ids == ["a", "b", "c"] && w.islands == ["c"])
    #expect(w.neighbourLists == [[1], [0], []])
  }

  @Test func aShortNeighbourLineIsReportedWithItsLine() {
    #expect(
      throws: WeightsError.malformedFile(
        format: "GAL", line: 3, text: "b", reason: "expected 2 neighbour ids, got 1")
    ) {
      try SpatialWeights.readGAL("2\na 2\nb\nb 1\na\n")
    }
    #expect(
      WeightsError.malformedFile(format: "GAL", line: 3, text: "b", reason: "x").description
        == "Line 3 of the GAL file cannot be read (x): 'b'.")
  }
}
