// Weights from point positions (centroids or representative points chosen by the caller, in a
// projected CRS: distances are Euclidean in CRS units). A uniform grid keeps the search local.

import Foundation
import WijkCore

extension SpatialWeights {
  /// The k nearest neighbours of each point (binary), as libpysal `KNN` (nearest first;
  /// stored sorted by index). Ties in distance are broken by the lower unit index.
  ///
  /// - Parameters:
  ///   - ids: One id per point.
  ///   - points: Positions in a projected CRS, aligned with `ids`.
  ///   - k: Neighbours per unit, 1 ≤ k < points.count.
  /// - Throws: ``WeightsError/countMismatch(what:expected:got:)``,
  ///   ``WeightsError/invalidParameter(name:value:expected:)`` for k out of range.
  /// - Complexity: about O(n·k) for evenly spread points.
  public static func kNearest(ids: [String], points: [Coordinate], k: Int) throws
    -> SpatialWeights
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
    let lists = points.indices.map { grid.nearest(k, to: $0) }
    return try SpatialWeights(ids: ids, neighbours: lists)
  }

  /// All other points within `threshold` (distance ≤ threshold, CRS units), as libpysal
  /// `DistanceBand`. Binary weights, or inverse distance d^alpha (`alpha` < 0, default −1).
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

  func nearest(_ k: Int, to i: Int) -> [Int] {
    let (cx, cy) = index(points[i])
    var found: [(Double, Int)] = []
    var r = 0
    while true {
      ring(r, cx, cy) { j in if j != i { found.append((squaredDistance(i, j), j)) } }
      found.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
      // every point outside the rings searched is at least r·cell away
      let bound = Double(r) * cell
      if found.count >= k, found[k - 1].0 <= bound * bound { break }
      if r > columns + rows { break }
      r += 1
    }
    return found.prefix(k).map(\.1)
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
