// The exact orientation predicate behind every point-in-ward decision and every shared-boundary
// test of contiguity.
//
// A point on a ward boundary must be recognised as such whatever its coordinates, so the sign
// of the orientation determinant is computed exactly: a floating-point filter answers almost
// every call, and the rare near-zero case is redone with error-free transformations (FMA
// products and two-sum expansions, Shewchuk 1997, "Adaptive precision floating-point
// arithmetic and fast robust geometric predicates").

/// The exact sign of the orientation of `c` relative to the directed line `a → b`.
///
/// Computes the sign of `(b.x − a.x)(c.y − a.y) − (b.y − a.y)(c.x − a.x)` exactly for finite
/// inputs whose products neither overflow nor underflow (any coordinate in metres or degrees).
///
/// - Returns: `1` when `c` is left of `a → b` (counter-clockwise), `-1` when right, `0` when
///   the three points are collinear.
/// - Note: matches the sign of Shewchuk's `orient2d` (and of GEOS's `Orientation::index`).
@inlinable @inline(__always)
public func orientation(
  _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double
) -> Int {
  let left = (bx - ax) * (cy - ay)
  let right = (by - ay) * (cx - ax)
  let det = left - right
  // Shewchuk's first error bound, (3 + 16ε)ε·(|left| + |right|), with ε = 2^-53.
  let bound = 3.3306690738754716e-16 * (abs(left) + abs(right))
  if det > bound { return 1 }
  if det < -bound { return -1 }
  if left == 0 && right == 0 { return 0 }
  return exactOrientation(ax, ay, bx, by, cx, cy)
}

/// The exact sign, for the rare calls the filter cannot decide.
///
/// The determinant expands (the `ax·ay` terms cancel) to
/// `bx·cy − bx·ay − ax·cy − by·cx + by·ax + ay·cx`; each product is split exactly into a
/// rounded value and its error with an FMA, and the twelve parts are summed into a
/// non-overlapping expansion whose largest non-zero part carries the sign.
@usableFromInline @inline(never)
func exactOrientation(
  _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double
) -> Int {
  // Twelve parts at most; the expansion lives on the stack (no allocation in the hot path).
  withUnsafeTemporaryAllocation(of: Double.self, capacity: 12) { e in
    var count = 0
    func add(_ p: Double, _ q: Double, negated: Bool) {
      let product = p * q
      let error = p.fusedError(q, product)
      grow(e, &count, negated ? -product : product)
      grow(e, &count, negated ? -error : error)
    }
    add(bx, cy, negated: false)
    add(bx, ay, negated: true)
    add(ax, cy, negated: true)
    add(by, cx, negated: true)
    add(by, ax, negated: false)
    add(ay, cx, negated: false)
    for i in stride(from: count - 1, through: 0, by: -1) where e[i] != 0 {
      return e[i] > 0 ? 1 : -1
    }
    return 0
  }
}

extension Double {
  /// The exact rounding error of `self * other` given its rounded value (FMA two-product).
  @inline(__always)
  fileprivate func fusedError(_ other: Double, _ product: Double) -> Double {
    (-product).addingProduct(self, other)
  }
}

/// Adds `b` to the non-overlapping expansion `e[0..<count]` (increasing magnitude), in place
/// (Shewchuk's Grow-Expansion with two-sum, zero parts dropped); the sum stays exact.
private func grow(_ e: UnsafeMutableBufferPointer<Double>, _ count: inout Int, _ b: Double) {
  var q = b
  var kept = 0
  for i in 0..<count {
    let part = e[i]
    let s = q + part
    let bv = s - q
    let err = (q - (s - bv)) + (part - bv)
    if err != 0 {
      e[kept] = err
      kept += 1
    }
    q = s
  }
  if q != 0 {
    e[kept] = q
    kept += 1
  }
  count = kept
}
