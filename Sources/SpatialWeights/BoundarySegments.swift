// The ring edges of polygonal units, and the pairs of edges of different units that may touch:
// found on a sparse grid over their bounding boxes, each pair once, so contiguity never compares
// every edge with every other.

import WijkCore

/// One straight edge of a ring, from (x0, y0) to (x1, y1), never of length 0.
struct Segment {
  var x0, y0, x1, y1: Double
}

/// Every ring edge of every unit (exteriors, holes, all parts), edges of length 0 and edges
/// with a non-finite coordinate dropped (they bound nothing).
struct BoundarySegments {
  private(set) var segments: [Segment] = []
  /// The unit of each segment.
  private(set) var unit: [Int] = []

  /// The edges of `units` (each a list of polygons), in unit, polygon and ring order.
  init(_ units: [[Polygon]]) {
    for (u, polygons) in units.enumerated() {
      for polygon in polygons {
        for ring in polygon.rings {
          let c = ring.coordinates
          for k in c.indices.dropLast() where c[k] != c[k + 1] && finite(c[k]) && finite(c[k + 1]) {
            segments.append(Segment(x0: c[k].x, y0: c[k].y, x1: c[k + 1].x, y1: c[k + 1].y))
            unit.append(u)
          }
        }
      }
    }
  }

  var count: Int { segments.count }

  private func finite(_ c: Coordinate) -> Bool { c.x.isFinite && c.y.isFinite }

  /// Calls `body(s, t)` (s < t) once for every pair of segments of different units whose
  /// bounding boxes are at most `reach` apart on each axis: every pair of segments within
  /// `reach` of each other, and a few more. `reach` 0 gives the pairs whose boxes touch.
  ///
  /// Each box, grown by `reach`/2, is entered in the cells of a grid it covers; a pair is
  /// tested only in the cell holding the lower-left corner of the overlap of their grown
  /// boxes, so no pair is reported twice and no set of seen pairs is needed.
  func forEachNearPair(reach: Double, _ body: (Int, Int) -> Void) {
    guard count > 1 else { return }
    let h = reach / 2
    let boxes = segments.map { s in
      Envelope(
        minX: min(s.x0, s.x1) - h, minY: min(s.y0, s.y1) - h, maxX: max(s.x0, s.x1) + h,
        maxY: max(s.y0, s.y1) + h)
    }
    let grid = SegmentGrid(boxes)
    var entries: [SegmentGrid.Entry] = []
    entries.reserveCapacity(2 * count)
    for (s, box) in boxes.enumerated() { grid.enter(s, box, into: &entries) }
    entries.sort { $0.cell < $1.cell }
    var start = 0
    while start < entries.count {
      let cell = entries[start].cell
      var end = start + 1
      while end < entries.count, entries[end].cell == cell { end += 1 }
      for p in start..<end {
        let s = Int(entries[p].segment)
        let a = boxes[s]
        for q in (p + 1)..<end {
          let t = Int(entries[q].segment)
          guard unit[s] != unit[t] else { continue }
          let b = boxes[t]
          guard a.minX <= b.maxX, b.minX <= a.maxX, a.minY <= b.maxY, b.minY <= a.maxY,
            grid.cell(max(a.minX, b.minX), max(a.minY, b.minY)) == cell
          else { continue }
          body(min(s, t), max(s, t))
        }
      }
      start = end
    }
  }
}

/// A uniform grid over boxes, addressed by one 64-bit key per cell, with a cell about as large
/// as a typical box: most boxes cover one to four cells.
struct SegmentGrid {
  /// A box entered in a cell.
  struct Entry {
    var cell: UInt64
    var segment: Int32
  }

  let originX: Double, originY: Double
  let size: Double

  init(_ boxes: [Envelope]) {
    var (minX, minY) = (Double.infinity, Double.infinity)
    var (maxX, maxY) = (-Double.infinity, -Double.infinity)
    var extent = 0.0
    for b in boxes {
      (minX, minY) = (min(minX, b.minX), min(minY, b.minY))
      (maxX, maxY) = (max(maxX, b.maxX), max(maxY, b.maxY))
      extent += max(b.maxX - b.minX, b.maxY - b.minY)
    }
    originX = minX
    originY = minY
    // at most 2^20 cells a side, so a cell's column and row fit its key
    let span = max(maxX - minX, maxY - minY)
    var size = max(extent / Double(boxes.count), span / 1_000_000, Double.leastNormalMagnitude)
    if span == 0 { size = 1 }
    // a few long boxes (a straight edge across a wide ward) must not fill thousands of cells
    func covered(_ size: Double) -> Double {
      boxes.reduce(0) { sum, b in
        sum + ((b.maxX - b.minX) / size + 1).rounded(.down)
          * ((b.maxY - b.minY) / size + 1)
          .rounded(.down)
      }
    }
    while covered(size) > 8 * Double(boxes.count) { size *= 2 }
    self.size = size
  }

  /// The key of the cell holding (x, y).
  @inline(__always) func cell(_ x: Double, _ y: Double) -> UInt64 {
    UInt64(((x - originX) / size).rounded(.down)) << 32
      | UInt64(((y - originY) / size).rounded(.down))
  }

  /// Adds one entry per cell that `box` covers.
  func enter(_ segment: Int, _ box: Envelope, into entries: inout [Entry]) {
    let (c0, r0) = (cell(box.minX, box.minY) >> 32, cell(box.minX, box.minY) & 0xFFFF_FFFF)
    let (c1, r1) = (cell(box.maxX, box.maxY) >> 32, cell(box.maxX, box.maxY) & 0xFFFF_FFFF)
    for c in c0...c1 {
      for r in r0...r1 { entries.append(Entry(cell: c << 32 | r, segment: Int32(segment))) }
    }
  }
}
