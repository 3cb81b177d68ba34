// Getis–Ord General G. Matches esda 2.9 `getisord.G(y, w, permutations)`.

import SpatialWeights

/// Getis–Ord General G and its inference; names follow esda (`G`, `EG`, `VG`, ...).
public struct GeneralG: Hashable, Sendable {
  /// G = Σ_i Σ_j w_ij y_i y_j / Σ_i Σ_{j≠i} y_i y_j, binary w (`G`).
  public let g: Double
  /// E[G] = S0 / (n (n − 1)) (`EG`).
  public let expectedG: Double
  /// Var[G] (`VG`), Getis & Ord (1992) eq. 12 in the b0..b4 form.
  public let variance: Double
  /// (G − E[G]) / √Var[G] (`z_norm`).
  public let z: Double
  /// 1 − Φ(|z|) (`p_norm`): one-tailed in the direction of z, as esda.
  public let p: Double
  /// The permutation test, `nil` for 0 permutations (`p_sim`, `EG_sim`, ...).
  public let permutation: PermutationInference?
}

/// Computes the General G for non-negative `values` on binary `weights`.
///
/// The weights are always used binary ("B"), as esda forces. Exclusions and permutation
/// parameters as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Returns: Undefined for a constant variable or n < 4.
/// - Throws: as ``moranI(_:weights:transformation:permutations:seed:islands:)``, and
///   ``AutocorrelationError/negativeValue(unit:value:statistic:)`` for a value below 0.
///
/// Reference: Getis, A. & Ord, J. K. (1992), The analysis of spatial association by use of
/// distance statistics, *Geographical Analysis* 24(3); esda 2.9 `esda.getisord.G`.
public func generalG(
  _ values: [Double?], weights: SpatialWeights, permutations: Int = 999, seed: UInt64,
  islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<GeneralG> {
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  try requireNonNegative(values, ids: weights.ids, statistic: "General G")
  let y = input.y
  let w = input.weights.transformed(.binary)
  guard y.count >= 4 else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: y.count, needed: 4)))
  }
  guard !isConstant(y) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let n = Double(y.count)
  let sum1 = y.reduce(0, +)
  let sum2 = y.reduce(0) { $0 + $1 * $1 }
  let sum3 = y.reduce(0) { $0 + $1 * $1 * $1 }
  let sum4 = y.reduce(0) { $0 + $1 * $1 * $1 * $1 }
  let denominator = sum1 * sum1 - sum2
  func statistic(_ y: [Double]) -> Double {
    let lag = w.lag(y)
    var s = 0.0
    for k in y.indices { s += y[k] * lag[k] }
    return s / denominator
  }
  let g = statistic(y)
  let (s0, s1, s2) = (w.s0, w.s1, w.s2)
  let s02 = s0 * s0
  let n2 = n * n
  let eg = s0 / (n * (n - 1))
  let b0 = (n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02
  let b1 = -((n2 - n) * s1 - 2 * n * s2 + 6 * s02)
  let b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s02)
  let b3 = 4 * (n - 1) * s1 - 2 * (n + 1) * s2 + 8 * s02
  let b4 = s1 - s2 + s02
  var eg2 = b0 * sum2 * sum2 + b1 * sum4 + b2 * sum1 * sum1 * sum2
  eg2 += b3 * sum1 * sum3 + b4 * sum1 * sum1 * sum1 * sum1
  let eg2Denominator = denominator * denominator * n * (n - 1) * (n - 2) * (n - 3)
  let variance = eg2 / eg2Denominator - eg * eg
  let z = (g - eg) / variance.squareRoot()
  let permutation =
    permutations > 0
    ? totalPermutation(y, observed: g, permutations: permutations, seed: seed, statistic: statistic)
    : nil
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(
      GeneralG(
        g: g, expectedG: eg, variance: variance, z: z, p: StandardNormal.survival(abs(z)),
        permutation: permutation)))
}
