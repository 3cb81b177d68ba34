// Pseudo p-values and summaries of permutation distributions.
//
// The tie rule, in one place for every permutation test of the package:
// - a simulated value s ties with the observed value o when |s − o| ≤ 1e-10 · m, where m is
//   the largest magnitude among o and the unit's simulated values (so a tie does not depend on
//   summation order, and a statistic near 0 with large terms is not compared to 0 exactly);
// - a tie counts on both tails: #≥ counts s ≥ o − tol, #≤ counts s ≤ o + tol;
// - the folded pseudo p is (min(#≥, #≤) + 1) / (R + 1): the smaller of esda's `greater` and
//   `lesser` p-values (both of which count ties). Without ties #≤ = #<, and this is esda 2.9's
//   default (`directed`, the `p_sim` of Moran, Moran_Local, G_Local):
//   (min(#≥, R − #≥) + 1) / (R + 1). esda counts a tie as "≥" only, so a unit whose observed
//   value sits at the bottom of a heavily tied distribution gets 1/(R + 1) while its mirror
//   image at the top gets (ties + 1)/(R + 1); counted on both tails they get the same p;
// - a degenerate distribution (every simulated value ties with the observed one) gives p = 1:
//   no arrangement of the data is more extreme, and no tail is named.

/// Which tail of its permutation distribution an observed statistic lies in.
public enum PermutationTail: String, Hashable, Sendable, Codable {
  /// Fewer simulated values are at least the observed one than at most it: the observed value
  /// is large (for local Moran with z_i > 0 and for Gi: the neighbours' values are high).
  case upper
  /// Fewer simulated values are at most the observed one: the observed value is small.
  case lower
  /// As many on both sides, e.g. a degenerate distribution where every value ties.
  case neither
}

/// What a permutation test found: the pseudo p-value and the moments of the simulated values.
public struct PermutationInference: Hashable, Sendable {
  /// The number of permutations drawn.
  public let permutations: Int
  /// The seed of the ``PermutationGenerator`` that drew them; the same seed replays them.
  public let seed: UInt64
  /// Folded pseudo p: (min(#sim ≥ obs, #sim ≤ obs) + 1) / (permutations + 1), a tie counted on
  /// both tails (the rule at the top of `PermutationInference.swift`); on untied data esda's
  /// `p_sim`, (min(#≥, #<) + 1) / (permutations + 1).
  public let pseudoP: Double
  /// The tail the observed statistic lies in (which count gave ``pseudoP``).
  public let tail: PermutationTail
  /// The mean of the simulated statistics (`EI_sim`, `EC_sim`, `EG_sim`).
  public let mean: Double
  /// Their standard deviation, population form as numpy's `std` (`seI_sim`).
  public let standardDeviation: Double
  /// (observed − mean) / standard deviation (`z_sim`); infinite when the deviation is 0.
  public var z: Double { (observed - mean) / standardDeviation }
  /// The observed statistic the simulations are compared with.
  public let observed: Double
}

/// Relative tolerance of a tie (see the rule at the top of this file).
let tieTolerance = 1e-10

/// How many simulated values lie at least and at most the observed one, ties counted in both.
struct TailCounts: Hashable, Sendable {
  /// #sim ≥ observed (within the tie tolerance).
  var atLeast: Int
  /// #sim ≤ observed (within the tie tolerance).
  var atMost: Int

  /// Counts `simulated` against `observed` by the tie rule of this file.
  init(_ simulated: UnsafeBufferPointer<Double>, observed: Double) {
    var magnitude = abs(observed)
    for s in simulated { magnitude = max(magnitude, abs(s)) }
    let tolerance = tieTolerance * magnitude
    var (atLeast, atMost) = (0, 0)
    for s in simulated {
      atLeast &+= s >= observed - tolerance ? 1 : 0
      atMost &+= s <= observed + tolerance ? 1 : 0
    }
    self.atLeast = atLeast
    self.atMost = atMost
  }

  init(atLeast: Int, atMost: Int) {
    self.atLeast = atLeast
    self.atMost = atMost
  }

  /// (min(#≥, #≤) + 1) / (permutations + 1).
  func pseudoP(permutations: Int) -> Double {
    Double(min(atLeast, atMost) + 1) / Double(permutations + 1)
  }

  var tail: PermutationTail {
    atLeast < atMost ? .upper : atMost < atLeast ? .lower : .neither
  }
}

/// Runs `permutations` full permutations of `values`, computing `statistic` on each, and
/// summarises them against `observed`.
func totalPermutation(
  _ values: [Double], observed: Double, permutations: Int, seed: UInt64,
  statistic: ([Double]) -> Double
) -> PermutationInference {
  var generator = PermutationGenerator(seed: seed)
  var shuffled = values
  var simulated = [Double](repeating: 0, count: permutations)
  var sum = 0.0
  var sumOfSquares = 0.0
  for p in 0..<permutations {
    generator.shuffle(&shuffled)
    let s = statistic(shuffled)
    simulated[p] = s
    sum += s
    sumOfSquares += s * s
  }
  let counts = simulated.withUnsafeBufferPointer { TailCounts($0, observed: observed) }
  let mean = sum / Double(permutations)
  let variance = max(sumOfSquares / Double(permutations) - mean * mean, 0)
  return PermutationInference(
    permutations: permutations, seed: seed, pseudoP: counts.pseudoP(permutations: permutations),
    tail: counts.tail, mean: mean, standardDeviation: variance.squareRoot(), observed: observed)
}
