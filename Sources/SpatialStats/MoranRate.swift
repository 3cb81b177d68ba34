// Moran's I for rates, on Assunção–Reis empirical-Bayes standardised rates. Matches esda 2.9
// `Moran_Rate(e, b, w, adjusted=True)` and `esda.smoothing.assuncao_rate`.

import SpatialWeights

/// Assunção–Reis empirical-Bayes standardised rates: (r_i − b̂) / √v_i with r_i = e_i / b_i,
/// b̂ = Σe / Σb, s² = Σ b_i (r_i − b̂)² / Σb, â = s² − b̂ / (Σb / n), v_i = â + b̂ / b_i, and
/// v_i = b̂ / b_i where that is negative (as esda).
///
/// - Parameters:
///   - events: Counts e_i (cases, events), one per unit.
///   - base: Population at risk b_i > 0, aligned with `events`.
/// - Returns: The standardised rates, one per unit.
///
/// Reference: Assunção, R. M. & Reis, E. A. (1999), A new proposal to adjust Moran's I for
/// population density, *Statistics in Medicine* 18, 2147–2162.
public func assuncaoReisRates(events: [Double], base: [Double]) -> [Double] {
  let n = Double(events.count)
  let r = zip(events, base).map { $0 / $1 }
  let (eSum, bSum) = (events.reduce(0, +), base.reduce(0, +))
  let bHat = eSum / bSum
  let s2 = zip(base, r).reduce(0) { $0 + $1.0 * ($1.1 - bHat) * ($1.1 - bHat) } / bSum
  let aHat = s2 - bHat / (bSum / n)
  return zip(r, base).map { ri, bi in
    let raw = aHat + bHat / bi
    let v = raw < 0 ? bHat / bi : raw
    return (ri - bHat) / v.squareRoot()
  }
}

/// Global Moran's I of Assunção–Reis standardised rates (esda `Moran_Rate`, adjusted=True).
///
/// A unit is missing when its event count or base is nil or NaN; the standardisation uses the
/// analysed units only. Other parameters, exclusions and inference as
/// ``moranI(_:weights:transformation:permutations:seed:islands:)``.
/// - Throws: as ``moranI(_:weights:transformation:permutations:seed:islands:)``, plus
///   ``AutocorrelationError/nonPositiveBase(unit:value:)`` and
///   ``AutocorrelationError/countMismatch(what:expected:got:)`` when `base` and `events` differ.
public func moranIForRates(
  events: [Double?], base: [Double?], weights: SpatialWeights,
  transformation: Transformation = .row, permutations: Int = 999, seed: UInt64,
  islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<GlobalMoran> {
  guard permutations >= 0 else { throw AutocorrelationError.invalidPermutations(permutations) }
  let input = try preparedRates(events: events, base: base, weights: weights, islands: islands)
  let rates = assuncaoReisRates(
    events: input.sample.indices.map { events[$0]! }, base: input.sample.indices.map { base[$0]! })
  return AutocorrelationResult(
    sample: input.sample,
    estimate: moranEstimate(
      rates, input.weights.transformed(transformation), permutations: permutations, seed: seed))
}

/// Local Moran's I of Assunção–Reis standardised rates (esda `Moran_Local_Rate`,
/// adjusted=True): the LISA for a rate on small, unequal bases, where raw rates of small
/// wards swing widely by chance.
///
/// A unit is missing when its event count or base is nil or NaN; islands are left out. The
/// standardisation uses the analysed units only (esda uses all units it is given; they agree
/// when nothing is left out). Quadrants, moments and inference as
/// ``localMoran(_:weights:transformation:permutations:seed:scheme:islands:)`` on the
/// standardised rates.
/// - Throws: as ``moranIForRates(events:base:weights:transformation:permutations:seed:islands:)``.
///
/// Reference: Assunção & Reis (1999); Anselin (1995); esda 2.9 `esda.moran.Moran_Local_Rate`.
public func localMoranForRates(
  events: [Double?], base: [Double?], weights: SpatialWeights,
  transformation: Transformation = .row, permutations: Int = 999, seed: UInt64,
  scheme: PermutationScheme = .independent, islands: IslandPolicy = .exclude
) throws -> AutocorrelationResult<LocalMoran> {
  let input = try preparedRates(events: events, base: base, weights: weights, islands: islands)
  let rates = assuncaoReisRates(
    events: input.sample.indices.map { events[$0]! }, base: input.sample.indices.map { base[$0]! })
  // the rates where they were computed, nil where a number is missing; an island keeps a
  // placeholder: it has no neighbours among the others, so it is named an island again and
  // its value never enters the statistic
  var standardised = [Double?](repeating: nil, count: events.count)
  for (k, f) in input.sample.indices.enumerated() { standardised[f] = rates[k] }
  for island in Set(input.sample.islands) {
    if let f = weights.ids.firstIndex(of: island) { standardised[f] = 0 }
  }
  return try localMoran(
    standardised, weights: weights, transformation: transformation,
    permutations: permutations, seed: seed, scheme: scheme, islands: islands)
}

/// The checks and sample of the rate statistics: bases above 0, a unit present when both its
/// numbers are.
private func preparedRates(
  events: [Double?], base: [Double?], weights: SpatialWeights, islands: IslandPolicy
) throws -> PreparedInput {
  guard base.count == events.count else {
    throw AutocorrelationError.countMismatch(
      what: "population values", expected: events.count, got: base.count)
  }
  for (k, b) in base.enumerated() {
    if let b, !b.isNaN, b <= 0, k < weights.count {
      throw AutocorrelationError.nonPositiveBase(unit: weights.ids[k], value: b)
    }
  }
  // a unit is present when both numbers are; carry the index to look the base up afterwards
  let joined: [Double?] = zip(events, base).enumerated().map { k, pair in
    guard let e = pair.0, let b = pair.1, !e.isNaN, !b.isNaN else { return nil }
    return Double(k)
  }
  return try prepare(joined, weights, islands: islands, permutations: 0)
}
