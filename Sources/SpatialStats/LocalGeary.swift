// Local Geary (Anselin 2019), univariate and multivariate. Matches esda 2.9 `Geary_Local` and
// `Geary_Local_MV` on the statistic.

import SpatialWeights

/// Local Geary per analysed unit, indexed like ``AnalysedSample/ids``.
public struct LocalGeary: Hashable, Sendable {
  /// c_i = (1/k) Σ_v Σ_j w_ij (z_iv − z_jv)² on row-standardised weights, each of the k
  /// variables standardised with the population standard deviation (`localG`). Small: the
  /// unit is like its neighbours (positive autocorrelation); large: unlike them.
  public let c: [Double]
  /// The conditional permutation test, `nil` for 0 permutations.
  public let permutation: LocalPermutationInference?
  /// Univariate only (k = 1), for significant units, as esda's `labels`: "HH" (c below the
  /// mean of c, the value above its mean: like its neighbours, high), "LL" (likewise, low),
  /// "other positive" (c below its mean, the value exactly at its mean), "negative" (c above
  /// its mean: unlike its neighbours); "not significant" otherwise; `nil` without
  /// permutations or for k > 1.
  public let clusters: [String]?
}

/// Computes the local Geary of one or more variables.
///
/// Inference is by conditional permutation: unit i keeps its values, and its k_i neighbours
/// are k_i units drawn without replacement from the others, all their variables together (as
/// esda's `Geary_Local_MV`). The pseudo p is folded and counts ties on both tails (the rule
/// of ``PermutationInference/pseudoP``); esda folds the same way by default. A unit missing a
/// value of any variable is left out, then islands, as
/// ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Parameters:
///   - variables: k ≥ 1 variables, each with one value per unit of `weights`.
///   - weights: Any weights; row-standardised here, as esda does.
///   - significance: The level below which a unit gets a cluster label (univariate).
/// - Returns: Undefined when a variable is constant or n < 3.
/// - Throws: `AutocorrelationError.countMismatch` when a variable's length differs from the
///   weights, `.invalidPermutations`, `.islands` under ``IslandPolicy/fail``.
///
/// References: Anselin, L. (2019), A local indicator of multivariate spatial association:
/// extending Geary's c, *Geographical Analysis* 51(2); esda 2.9 `esda.geary_local.Geary_Local`
/// and `esda.geary_local_mv.Geary_Local_MV`.
public func localGeary(
  _ variables: [[Double?]], weights: SpatialWeights, permutations: Int = 999, seed: UInt64,
  significance: Double = 0.05, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalGeary> {
  for v in variables where v.count != weights.count {
    throw AutocorrelationError.countMismatch(what: "values", expected: weights.count, got: v.count)
  }
  let complete: [Double?] = (0..<weights.count).map { i in
    variables.allSatisfy { $0[i].map { !$0.isNaN } ?? false } ? 0 : nil
  }
  let input = try prepare(complete, weights, islands: islands, permutations: permutations)
  let n = input.sample.indices.count
  guard n >= 3, !variables.isEmpty else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: n, needed: 3)))
  }
  let raw = variables.map { v in input.sample.indices.map { v[$0]! } }
  guard !raw.contains(where: isConstant) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let z = raw.map { v -> [Double] in
    let d = centred(v)
    let sd = (d.reduce(0) { $0 + $1 * $1 } / Double(v.count)).squareRoot()
    return d.map { $0 / sd }
  }
  let w = input.weights.transformed(.row)
  let k = Double(z.count)
  // unit i's k values side by side: the permutations call this n × permutations times, and
  // an array per variable cost a retain and a release per neighbour (5 s at 20,000 units)
  let m = z.count
  var flat = [Double](repeating: 0, count: n * m)
  for (v, values) in z.enumerated() { for i in 0..<n { flat[i * m + v] = values[i] } }
  let c = flat.withUnsafeBufferPointer { f in
    (0..<n).map { i in
      var s = 0.0
      for at in w.offsets[i]..<w.offsets[i + 1] {
        s += w.values[at] * squaredDifference(f, i, w.neighbourIndices[at], m)
      }
      return s / k
    }
  }
  var permutation: LocalPermutationInference?
  if permutations > 0 {
    permutation = gearyPermutations(
      flat, variables: m, weights: w, observed: c, permutations: permutations, seed: seed)
  }
  var clusters: [String]?
  if let p = permutation, z.count == 1 {
    let meanC = c.reduce(0, +) / Double(n)
    clusters = (0..<n).map { i in
      guard p.pseudoP[i] <= significance else { return "not significant" }
      if c[i] > meanC { return "negative" }
      return z[0][i] > 0 ? "HH" : z[0][i] < 0 ? "LL" : "other positive"
    }
  }
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(LocalGeary(c: c, permutation: permutation, clusters: clusters)))
}

/// Σ_v (z_iv − z_jv)² over the m values of units i and j, side by side in `f`.
@inline(__always)
private func squaredDifference(
  _ f: UnsafeBufferPointer<Double>, _ i: Int, _ j: Int, _ m: Int
) -> Double {
  if m == 1 {
    let d = f[i] - f[j]
    return d * d
  }
  var d2 = 0.0
  for v in 0..<m {
    let d = f[i * m + v] - f[j * m + v]
    d2 += d * d
  }
  return d2
}

/// The conditional permutation of the local Geary: per unit, its k_i neighbours drawn
/// without replacement from the other n − 1 units by a partial Fisher–Yates shuffle on one
/// scratch buffer (as ``conditionalPermutations(values:weights:intercept:slope:observed:permutations:scheme:generator:)``,
/// whose affine shortcut does not fit a sum of squared differences).
private func gearyPermutations(
  _ flat: [Double], variables m: Int, weights w: SpatialWeights, observed: [Double],
  permutations: Int, seed: UInt64
) -> LocalPermutationInference {
  let n = observed.count
  var rng = PermutationGenerator(seed: seed)
  var scratch = (0..<UInt32(n - 1)).map { $0 }
  var summary = ConditionalSummary(
    atLeast: .init(repeating: permutations, count: n),
    atMost: .init(repeating: permutations, count: n), mean: .init(repeating: 0, count: n),
    standardDeviation: .init(repeating: 0, count: n))
  var sims = [Double](repeating: 0, count: permutations)
  let others = UInt32(n - 1)
  let k = Double(m)
  for i in 0..<n {
    let (first, end) = (w.offsets[i], w.offsets[i + 1])
    guard end > first else { continue }
    var (sum, squares) = (0.0, 0.0)
    // c as `localGeary` computes it, over raw buffers: a closure per neighbour cost half
    // the time of the whole analysis step.
    flat.withUnsafeBufferPointer { f in
      w.values.withUnsafeBufferPointer { weight in
        scratch.withUnsafeMutableBufferPointer { buffer in
          sims.withUnsafeMutableBufferPointer { sims in
            for p in 0..<permutations {
              // Slot j is final once it is swapped, so each term is added as it is drawn,
              // in the order of the observed statistic.
              var s = 0.0
              for at in first..<end {
                let slot = at - first
                let r = slot + Int(rng.below64(others - UInt32(slot)))
                let d = buffer[r]
                buffer[r] = buffer[slot]
                buffer[slot] = d
                let j = Int(d) >= i ? Int(d) + 1 : Int(d)
                s += weight[at] * squaredDifference(f, i, j, m)
              }
              let statistic = s / k
              sims[p] = statistic
              sum += statistic
              squares += statistic * statistic
            }
          }
        }
      }
    }
    let counts = sims.withUnsafeBufferPointer { TailCounts($0, observed: observed[i]) }
    summary.atLeast[i] = counts.atLeast
    summary.atMost[i] = counts.atMost
    let mean = sum / Double(permutations)
    summary.mean[i] = mean
    summary.standardDeviation[i] = max(squares / Double(permutations) - mean * mean, 0).squareRoot()
  }
  return LocalPermutationInference(
    summary, observed: observed, permutations: permutations, seed: seed, scheme: .independent)
}
