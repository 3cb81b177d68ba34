// Bivariate Moran's I and bivariate local Moran: does a unit's value of x go with the values
// of y around it? Matches esda 2.9 `Moran_BV` and `Moran_Local_BV` (transformation "r")
// analytically.

import SpatialWeights

/// Global bivariate Moran's I of x against the spatial lag of y (esda `Moran_BV`).
public struct BivariateMoran: Hashable, Sendable {
  /// I_BV = Σ_i zx_i (W zy)_i / (n − 1), x and y standardised with the sample standard
  /// deviation (ddof 1), so zx·zx = n − 1 (`I`).
  public let i: Double
  /// The permutation test (y permuted over the units, x kept), `nil` for 0 permutations
  /// (`p_sim`, `EI_sim`, `z_sim`).
  public let permutation: PermutationInference?
  /// The weights transformation used.
  public let transformation: Transformation
}

/// Bivariate local Moran for each analysed unit, indexed like ``AnalysedSample/ids``.
public struct LocalBivariateMoran: Hashable, Sendable {
  /// I_i = (n − 1) zx_i (W zy)_i / Σ_k zx_k², x and y standardised with the population
  /// standard deviation, so this is (n − 1)/n · zx_i (W zy)_i (`Is`).
  public let i: [Double]
  /// The quadrant of (zx_i, (W zy)_i): HH means a high x among high y (`q`, named).
  public let quadrants: [Quadrant]
  /// The conditional permutation test: x_i kept, the neighbours' y drawn from the other
  /// units' y; `nil` for 0 permutations (`p_sim`, `EI_sim`, `seI_sim`, `z_sim`).
  public let permutation: LocalPermutationInference?
}

/// Computes the global bivariate Moran's I of `x` against the lag of `y`.
///
/// A unit missing either value is left out (named in ``AnalysedSample/missing``), then
/// islands of what remains, as ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// The permutation test shuffles y over the units and keeps x, as esda does; ties are
/// counted symmetrically (``PermutationInference/pseudoP``).
/// - Returns: Undefined when x or y is constant or n < 4.
/// - Throws: `AutocorrelationError.countMismatch` when `x`, `y` and `weights` differ in length,
///   `.invalidPermutations`, `.islands` under ``IslandPolicy/fail``.
///
/// References: Wartenberg, D. (1985), Multivariate spatial correlation: a method for
/// exploratory geographical analysis, *Geographical Analysis* 17(4); Anselin, L., Syabri, I.
/// & Smirnov, O. (2002), Visualizing multivariate spatial correlation with dynamically linked
/// windows; esda 2.9 `esda.moran.Moran_BV`.
public func moranBivariate(
  _ x: [Double?], _ y: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  permutations: Int = 999, seed: UInt64, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<BivariateMoran> {
  let pair = try preparePair(x, y, weights, islands: islands, permutations: permutations)
  guard pair.x.count >= 4 else {
    return AutocorrelationResult(
      sample: pair.sample, estimate: .undefined(.tooFewUnits(count: pair.x.count, needed: 4)))
  }
  guard !isConstant(pair.x), !isConstant(pair.y) else {
    return AutocorrelationResult(sample: pair.sample, estimate: .undefined(.zeroVariance))
  }
  let w = pair.weights.transformed(transformation)
  let zx = standardised(pair.x, degreesOfFreedom: 1)
  let zy = standardised(pair.y, degreesOfFreedom: 1)
  let den = Double(zx.count - 1)
  func statistic(_ zy: [Double]) -> Double {
    let lag = w.lag(zy)
    var s = 0.0
    for k in zx.indices { s += zx[k] * lag[k] }
    return s / den
  }
  let i = statistic(zy)
  let permutation =
    permutations > 0
    ? totalPermutation(zy, observed: i, permutations: permutations, seed: seed, statistic: statistic)
    : nil
  return AutocorrelationResult(
    sample: pair.sample,
    estimate: .defined(
      BivariateMoran(i: i, permutation: permutation, transformation: transformation)))
}

/// Computes the bivariate local Moran of `x` against the lag of `y` for every unit with
/// neighbours.
///
/// Inference is by conditional permutation (Anselin 1995): unit i keeps x_i, and its k_i
/// neighbours' y are k_i values drawn without replacement from the other units' y. Missing
/// values and islands as ``moranBivariate(_:_:weights:transformation:permutations:seed:islands:)``;
/// `scheme` as ``localMoran(_:weights:transformation:permutations:seed:scheme:islands:)``.
/// - Returns: Undefined when x or y is constant or n < 3.
/// - Throws: as ``moranBivariate(_:_:weights:transformation:permutations:seed:islands:)``.
/// - Complexity: O(links · permutations).
///
/// References: Anselin, Syabri & Smirnov (2002); esda 2.9 `esda.moran.Moran_Local_BV`.
public func localMoranBivariate(
  _ x: [Double?], _ y: [Double?], weights: SpatialWeights, transformation: Transformation = .row,
  permutations: Int = 999, seed: UInt64, scheme: PermutationScheme = .independent,
  islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalBivariateMoran> {
  let pair = try preparePair(x, y, weights, islands: islands, permutations: permutations)
  guard pair.x.count >= 3 else {
    return AutocorrelationResult(
      sample: pair.sample, estimate: .undefined(.tooFewUnits(count: pair.x.count, needed: 3)))
  }
  guard !isConstant(pair.x), !isConstant(pair.y) else {
    return AutocorrelationResult(sample: pair.sample, estimate: .undefined(.zeroVariance))
  }
  let w = pair.weights.transformed(transformation)
  let zx = standardised(pair.x, degreesOfFreedom: 0)
  let zy = standardised(pair.y, degreesOfFreedom: 0)
  let scaling = Double(zx.count - 1) / zx.reduce(0) { $0 + $1 * $1 }
  let lag = w.lag(zy)
  let local = zx.indices.map { scaling * zx[$0] * lag[$0] }
  var permutation: LocalPermutationInference?
  if permutations > 0 {
    var generator = PermutationGenerator(seed: seed)
    let summary = conditionalPermutations(
      values: zy, weights: w, intercept: .init(repeating: 0, count: zy.count),
      slope: zx.map { scaling * $0 }, observed: local, permutations: permutations,
      scheme: scheme, generator: &generator)
    permutation = LocalPermutationInference(
      summary, observed: local, permutations: permutations, seed: seed, scheme: scheme)
  }
  return AutocorrelationResult(
    sample: pair.sample,
    estimate: .defined(
      LocalBivariateMoran(
        i: local, quadrants: zx.indices.map { Quadrant(z: zx[$0], lag: lag[$0]) },
        permutation: permutation)))
}

/// Two variables lined up with the weights: a unit missing either is missing.
private struct PreparedPair {
  var x: [Double]
  var y: [Double]
  var weights: SpatialWeights
  var sample: AnalysedSample
}

private func preparePair(
  _ x: [Double?], _ y: [Double?], _ weights: SpatialWeights, islands: IslandPolicy,
  permutations: Int
) throws -> PreparedPair {
  guard y.count == x.count else {
    throw AutocorrelationError.countMismatch(what: "y values", expected: x.count, got: y.count)
  }
  let both = zip(x, y).map { a, b -> Double? in
    guard let b, !b.isNaN else { return nil }
    return a
  }
  let input = try prepare(both, weights, islands: islands, permutations: permutations)
  return PreparedPair(
    x: input.y, y: input.sample.indices.map { y[$0]! }, weights: input.weights,
    sample: input.sample)
}

/// (v − mean) / sd, with the standard deviation of `degreesOfFreedom` (0 population, 1
/// sample), as numpy's `std(ddof=)`.
private func standardised(_ v: [Double], degreesOfFreedom: Int) -> [Double] {
  let d = centred(v)
  let ss = d.reduce(0) { $0 + $1 * $1 }
  let sd = (ss / Double(v.count - degreesOfFreedom)).squareRoot()
  return d.map { $0 / sd }
}
