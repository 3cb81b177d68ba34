import WijkCore

/// Visits points grouped by grid tile (32 × 32 cells) instead of in input order.
///
/// Points in random order touch the index's arrays at random, so each point costs several
/// cache misses; visiting a block of points tile by tile reuses the same cells, wards and
/// edges. Points are taken in blocks of 2^18 and counting-sorted by tile within each block,
/// so the extra memory is about 6 MB whatever the number of points. The block's coordinates
/// are copied in tile order, so the visit reads them sequentially. Each point is visited once.
struct TileOrder {
  let storage: Storage
  static let block = 1 << 18
  static let shift = 5

  func forEach(
    _ points: UnsafeBufferPointer<Coordinate>, _ body: (Int, Double, Double) -> Void
  ) {
    let s = storage
    let tilesX = (s.columns + (1 << Self.shift) - 1) >> Self.shift
    let tilesY = (s.rows + (1 << Self.shift) - 1) >> Self.shift
    let outsideTile = tilesX * tilesY
    let m = min(Self.block, points.count)
    var keys = [UInt32](repeating: 0, count: m)
    var order = [UInt32](repeating: 0, count: m)
    var sorted = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: m)
    var start = [Int](repeating: 0, count: outsideTile + 2)
    keys.withUnsafeMutableBufferPointer { keys in
      order.withUnsafeMutableBufferPointer { order in
        start.withUnsafeMutableBufferPointer { start in
          sorted.withUnsafeMutableBufferPointer { sorted in
            for base in stride(from: 0, to: points.count, by: Self.block) {
              let n = min(Self.block, points.count - base)
              for t in 0..<start.count { start[t] = 0 }
              for k in 0..<n {
                let p = points[base + k]
                let inside = p.x >= s.minX && p.x <= s.maxX && p.y >= s.minY && p.y <= s.maxY
                let tile =
                  inside
                  ? (s.row(p.y) >> Self.shift) * tilesX + (s.column(p.x) >> Self.shift)
                  : outsideTile
                keys[k] = UInt32(tile)
                start[tile + 1] += 1
              }
              for t in 1..<start.count { start[t] += start[t - 1] }
              for k in 0..<n {
                let t = Int(keys[k])
                order[start[t]] = UInt32(k)
                sorted[start[t]] = points[base + k]
                start[t] += 1
              }
              for j in 0..<n { body(base + Int(order[j]), sorted[j].x, sorted[j].y) }
            }
          }
        }
      }
    }
  }
}
