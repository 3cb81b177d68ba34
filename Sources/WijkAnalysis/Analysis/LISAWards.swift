import SpatialStats
import SpatialWeights

/// Local Moran of one vector of ward values with the run's permutations, seed and
/// multiple-testing correction, per ward in the order of the values: what the LISA of an
/// indicator (``LocalStatistics``) and the LISA of a series' change (``ChangeLISA``) store.
/// esda `Moran_Local` with conditional permutations, row-standardised weights.
struct LISAWards {
  /// The statistic as computed: the sample (missing values, islands) and, when undefined
  /// (constant values), the reason.
  var run: AutocorrelationResult<LocalMoran>
  /// Per ward: local I, quadrant (HH, LH, LL, HL) and pseudo p; `nil` outside the sample.
  var i: [Double?]
  var quadrant: [String?]
  /// Per ward: the Moran scatterplot's z and lag; `nil` outside the sample.
  var z: [Double?]
  var lag: [Double?]
  var pseudoP: [Double?]
  /// Per ward: HH, LH, LL, HL when significant in the tail its quadrant implies (after the
  /// correction), else `not significant`; `not tested` without permutations; `no data`,
  /// `no neighbours` or `undefined` outside the sample.
  var category: [String]
  /// The wards' tests as one family; `nil` without permutations or without a statistic.
  var family: TestFamily?

  /// - Parameters:
  ///   - values: one per ward of `weights`, `nil` when missing.
  ///   - family: the id the test family is recorded under (an indicator, `<series>-change`).
  /// - Throws: the errors of `localMoran` (values and weights that do not line up).
  init(
    _ values: [Double?], weights: SpatialWeights, settings: IndicatorSettings, family id: String
  ) throws {
    run = try localMoran(
      values, weights: weights, permutations: settings.permutations, seed: settings.seed)
    let n = values.count
    (i, quadrant, z, lag) = (
      Array(repeating: nil, count: n), Array(repeating: nil, count: n),
      Array(repeating: nil, count: n), Array(repeating: nil, count: n)
    )
    let l = run.value
    for (k, w) in run.sample.indices.enumerated() {
      guard let l else { break }
      (i[w], quadrant[w]) = (l.i[k], l.quadrants[k].rawValue)
      (z[w], lag[w]) = (l.z[k], l.lag[k])
    }
    (category, pseudoP, family) = Self.decide(
      run.sample, quadrants: l?.quadrants, permutation: l?.permutation, ids: weights.ids,
      family: id, statistic: "local Moran", settings)
  }

  /// The categories, pseudo p and test family of a local statistic with quadrants (local
  /// Moran, bivariate local Moran), per ward of `ids`: `no data` or `no neighbours` outside
  /// `sample`, `undefined` when the statistic is (`quadrants` `nil`), `not tested` without
  /// permutations, else ``category(_:tail:significant:)`` after the run's correction.
  static func decide(
    _ sample: AnalysedSample, quadrants: [Quadrant]?, permutation: LocalPermutationInference?,
    ids: [String], family id: String, statistic: String, _ settings: IndicatorSettings
  ) -> (category: [String], pseudoP: [Double?], family: TestFamily?) {
    var category = Array(repeating: "no data", count: ids.count)
    var pseudoP = [Double?](repeating: nil, count: ids.count)
    let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    for id in sample.islands { position[id].map { category[$0] = "no neighbours" } }
    guard let quadrants else {
      for w in sample.indices { category[w] = "undefined" }
      return (category, pseudoP, nil)
    }
    for (k, w) in sample.indices.enumerated() {
      pseudoP[w] = permutation?.pseudoP[k]
      category[w] = "not tested"
    }
    guard let permutation else { return (category, pseudoP, nil) }
    let (family, significant) = Significance.decide(
      pseudoP, indicator: id, statistic: statistic, over: "wards", settings)
    for (k, w) in sample.indices.enumerated() {
      category[w] = Self.category(
        quadrants[k], tail: permutation.tails[k], significant: significant[w])
    }
    return (category, pseudoP, family)
  }

  /// A ward's category: its quadrant when significant in the tail its quadrant implies,
  /// else `not significant`. A cluster (HH, LL) has a large I, an outlier (HL, LH) a small
  /// one; a significant tail against the quadrant would need a lag between the mean of all
  /// wards and that of the others, which no p < 0.5 allows: such a ward is not named.
  static func category(_ quadrant: Quadrant, tail: PermutationTail, significant: Bool) -> String {
    let cluster = [.highHigh, .lowLow].contains(quadrant)
    let agrees = tail == (cluster ? .upper : .lower)
    return significant && agrees ? quadrant.rawValue : "not significant"
  }
}
