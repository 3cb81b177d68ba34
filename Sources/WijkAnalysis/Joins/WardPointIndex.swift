import WijkCore

/// A point-location index over ward polygons: answers "which wards cover this point, and is it
/// on a boundary?" exactly, fast enough for millions of points.
///
/// How it works (pure Swift, no GEOS):
/// - every ring edge of every ward (exteriors, holes, all parts) is kept with its ward;
/// - a uniform grid over the wards' extent records, per cell, the wards having an edge whose
///   bounding box touches the cell; a row sweep at each cell's centre line records which wards
///   contain a cell without edges, so a point in such a cell is answered without edge tests;
/// - for the other cells, each candidate ward is tested by crossing number (a ray towards +x,
///   half-open in y) over that ward's edges in one horizontal strip of its bounding box, with
///   the exact orientation predicate, so a point on an edge or a vertex is recognised exactly.
///
/// Even-odd parity over all rings means a point in a hole is outside the ward with the hole
/// (it belongs to the enclave that fills it) and a multi-part ward uses all its parts. Rings
/// are assumed valid (simple, non-self-overlapping), as GEOS's validity check ensures.
///
/// Memory: 32 bytes per edge per strip it spans, 8 bytes per grid cell, 4 bytes per
/// ward-in-cell entry, 48 bytes per ward;
/// the default grid has about `cellsPerEdge` × edge-count cells (capped at 2^23).
public struct WardPointIndex: Sendable {
  /// The ward codes as given, in layer order; ward `i` of every result is `codes[i]`.
  public let codes: [String]
  /// The normalised codes, used for the smallest-key rule.
  public let normalisedCodes: [String]
  /// The grid size, in cells (columns, rows), for benchmarking reports.
  public let gridSize: (columns: Int, rows: Int)
  /// The number of ring edges indexed.
  public let edgeCount: Int

  let storage: Storage

  /// Builds the index from one geometry per ward.
  ///
  /// - Parameters:
  ///   - codes: ward codes, one per geometry; compared after `normalisation` for the
  ///     smallest-key rule and for duplicates.
  ///   - geometries: polygons or multipolygons, in any planar CRS (one CRS for all).
  ///   - normalisation: how codes are normalised (default: trim and NFC).
  ///   - cellsPerEdge: grid cells per ring edge; more cells answer more points without edge
  ///     tests, at the cost of memory and of cache misses (default 4; on the
  ///     benchmark, 1 to 4 was fastest).
  /// - Throws: ``PointJoinError/duplicateWardCodes(_:)`` when two wards normalise to the same
  ///   code; ``PointJoinError/notPolygonal(ward:index:type:)`` for a ward that is not a
  ///   (multi)polygon; ``PointJoinError/countMismatch(codes:geometries:)``.
  public init(
    codes: [String], geometries: [Geometry?], normalisation: KeyNormalisation = .codes,
    cellsPerEdge: Double = 4
  ) throws(PointJoinError) {
    guard codes.count == geometries.count else {
      throw .countMismatch(codes: codes.count, geometries: geometries.count)
    }
    let normalised = codes.map(normalisation.normalise)
    try Self.checkUnique(codes: codes, normalised: normalised)
    var polygons: [[Polygon]] = []
    for (i, g) in geometries.enumerated() {
      guard let g, g.isPolygonal else {
        throw .notPolygonal(ward: codes[i], index: i, type: geometries[i]?.typeName ?? "none")
      }
      polygons.append(g.polygons)
    }
    self.codes = codes
    self.normalisedCodes = normalised
    let built = IndexBuilder(
      polygons: polygons, ranks: Self.ranks(normalised), cellsPerEdge: cellsPerEdge
    ).build()
    self.storage = built
    self.gridSize = (built.columns, built.rows)
    self.edgeCount = built.edgeCount
  }

  /// Builds the index from a ward layer's geometries and its code field.
  ///
  /// - Throws: ``PointJoinError/missingCodeField(_:layer:)`` when `codeField` is not a field of
  ///   `wards`, ``PointJoinError/missingWardCode(index:)`` for a feature without a code, and
  ///   the errors of ``init(codes:geometries:normalisation:cellsPerEdge:)``.
  public init(
    wards: Layer, codeField: String, normalisation: KeyNormalisation = .codes,
    cellsPerEdge: Double = 4
  ) throws(PointJoinError) {
    guard let column = wards.column(codeField) else {
      throw .missingCodeField(codeField, layer: wards.source)
    }
    var codes: [String] = []
    for (i, v) in column.enumerated() {
      guard let code = v.text else { throw .missingWardCode(index: wards.features[i].index) }
      codes.append(code)
    }
    try self.init(
      codes: codes, geometries: wards.features.map(\.geometry), normalisation: normalisation,
      cellsPerEdge: cellsPerEdge)
  }

  private static func checkUnique(codes: [String], normalised: [String]) throws(PointJoinError) {
    var seen: [String: String] = [:]
    var duplicates: Set<String> = []
    for (code, key) in zip(codes, normalised) {
      if seen[key] != nil { duplicates.insert(code) } else { seen[key] = code }
    }
    if !duplicates.isEmpty { throw .duplicateWardCodes(duplicates.sorted()) }
  }

  /// The position of each code in code-point order (0 = smallest key).
  private static func ranks(_ normalised: [String]) -> [Int32] {
    let order = normalised.indices.sorted { normalised[$0].precedesByCodePoints(normalised[$1]) }
    var rank = [Int32](repeating: 0, count: normalised.count)
    for (r, i) in order.enumerated() { rank[i] = Int32(r) }
    return rank
  }
}

/// Where one point lies relative to the wards.
struct PointLocation {
  /// The covering ward with the smallest key, or -1 when no ward covers the point.
  var smallestKeyWard: Int32 = -1
  /// How many wards cover the point (interior or boundary).
  var coveringCount = 0
  /// How many wards have the point in their interior.
  var interiorCount = 0
  /// Whether the point lies on the boundary of at least one ward.
  var onBoundary: Bool { coveringCount > interiorCount }
}

/// One ward's bounding box and horizontal strips, packed so that a ward test touches one
/// cache line for them.
struct WardRecord {
  var minX, minY, maxX, maxY: Double
  /// Strips per unit of y.
  var stripScale: Double
  /// The ward's strips are `stripStart[stripBase ..< stripBase + stripCount + 1]`.
  var stripBase: Int32
  var stripCount: Int32
}

/// The flat arrays of a built index (see ``WardPointIndex`` for what they mean). Laid out for
/// few cache misses per point: each cell's list start and owner side by side, each ward's
/// record in one piece, and each strip's edge coordinates contiguous (an edge spanning several
/// strips is copied into each).
final class Storage: @unchecked Sendable {
  /// Ward `w`'s box and strips.
  let wards: FrozenBuffer<WardRecord>
  /// Strip `s`'s edges are entries `stripStart[s] ..< stripStart[s+1]` of `stripCoordinates`,
  /// 4 numbers each: `ax, ay, bx, by`.
  let stripStart: FrozenBuffer<Int32>
  let stripCoordinates: FrozenBuffer<Double>
  let ranks: FrozenBuffer<Int32>
  /// Grid geometry.
  let minX, minY, maxX, maxY, scaleX, scaleY: Double
  let columns, rows: Int
  /// Per cell `c`, `cells[2c]` is where its ward list starts in `cellWards` (it ends at
  /// `cells[2c+2]`) and `cells[2c+1]` the wards containing the whole cell with no edge in it:
  /// `-1` none, `w ≥ 0` one ward, `-2 - k` the set `ownerSets[k]` (overlaps), sorted by rank.
  let cells: FrozenBuffer<Int32>
  let cellWards: FrozenBuffer<Int32>
  let ownerSets: [[Int32]]
  /// Ring edges indexed (for reports).
  let edgeCount: Int

  init(
    edges: [Double], wardBoxes: [Double], wardStripBase: [Int32], wardStripCount: [Int32],
    wardStripScale: [Double], stripStart: [Int32], stripEdges: [Int32], ranks: [Int32],
    grid: (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int),
    cellStart: [Int32], cellWards: [Int32], cellOwner: [Int32], ownerSets: [[Int32]]
  ) {
    wards = FrozenBuffer(
      wardStripBase.indices.map { w in
        WardRecord(
          minX: wardBoxes[4 * w], minY: wardBoxes[4 * w + 1], maxX: wardBoxes[4 * w + 2],
          maxY: wardBoxes[4 * w + 3], stripScale: wardStripScale[w],
          stripBase: wardStripBase[w], stripCount: wardStripCount[w])
      })
    var coordinates: [Double] = []
    coordinates.reserveCapacity(4 * stripEdges.count)
    for e in stripEdges { coordinates += edges[(4 * Int(e))..<(4 * Int(e) + 4)] }
    self.stripStart = FrozenBuffer(stripStart)
    self.stripCoordinates = FrozenBuffer(coordinates)
    self.ranks = FrozenBuffer(ranks)
    (minX, minY, maxX, maxY) = (grid.minX, grid.minY, grid.maxX, grid.maxY)
    (columns, rows) = (grid.columns, grid.rows)
    scaleX = maxX > minX ? Double(columns) / (maxX - minX) : 0
    scaleY = maxY > minY ? Double(rows) / (maxY - minY) : 0
    var packed = [Int32](repeating: -1, count: 2 * cellOwner.count + 2)
    for c in 0...cellOwner.count { packed[2 * c] = cellStart[c] }
    for c in cellOwner.indices { packed[2 * c + 1] = cellOwner[c] }
    self.cells = FrozenBuffer(packed)
    self.cellWards = FrozenBuffer(cellWards)
    self.ownerSets = ownerSets
    self.edgeCount = edges.count / 4
  }

  /// The grid column of `x`; monotonic in `x`, so a box's cells are those between its corners'.
  @inline(__always) func column(_ x: Double) -> Int {
    min(max(Int((x - minX) * scaleX), 0), columns - 1)
  }
  @inline(__always) func row(_ y: Double) -> Int {
    min(max(Int((y - minY) * scaleY), 0), rows - 1)
  }

  /// 0 outside ward `w`, 1 in its interior, 2 on its boundary (exact).
  @inline(__always) func test(ward w: Int, x: Double, y: Double) -> Int {
    let ward = wards.pointer[w]
    if x < ward.minX || y < ward.minY || x > ward.maxX || y > ward.maxY { return 0 }
    let count = Int(ward.stripCount)
    let strip = min(max(Int((y - ward.minY) * ward.stripScale), 0), count - 1)
    let s = Int(ward.stripBase) + strip
    var inside = false
    var e = stripCoordinates.pointer + 4 * Int(stripStart[s])
    let end = stripCoordinates.pointer + 4 * Int(stripStart[s + 1])
    while e < end {
      let ax = e[0]
      let ay = e[1]
      let bx = e[2]
      let by = e[3]
      e += 4
      if (ay > y) != (by > y) {
        if x < min(ax, bx) {
          inside.toggle()
        } else if x <= max(ax, bx) {
          let o = orientation(ax, ay, bx, by, x, y)
          if o == 0 { return 2 }
          if (by > ay) == (o > 0) { inside.toggle() }
        }
      } else if ay == y || by == y {
        // Not crossing the ray, but the point may be a vertex or lie on a horizontal edge.
        if ay == by {
          if x >= min(ax, bx) && x <= max(ax, bx) { return 2 }
        } else if (ay == y && ax == x) || (by == y && bx == x) {
          return 2
        }
      }
    }
    return inside ? 1 : 0
  }

  /// Every ward covering `(x, y)`, summarised for the smallest-key rule.
  @inline(__always) func locate(x: Double, y: Double) -> PointLocation {
    var result = PointLocation()
    guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return result }
    let c = row(y) * columns + column(x)
    var bestRank = Int32.max
    func take(_ w: Int32, interior: Bool) {
      result.coveringCount += 1
      if interior { result.interiorCount += 1 }
      let r = ranks[Int(w)]
      if r < bestRank {
        bestRank = r
        result.smallestKeyWard = w
      }
    }
    let cell = cells.pointer + 2 * c
    let owner = cell[1]
    if owner >= 0 {
      take(owner, interior: true)
    } else if owner <= -2 {
      for w in ownerSets[Int(-2 - owner)] { take(w, interior: true) }
    }
    for k in Int(cell[0])..<Int(cell[2]) {
      let w = cellWards[k]
      let t = test(ward: Int(w), x: x, y: y)
      if t != 0 { take(w, interior: t == 1) }
    }
    return result
  }

  /// Calls `body` with every ward covering `(x, y)` and whether the point is interior to it.
  func forEachCoveringWard(x: Double, y: Double, _ body: (Int32, Bool) -> Void) {
    guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return }
    let cell = cells.pointer + 2 * (row(y) * columns + column(x))
    let owner = cell[1]
    if owner >= 0 {
      body(owner, true)
    } else if owner <= -2 {
      for w in ownerSets[Int(-2 - owner)] { body(w, true) }
    }
    for k in Int(cell[0])..<Int(cell[2]) {
      let w = cellWards[k]
      let t = test(ward: Int(w), x: x, y: y)
      if t != 0 { body(w, t == 1) }
    }
  }
}
