// Conditional permutation for local statistics (Anselin 1995): unit i keeps its own value and
// its k_i neighbours' values are replaced by k_i values drawn without replacement from the
// other n − 1 units. Every local statistic here is affine in the weighted sum of the drawn
// values, S = Σ_k w_ik · v[draw_k], so the engine only needs (intercept_i, slope_i) per unit.
//
// Speed: one scratch buffer of the n − 1 "other" positions, reused for every unit and every
// permutation; a partial Fisher–Yates draws k positions by k swaps (the buffer stays a
// permutation, so no reset is needed); position p ≥ i maps to unit p + 1, which skips unit i
// without rebuilding the buffer. No allocation happens inside the loops.
//
// Ties: a simulated value equal to the observed one counts as "at least as large" (esda's
// `>=`). Equal values summed in another order can differ in the last bits, so equality is
// taken within `tieTolerance` (relative); esda leaves that to rounding.

import SpatialWeights

/// Per-unit summaries of a conditional permutation run.
struct ConditionalSummary {
  var atLeast: [Int]
  var mean: [Double]
  var standardDeviation: [Double]
}

/// Runs the conditional permutation test for every unit.
///
/// - Parameters:
///   - values: The values that are drawn (z for local Moran, y for Gi), one per unit.
///   - weights: Weights without self-links, already transformed.
///   - intercept, slope: The statistic for unit i is `intercept[i] + slope[i] · S`.
///   - observed: The observed statistic per unit.
///   - generator: Advanced in unit order, so one seed fixes every draw.
func conditionalPermutations(
  values: [Double], weights: SpatialWeights, intercept: [Double], slope: [Double],
  observed: [Double], permutations: Int, generator: inout PermutationGenerator
) -> ConditionalSummary {
  let n = values.count
  var summary = ConditionalSummary(
    atLeast: .init(repeating: 0, count: n), mean: .init(repeating: 0, count: n),
    standardDeviation: .init(repeating: 0, count: n))
  guard n > 1 else { return summary }
  var scratch = (0..<UInt32(n - 1)).map { $0 }
  let others = UInt32(n - 1)
  // a local copy keeps the generator state in registers; it is written back at the end
  var rng = generator
  defer { generator = rng }
  scratch.withUnsafeMutableBufferPointer { buffer in
    values.withUnsafeBufferPointer { v in
      weights.values.withUnsafeBufferPointer { w in
        for i in 0..<n {
          let start = weights.offsets[i], k = weights.offsets[i + 1] - start
          guard k > 0 else { continue }
          let unit = UInt32(i)
          let (a, b) = (intercept[i], slope[i])
          let obs = observed[i] - tieTolerance * abs(observed[i])
          var larger = 0
          var sum = 0.0, sumOfSquares = 0.0
          for _ in 0..<permutations {
            var s = 0.0
            for j in 0..<k {
              let r = j + Int(rng.below64(others - UInt32(j)))
              let drawn = buffer[r]
              buffer[r] = buffer[j]
              buffer[j] = drawn
              s += w[start + j] * v[Int(drawn &+ (drawn >= unit ? 1 : 0))]
            }
            let stat = a + b * s
            larger &+= stat >= obs ? 1 : 0
            sum += stat
            sumOfSquares += stat * stat
          }
          let mean = sum / Double(permutations)
          summary.atLeast[i] = larger
          summary.mean[i] = mean
          summary.standardDeviation[i] =
            max(sumOfSquares / Double(permutations) - mean * mean, 0).squareRoot()
        }
      }
    }
  }
  return summary
}
