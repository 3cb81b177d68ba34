// The standard normal distribution, for analytic p-values.

import Foundation

/// The standard normal distribution function Φ and its survival function 1 − Φ.
///
/// Both use `erfc`, so the far tails keep full relative precision (as scipy's `norm.sf`).
public enum StandardNormal {
  /// Φ(z) = P(Z ≤ z).
  public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// 1 − Φ(z) = P(Z > z), computed directly rather than as a difference.
  public static func survival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

  /// esda's two-tailed analytic p for global Moran's I: twice the tail beyond |z|.
  public static func twoTailed(_ z: Double) -> Double { 2 * survival(abs(z)) }

  /// esda's one-tailed p in the direction of z (`sf(z)` if z > 0, else `cdf(z)`), as
  /// `Geary` and `Moran(two_tailed=False)` report it.
  public static func oneTailed(_ z: Double) -> Double { z > 0 ? survival(z) : cdf(z) }
}
