import Testing
import WijkCore

@testable import WijkAnalysis

/// Field cases 01 and 03 (`Tests/Fixtures/cases/*/case.md` give the right values).
@Suite struct PointJoinCaseTests {
  func index(_ path: String) throws -> WardPointIndex {
    try WardPointIndex(wards: try readGeoJSON(fixture(path)), codeField: "wijkcode")
  }

  func counts(_ index: WardPointIndex, _ result: PointJoinResult) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: zip(index.codes, result.counts))
  }

  @Test("Case 01: shared-boundary points go to the smallest code; W01 = 7, W02 = 3")
  func case01Assign() throws {
    let (ids, points) = try readPoints(fixture("cases/01-point-on-shared-boundary/points.csv"))
    for file in ["wards.geojson", "wards_reversed_order.geojson"] {
      let idx = try index("cases/01-point-on-shared-boundary/\(file)")
      let r = idx.join(points)
      #expect(counts(idx, r) == ["W01": 7, "W02": 3], "\(file)")
      #expect(r.countedTotal == 10)
      #expect(r.boundaryPoints.map { ids[$0] } == ["P08", "P09", "P10"])
      #expect(r.outsidePoints.isEmpty && r.overlapPoints.isEmpty)
      // P08 and P09 lie on W01/W02's shared edge and corner; P10 on W01's outer edge.
      #expect(r.wardOfPoint.suffix(3).map { idx.codes[Int($0)] } == ["W01", "W01", "W01"])
    }
  }

  @Test("Case 01: intersects counts boundary points twice (12), within drops them (7)")
  func case01Modes() throws {
    let (_, points) = try readPoints(fixture("cases/01-point-on-shared-boundary/points.csv"))
    let idx = try index("cases/01-point-on-shared-boundary/wards.geojson")
    // intersects: W01 = P01–P04, P08, P09, P10 = 7; W02 = P05–P07, P08, P09 = 5.
    let inter = idx.join(points, mode: .intersects)
    #expect(counts(idx, inter) == ["W01": 7, "W02": 5])
    #expect(inter.countedTotal == 12)
    // within: only P01–P07, strictly inside.
    let within = idx.join(points, mode: .within)
    #expect(counts(idx, within) == ["W01": 4, "W02": 3])
    #expect(within.countedTotal == 7)
  }

  @Test("Case 03: overlapping wards accepted, each point counted once, total 8, warned")
  func case03() throws {
    let (ids, points) = try readPoints(fixture("cases/03-overlapping-ward-polygons/points.csv"))
    let idx = try index("cases/03-overlapping-ward-polygons/wards.geojson")
    let r = idx.join(points)
    #expect(r.countedTotal == 8)
    // R04 and R05 lie in the strip 229950–230000 covered by both; W21 is the smaller code.
    #expect(counts(idx, r) == ["W21": 5, "W22": 3])
    #expect(r.overlapPoints.map { ids[$0.point] } == ["R04", "R05"])
    let warnings = r.warnings(codes: idx.codes)
    #expect(
      warnings == [
        "2 point(s) lie inside overlapping wards W21 and W22; each was counted once, in the "
          + "ward with the smallest code."
      ])
  }

  // Case 03 with the comparison modes: R04 and R05 count in both wards (total 10 for 8
  // points), and the warning says so rather than "counted once".
  @Test func case03ComparisonModesSayTheyCountOverlapsTwice() throws {
    let (_, points) = try readPoints(fixture("cases/03-overlapping-ward-polygons/points.csv"))
    let idx = try index("cases/03-overlapping-ward-polygons/wards.geojson")
    for mode in [PointJoinMode.within, .intersects] {
      let r = idx.join(points, mode: mode)
      #expect(counts(idx, r) == ["W21": 5, "W22": 5])
      #expect(r.countedTotal == 10)
      let warnings = r.warnings(codes: idx.codes)
      #expect(warnings.count == 1)
      #expect(warnings[0].hasPrefix("2 point(s) lie inside overlapping wards W21 and W22; each"))
      #expect(warnings[0].contains("so more than once"))
      #expect(!warnings[0].contains("counted once"))
    }
  }

  // Case 01 with `within`: the three boundary points are not "outside every ward".
  @Test func case01WithinDropsBoundaryPointsAndSaysSo() throws {
    let (_, points) = try readPoints(fixture("cases/01-point-on-shared-boundary/points.csv"))
    let idx = try index("cases/01-point-on-shared-boundary/wards.geojson")
    let warnings = idx.join(points, mode: .within).warnings(codes: idx.codes)
    #expect(warnings == ["3 point(s) on a ward boundary were not counted (--boundary within)."])
  }
}

@Suite struct PointSumTests {
  /// Case 01's points with a value of 10 × their number (P01 = 10 … P10 = 100).
  /// W01 holds P01–P04, P08, P09, P10: 10 + 20 + 30 + 40 + 80 + 90 + 100 = 370;
  /// W02 holds P05–P07: 50 + 60 + 70 = 180.
  @Test("Point attributes are summed in the assigned ward")
  func sums() throws {
    let (_, points) = try readPoints(fixture("cases/01-point-on-shared-boundary/points.csv"))
    let idx = try WardPointIndex(
      wards: try readGeoJSON(fixture("cases/01-point-on-shared-boundary/wards.geojson")),
      codeField: "wijkcode")
    let r = idx.join(points)
    let values: [Double?] = (1...10).map { Double($0 * 10) }
    let sums = try r.sums(of: values)
    #expect(
      Dictionary(uniqueKeysWithValues: zip(idx.codes, sums))
        == ["W01": .real(370), "W02": .real(180)])
    // P05 without a value: W02's sum is missing, or 130 when the known part is asked for.
    var gap = values
    gap[4] = nil
    let w02 = idx.codes.firstIndex(of: "W02")!
    #expect(try r.sums(of: gap)[w02] == .missing(reason: "no value for 1 of 3 points"))
    #expect(try r.sums(of: gap, missing: .sumKnown)[w02] == .real(130))
    #expect(throws: JoinError.lengthMismatch(what: "point values", expected: 0, got: 10)) {
      try idx.join(points, mode: .within).sums(of: values)
    }
  }
}
