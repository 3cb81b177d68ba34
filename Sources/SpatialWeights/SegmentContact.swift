// How two straight boundary segments meet: exactly (the exact orientation predicate decides
// whether they touch and whether they are collinear), or within a tolerance (distances).

import WijkCore

extension Segment {
  var length: Double { ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).squareRoot() }

  /// Whether the segments share at least one point, and the length of the piece they share
  /// when they are collinear (0 when they meet at a single point or not at all). Exact: the
  /// sides are decided by ``orientation(_:_:_:_:_:_:)``, never by a rounded determinant, so a
  /// vertex lying on the other segment is always found.
  func exactContact(_ b: Segment) -> (touches: Bool, overlap: Double) {
    let o1 = orientation(x0, y0, x1, y1, b.x0, b.y0)
    let o2 = orientation(x0, y0, x1, y1, b.x1, b.y1)
    if o1 * o2 > 0 { return (false, 0) }
    if o1 == 0 && o2 == 0 { return collinearContact(b) }
    let o3 = orientation(b.x0, b.y0, b.x1, b.y1, x0, y0)
    let o4 = orientation(b.x0, b.y0, b.x1, b.y1, x1, y1)
    return (o3 * o4 <= 0, 0)
  }

  /// Overlap of two segments on one line, measured on the axis along which `self` runs
  /// furthest (never perpendicular to the line), scaled to a length.
  private func collinearContact(_ b: Segment) -> (touches: Bool, overlap: Double) {
    let alongX = abs(x1 - x0) >= abs(y1 - y0)
    let (a0, a1) = alongX ? (x0, x1) : (y0, y1)
    let (b0, b1) = alongX ? (b.x0, b.x1) : (b.y0, b.y1)
    let lo = max(min(a0, a1), min(b0, b1))
    let hi = min(max(a0, a1), max(b0, b1))
    guard lo <= hi else { return (false, 0) }
    return (true, (hi - lo) * length / abs(a1 - a0))
  }

  /// Whether both share an end point (identical coordinates, as vertex matching sees it).
  func sharesEndPoint(_ b: Segment) -> Bool {
    (x0 == b.x0 && y0 == b.y0) || (x0 == b.x1 && y0 == b.y1) || (x1 == b.x0 && y1 == b.y0)
      || (x1 == b.x1 && y1 == b.y1)
  }

  /// Whether both are the same edge (the same two end points, in either direction).
  func isSameEdge(_ b: Segment) -> Bool {
    (x0 == b.x0 && y0 == b.y0 && x1 == b.x1 && y1 == b.y1)
      || (x0 == b.x1 && y0 == b.y1 && x1 == b.x0 && y1 == b.y0)
  }

  /// The smallest distance between the two segments (0 when they touch or cross).
  func distance(to b: Segment, touching: Bool) -> Double {
    if touching { return 0 }
    return min(
      b.distance(toPoint: x0, y0), b.distance(toPoint: x1, y1), distance(toPoint: b.x0, b.y0),
      distance(toPoint: b.x1, b.y1))
  }

  func distance(toPoint px: Double, _ py: Double) -> Double {
    let (dx, dy) = (x1 - x0, y1 - y0)
    let t = min(max(((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy), 0), 1)
    let (ex, ey) = (x0 + t * dx - px, y0 + t * dy - py)
    return (ex * ex + ey * ey).squareRoot()
  }

  /// The length along which the two segments run within `r` of each other: the overlap, on
  /// `self`'s direction, of the piece of `self` within `r` of `b` and the piece of `b` within
  /// `r` of `self`. Two parallel edges 5 cm apart give their common length; two edges meeting
  /// at a corner, at any angle but a very acute one, give 0 or a fraction of `r`.
  func nearOverlap(_ b: Segment, within r: Double) -> Double {
    guard let mine = piece(within: r, of: b), let theirs = b.piece(within: r, of: self) else {
      return 0
    }
    let l = length
    let (ux, uy) = ((x1 - x0) / l, (y1 - y0) / l)
    func along(_ s: Segment, _ t: Double) -> Double {
      (s.x0 + t * (s.x1 - s.x0) - x0) * ux + (s.y0 + t * (s.y1 - s.y0) - y0) * uy
    }
    let (b0, b1) = (along(b, theirs.lo), along(b, theirs.hi))
    return max(0, min(mine.hi * l, max(b0, b1)) - max(mine.lo * l, min(b0, b1)))
  }

  /// The parameters [lo, hi] ⊂ [0, 1] of the points of `self` within `r` of segment `b`: the
  /// intersection with b's capsule (a rectangle along b and two discs at its ends, convex, so
  /// one interval).
  private func piece(within r: Double, of b: Segment) -> (lo: Double, hi: Double)? {
    var (lo, hi) = (Double.infinity, -Double.infinity)
    func merge(_ i: (Double, Double)?) {
      guard let i, i.0 <= i.1 else { return }
      (lo, hi) = (min(lo, i.0), max(hi, i.1))
    }
    let lb = b.length
    let (ux, uy) = ((b.x1 - b.x0) / lb, (b.y1 - b.y0) / lb)
    let (px, py, dx, dy) = (x0 - b.x0, y0 - b.y0, x1 - x0, y1 - y0)
    if let along = Self.clip(px * ux + py * uy, dx * ux + dy * uy, 0, lb),
      let across = Self.clip(px * uy - py * ux, dx * uy - dy * ux, -r, r)
    {
      merge((max(along.0, across.0), min(along.1, across.1)))
    }
    merge(disc(b.x0, b.y0, r))
    merge(disc(b.x1, b.y1, r))
    return lo <= hi ? (lo, hi) : nil
  }

  /// The parameters s ∈ [0, 1] with lo ≤ p + s·dp ≤ hi.
  private static func clip(_ p: Double, _ dp: Double, _ lo: Double, _ hi: Double)
    -> (Double, Double)?
  {
    if dp == 0 { return p >= lo && p <= hi ? (0, 1) : nil }
    let (s0, s1) = ((lo - p) / dp, (hi - p) / dp)
    let range = (max(min(s0, s1), 0), min(max(s0, s1), 1))
    return range.0 <= range.1 ? range : nil
  }

  /// The parameters s ∈ [0, 1] of the points of `self` within `r` of (cx, cy).
  private func disc(_ cx: Double, _ cy: Double, _ r: Double) -> (Double, Double)? {
    let (dx, dy, px, py) = (x1 - x0, y1 - y0, x0 - cx, y0 - cy)
    let a = dx * dx + dy * dy
    let b = 2 * (dx * px + dy * py)
    let c = px * px + py * py - r * r
    let d = b * b - 4 * a * c
    guard d >= 0 else { return nil }
    let root = d.squareRoot()
    let range = (max((-b - root) / (2 * a), 0), min((-b + root) / (2 * a), 1))
    return range.0 <= range.1 ? range : nil
  }
}
