// Global Moran's I with analytic inference under normality and randomisation and a seeded
// permutation test. Matches esda 2.9 `Moran(y, w, transformation, permutations, two_tailed=True)`.

import SpatialWeights

/// Global Moran's I and its inference; names follow esda (`I`, `EI`, `VI_norm`, ...).
public struct GlobalMoran: Hashable, Sendable {
  /// I = (n / S0) · Σ_i z_i (Wz)_i / Σ_i z_i², z = y − ȳ (`I`).
  public let i: Double
  /// E[I] = −1 / (n − 1) (`EI`).
  public let expectedI: Double
  /// Var[I] under normality (`VI_norm`).
  public let varianceNormality: Double
  /// Var[I] under randomisation, using the kurtosis of z (`VI_rand`).
  public let varianceRandomisation: Double
  /// (I − E[I]) / √Var_N (`z_norm`).
  public let zNormality: Double
  /// (I − E[I]) / √Var_R (`z_rand`).
  public let zRandomisation: Double
  /// Two-tailed p under normality (`p_norm`, esda's default `two_tailed=True`).
  public let pNormality: Double
  /// Two-tailed p under randomisation (`p_rand`).
  public let pRandomisation: Double
  /// The permutation test, `nil` when 0 permutations were asked for (`p_sim`, `EI_sim`, ...).
  public let permutation: PermutationInference?
  /// The transformation of the weights the statistic used.
  public let transformation: Transformation
}

/// Computes global Moran's I for `values` on `weights`.
///
/// Missing values (nil or NaN) and then islands are removed first (see ``IslandPolicy``); the
/// weights are restricted to the remaining units and transformed with `transformation` from
/// their original values (the `weights` value passed in is not changed, unlike esda).
///
/// - Parameters:
///   - values: One value per unit of `weights`, in the order of `weights.ids`; nil = missing.
///   - weights: Spatial weights (any transformation: the original weights are used).
///   - transformation: Applied before computing; esda's default is row-standardised.
///   - permutations: Number of random permutations of the values (default 999); 0 skips the test.
///   - seed: Seed of the ``PermutationGenerator``; the same seed gives the same `pseudoP`.
///   - islands: What to do with units without neighbours.
/// - Returns: The statistic with its sample; undefined for a constant variable or n < 4.
/// - Throws: ``AutocorrelationError/countMismatch(what:expected:got:)``,
///   ``AutocorrelationError/islands(_:)`` (policy `.fail`),
///   ``AutocorrelationError/invalidPermutations(_:)``.
/// - Complexity: O((n + links) · permutations).
///
/// References: Cliff, A. D. & Ord, J. K. (1981), *Spatial Processes*, Pion, ch. 1–2;
/// esda 2.9 `esda.moran.Moran`.
public func moranI(
  _ values: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  permutations: Int = 999, seed: UInt64, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<GlobalMoran> {
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  return AutocorrelationResult(
    sample: input.sample,
    estimate: moranEstimate(
      input.y, input.weights.transformed(transformation), permutations: permutations, seed: seed))
}

/// Moran's I on complete data and transformed weights (shared with the rate version).
func moranEstimate(
  _ y: [Double], _ w: SpatialWeights, permutations: Int, seed: UInt64
) -> StatisticOutcome<GlobalMoran> {
  let n = Double(y.count)
  guard y.count >= 4 else { return .undefined(.tooFewUnits(count: y.count, needed: 4)) }
  guard !isConstant(y) else { return .undefined(.zeroVariance) }
  let z = centred(y)
  let z2ss = z.reduce(0) { $0 + $1 * $1 }
  let (s0, s1, s2) = (w.s0, w.s1, w.s2)
  func statistic(_ z: [Double]) -> Double {
    let lag = w.lag(z)
    var sum = 0.0
    for k in z.indices { sum += z[k] * lag[k] }
    return n / s0 * sum / z2ss
  }
  let i = statistic(z)
  let ei = -1 / (n - 1)
  let s02 = s0 * s0
  let vNorm = (n * n * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - ei * ei
  let kurtosis = (z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n) / ((z2ss / n) * (z2ss / n))
  let a = n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s02)
  let b = kurtosis * ((n * n - n) * s1 - 2 * n * s2 + 6 * s02)
  let vRand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - ei * ei
  let zNorm = (i - ei) / vNorm.squareRoot()
  let zRand = (i - ei) / vRand.squareRoot()
  let permutation =
    permutations > 0
    ? totalPermutation(z, observed: i, permutations: permutations, seed: seed, statistic: statistic)
    : nil
  return .defined(
    GlobalMoran(
      i: i, expectedI: ei, varianceNormality: vNorm, varianceRandomisation: vRand,
      zNormality: zNorm, zRandomisation: zRand, pNormality: StandardNormal.twoTailed(zNorm),
      pRandomisation: StandardNormal.twoTailed(zRand), permutation: permutation,
      transformation: w.transformation))
}
