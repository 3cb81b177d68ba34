// Local join counts for a yes/no variable (Anselin & Li 2019): how many of a "yes" unit's
// neighbours are "yes" too. Matches esda 2.9 `Join_Counts_Local` on the statistic.

import SpatialWeights

/// The univariate local join count per analysed unit, indexed like ``AnalysedSample/ids``.
public struct LocalJoinCount: Hashable, Sendable {
  /// LJC_i = x_i Σ_j w_ij x_j on binary weights, x ∈ {0, 1}: for a "yes" unit the number of
  /// "yes" neighbours, 0 for a "no" unit (`LJC`).
  public let joins: [Int]
  /// Upper-tail pseudo p per unit, (#sim ≥ observed + 1) / (permutations + 1), ties counted
  /// (the rule of ``PermutationInference/pseudoP``); `nil` where LJC_i = 0 (a "no" unit, or a
  /// "yes" unit without "yes" neighbours), as esda sets NaN there; `nil` for every unit with
  /// 0 permutations.
  public let pseudoP: [Double?]
  /// Conditional permutations drawn per unit (0: no test).
  public let permutations: Int
  /// Seed of the ``PermutationGenerator``; units are processed in order from one generator.
  public let seed: UInt64
}

/// Computes the univariate local join count of a 0/1 variable.
///
/// Inference is by conditional permutation: unit i keeps its value and its k_i neighbours'
/// values are k_i draws without replacement from the other n − 1 units, so a "yes" unit's
/// simulated count is hypergeometric (n − 1 units, m − 1 of them "yes", k_i drawn) and its
/// pseudo p tends to the hypergeometric upper tail P(H ≥ LJC_i). Only the upper tail is
/// tested: more joins of "yes" units than chance is the question (esda's default
/// "directed" alternative folds the tails; that would call a "yes" unit among "no" units
/// significant).
///
/// - Parameters:
///   - values: 0 or 1 per unit (`nil` or NaN: missing, left out and named).
///   - weights: Any weights; used binary without self-links, as esda does.
///   - Others: as ``localMoran(_:weights:transformation:permutations:seed:scheme:islands:)``.
/// - Returns: Undefined when every value is the same, or n < 3.
/// - Throws: ``AutocorrelationError/notBinary(unit:value:)`` for a value other than 0 or 1,
///   and as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
///
/// - Complexity: O(links of the units with LJC_i > 0 · permutations): only they are permuted,
///   in unit order from one generator.
///
/// References: Anselin, L. & Li, X. (2019), Operational local join count statistics for
/// cluster detection, *Journal of Geographical Systems* 21; esda 2.9
/// `esda.join_counts_local.Join_Counts_Local`.
public func localJoinCounts(
  _ values: [Double?], weights: SpatialWeights, permutations: Int = 999, seed: UInt64,
  scheme: PermutationScheme = .independent, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalJoinCount> {
  for (i, v) in values.enumerated() {
    if let v, !v.isNaN, v != 0, v != 1 {
      throw AutocorrelationError.notBinary(unit: weights.ids[i], value: v)
    }
  }
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  let x = input.y
  guard x.count >= 3 else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: x.count, needed: 3)))
  }
  guard !isConstant(x) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let w = input.weights.transformed(.binary)
  let lag = w.lag(x)
  let joins = x.indices.map { x[$0] * lag[$0] }
  var pseudoP = [Double?](repeating: nil, count: x.count)
  if permutations > 0 {
    var generator = PermutationGenerator(seed: seed)
    let summary = conditionalPermutations(
      values: x, weights: w, intercept: .init(repeating: 0, count: x.count), slope: x,
      observed: joins, permutations: permutations, scheme: scheme, generator: &generator,
      tested: joins.map { $0 > 0 })  // a count of 0 has no p: its draws would be wasted
    for i in x.indices where joins[i] > 0 {
      pseudoP[i] = Double(summary.atLeast[i] + 1) / Double(permutations + 1)
    }
  }
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(
      LocalJoinCount(
        joins: joins.map { Int($0.rounded()) }, pseudoP: pseudoP, permutations: permutations,
        seed: seed)))
}
