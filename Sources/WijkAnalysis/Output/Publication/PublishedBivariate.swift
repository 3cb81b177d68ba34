/// The configured pairs of indicators as they may be published: a ward whose figures of
/// either indicator are withheld is left out and reads "not published", and every pair is
/// computed again over the other wards (the standardisation and the neighbours' mean of
/// every ward would otherwise carry the withheld figures), then rounded.
enum PublishedBivariate {
  /// The published pairs of `run` (the run whose index, if any, is the published one).
  /// - Throws: the errors of ``BivariateAnalysis/compute(_:x:y:labels:weights:settings:)``.
  static func publish(_ p: Publication, run: Analysis.Run) throws -> [BivariateResult]? {
    guard let pairs = run.result.bivariate else { return nil }
    return try pairs.map { exact in
      let hidden = run.result.wards.indices.map {
        p.withheld(exact.x, ward: $0) != nil || p.withheld(exact.y, ward: $0) != nil
      }
      guard hidden.contains(true) else { return rounded(exact) }
      func values(_ id: String) -> [Double?] {
        guard let i = run.result.indicators.first(where: { $0.id == id }) else { return [] }
        return i.wards.indices.map { w in hidden[w] ? nil : i.wards[w].value }
      }
      var published = try BivariateAnalysis.compute(
        BivariatePairSpec(x: exact.x, y: exact.y), x: values(exact.x), y: values(exact.y),
        labels: (exact.xLabel, exact.yLabel), weights: run.weights, settings: run.settings)
      for w in hidden.indices where hidden[w] {
        published.wards[w] = BivariateWardValue(
          code: exact.wards[w].code, category: PublishedIndicator.notPublished)
      }
      return rounded(published)
    }
  }

  /// Every number rounded to ``PublishedPrecision``.
  static func rounded(_ r: BivariateResult) -> BivariateResult {
    typealias P = PublishedPrecision
    var r = r
    r.moranI = P.round(r.moranI, P.index)
    r.pseudoP = P.round(r.pseudoP, P.pValue)
    r.wards = r.wards.map { w in
      var w = w
      w.localI = P.round(w.localI, P.standardScore)
      w.pseudoP = P.round(w.pseudoP, P.pValue)
      return w
    }
    r.tests = r.tests.map(PublishedIndicator.round)
    return r
  }
}
