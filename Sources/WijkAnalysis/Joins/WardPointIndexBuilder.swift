import WijkCore

/// Builds the flat arrays of a ``WardPointIndex``: edges, per-ward strips, the grid's
/// per-cell ward lists and, by a sweep along each row's centre line, the wards containing
/// each cell.
struct IndexBuilder {
  let polygons: [[Polygon]]
  let ranks: [Int32]
  let cellsPerEdge: Double

  func build() -> Storage {
    let (edges, edgeWard, wardEdgeRanges) = collectEdges()
    let boxes = wardBoxes(edges: edges, ranges: wardEdgeRanges)
    let strips = buildStrips(edges: edges, ranges: wardEdgeRanges, boxes: boxes)
    let grid = gridGeometry(boxes: boxes, edgeCount: edgeWard.count)
    var cells = CellLists(grid: grid)
    cells.fill(edges: edges, edgeWard: edgeWard)
    let (owner, sets) = sweepOwners(grid: grid, edges: edges, edgeWard: edgeWard, cells: cells)
    return Storage(
      edges: edges, wardBoxes: boxes, wardStripBase: strips.base, wardStripCount: strips.count,
      wardStripScale: strips.scale, stripStart: strips.start, stripEdges: strips.edges,
      ranks: ranks, grid: grid, cellStart: cells.start, cellWards: cells.wards,
      cellOwner: owner, ownerSets: sets)
  }

  /// Every non-degenerate ring edge, ward by ward, as flat `ax, ay, bx, by` quadruples.
  private func collectEdges() -> ([Double], [Int32], [Range<Int>]) {
    var edges: [Double] = []
    var edgeWard: [Int32] = []
    var ranges: [Range<Int>] = []
    for (w, parts) in polygons.enumerated() {
      let first = edgeWard.count
      for ring in parts.flatMap(\.rings) {
        let cs = ring.coordinates
        for i in 0..<max(cs.count - 1, 0) where cs[i] != cs[i + 1] {
          edges += [cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y]
          edgeWard.append(Int32(w))
        }
      }
      ranges.append(first..<edgeWard.count)
    }
    return (edges, edgeWard, ranges)
  }

  private func wardBoxes(edges: [Double], ranges: [Range<Int>]) -> [Double] {
    var boxes: [Double] = []
    boxes.reserveCapacity(4 * ranges.count)
    for range in ranges {
      // An empty ward gets an inverted box, which no point passes.
      var box = [Double.infinity, .infinity, -Double.infinity, -Double.infinity]
      for e in range {
        for (x, y) in [(edges[4 * e], edges[4 * e + 1]), (edges[4 * e + 2], edges[4 * e + 3])] {
          box[0] = min(box[0], x)
          box[1] = min(box[1], y)
          box[2] = max(box[2], x)
          box[3] = max(box[3], y)
        }
      }
      boxes += box
    }
    return boxes
  }

  /// Per ward, about one horizontal strip per two edges; each edge is listed in every strip
  /// its y-range touches, so a ray at height y meets all its crossings in y's strip.
  private func buildStrips(edges: [Double], ranges: [Range<Int>], boxes: [Double])
    -> (base: [Int32], count: [Int32], scale: [Double], start: [Int32], edges: [Int32])
  {
    var base: [Int32] = []
    var count: [Int32] = []
    var scale: [Double] = []
    var start: [Int32] = [0]
    var list: [Int32] = []
    for (w, range) in ranges.enumerated() {
      let n = max(1, min(range.count / 2, 1 << 16))
      let minY = boxes[4 * w + 1]
      let height = boxes[4 * w + 3] - minY
      let s = height > 0 ? Double(n) / height : 0
      base.append(Int32(start.count - 1))
      count.append(Int32(n))
      scale.append(s)
      func strip(_ y: Double) -> Int { min(max(Int((y - minY) * s), 0), n - 1) }
      var buckets = [[Int32]](repeating: [], count: n)
      for e in range {
        let y0 = edges[4 * e + 1]
        let y1 = edges[4 * e + 3]
        for k in strip(min(y0, y1))...strip(max(y0, y1)) { buckets[k].append(Int32(e)) }
      }
      for bucket in buckets {
        list += bucket
        start.append(Int32(list.count))
      }
    }
    return (base, count, scale, start, list)
  }

  private func gridGeometry(boxes: [Double], edgeCount: Int)
    -> (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int)
  {
    var (minX, minY, maxX, maxY) = (
      Double.infinity, Double.infinity, -Double.infinity,
      -Double.infinity
    )
    for w in 0..<(boxes.count / 4) where boxes[4 * w] <= boxes[4 * w + 2] {
      minX = min(minX, boxes[4 * w])
      minY = min(minY, boxes[4 * w + 1])
      maxX = max(maxX, boxes[4 * w + 2])
      maxY = max(maxY, boxes[4 * w + 3])
    }
    guard minX <= maxX else { return (0, 0, -1, -1, 1, 1) }  // no edges: nothing is inside
    let target = min(max(Double(edgeCount) * cellsPerEdge, 1), Double(1 << 23))
    let width = max(maxX - minX, .leastNormalMagnitude)
    let height = max(maxY - minY, .leastNormalMagnitude)
    let side = (width * height / target).squareRoot()
    let columns = max(1, min(Int((width / side).rounded(.up)), 1 << 14))
    let rows = max(1, min(Int((height / side).rounded(.up)), 1 << 14))
    return (minX, minY, maxX, maxY, columns, rows)
  }
}

/// The wards having an edge whose bounding box touches each grid cell (compressed rows).
struct CellLists {
  let grid: (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int)
  var start: [Int32] = []
  var wards: [Int32] = []

  init(grid: (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int)) {
    self.grid = grid
  }

  var scaleX: Double { grid.maxX > grid.minX ? Double(grid.columns) / (grid.maxX - grid.minX) : 0 }
  var scaleY: Double { grid.maxY > grid.minY ? Double(grid.rows) / (grid.maxY - grid.minY) : 0 }

  /// Two passes (count, then fill); edges arrive ward by ward, so remembering the last ward
  /// written to each cell is enough to list each ward once per cell.
  mutating func fill(edges: [Double], edgeWard: [Int32]) {
    let cellCount = grid.columns * grid.rows
    let sx = scaleX
    let sy = scaleY
    let (minX, minY, columns, rows) = (grid.minX, grid.minY, grid.columns, grid.rows)
    func visit(_ body: (Int, Int32) -> Void) {
      var last = [Int32](repeating: -1, count: cellCount)
      for e in 0..<edgeWard.count {
        let w = edgeWard[e]
        let x0 = edges[4 * e]
        let y0 = edges[4 * e + 1]
        let x1 = edges[4 * e + 2]
        let y1 = edges[4 * e + 3]
        let c0 = min(max(Int((min(x0, x1) - minX) * sx), 0), columns - 1)
        let c1 = min(max(Int((max(x0, x1) - minX) * sx), 0), columns - 1)
        let r0 = min(max(Int((min(y0, y1) - minY) * sy), 0), rows - 1)
        let r1 = min(max(Int((max(y0, y1) - minY) * sy), 0), rows - 1)
        for r in r0...r1 {
          for c in c0...c1 where last[r * columns + c] != w {
            last[r * columns + c] = w
            body(r * columns + c, w)
          }
        }
      }
    }
    var counts = [Int32](repeating: 0, count: cellCount + 1)
    visit { cell, _ in counts[cell + 1] += 1 }
    for i in 0..<cellCount { counts[i + 1] += counts[i] }
    var next = counts
    var list = [Int32](repeating: 0, count: Int(counts[cellCount]))
    visit { cell, w in
      list[Int(next[cell])] = w
      next[cell] += 1
    }
    start = counts
    wards = list
  }
}

extension IndexBuilder {
  /// For each cell, the wards that contain its centre but have no edge in it (these contain
  /// the whole cell). Each row is swept along its centre line: the crossings of ward edges with
  /// that line (half-open in y, as in the point test) are sorted by x and toggle each ward's
  /// parity. No crossing lies inside a cell that lists no edge of its ward, so comparing a
  /// rounded crossing with a cell centre half a cell away is safe.
  func sweepOwners(
    grid: (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int),
    edges: [Double], edgeWard: [Int32], cells: CellLists
  ) -> ([Int32], [[Int32]]) {
    let (columns, rows) = (grid.columns, grid.rows)
    let cellW = (grid.maxX - grid.minX) / Double(columns)
    let cellH = (grid.maxY - grid.minY) / Double(rows)
    let crossings = rowCrossings(grid: grid, cellH: cellH, edges: edges, edgeWard: edgeWard)
    var owner = [Int32](repeating: -1, count: columns * rows)
    var sets: [[Int32]] = []
    var setIndex: [[Int32]: Int32] = [:]
    for r in 0..<rows {
      let row = crossings[r].sorted { $0.x < $1.x }
      var k = 0
      var active: [Int32] = []
      for c in 0..<columns {
        let xc = grid.minX + (Double(c) + 0.5) * cellW
        while k < row.count && row[k].x < xc {
          if let i = active.firstIndex(of: row[k].ward) {
            active.remove(at: i)
          } else {
            active.append(row[k].ward)
          }
          k += 1
        }
        let cell = r * columns + c
        let withEdges = cells.wards[Int(cells.start[cell])..<Int(cells.start[cell + 1])]
        let whole = active.filter { !withEdges.contains($0) }
        switch whole.count {
        case 0: owner[cell] = -1
        case 1: owner[cell] = whole[0]
        default:
          let sorted = whole.sorted { ranks[Int($0)] < ranks[Int($1)] }
          if let i = setIndex[sorted] {
            owner[cell] = -2 - i
          } else {
            setIndex[sorted] = Int32(sets.count)
            owner[cell] = -2 - Int32(sets.count)
            sets.append(sorted)
          }
        }
      }
    }
    return (owner, sets)
  }

  /// The crossings of each row's centre line with the edges, as (x, ward).
  private func rowCrossings(
    grid: (minX: Double, minY: Double, maxX: Double, maxY: Double, columns: Int, rows: Int),
    cellH: Double, edges: [Double], edgeWard: [Int32]
  ) -> [[(x: Double, ward: Int32)]] {
    var crossings = [[(x: Double, ward: Int32)]](repeating: [], count: grid.rows)
    guard cellH > 0 else { return crossings }
    for e in 0..<edgeWard.count {
      let ax = edges[4 * e]
      let ay = edges[4 * e + 1]
      let bx = edges[4 * e + 2]
      let by = edges[4 * e + 3]
      let lo = min(ay, by)
      let hi = max(ay, by)
      let first = max(0, Int(((lo - grid.minY) / cellH - 0.5).rounded(.down)))
      let last = min(grid.rows - 1, Int(((hi - grid.minY) / cellH - 0.5).rounded(.up)))
      guard first <= last else { continue }
      for r in first...last {
        let yc = grid.minY + (Double(r) + 0.5) * cellH
        guard (ay > yc) != (by > yc) else { continue }
        let x = ax + (yc - ay) * (bx - ax) / (by - ay)
        crossings[r].append((x, edgeWard[e]))
      }
    }
    return crossings
  }
}
