// Geary's C. Matches esda 2.9 `Geary(y, w, transformation="r", permutations)`.

import SpatialWeights

/// Geary's C and its inference; names follow esda (`C`, `EC`, `VC_norm`, ...).
public struct GearyC: Hashable, Sendable {
  /// C = (n − 1) Σ_ij w_ij (y_i − y_j)² / (2 S0 Σ_i (y_i − ȳ)²) (`C`).
  public let c: Double
  /// E[C] = 1 (`EC`).
  public let expectedC: Double
  /// Var[C] under normality (`VC_norm`).
  public let varianceNormality: Double
  /// Var[C] under randomisation (`VC_rand`).
  public let varianceRandomisation: Double
  /// (C − 1) / √Var_N (`z_norm`); negative means positive autocorrelation.
  public let zNormality: Double
  /// (C − 1) / √Var_R (`z_rand`).
  public let zRandomisation: Double
  /// One-tailed p in the direction of C − 1 under normality (`p_norm`; esda does not double it).
  public let pNormality: Double
  /// One-tailed p under randomisation (`p_rand`).
  public let pRandomisation: Double
  /// The permutation test, `nil` for 0 permutations (`p_sim`, `EC_sim`, ...).
  public let permutation: PermutationInference?
  /// The weights transformation used (esda `transformation`).
  public let transformation: Transformation
}

/// Computes Geary's C for `values` on `weights`.
///
/// Exclusions, weights handling and parameters as
/// ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Returns: Undefined for a constant variable or n < 4.
/// - Throws: as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
///
/// References: Geary, R. C. (1954), The contiguity ratio and statistical mapping, *The
/// Incorporated Statistician* 5(3); Cliff & Ord (1981); esda 2.9 `esda.geary.Geary`.
public func gearyC(
  _ values: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  permutations: Int = 999, seed: UInt64, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<GearyC> {
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  let y = input.y
  let w = input.weights.transformed(transformation)
  guard y.count >= 4 else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: y.count, needed: 4)))
  }
  guard !isConstant(y) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let n = Double(y.count)
  let yd = centred(y)
  let yss = yd.reduce(0) { $0 + $1 * $1 }
  let (s0, s1, s2) = (w.s0, w.s1, w.s2)
  let s02 = s0 * s0
  func statistic(_ y: [Double]) -> Double {
    var sum = 0.0
    for i in y.indices {
      for k in w.offsets[i]..<w.offsets[i + 1] {
        let d = y[i] - y[w.neighbourIndices[k]]
        sum += w.values[k] * d * d
      }
    }
    return (n - 1) * sum / (yss * s0 * 2)
  }
  let c = statistic(y)
  let k = (yd.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n) / ((yss / n) * (yss / n))
  let n2 = n * n
  let a = (n - 1) * s1 * (n2 - 3 * n + 3 - (n - 1) * k)
  let b = 0.25 * ((n - 1) * s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * k))
  let cc = s02 * (n2 - 3 - (n - 1) * (n - 1) * k)
  let vRand = (a - b + cc) / (n * (n - 2) * (n - 3) * s02)
  let vNorm = (1 / (2 * (n + 1) * s02)) * ((2 * s1 + s2) * (n - 1) - 4 * s02)
  let zNorm = (c - 1) / vNorm.squareRoot()
  let zRand = (c - 1) / vRand.squareRoot()
  // esda picks the tail by the sign of C − 1 for both z-scores
  let pNorm = c - 1 > 0 ? StandardNormal.survival(zNorm) : StandardNormal.cdf(zNorm)
  let pRand = c - 1 > 0 ? StandardNormal.survival(zRand) : StandardNormal.cdf(zRand)
  let permutation =
    permutations > 0
    ? totalPermutation(y, observed: c, permutations: permutations, seed: seed, statistic: statistic)
    : nil
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(
      GearyC(
        c: c, expectedC: 1, varianceNormality: vNorm, varianceRandomisation: vRand,
        zNormality: zNorm, zRandomisation: zRand, pNormality: pNorm, pRandomisation: pRand,
        permutation: permutation, transformation: transformation)))
}
