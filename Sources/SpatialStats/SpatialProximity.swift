// White's spatial proximity index as Massey & Denton (1988) define it. Deliberately not
// segregation 2.5's `SpatialProximity`, whose proximity grows with distance (see below).

import Foundation
import WijkCore

/// The distance decay of ``spatialProximity(group:total:centroids:areas:decay:unitIDs:)``.
///
/// Proximity between units i and j is c_ij = exp(−d_ij / `scale`), d_ij the distance between
/// their centroids in metres; a unit's distance to itself is d_ii = (`alpha` · a_i)^`beta`
/// with a_i its area in `scale`² (Massey & Denton's (0.6 a_i)^0.5, the mean distance between
/// two random points of a square of that area, roughly).
public struct ProximityDecay: Sendable, Equatable, Codable {
  /// Metres per unit of distance in the decay: 1000 measures in kilometres.
  public var scale: Double
  /// Factor of the area in a unit's distance to itself (Massey & Denton: 0.6).
  public var alpha: Double
  /// Power of the area in a unit's distance to itself (Massey & Denton: 0.5).
  public var beta: Double

  /// Massey & Denton's decay, distances in kilometres.
  public init(scale: Double = 1000, alpha: Double = 0.6, beta: Double = 0.5) {
    (self.scale, self.alpha, self.beta) = (scale, alpha, beta)
  }

  /// c_ij for a distance `d` in metres.
  func proximity(metres d: Double) -> Double { exp(-d / scale) }

  /// c_ii for an area `a` in m².
  func selfProximity(squareMetres a: Double) -> Double {
    exp(-pow(alpha * a / (scale * scale), beta))
  }

  func check() throws(ConcentrationError) {
    for (name, value) in [("scale", scale), ("alpha", alpha), ("beta", beta)]
    where !(value.isFinite && value > 0) {
      throw .invalidParameter(name: name, value: value, expected: "a positive number")
    }
  }
}

/// White's spatial proximity index SP = (X·P_xx + Y·P_yy) / (T·P_tt).
///
/// x_i is the group's count in unit i, y_i = t_i − x_i the rest, X, Y, T their sums, and
/// P_xx = Σ_ij x_i x_j c_ij / X² the mean proximity between two members of the group (P_yy,
/// P_tt likewise), with c the ``ProximityDecay``. SP is 1 when the group lives as close to
/// itself as everyone does to everyone, above 1 when it clusters (Massey & Denton's
/// "clustering" dimension), below 1 when its members live further apart than the population.
/// A unit with a missing count is left out.
///
/// segregation 2.5.4's `SpatialProximity` computes c = 1 − exp(−d), with d the distance
/// divided by its column sum and the self-distance from the area in the CRS's own units:
/// its c grows with distance, so it scores an alternating pattern of mixed units as more
/// clustered than two solid halves (Tests/Fixtures/reference/spatial_proximity.json). That
/// is not copied; the values here are checked against the paper's formula in numpy instead.
///
/// - Parameters:
///   - group: The group's count per unit.
///   - total: The unit's population, at least `group`.
///   - centroids: Each unit's centroid in metres (a projected CRS).
///   - areas: Each unit's area in m².
///   - decay: The distance decay (Massey & Denton's by default, in kilometres).
///   - unitIDs: Unit labels for errors.
/// - Returns: Undefined as D is (no population, the group is nobody or everybody).
/// - Throws: ``ConcentrationError`` as ``SingleGroupSegregation/init(group:total:unitIDs:)``;
///   `lengthMismatch` when centroids or areas do not line up; `nonFiniteValue` or
///   `negativeValue` for an area; `invalidParameter` for a decay that is not positive.
///
/// References: White, M. J. (1983), The measurement of spatial segregation, *American
/// Journal of Sociology* 88; Massey, D. S. & Denton, N. A. (1988), The dimensions of
/// residential segregation, *Social Forces* 67, 281–315 (eq. for SP and d_ii).
public func spatialProximity(
  group: [Double?], total: [Double?], centroids: [Coordinate], areas: [Double],
  decay: ProximityDecay = ProximityDecay(), unitIDs: [String]? = nil
) throws(ConcentrationError) -> StatisticOutcome<Double> {
  try ConcentrationUnits.sameLength("the counts", group.count, "the centroids", centroids.count)
  try ConcentrationUnits.sameLength("the counts", group.count, "the areas", areas.count)
  try decay.check()
  let labels = try ConcentrationUnits.labels(unitIDs, count: group.count)
  try ConcentrationUnits.check(areas.map { Optional($0) }, field: "area", labels: labels)
  let aspatial = try SingleGroupSegregation(group: group, total: total, unitIDs: unitIDs)
  guard aspatial.dissimilarity.value != nil else { return aspatial.dissimilarity }
  let present = group.indices.filter { group[$0] != nil && total[$0] != nil }
  let x = present.map { group[$0]! }
  let t = present.map { total[$0]! }
  let y = zip(t, x).map { $0 - $1 }
  let q = ProximitySums(
    x: x, y: y, t: t, points: present.map { centroids[$0] }, areas: present.map { areas[$0] },
    decay: decay)
  let (sx, sy, st) = (x.reduce(0, +), y.reduce(0, +), t.reduce(0, +))
  let pxx = q.xx / (sx * sx)
  let pyy = q.yy / (sy * sy)
  let ptt = q.tt / (st * st)
  return .defined((sx * pxx + sy * pyy) / (st * ptt))
}

/// The quadratic forms Σ_ij v_i v_j c_ij of the group x, the rest y and the total t, in one
/// pass over the unit pairs: n²/2 proximities computed once each, none stored (a matrix of
/// 20,000 units would be 3.2 GB).
struct ProximitySums {
  var xx = 0.0, yy = 0.0, tt = 0.0

  init(
    x: [Double], y: [Double], t: [Double], points: [Coordinate], areas: [Double],
    decay: ProximityDecay
  ) {
    for i in points.indices {
      let own = decay.selfProximity(squareMetres: areas[i])
      var (rx, ry, rt) = (0.0, 0.0, 0.0)  // Σ_{j>i} c_ij v_j
      for j in (i + 1)..<points.count {
        let c = decay.proximity(
          metres: hypot(points[i].x - points[j].x, points[i].y - points[j].y))
        (rx, ry, rt) = (rx + c * x[j], ry + c * y[j], rt + c * t[j])
      }
      xx += x[i] * (own * x[i] + 2 * rx)
      yy += y[i] * (own * y[i] + 2 * ry)
      tt += t[i] * (own * t[i] + 2 * rt)
    }
  }
}
