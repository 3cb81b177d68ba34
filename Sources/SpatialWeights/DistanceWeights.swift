// Weights from point positions (centroids or representative points chosen by the caller, in a
// projected CRS: distances are Euclidean in CRS units). A uniform grid keeps the search local.

import Foundation
import WijkCore

/// A unit whose k-th nearest distance is shared by more units than places were left, so the
/// tie rule chose among them.
public struct NearestNeighbourTie: Hashable, Sendable {
  /// Index of the unit.
  public var unit: Int
  /// The tied distance, the k-th smallest from `unit` (CRS units).
  public var distance: Double
  /// Every unit at that distance, in code-point order of their ids (the tie rule's order).
  public var tied: [Int]
  /// The first of `tied`, as many as places were left: these became neighbours.
  public var kept: [Int]
}

/// k-nearest-neighbour weights with the ties met building them.
public struct NearestNeighbours: Hashable, Sendable {
  /// Binary weights, k neighbours per unit.
  public var weights: SpatialWeights
  /// The units whose k-th neighbour was a tie, in unit order; empty when there was none.
  public var ties: [NearestNeighbourTie]
}

extension SpatialWeights {
  /// Distances within this fraction of the k-th distance count as equal to it (1 µm per km):
  /// centroids of a regular layout, computed by GEOS, differ in the last bits.
  public static let nearestTieTolerance = 1e-9

  /// The k nearest neighbours of each point (binary), as libpysal `KNN` (nearest first), with
  /// an order-free tie rule; see ``kNearestNeighbours(ids:points:k:)``.
  ///
  /// - Throws: as ``kNearestNeighbours(ids:points:k:)``.
  public static func kNearest(ids: [String], points: [Coordinate], k: Int) throws
    -> SpatialWeights
  {
    try kNearestNeighbours(ids: ids, points: points, k: k).weights
  }

  /// The k nearest neighbours of each point (binary), as libpysal `KNN` (nearest first), and
  /// the units whose k-th nearest distance was tied.
  ///
  /// When more units than places left lie at the k-th distance (to within
  /// ``nearestTieTolerance`` of it), those with the smaller id in Unicode code-point order
  /// are kept: the same rule as a point on a shared ward boundary. libpysal keeps whichever
  /// its k-d tree visits first, which follows the order of the features in the file, so the
  /// same layer saved in another order gives other weights (pysal#127, field case 24); here
  /// the weights depend only on positions and ids.
  ///
  /// - Parameters:
  ///   - ids: One id per point.
  ///   - points: Positions in a projected CRS, aligned with `ids`.
  ///   - k: Neighbours per unit, 1 ≤ k < points.count.
  /// - Throws: ``WeightsError/countMismatch(what:expected:got:)``,
  ///   ``WeightsError/invalidParameter(name:value:expected:)`` for k out of range.
  /// - Complexity: about O(n·k) for evenly spread points.
  public static func kNearestNeighbours(ids: [String], points: [Coordinate], k: Int) throws
    -> NearestNeighbours
  {
    guard ids.count == points.count else {
      throw WeightsError.countMismatch(
        what: "points and unit ids", expected: ids.count,
        got: points.count)
    }
    guard k >= 1, k < points.count else {
      throw WeightsError.invalidParameter(
        name: "k", value: "\(k)", expected: "between 1 and \(points.count - 1)")
    }
    let grid = PointGrid(points, perCell: 2)
    var rank = [Int](repeating: 0, count: ids.count)
    for (r, i) in ids.indices.sorted(by: { ids[$0].precedesByCodePoints(ids[$1]) }).enumerated() {
      rank[i] = r
    }
    var lists: [[Int]] = []
    var ties: [NearestNeighbourTie] = []
    for i in points.indices {
      let found = grid.nearest(k, to: i, rank: rank)
      lists.append(found.kept)
      if let tie = found.tie { ties.append(tie) }
    }
    return NearestNeighbours(weights: try SpatialWeights(ids: ids, neighbours: lists), ties: ties)
  }

  /// All other points within `threshold` (distance ≤ threshold, CRS units: a point exactly at
  /// the threshold is a neighbour), as libpysal `DistanceBand`. Binary weights, or inverse
  /// distance d^alpha (`alpha` < 0, default −1).
  ///
  /// - Throws: ``WeightsError/countMismatch(what:expected:got:)``,
  ///   ``WeightsError/invalidParameter(name:value:expected:)`` for a threshold ≤ 0,
  ///   ``WeightsError/invalidWeight(unit:neighbour:value:)`` for two identical points under
  ///   inverse distance (infinite weight).
  public static func distanceBand(
    ids: [String], points: [Coordinate], threshold: Double,
    inverseDistancePower alpha: Double? =
      nil
  ) throws -> SpatialWeights {
    guard ids.count == points.count else {
      throw WeightsError.countMismatch(
        what: "points and unit ids", expected: ids.count,
        got: points.count)
    }
    guard threshold.isFinite, threshold > 0 else {
      throw WeightsError.invalidParameter(
        name: "threshold", value: "\(threshold)", expected: "a finite distance > 0")
    }
    let grid = PointGrid(points, cellSize: threshold)
    var neighbours: [[Int]] = []
    var weights: [[Double]] = []
    for i in points.indices {
      let found = grid.within(threshold, of: i)
      neighbours.append(found.map(\.0))
      weights.append(found.map { link in alpha.map { pow(link.1, $0) } ?? 1 })
    }
    return try SpatialWeights(ids: ids, neighbours: neighbours, weights: weights)
  }
}

/// A uniform grid over points for neighbour searches.
struct PointGrid {
  let points: [Coordinate]
  let origin: Coordinate
  let cell: Double
  let columns: Int, rows: Int
  var buckets: [[Int]]

  init(_ points: [Coordinate], perCell: Int) {
    let env = Envelope(points) ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
    let area = max(env.width * env.height, 1e-300)
    let size = max((area * Double(perCell) / Double(max(points.count, 1))).squareRoot(), 1e-12)
    self.init(points, cellSize: size)
  }

  init(_ points: [Coordinate], cellSize: Double) {
    self.points = points
    let env = Envelope(points) ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
    origin = Coordinate(x: env.minX, y: env.minY)
    let size = max(cellSize, max(env.width, env.height) / 4096, 1e-12)
    cell = size
    columns = Int(env.width / size) + 1
    rows = Int(env.height / size) + 1
    buckets = Array(repeating: [], count: columns * rows)
    for (i, p) in points.enumerated() { buckets[index(p).0 + index(p).1 * columns].append(i) }
  }

  func index(_ p: Coordinate) -> (Int, Int) {
    (min(Int((p.x - origin.x) / cell), columns - 1), min(Int((p.y - origin.y) / cell), rows - 1))
  }

  func squaredDistance(_ i: Int, _ j: Int) -> Double {
    let dx = points[i].x - points[j].x
    let dy = points[i].y - points[j].y
    return dx * dx + dy * dy
  }

  /// Points in the square ring of cells at Chebyshev distance r from (cx, cy).
  func ring(_ r: Int, _ cx: Int, _ cy: Int, _ body: (Int) -> Void) {
    for y in (cy - r)...(cy + r) where y >= 0 && y < rows {
      for x in (cx - r)...(cx + r) where x >= 0 && x < columns {
        if max(abs(x - cx), abs(y - cy)) == r { buckets[x + y * columns].forEach(body) }
      }
    }
  }

  /// The k nearest points to point `i` (by distance, then by `rank`), and the tie at the
  /// k-th distance when more points lie there than places are left.
  func nearest(_ k: Int, to i: Int, rank: [Int]) -> (kept: [Int], tie: NearestNeighbourTie?) {
    let (cx, cy) = index(points[i])
    let slack = 1 + SpatialWeights.nearestTieTolerance
    var found: [(Double, Int)] = []
    var r = 0
    while true {
      ring(r, cx, cy) { j in if j != i { found.append((squaredDistance(i, j), j)) } }
      found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && rank[$0.1] < rank[$1.1]) }
      // every point outside the rings searched is at least r·cell away: stop once that is
      // beyond the k-th distance and everything tied with it
      let bound = Double(r) * cell
      if found.count >= k, found[k - 1].0 * slack * slack <= bound * bound { break }
      if r > columns + rows { break }
      r += 1
    }
    let distance = found.map { $0.0.squareRoot() }
    let dk = distance[k - 1]
    let margin = dk * SpatialWeights.nearestTieTolerance
    var (lo, hi) = (k - 1, k - 1)
    while lo > 0, distance[lo - 1] >= dk - margin { lo -= 1 }
    while hi + 1 < found.count, distance[hi + 1] <= dk + margin { hi += 1 }
    guard hi > k - 1 else { return (found.prefix(k).map(\.1), nil) }
    let tied = found[lo...hi].map(\.1).sorted { rank[$0] < rank[$1] }
    let kept = Array(tied.prefix(k - lo))
    return (
      found.prefix(lo).map(\.1) + kept,
      NearestNeighbourTie(unit: i, distance: dk, tied: tied, kept: kept)
    )
  }

  func within(_ threshold: Double, of i: Int) -> [(Int, Double)] {
    let (cx, cy) = index(points[i])
    let reach = Int((threshold / cell).rounded(.up))
    var out: [(Int, Double)] = []
    for r in 0...reach {
      ring(r, cx, cy) { j in
        // compare the distance itself, not its square, so a neighbour exactly at a threshold
        // computed as a distance (libpysal's min_threshold_distance) is kept
        let d = squaredDistance(i, j).squareRoot()
        if j != i, d <= threshold { out.append((j, d)) }
      }
    }
    return out.sorted { $0.0 < $1.0 }
  }
}
