// Local Getis–Ord Gi and Gi*. Matches esda 2.9 `G_Local(y, w, transform, star)` analytically.

import SpatialWeights

/// Local G for each analysed unit, indexed like ``AnalysedSample/ids`` (esda `G_Local`).
public struct LocalG: Hashable, Sendable {
  /// Whether the unit itself is included (Gi*, `star=True`) or not (Gi).
  public let star: Bool
  /// The transformation of the weights: `.binary` or `.row`.
  public let transformation: Transformation
  /// G_i = Σ_j w_ij y_j / Σ_{j (≠ i unless star)} y_j (`Gs`).
  public let g: [Double]
  /// E[G_i] = w_i / N with N = n − 1 (Gi) or n (Gi*) (`EGs`).
  public let expected: [Double]
  /// Var[G_i] = w_i (N − w_i) / (N − 1) / N² · s²_i / ȳ_i² (`VGs`).
  public let variance: [Double]
  /// (G_i − E[G_i]) / √Var[G_i] (`Zs`); positive = high values cluster (hot spot). NaN when
  /// Var[G_i] = 0, which happens only for Gi* when the unit and its neighbours are every unit
  /// (no other arrangement of the values is possible); esda gives NaN there too.
  public let z: [Double]
  /// 1 − Φ(|z_i|) (`p_norm`): one-tailed, as esda.
  public let p: [Double]
  /// The conditional permutation test; `nil` for 0 permutations.
  public let permutation: LocalPermutationInference?
}

/// Computes local Getis–Ord G for non-negative `values`.
///
/// Two variants, both offered because they are both called "Gi*" in practice:
/// - esda's default, `transformation: .row, star: false`: Gi, row-standardised, the unit
///   itself excluded;
/// - the classic Gi* of Getis & Ord (1992) / Ord & Getis (1995) as ArcGIS reports it:
///   `transformation: .binary, star: true`, the unit itself included with weight 1.
/// With `star: true` the self-weight is 1 in the original weights before transforming (so
/// row-standardised Gi* gives each of the k_i + 1 units weight 1/(k_i + 1)). Permutation
/// inference is conditional (unit i fixed, its neighbours drawn from the others), as esda:
/// the pseudo p is about the neighbours, and its tail (``LocalPermutationInference/tails``)
/// says whether they are high (`.upper`, a hot spot) or low. The analytic z also weighs the
/// unit's own value under total randomisation and can have the other sign (a high unit
/// among low neighbours): name a hot or cold spot of a pseudo p by its tail, never by z.
///
/// - Parameters:
///   - transformation: `.binary` or `.row` (others are treated as `.row`).
///   - star: Include the unit itself.
///   - scheme: Fresh draws per unit (default) or one shared table, as ``PermutationScheme``.
///   - Others: as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Returns: Undefined for a constant variable or n < 3.
/// - Throws: as ``moranI(_:weights:transformation:permutations:seed:islands:)``, and
///   ``AutocorrelationError/negativeValue(unit:value:statistic:)`` for a value below 0 (G is
///   a ratio of sums of the values; esda returns ±inf or NaN there).
///
/// References: Getis, A. & Ord, J. K. (1992), *Geographical Analysis* 24(3); Ord, J. K. &
/// Getis, A. (1995), Local spatial autocorrelation statistics, *Geographical Analysis* 27(4);
/// esda 2.9 `esda.getisord.G_Local`.
public func localG(
  _ values: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  star: Bool = false, permutations: Int = 999, seed: UInt64,
  scheme: PermutationScheme = .independent, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalG> {
  let input = try prepare(values, weights, islands: islands, permutations: permutations)
  try requireNonNegative(values, ids: weights.ids, statistic: "Getis-Ord G")
  let y = input.y
  guard y.count >= 3 else {
    return AutocorrelationResult(
      sample: input.sample, estimate: .undefined(.tooFewUnits(count: y.count, needed: 3)))
  }
  guard !isConstant(y) else {
    return AutocorrelationResult(sample: input.sample, estimate: .undefined(.zeroVariance))
  }
  let binary = transformation == .binary
  let w = input.weights.transformed(binary ? .binary : .row)
  // self-weight per unit after transforming: 1 (binary) or 1/(k_i + 1) (row); the row weights
  // of the neighbours shrink by k_i/(k_i + 1) accordingly
  let original = input.weights
  var selfWeight = [Double](repeating: 0, count: y.count)
  var neighbourScale = [Double](repeating: 1, count: y.count)
  if star {
    for i in y.indices {
      if binary {
        selfWeight[i] = 1
      } else {
        let rowSum = original.weights(of: i).reduce(0, +)
        selfWeight[i] = 1 / (rowSum + 1)
        neighbourScale[i] = rowSum / (rowSum + 1)
      }
    }
  }
  let lag = w.lag(y)
  let n = Double(y.count)
  let remove = star ? 0.0 : 1.0
  let bigN = n - remove
  let sum = y.reduce(0, +)
  let sumSquares = y.reduce(0) { $0 + $1 * $1 }
  var g: [Double] = []
  var e: [Double] = []
  var v: [Double] = []
  var z: [Double] = []
  for i in y.indices {
    let numerator = neighbourScale[i] * lag[i] + selfWeight[i] * y[i]
    g.append(numerator / (sum - y[i] * remove))
    let mean = (sum - y[i] * remove) / bigN
    let meanOfSquares = (sumSquares - y[i] * y[i] * remove) / bigN
    let cardinality = neighbourScale[i] * w.weights(of: i).reduce(0, +) + selfWeight[i]
    e.append(cardinality / bigN)
    var variance = cardinality * (bigN - cardinality) / (bigN - 1) / (bigN * bigN)
    variance *= (meanOfSquares - mean * mean) / (mean * mean)
    v.append(variance)
    z.append((g[i] - e[i]) / variance.squareRoot())
  }
  var permutation: LocalPermutationInference?
  if permutations > 0 {
    var generator = PermutationGenerator(seed: seed)
    let scaled = star && !binary ? scaledRows(w, neighbourScale) : w
    let denominators: [Double] = y.map { (yi: Double) -> Double in sum - yi * remove }
    let slope: [Double] = denominators.map { 1 / $0 }
    var intercept: [Double] = []
    for i in y.indices { intercept.append(selfWeight[i] * y[i] / denominators[i]) }
    let summary = conditionalPermutations(
      values: y, weights: scaled, intercept: intercept, slope: slope, observed: g,
      permutations: permutations, scheme: scheme, generator: &generator)
    permutation = LocalPermutationInference(
      summary, observed: g, permutations: permutations, seed: seed, scheme: scheme)
  }
  return AutocorrelationResult(
    sample: input.sample,
    estimate: .defined(
      LocalG(
        star: star, transformation: binary ? .binary : .row, g: g, expected: e, variance: v,
        z: z, p: z.map { StandardNormal.survival(abs($0)) }, permutation: permutation)))
}

/// Row-standardised weights with row i multiplied by `scale[i]` (Gi* neighbour weights).
private func scaledRows(_ w: SpatialWeights, _ scale: [Double]) -> SpatialWeights {
  var neighbours: [[Int]] = []
  var weights: [[Double]] = []
  for i in 0..<w.count {
    neighbours.append(Array(w.neighbours(of: i)))
    weights.append(w.weights(of: i).map { $0 * scale[i] })
  }
  // the rows come from a valid SpatialWeights, so the checks cannot fail
  return try! SpatialWeights(ids: w.ids, neighbours: neighbours, weights: weights)
}
