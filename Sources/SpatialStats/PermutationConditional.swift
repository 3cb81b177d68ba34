// Conditional permutation for local statistics (Anselin 1995): unit i keeps its own value and
// its k_i neighbours' values are replaced by k_i values drawn without replacement from the
// other n − 1 units. Every local statistic here is affine in the weighted sum of the drawn
// values, S = Σ_k w_ik · v[draw_k], so the engine only needs (intercept_i, slope_i) per unit.
//
// Speed: one scratch buffer of the n − 1 "other" positions, reused for every unit and every
// permutation; a partial Fisher–Yates draws k positions by k swaps (the buffer stays a
// permutation, so no reset is needed); position p ≥ i maps to unit p + 1, which skips unit i
// without rebuilding the buffer. One buffer of the unit's simulated statistics, reused for every
// unit, is counted once the unit's draws are done. No allocation happens inside the loops.
//
// With `.shared` draws (esda's scheme) one table of permutations × k_max draws is made once and
// reused for every unit: the inner loop is then a sequential table read and one gather.
//
// Ties: counted on both tails within a relative tolerance, by the rule at the top of
// PermutationInference.swift (``TailCounts``).

import SpatialWeights

/// Per-unit summaries of a conditional permutation run.
struct ConditionalSummary {
  /// #sim ≥ observed per unit, ties included (``TailCounts``).
  var atLeast: [Int]
  /// #sim ≤ observed per unit, ties included.
  var atMost: [Int]
  var mean: [Double]
  var standardDeviation: [Double]
}

/// How the random neighbour sets of a conditional permutation test are drawn.
public enum PermutationScheme: String, Hashable, Sendable {
  /// Fresh draws for every unit: the units' pseudo p-values are independent given the data.
  case independent
  /// One table of draws reused for every unit, as esda's `crand` does: each unit's null
  /// distribution is the same as with `.independent`, but the units' p-values are correlated
  /// (they share draws), which false-discovery-rate control does not assume. About twice as
  /// fast.
  case shared
}

/// Runs the conditional permutation test for every unit.
///
/// - Parameters:
///   - values: The values that are drawn (z for local Moran, y for Gi), one per unit.
///   - weights: Weights without self-links, already transformed.
///   - intercept, slope: The statistic for unit i is `intercept[i] + slope[i] · S`.
///   - observed: The observed statistic per unit.
///   - scheme: Independent draws per unit, or one shared table of draws.
///   - generator: Advanced in unit order (or table order), so one seed fixes every draw.
///   - tested: when given, only the units marked `true` are permuted (the others' statistic
///     has no p, as a local join count of 0); they get what a unit without neighbours gets.
/// - Returns: Per unit the tail counts and moments. A unit without neighbours cannot be
///   permuted: it gets #≥ = #≤ = permutations (p = 1, no tail) and mean and deviation 0; the
///   statistics exclude such units before calling (``prepare(_:_:islands:permutations:)``).
func conditionalPermutations(
  values: [Double], weights: SpatialWeights, intercept: [Double], slope: [Double],
  observed: [Double], permutations: Int, scheme: PermutationScheme = .independent,
  generator: inout PermutationGenerator, tested: [Bool]? = nil
) -> ConditionalSummary {
  let n = values.count
  var summary = ConditionalSummary(
    atLeast: .init(repeating: permutations, count: n),
    atMost: .init(repeating: permutations, count: n), mean: .init(repeating: 0, count: n),
    standardDeviation: .init(repeating: 0, count: n))
  guard n > 1, permutations > 0 else { return summary }
  let kMax = (0..<n).map { weights.offsets[$0 + 1] - weights.offsets[$0] }.max() ?? 0
  // a local copy keeps the generator state in registers; it is written back at the end
  var rng = generator
  defer { generator = rng }
  var scratch = (0..<UInt32(n - 1)).map { $0 }
  let table =
    scheme == .shared
    ? sharedDraws(permutations: permutations, kMax: kMax, scratch: &scratch, rng: &rng) : []
  let others = UInt32(n - 1)
  var simulated = [Double](repeating: 0, count: permutations)
  simulated.withUnsafeMutableBufferPointer { sims in
    scratch.withUnsafeMutableBufferPointer { buffer in
      table.withUnsafeBufferPointer { table in
        values.withUnsafeBufferPointer { v in
          weights.values.withUnsafeBufferPointer { w in
            for i in 0..<n {
              let start = weights.offsets[i]
              let k = weights.offsets[i + 1] - start
              guard k > 0, tested?[i] ?? true else { continue }
              let unit = UInt32(i)
              var tally = Tally(intercept: intercept[i], slope: slope[i])
              for p in 0..<permutations {
                var s = 0.0
                if scheme == .shared {
                  let row = p * kMax
                  for j in 0..<k {
                    let drawn = table[row + j]
                    s += w[start + j] * v[Int(drawn &+ (drawn >= unit ? 1 : 0))]
                  }
                } else {
                  for j in 0..<k {
                    let r = j + Int(rng.below64(others - UInt32(j)))
                    let drawn = buffer[r]
                    buffer[r] = buffer[j]
                    buffer[j] = drawn
                    s += w[start + j] * v[Int(drawn &+ (drawn >= unit ? 1 : 0))]
                  }
                }
                sims[p] = tally.add(s)
              }
              let counts = TailCounts(UnsafeBufferPointer(sims), observed: observed[i])
              summary.atLeast[i] = counts.atLeast
              summary.atMost[i] = counts.atMost
              summary.mean[i] = tally.mean(permutations)
              summary.standardDeviation[i] = tally.standardDeviation(permutations)
            }
          }
        }
      }
    }
  }
  return summary
}

/// The running sum and sum of squares of one unit's simulated statistics.
private struct Tally {
  let intercept: Double, slope: Double
  var sum = 0.0, sumOfSquares = 0.0

  init(intercept: Double, slope: Double) {
    (self.intercept, self.slope) = (intercept, slope)
  }

  /// Adds the statistic of the weighted sum `s` and returns it.
  @inline(__always)
  mutating func add(_ s: Double) -> Double {
    let stat = intercept + slope * s
    sum += stat
    sumOfSquares += stat * stat
    return stat
  }

  func mean(_ count: Int) -> Double { sum / Double(count) }

  func standardDeviation(_ count: Int) -> Double {
    let m = mean(count)
    return max(sumOfSquares / Double(count) - m * m, 0).squareRoot()
  }
}

/// `permutations` rows of `kMax` distinct positions among n − 1, each row a partial
/// Fisher–Yates draw (esda's `vec_permutations`).
private func sharedDraws(
  permutations: Int, kMax: Int, scratch: inout [UInt32], rng: inout PermutationGenerator
) -> [UInt32] {
  var table = [UInt32](repeating: 0, count: permutations * kMax)
  let others = UInt32(scratch.count)
  for p in 0..<permutations {
    for j in 0..<kMax {
      let r = j + Int(rng.below64(others - UInt32(j)))
      scratch.swapAt(r, j)
      table[p * kMax + j] = scratch[j]
    }
  }
  return table
}
