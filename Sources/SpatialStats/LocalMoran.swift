// Local Moran's I (LISA) with quadrants and conditional permutation inference. Matches esda 2.9
// `Moran_Local(y, w, transformation="r", permutations, geoda_quads=False)` analytically.

import SpatialWeights

/// The Moran scatterplot quadrant of a unit: its own value against its neighbours' (its lag).
///
/// "High" means above the mean (z > 0); a value at the mean counts as low, as in esda. A value
/// within ``atMeanTolerance`` of the mean is taken to be at it (z = 0), so floating-point noise
/// in the mean cannot make it "high": its I is 0 whatever its neighbours, its permutation
/// distribution is degenerate and its pseudo p is 1. esda numbers these 1 HH, 2 LH, 3 LL, 4 HL and GeoDa 1 HH, 2 LL, 3 LH, 4 HL: use the names.
public enum Quadrant: String, Hashable, Sendable, CaseIterable {
  /// High value, high neighbours (hot spot when significant).
  case highHigh = "HH"
  /// Low value, high neighbours (low outlier).
  case lowHigh = "LH"
  /// Low value, low neighbours (cold spot).
  case lowLow = "LL"
  /// High value, low neighbours (high outlier).
  case highLow = "HL"

  init(z: Double, lag: Double) {
    switch (z > 0, lag > 0) {
    case (true, true): self = .highHigh
    case (false, true): self = .lowHigh
    case (false, false): self = .lowLow
    case (true, false): self = .highLow
    }
  }
}

/// Local Moran's I for each analysed unit, indexed like ``AnalysedSample/ids``.
public struct LocalMoran: Hashable, Sendable {
  /// I_i = (n − 1) z_i (Wz)_i / Σ_k z_k², with z standardised by the population standard
  /// deviation (`Is`). Because Σ z_k² = n this is (n − 1)/n · z_i (Wz)_i: esda's convention,
  /// which GeoDa's z_i (Wz)_i does not carry.
  public let i: [Double]
  /// The quadrant of each unit (`q`, named).
  public let quadrants: [Quadrant]
  /// z_i: the value standardised over the sample (mean 0, population standard deviation 1;
  /// esda `z` divided by `y.std()`), the x of the Moran scatterplot.
  public let z: [Double]
  /// (Wz)_i: the spatial lag of z with the transformed weights, the y of the Moran
  /// scatterplot; with row-standardised weights its least-squares slope on z is Moran's I.
  public let lag: [Double]
  /// E[I_i] under total randomisation, −w_i / (n − 1) (`EI`, Sokal et al. 1998 eq. A3).
  public let expectedI: [Double]
  /// Var[I_i] under total randomisation (`VI`, Sokal et al. 1998 eq. A4).
  public let variance: [Double]
  /// E[I_i] under conditional randomisation, z_i held fixed: −z_i² w_i / ((n − 1) m₂), m₂ =
  /// Σz²/n (`EIc`, Sokal et al. 1998 eq. A7). esda recommends the permutation moments for
  /// analysis; these are for comparison with it and with the literature.
  public let conditionalExpectedI: [Double]
  /// Var[I_i] under conditional randomisation: (z_i/m₂)² · n/(n − 2) · (w_i⁽²⁾ − w_i²/(n − 1))
  /// · (m₂ − z_i²/(n − 1)) (`VIc`, Sokal et al. 1998 eq. A8).
  public let conditionalVariance: [Double]
  /// The conditional permutation test; `nil` for 0 permutations.
  public let permutation: LocalPermutationInference?
}

/// Per-unit conditional permutation results, as esda's `p_sim`, `EI_sim`, `seI_sim`, `z_sim`.
public struct LocalPermutationInference: Hashable, Sendable {
  /// Conditional permutations per unit (esda `permutations`).
  public let permutations: Int
  /// Seed of the ``PermutationGenerator``; units are processed in order from one generator.
  public let seed: UInt64
  /// Whether each unit had its own draws or all shared one table (see ``PermutationScheme``).
  public let scheme: PermutationScheme
  /// Folded pseudo p per unit: (min(#sim ≥ obs, #sim ≤ obs) + 1) / (permutations + 1), a tie
  /// counted on both tails (see ``PermutationInference/pseudoP``); on untied data esda's
  /// `p_sim`. Every analysed unit has neighbours, so every entry comes from real draws; units
  /// without a statistic (missing, no neighbours) are not in the sample and have no entry.
  public let pseudoP: [Double]
  /// The tail each unit's observed statistic lies in (which count gave its ``pseudoP``).
  /// Conditional permutation keeps the unit's own value, so the tail is a statement about its
  /// neighbours: for Gi and Gi* `.upper` means the neighbours' values are high; for local
  /// Moran `.upper` means the lag has the sign of z_i (HH or LL), `.lower` the opposite.
  public let tails: [PermutationTail]
  /// Mean of the simulated statistics per unit.
  public let mean: [Double]
  /// Their (population) standard deviation per unit.
  public let standardDeviation: [Double]
  /// (observed − mean) / standard deviation per unit.
  public let z: [Double]
}

/// Computes local Moran's I (LISA) for every unit with neighbours.
///
/// Inference is by conditional permutation: unit i keeps its value, and the values of its k_i
/// neighbours are replaced by k_i values drawn without replacement from the other n − 1 units
/// (Anselin 1995). An island has no local statistic: it is excluded and named (``IslandPolicy``),
/// never reported as a significant outlier (esda gives it I = 0, quadrant HL and p = 0.001; we
/// do not copy that).
///
/// - Parameters:
///   - scheme: Fresh draws per unit (default) or one table shared by all units as esda does
///     (faster; the units' p-values are then correlated).
///   - Others: as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Returns: Undefined for a constant variable or n < 3.
/// - Throws: as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Complexity: O(links · permutations); no allocation inside the permutation loop.
///
/// References: Anselin, L. (1995), Local indicators of spatial association—LISA,
/// *Geographical Analysis* 27(2); Sokal, R. R., Oden, N. L. & Thomson, B. A. (1998), Local
/// spatial autocorrelation in a biological model, *Geographical Analysis* 30(4);
/// esda 2.9 `esda.moran.Moran_Local`.
public func localMoran(
  _ values: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  permutations: Int = 999, seed: UInt64, scheme: PermutationScheme = .independent,
  islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalMoran> {
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  let y = input.y
  guard y.count >= 3 else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: y.count, needed: 3)))
  }
  guard !isConstant(y) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let w = input.weights.transformed(transformation)
  let n = Double(y.count)
  let yd = snappedToMean(centred(y), y)
  let sd = (yd.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
  let z = yd.map { $0 / sd }
  let den = z.reduce(0) { $0 + $1 * $1 }
  let lag = w.lag(z)
  let scaling = (n - 1) / den
  let local = z.indices.map { scaling * z[$0] * lag[$0] }
  let (ei, vi) = localMomentsTotalRandomisation(z: z, weights: w)
  let (eic, vic) = localMomentsConditional(z: z, weights: w)
  var permutation: LocalPermutationInference?
  if permutations > 0 {
    var generator = PermutationGenerator(seed: seed)
    let summary = conditionalPermutations(
      values: z, weights: w, intercept: .init(repeating: 0, count: z.count),
      slope: z.map { scaling * $0 }, observed: local, permutations: permutations,
      scheme: scheme, generator: &generator)
    permutation = LocalPermutationInference(
      summary, observed: local, permutations: permutations, seed: seed, scheme: scheme)
  }
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(
      LocalMoran(
        i: local, quadrants: z.indices.map { Quadrant(z: z[$0], lag: lag[$0]) }, z: z, lag: lag,
        expectedI: ei,
        variance: vi, conditionalExpectedI: eic, conditionalVariance: vic,
        permutation: permutation)))
}

/// A value whose distance to the mean is at most this times the largest |value| is at the mean:
/// the mean's own rounding error (about n · 1.1e-16 of the largest value) is far below it.
public let atMeanTolerance = 1e-11

/// The centred values `yd` of `y` with those within ``atMeanTolerance`` of the mean set to 0.
func snappedToMean(_ yd: [Double], _ y: [Double]) -> [Double] {
  let scale = y.reduce(0) { max($0, abs($1)) }
  return yd.map { abs($0) <= atMeanTolerance * scale ? 0 : $0 }
}

/// Sokal et al. (1998) eqs. A3–A4 as esda writes them: E = −w_i/(n−1),
/// Var = w_i⁽²⁾(n − b₂)/(n−1) + (w_i² − w_i⁽²⁾)(2b₂ − n)/((n−1)(n−2)) − (w_i/(n−1))².
private func localMomentsTotalRandomisation(z: [Double], weights w: SpatialWeights)
  -> ([Double], [Double])
{
  let n = Double(z.count)
  let m2 = z.reduce(0) { $0 + $1 * $1 } / n
  let m4 = z.reduce(0) { $0 + $1 * $1 * $1 * $1 } / n
  let b2 = m4 / (m2 * m2)
  var e: [Double] = []
  var v: [Double] = []
  for i in z.indices {
    let row = w.weights(of: i)
    let wi = row.reduce(0, +)
    let wi2 = row.reduce(0) { $0 + $1 * $1 }
    e.append(-wi / (n - 1))
    var variance = wi2 * (n - b2) / (n - 1)
    variance += (wi * wi - wi2) * (2 * b2 - n) / ((n - 1) * (n - 2))
    variance -= (wi / (n - 1)) * (wi / (n - 1))
    v.append(variance)
  }
  return (e, v)
}

/// Sokal et al. (1998) eqs. A7–A8 as esda writes them (`EIc`, `VIc`), z_i held fixed.
private func localMomentsConditional(z: [Double], weights w: SpatialWeights)
  -> ([Double], [Double])
{
  let n = Double(z.count)
  let m2 = z.reduce(0) { $0 + $1 * $1 } / n
  var e: [Double] = []
  var v: [Double] = []
  for i in z.indices {
    let row = w.weights(of: i)
    let wi = row.reduce(0, +)
    let wi2 = row.reduce(0) { $0 + $1 * $1 }
    let zi2 = z[i] * z[i]
    e.append(-zi2 * wi / ((n - 1) * m2))
    let spread = (wi2 - wi * wi / (n - 1)) * (m2 - zi2 / (n - 1))
    v.append((z[i] / m2) * (z[i] / m2) * n / (n - 2) * spread)
  }
  return (e, v)
}

extension LocalPermutationInference {
  init(
    _ s: ConditionalSummary, observed: [Double], permutations: Int, seed: UInt64,
    scheme: PermutationScheme
  ) {
    let counts = s.atLeast.indices.map { TailCounts(atLeast: s.atLeast[$0], atMost: s.atMost[$0]) }
    self.init(
      permutations: permutations, seed: seed, scheme: scheme,
      pseudoP: counts.map { $0.pseudoP(permutations: permutations) }, tails: counts.map(\.tail),
      mean: s.mean, standardDeviation: s.standardDeviation,
      z: observed.indices.map { (observed[$0] - s.mean[$0]) / s.standardDeviation[$0] })
  }
}
