// Pseudo p-values and summaries of permutation distributions, as esda computes them.

/// What a permutation test found: the pseudo p-value and the moments of the simulated values.
public struct PermutationInference: Hashable, Sendable {
  /// The number of permutations drawn.
  public let permutations: Int
  /// The seed of the ``PermutationGenerator`` that drew them; the same seed replays them.
  public let seed: UInt64
  /// esda's folded pseudo p (`p_sim`): (min(#sim ≥ obs, #sim < obs) + 1) / (permutations + 1),
  /// a simulated value within 1e-10 (relative) of the observed one counting as a tie (≥).
  public let pseudoP: Double
  /// The mean of the simulated statistics (`EI_sim`, `EC_sim`, `EG_sim`).
  public let mean: Double
  /// Their standard deviation, population form as numpy's `std` (`seI_sim`).
  public let standardDeviation: Double
  /// (observed − mean) / standard deviation (`z_sim`); infinite when the deviation is 0.
  public var z: Double { (observed - mean) / standardDeviation }
  /// The observed statistic the simulations are compared with.
  public let observed: Double
}

/// Relative tolerance within which a simulated statistic equals the observed one (a tie counts
/// as "at least as large", as esda's `>=`), so that summation order cannot decide a tie.
let tieTolerance = 1e-10

/// esda's folded pseudo p from the count of simulated values at least the observed one.
@inline(__always)
func foldedPseudoP(atLeast larger: Int, permutations: Int) -> Double {
  let folded = min(larger, permutations - larger)
  return Double(folded + 1) / Double(permutations + 1)
}

/// Runs `permutations` full permutations of `values`, computing `statistic` on each, and
/// summarises them against `observed`.
func totalPermutation(
  _ values: [Double], observed: Double, permutations: Int, seed: UInt64,
  statistic: ([Double]) -> Double
) -> PermutationInference {
  var generator = PermutationGenerator(seed: seed)
  var shuffled = values
  var larger = 0
  var sum = 0.0
  var sumOfSquares = 0.0
  for _ in 0..<permutations {
    generator.shuffle(&shuffled)
    let s = statistic(shuffled)
    if s >= observed - tieTolerance * abs(observed) { larger += 1 }
    sum += s
    sumOfSquares += s * s
  }
  let mean = sum / Double(permutations)
  let variance = max(sumOfSquares / Double(permutations) - mean * mean, 0)
  return PermutationInference(
    permutations: permutations, seed: seed,
    pseudoP: foldedPseudoP(atLeast: larger, permutations: permutations), mean: mean,
    standardDeviation: variance.squareRoot(), observed: observed)
}
