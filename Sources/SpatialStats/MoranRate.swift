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
  let input = try prepare(joined, weights, islands: islands, permutations: permutations)
  let rates = assuncaoReisRates(
    events: input.sample.indices.map { events[$0]! }, base: input.sample.indices.map { base[$0]! })
  return AutocorrelationResult(
    sample: input.sample,
    estimate: moranEstimate(
      rates, input.weights.transformed(transformation), permutations: permutations, seed: seed))
}
