import SpatialStats
import SpatialWeights

/// The configured pairs of indicators (``BivariatePairSpec``) computed on the run's exact
/// ward values, or on the published ones (``PublishedBivariate``).
enum BivariateAnalysis {
  /// Every pair of `specs` on `indicators`' ward values.
  /// - Throws: ``ConfigurationError/invalid(file:key:reason:)`` for a pair naming an
  ///   indicator the run does not have (the message lists those it has); the errors of
  ///   `localMoranBivariate` (a bug: values and weights always line up).
  static func compute(
    _ specs: [BivariatePairSpec], indicators: [IndicatorResult], weights: SpatialWeights,
    settings: IndicatorSettings, file: String
  ) throws -> [BivariateResult] {
    try specs.map { pair in
      let (x, y) = (try find(pair.x, indicators, file), try find(pair.y, indicators, file))
      return try compute(
        pair, x: x.wards.map(\.value), y: y.wards.map(\.value), labels: (x.label, y.label),
        weights: weights, settings: settings)
    }
  }

  static func find(_ id: String, _ indicators: [IndicatorResult], _ file: String) throws
    -> IndicatorResult
  {
    guard let i = indicators.first(where: { $0.id == id }) else {
      throw ConfigurationError.invalid(
        file: file, key: "bivariate",
        reason: "no indicator '\(id)'; the run has: "
          + indicators.map(\.id).joined(separator: ", "))
    }
    return i
  }

  /// One pair on the ward values `x` and `y` (one per ward of `weights`, `nil` missing).
  static func compute(
    _ pair: BivariatePairSpec, x: [Double?], y: [Double?], labels: (String, String),
    weights: SpatialWeights, settings: IndicatorSettings
  ) throws -> BivariateResult {
    let global = try moranBivariate(
      x, y, weights: weights, permutations: settings.permutations, seed: settings.seed)
    let local = try localMoranBivariate(
      x, y, weights: weights, permutations: settings.permutations, seed: settings.seed)
    var result = BivariateResult(
      id: pair.id, x: pair.x, y: pair.y, xLabel: labels.0, yLabel: labels.1,
      moranI: global.value?.i, pseudoP: global.value?.permutation?.pseudoP,
      tail: global.value?.permutation.map(\.tail.rawValue), permutations: settings.permutations,
      seed: settings.seed, excluded: global.sample.missing + global.sample.islands,
      undefined: global.estimate.reason?.description,
      wards: weights.ids.map { BivariateWardValue(code: $0, category: "no data") }, tests: nil)
    addLocal(local, pair, settings, &result)
    return result
  }

  /// The wards' local I, quadrant, pseudo p and category (the univariate LISA's rules,
  /// ``LISAWards/decide(_:quadrants:permutation:ids:family:statistic:_:)``).
  static func addLocal(
    _ local: AutocorrelationResult<LocalBivariateMoran>, _ pair: BivariatePairSpec,
    _ settings: IndicatorSettings, _ result: inout BivariateResult
  ) {
    let l = local.value
    let (category, pseudoP, family) = LISAWards.decide(
      local.sample, quadrants: l?.quadrants, permutation: l?.permutation,
      ids: result.wards.map(\.code), family: pair.id, statistic: "bivariate local Moran",
      settings)
    for w in result.wards.indices {
      (result.wards[w].category, result.wards[w].pseudoP) = (category[w], pseudoP[w])
    }
    for (k, w) in local.sample.indices.enumerated() {
      guard let l else { break }
      (result.wards[w].localI, result.wards[w].quadrant) = (l.i[k], l.quadrants[k].rawValue)
    }
    result.tests = family
  }
}
