import Foundation

/// A two-sided confidence interval [lower, upper].
public struct ConfidenceInterval: Hashable, Sendable, Codable {
  /// The lower bound.
  public let lower: Double
  /// The upper bound.
  public let upper: Double
  /// The confidence level, e.g. 0.95.
  public let level: Double
}

/// Confidence intervals for the shares and rates of the ward table: a ward's share of
/// households with gas (x of n) or its rate per 1,000 residents (a count over a base).
public enum ConfidenceIntervals {
  /// The Wilson score interval of a proportion x/n: centre (p̂ + z²/2n)/(1 + z²/n), half-width
  /// z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²), z = Φ⁻¹(1 − (1 − level)/2). Unlike the Wald
  /// interval it stays in [0, 1] and is not empty at x = 0 or x = n, which small wards need.
  ///
  /// - Parameters:
  ///   - successes: x, 0 ≤ x ≤ n (need not be an integer: estimated counts are allowed).
  ///   - trials: n > 0.
  ///   - level: The confidence level in (0, 1), default 0.95.
  /// - Returns: `nil` when n ≤ 0, x is outside [0, n], or the level is outside (0, 1).
  ///
  /// References: Wilson, E. B. (1927), Probable inference, the law of succession, and
  /// statistical inference, *JASA* 22; matches statsmodels `proportion_confint(x, n,
  /// method="wilson")`.
  public static func wilson(successes x: Double, trials n: Double, level: Double = 0.95)
    -> ConfidenceInterval?
  {
    guard n > 0, x >= 0, x <= n, level > 0, level < 1 else { return nil }
    let z = StandardNormal.quantile(1 - (1 - level) / 2)
    let p = x / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (p + z2 / (2 * n)) / denominator
    let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    return ConfidenceInterval(
      lower: max(0, centre - half), upper: min(1, centre + half), level: level)
  }

  /// The exact (Garwood) interval of a Poisson mean from an observed count k:
  /// [χ²(α/2; 2k)/2, χ²(1 − α/2; 2k + 2)/2], α = 1 − level, with 0 as the lower bound at
  /// k = 0. Divide by the base (e.g. residents / 1,000) for the interval of a rate.
  ///
  /// - Parameters:
  ///   - count: k ≥ 0, an integer count of events.
  ///   - level: The confidence level in (0, 1), default 0.95.
  /// - Returns: `nil` for a negative or non-integer count or a level outside (0, 1).
  ///
  /// References: Garwood, F. (1936), Fiducial limits for the Poisson distribution,
  /// *Biometrika* 28; matches scipy `chi2.ppf(α/2, 2k)/2`, `chi2.ppf(1 − α/2, 2k + 2)/2`.
  public static func poisson(count k: Double, level: Double = 0.95) -> ConfidenceInterval? {
    guard k >= 0, k == k.rounded(), level > 0, level < 1 else { return nil }
    let alpha = 1 - level
    // χ²(q; 2a)/2 is the q-quantile of a Gamma(a, 1) variable
    let lower = k == 0 ? 0 : Gamma.quantile(alpha / 2, shape: k)
    let upper = Gamma.quantile(1 - alpha / 2, shape: k + 1)
    return ConfidenceInterval(lower: lower, upper: upper, level: level)
  }
}

extension StandardNormal {
  /// Φ⁻¹(q), the standard normal quantile, by bisection on ``cdf(_:)`` to the last bit.
  ///
  /// - Parameter q: A probability in (0, 1); 0 and 1 give −∞ and +∞.
  public static func quantile(_ q: Double) -> Double {
    if q <= 0 { return -.infinity }
    if q >= 1 { return .infinity }
    return bisect(lowerBound: -40, upperBound: 40) { cdf($0) < q }
  }
}

/// The regularised lower incomplete gamma function and its inverse, for Poisson intervals.
enum Gamma {
  /// P(a, x) = γ(a, x)/Γ(a): the series for x < a + 1, Lentz's continued fraction for Q
  /// otherwise (Press et al., *Numerical Recipes*, 3rd ed., §6.2), to about 1e-15.
  static func regularisedLower(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 0 }
    let logPrefix = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      var (term, sum, ap) = (1 / a, 1 / a, a)
      for _ in 0..<10_000 {
        ap += 1
        term *= x / ap
        sum += term
        if abs(term) < abs(sum) * 1e-17 { break }
      }
      return sum * exp(logPrefix)
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-17 { break }
    }
    return 1 - exp(logPrefix) * h
  }

  /// The q-quantile of Gamma(shape, 1): the x with P(shape, x) = q, by bisection.
  static func quantile(_ q: Double, shape a: Double) -> Double {
    var upper = max(1, a)
    while regularisedLower(a, upper) < q { upper *= 2 }
    return bisect(lowerBound: 0, upperBound: upper) { regularisedLower(a, $0) < q }
  }
}

/// The boundary of a predicate that holds below it and fails above, by bisection until the
/// interval cannot shrink (adjacent doubles).
private func bisect(lowerBound: Double, upperBound: Double, below: (Double) -> Bool) -> Double {
  var (lo, hi) = (lowerBound, upperBound)
  for _ in 0..<2_000 {
    let mid = lo + (hi - lo) / 2
    if mid <= lo || mid >= hi { break }
    if below(mid) { lo = mid } else { hi = mid }
  }
  return lo + (hi - lo) / 2
}
