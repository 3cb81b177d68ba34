// The spatial Gini (Rey & Smith 2013): the Gini's sum of absolute differences split into
// pairs of neighbours and pairs of non-neighbours. Matches inequality 1.1 `Gini_Spatial`.

import SpatialWeights

/// The Gini of an indicator decomposed over neighbour and non-neighbour pairs.
public struct SpatialGini: Hashable, Sendable {
  /// The Gini coefficient (inequality `g`, as ``Inequality/gini``).
  public let gini: Double
  /// Σ_i Σ_j |x_i − x_j| over all ordered pairs, = 2 n² x̄ G (inequality `dtotal`).
  public let totalDifference: Double
  /// Σ over ordered neighbour pairs (binary weights) of |x_i − x_j| (inequality `wg`).
  public let neighbourDifference: Double
  /// The rest: ordered pairs of non-neighbours (inequality `wcg`).
  public let nonNeighbourDifference: Double
  /// ``nonNeighbourDifference`` / (2 n² x̄): the part of the Gini due to non-neighbours
  /// (inequality `wcg_share`).
  public let nonNeighbourShare: Double
  /// (wcg / wg) · (neighbour pairs / non-neighbour pairs): above 1 when non-neighbours differ
  /// more than neighbours do (inequality `polarization`); `nil` when either part has no
  /// pairs or wg = 0.
  public let polarization: Double?
  /// Permutation test of ``nonNeighbourDifference`` (values permuted over the units): a
  /// small p with the upper tail means neighbours are more alike than chance (inequality
  /// `p_sim`, `e_wcg`, `s_wcg`); `nil` for 0 permutations.
  public let permutation: PermutationInference?
}

/// Computes the spatial Gini of non-negative `values` on `weights` (used binary).
///
/// A missing value (nil or NaN) leaves its unit out, with its pairs; a unit without
/// neighbours stays in (all its pairs are non-neighbour pairs), unlike the autocorrelation
/// statistics: the Gini is about every unit's value. Permutations shuffle the values over
/// the units and are seeded; ties counted symmetrically (``PermutationInference/pseudoP``).
/// - Returns: Undefined when fewer than 2 units have a value or their total is 0.
/// - Throws: `AutocorrelationError.countMismatch`, `.invalidPermutations` and
///   `.negativeValue` naming the unit.
/// - Complexity: O(n log n + links · permutations).
///
/// References: Rey, S. J. & Smith, R. J. (2013), A spatial decomposition of the Gini
/// coefficient, *Letters in Spatial and Resource Sciences* 6; inequality 1.1
/// `inequality.gini.Gini_Spatial`.
public func spatialGini(
  _ values: [Double?], weights: SpatialWeights, permutations: Int = 999, seed: UInt64
) throws -> AutocorrelationResult<SpatialGini> {
  guard values.count == weights.count else {
    throw AutocorrelationError.countMismatch(
      what: "values", expected: weights.count, got: values.count)
  }
  guard permutations >= 0 else { throw AutocorrelationError.invalidPermutations(permutations) }
  try requireNonNegative(values, ids: weights.ids, statistic: "The Gini")
  let present = values.indices.filter { values[$0].map { !$0.isNaN } ?? false }
  let w = weights.transformed(.binary).restricted(to: present)
  let sample = AnalysedSample(
    ids: w.ids, indices: present,
    missing: values.indices.filter { values[$0].map { $0.isNaN } ?? true }.map {
      weights.ids[$0]
    }, islands: [])
  let x = present.map { values[$0]! }
  let n = Double(x.count)
  let total = x.reduce(0, +)
  guard x.count >= 2 else {
    return AutocorrelationResult(
      sample: sample, estimate: .undefined(.tooFewUnits(count: x.count, needed: 2)))
  }
  guard total > 0 else {
    return AutocorrelationResult(sample: sample, estimate: .undefined(.zeroVariance))
  }
  // the values are checked and the total is above 0, so the Gini is defined
  let gini = try Inequality(values: x).gini.value!
  let denominator = 2 * n * n * (total / n)
  let d = gini * denominator
  func neighbourSum(_ x: [Double]) -> Double {
    var s = 0.0
    for i in x.indices {
      for k in w.offsets[i]..<w.offsets[i + 1] { s += abs(x[i] - x[w.neighbourIndices[k]]) }
    }
    return s
  }
  let wg = neighbourSum(x)
  let wcg = d - wg
  let neighbourPairs = w.s0 / 2
  let distantPairs = n * (n - 1) / 2 - neighbourPairs
  let polarization =
    wg > 0 && neighbourPairs > 0 && distantPairs > 0
    ? (wcg / wg) * (neighbourPairs / distantPairs) : nil
  let permutation =
    permutations > 0
    ? totalPermutation(x, observed: wcg, permutations: permutations, seed: seed) {
      d - neighbourSum($0)
    } : nil
  return AutocorrelationResult(
    sample: sample,
    estimate: .defined(
      SpatialGini(
        gini: gini, totalDifference: d, neighbourDifference: wg, nonNeighbourDifference: wcg,
        nonNeighbourShare: wcg / denominator, polarization: polarization,
        permutation: permutation)))
}
