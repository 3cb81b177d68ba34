import WijkCore

/// Which wards a point is counted in.
public enum PointJoinMode: String, Hashable, Sendable, CaseIterable {
  /// Each point in exactly one ward: the covering ward (interior or boundary) with the
  /// smallest normalised code in Unicode code-point order. Points on a shared boundary go to
  /// the smallest key, points on an outer edge to their only ward, points in a hole to the
  /// enclave. Independent of feature order. The product's rule.
  case assign
  /// Counted in every ward whose interior contains it; boundary points are dropped (GeoPandas
  /// `sjoin(predicate="within")`), for comparison.
  case within
  /// Counted in every ward that covers it, boundary included (GeoPandas
  /// `sjoin(predicate="intersects")`), for comparison; totals can exceed the point count.
  case intersects
}

/// The outcome of a point-to-ward join.
public struct PointJoinResult: Sendable {
  /// The mode the points were joined in.
  public var mode: PointJoinMode
  /// Points per ward, in the order of ``WardPointIndex/codes``.
  public var counts: [Int]
  /// For ``PointJoinMode/assign``: the ward of each point (index into the codes), `-1` when
  /// outside every ward. Empty for the other modes, where a point can have several wards.
  public var wardOfPoint: [Int32]
  /// Indices of the points outside every ward (in no ward's interior, for `within`).
  public var outsidePoints: [Int]
  /// Indices of the points lying exactly on some ward's boundary (edge or vertex).
  public var boundaryPoints: [Int]
  /// Points covered by two or more wards other than along a shared boundary (overlapping
  /// wards), with the wards covering each (indices into the codes).
  public var overlapPoints: [(point: Int, wards: [Int32])]

  /// The total of ``counts``; equals the number of points minus the outside ones in `assign`.
  public var countedTotal: Int { counts.reduce(0, +) }

  /// Warnings worth showing a user, each true of this mode's counts: points in overlapping
  /// wards (counted once in `assign`, in every ward holding them otherwise), points outside
  /// every ward, and boundary points `within` dropped.
  public func warnings(codes: [String]) -> [String] {
    var out: [String] = []
    var pairs: [String: Int] = [:]
    for (_, wards) in overlapPoints {
      pairs[wards.map { codes[Int($0)] }.sorted().joined(separator: " and "), default: 0] += 1
    }
    for (wards, n) in pairs.sorted(by: { $0.key < $1.key }) {
      let how =
        switch mode {
        case .assign: "each was counted once, in the ward with the smallest code."
        case .within:
          "each was counted in every one of them whose interior holds it (--boundary "
            + "within), so more than once."
        case .intersects:
          "each was counted in every one of them (--boundary intersects), so more than once."
        }
      out.append("\(n) point(s) lie inside overlapping wards \(wards); " + how)
    }
    let boundary = Set(boundaryPoints)
    let dropped = mode == .within ? outsidePoints.filter(boundary.contains) : []
    let outside = outsidePoints.count - dropped.count
    if outside > 0 {
      out.append("\(outside) point(s) lie outside every ward and were not counted.")
    }
    if !dropped.isEmpty {
      out.append(
        "\(dropped.count) point(s) on a ward boundary were not counted (--boundary within).")
    }
    return out
  }
}

extension WardPointIndex {
  /// Joins points to wards and counts them per ward.
  ///
  /// Boundary points are detected exactly (see ``WardPointIndex``). Runs on one thread; in
  /// `assign` mode points are visited tile by tile for cache locality (see `TileOrder`), about
  /// 9 million points per second on 20,000 wards (see `Benchmarks/points/RESULTS.md`); the
  /// comparison modes visit them in input order.
  ///
  /// - Parameters:
  ///   - points: positions in the wards' CRS; `x` easting, `y` northing.
  ///   - mode: which wards a point counts in (default: ``PointJoinMode/assign``).
  /// - Returns: counts per ward, the ward of each point (assign mode) and the lists of outside,
  ///   boundary and overlap points.
  public func join(_ points: UnsafeBufferPointer<Coordinate>, mode: PointJoinMode = .assign)
    -> PointJoinResult
  {
    var result = PointJoinResult(
      mode: mode, counts: [Int](repeating: 0, count: codes.count), wardOfPoint: [],
      outsidePoints: [], boundaryPoints: [], overlapPoints: [])
    switch mode {
    case .assign: assign(points, into: &result)
    case .within, .intersects: countByPredicate(points, into: &result)
    }
    return result
  }

  /// The smallest-key join. The hot loop only assigns and counts; the few points that are
  /// outside, on a boundary or covered twice are noted and located again afterwards to fill
  /// the lists, in input order.
  private func assign(
    _ points: UnsafeBufferPointer<Coordinate>, into result: inout PointJoinResult
  ) {
    let s = storage
    var wardOf = [Int32](repeating: -1, count: points.count)
    var counts = [Int](repeating: 0, count: codes.count)
    var special: [Int] = []
    counts.withUnsafeMutableBufferPointer { counts in
      wardOf.withUnsafeMutableBufferPointer { wardOf in
        TileOrder(storage: s).forEach(points) { i, x, y in
          let loc = s.locate(x: x, y: y)
          wardOf[i] = loc.smallestKeyWard
          if loc.smallestKeyWard >= 0 { counts[Int(loc.smallestKeyWard)] += 1 }
          if loc.coveringCount != 1 || loc.onBoundary { special.append(i) }
        }
      }
    }
    special.sort()
    for i in special {
      let p = points[i]
      let loc = s.locate(x: p.x, y: p.y)
      if loc.smallestKeyWard < 0 { result.outsidePoints.append(i) }
      if loc.onBoundary { result.boundaryPoints.append(i) }
      if loc.interiorCount > 1 || (loc.interiorCount == 1 && loc.onBoundary) {
        appendOverlap(i, p, &result)
      }
    }
    result.counts = counts
    result.wardOfPoint = wardOf
  }

  /// The comparison modes: a point counts in every ward it is within (or intersects).
  private func countByPredicate(
    _ points: UnsafeBufferPointer<Coordinate>, into result: inout PointJoinResult
  ) {
    let intersects = result.mode == .intersects
    var counts = result.counts
    for i in 0..<points.count {
      let p = points[i]
      var covered = false
      var onBoundary = false
      var interiors = 0
      storage.forEachCoveringWard(x: p.x, y: p.y) { w, interior in
        if interior { interiors += 1 } else { onBoundary = true }
        if interior || intersects {
          counts[Int(w)] += 1
          covered = true
        }
      }
      if !covered { result.outsidePoints.append(i) }
      if onBoundary { result.boundaryPoints.append(i) }
      if interiors > 1 || (interiors == 1 && onBoundary) { appendOverlap(i, p, &result) }
    }
    result.counts = counts
  }

  /// The same join over an array of points.
  public func join(_ points: [Coordinate], mode: PointJoinMode = .assign) -> PointJoinResult {
    points.withUnsafeBufferPointer { join($0, mode: mode) }
  }

  private func appendOverlap(_ i: Int, _ p: Coordinate, _ result: inout PointJoinResult) {
    var wards: [Int32] = []
    storage.forEachCoveringWard(x: p.x, y: p.y) { w, _ in wards.append(w) }
    result.overlapPoints.append((i, wards.sorted()))
  }
}

extension WardPointIndex {
  /// How many wards the index must test with edges for a point at `p` (the wards having an
  /// edge in its grid cell); 0 when its cell is answered without edge tests. For benchmark
  /// reports ("ward tests per point").
  public func wardTestCount(at p: Coordinate) -> Int {
    let s = storage
    guard p.x >= s.minX, p.x <= s.maxX, p.y >= s.minY, p.y <= s.maxY else { return 0 }
    let cell = s.cells.pointer + 2 * (s.row(p.y) * s.columns + s.column(p.x))
    return Int(cell[2] - cell[0])
  }
}

extension WardPointIndex {
  /// The memory held by the index's arrays, in bytes (edges, strips, grid, wards).
  public var indexByteCount: Int {
    let s = storage
    return s.wards.count * MemoryLayout<WardRecord>.stride + s.stripStart.count * 4
      + s.stripCoordinates.count * 8 + s.ranks.count * 4 + s.cells.count * 4
      + s.cellWards.count * 4 + s.ownerSets.reduce(0) { $0 + 4 * $1.count }
  }
}
