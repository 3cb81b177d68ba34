import SpatialStats

/// One indicator as it may be published (the recomputation and rounding of ``Publication``).
enum PublishedIndicator {
  /// What a withheld ward's LISA category reads.
  static let notPublished = "not published"

  /// `exact` with `withheld` wards' figures removed, the statistics that combine wards
  /// recomputed over the published ones, and every number rounded.
  ///
  /// - Parameters:
  ///   - withheld: one entry per ward (empty: none withheld).
  ///   - cityWithheld: the city totals are withheld too (with the shares and LQs, which
  ///     would give them back).
  static func publish(
    _ exact: IndicatorResult, spec: IndicatorSpec, withheld: [WithheldFigures?],
    cityWithheld: Bool, run: Analysis.Run
  ) throws -> IndicatorResult {
    try rounded(
      figures(exact, spec: spec, withheld: withheld, cityWithheld: cityWithheld, run: run),
      run.settings)
  }

  /// The published figures of ``publish(_:spec:withheld:cityWithheld:run:)`` before rounding
  /// and map classes. The local Moran, Gi* and local Geary families are those of the recomputation: the
  /// published wards with a pseudo p, decided on the exact p-values (the withheld ward is out
  /// of the sample, so neither its p nor the threshold it would move is published).
  static func figures(
    _ exact: IndicatorResult, spec: IndicatorSpec, withheld: [WithheldFigures?],
    cityWithheld: Bool, run: Analysis.Run
  ) throws -> IndicatorResult {
    let hidden = run.table.codes.indices.map { $0 < withheld.count && withheld[$0] != nil }
    var p = hidden.contains(true) ? try recomputed(spec, hidden: hidden, run: run) : exact
    // A recomputation knows the spec, not the series: keep the year, rule, origin and the
    // "estimate" wording every report must carry.
    (p.series, p.year, p.aggregation) = (exact.series, exact.year, exact.aggregation)
    (p.origin, p.estimate) = (exact.origin, exact.estimate)
    p.warnings = p.warnings.filter { !$0.hasPrefix("no map classes") }
    p.city.numeratorTotal = exact.city.numeratorTotal
    p.city.baseTotal = exact.city.baseTotal
    p.city.value = exact.city.value
    // A mean's numerator total (kWh) with a ward's withheld would give that ward's sum back.
    if cityWithheld || (spec.kind == .mean && hidden.contains(true)) {
      p.city.numeratorTotal = nil
    }
    if cityWithheld { (p.city.baseTotal, p.city.value) = (nil, nil) }
    for w in p.wards.indices {
      if let f = hidden[w] ? withheld[w] : nil {
        p.wards[w] = withheldValue(exact.wards[w], f, kind: exact.kind)
        continue
      }
      let e = exact.wards[w]
      (p.wards[w].numerator, p.wards[w].base, p.wards[w].value) = (e.numerator, e.base, e.value)
      p.wards[w].densityPerSquareKilometre = e.densityPerSquareKilometre
      p.wards[w].smallBase = e.smallBase
      p.wards[w].shareOfCity = cityWithheld ? nil : e.shareOfCity
      p.wards[w].locationQuotient = cityWithheld ? nil : e.locationQuotient
      for key in ["value", "share", "location quotient"] {
        p.wards[w].undefined[key] = e.undefined[key]
      }
      p.wards[w].flags = []
    }
    IndicatorAnalysis.addFlags(run.settings, &p)
    return p
  }

  /// `p` rounded to ``PublishedPrecision``, with map classes over the rounded values.
  static func rounded(_ p: IndicatorResult, _ settings: IndicatorSettings) throws
    -> IndicatorResult
  {
    var p = p
    round(&p)
    p.classes = try IndicatorAnalysis.classes(p.wards.map(\.value), settings.classification, &p)
    return p
  }

  /// The indicator computed on the ward table with the withheld wards' numerator and base
  /// missing: ranks, z, EB, local Moran, Gi*, the city indices over the published wards.
  static func recomputed(_ spec: IndicatorSpec, hidden: [Bool], run: Analysis.Run) throws
    -> IndicatorResult
  {
    var table = run.table
    for column in [spec.numerator] + (spec.base.map { [$0] } ?? []) {
      table.columns[column] = table.columns[column].map { values in
        values.indices.map { hidden[$0] ? nil : values[$0] }
      }
    }
    return try IndicatorAnalysis.compute(
      spec, table: table, weights: run.weights, settings: run.settings)
  }

  /// A ward whose figures are withheld: only its published cells (a base of 396 beside a
  /// "<5") are kept.
  static func withheldValue(_ e: WardIndicatorValue, _ f: WithheldFigures, kind: String)
    -> WardIndicatorValue
  {
    var v = WardIndicatorValue(
      code: e.code, numerator: f.numerator == nil ? e.numerator : nil,
      base: f.base == nil ? e.base : nil, smallBase: false, lisaCategory: notPublished,
      undefined: [:], flags: [])
    if kind == "count", f.numerator == nil { v.value = e.value }
    return v
  }

  /// Every number rounded to ``PublishedPrecision``.
  static func round(_ p: inout IndicatorResult) {
    typealias P = PublishedPrecision
    let d = P.value(p)
    let numerator =
      p.kind == "mean"
      ? P.magnitude(p.city.numeratorTotal ?? 1000) : p.kind == "score" ? d : P.count
    let density = P.magnitude(p.wards.compactMap(\.densityPerSquareKilometre).max() ?? 0)
    for w in p.wards.indices {
      var v = p.wards[w]
      v.numerator = P.round(v.numerator, numerator)
      v.base = P.round(v.base, P.count)
      v.value = P.round(v.value, d)
      v.shareOfCity = P.round(v.shareOfCity, P.share)
      v.densityPerSquareKilometre = P.round(v.densityPerSquareKilometre, density)
      v.smoothedRate = P.round(v.smoothedRate, d)
      v.spatialSmoothedRate = P.round(v.spatialSmoothedRate, d)
      v.locationQuotient = P.round(v.locationQuotient, P.locationQuotient)
      v.zScore = P.round(v.zScore, P.standardScore)
      v.localMoranI = P.round(v.localMoranI, P.standardScore)
      v.lisaZ = P.round(v.lisaZ, P.standardScore)
      v.lisaLag = P.round(v.lisaLag, P.standardScore)
      v.lisaPseudoP = P.round(v.lisaPseudoP, P.pValue)
      v.giStarZ = P.round(v.giStarZ, P.standardScore)
      v.giStarPseudoP = P.round(v.giStarPseudoP, P.pValue)
      v.localGearyC = P.round(v.localGearyC, P.standardScore)
      v.localGearyPseudoP = P.round(v.localGearyPseudoP, P.pValue)
      v.concentrationJoinPseudoP = P.round(v.concentrationJoinPseudoP, P.pValue)
      p.wards[w] = v
    }
    var c = p.city
    c.numeratorTotal = P.round(c.numeratorTotal, numerator)
    c.baseTotal = P.round(c.baseTotal, P.count)
    c.value = P.round(c.value, d)
    for key in [
      \CityIndicatorStatistics.dissimilarity, \.isolation, \.theilH, \.giniSegregation,
      \.giniInequality, \.topFifthShare, \.spatialDissimilarity,
      \.spatialProximity,
    ] {
      c[keyPath: key] = P.round(c[keyPath: key], P.index)
    }
    c.moran = c.moran.map(round)
    c.moranEmpiricalBayes = c.moranEmpiricalBayes.map(round)
    c.geary = c.geary.map(round)
    c.dissimilarityTest = c.dissimilarityTest.map(round)
    c.generalG = c.generalG.map(round)
    c.spatialGini = c.spatialGini.map(round)
    p.city = c
    p.tests = p.tests.map(round)
  }

  static func round(_ f: TestFamily) -> TestFamily {
    var f = f
    f.threshold = PublishedPrecision.round(f.threshold, PublishedPrecision.threshold(f.threshold))
    return f
  }

  static func round(_ d: DissimilarityTest) -> DissimilarityTest {
    typealias P = PublishedPrecision
    var d = d
    d.observed = P.round(d.observed, P.index)
    d.expectedUnderNull = P.round(d.expectedUnderNull, P.index)
    d.pseudoP = P.round(d.pseudoP, P.pValue)
    return d
  }

  static func round(_ g: GearySummary) -> GearySummary {
    typealias P = PublishedPrecision
    var g = g
    (g.c, g.expectedC) = (P.round(g.c, P.index), P.round(g.expectedC, P.index))
    g.zRandomisation = P.round(g.zRandomisation, P.standardScore)
    g.pRandomisation = P.round(g.pRandomisation, P.pValue)
    g.pNormality = P.round(g.pNormality, P.pValue)
    g.pseudoP = P.round(g.pseudoP, P.pValue)
    return g
  }

  /// General G is a small number (≈ links / n²): as many decimals as its expectation needs
  /// for two significant digits, at least 3 (0.191 against 0.186 for Genk's wards).
  static func round(_ g: GeneralGSummary) -> GeneralGSummary {
    typealias P = PublishedPrecision
    var g = g
    let d = P.threshold(g.expectedG)
    (g.g, g.expectedG) = (P.round(g.g, d), P.round(g.expectedG, d))
    g.z = P.round(g.z, P.standardScore)
    (g.p, g.pseudoP) = (P.round(g.p, P.pValue), P.round(g.pseudoP, P.pValue))
    return g
  }

  static func round(_ g: SpatialGiniSummary) -> SpatialGiniSummary {
    typealias P = PublishedPrecision
    var g = g
    (g.gini, g.nonNeighbourShare) = (P.round(g.gini, P.index), P.round(g.nonNeighbourShare, P.index))
    g.polarization = P.round(g.polarization, P.index)
    g.pseudoP = P.round(g.pseudoP, P.pValue)
    return g
  }

  static func round(_ m: MoranSummary) -> MoranSummary {
    typealias P = PublishedPrecision
    var m = m
    m.i = P.round(m.i, P.index)
    m.expectedI = P.round(m.expectedI, P.index)
    m.zRandomisation = P.round(m.zRandomisation, P.standardScore)
    m.pNormality = P.round(m.pNormality, P.pValue)
    m.pRandomisation = P.round(m.pRandomisation, P.pValue)
    m.pseudoP = P.round(m.pseudoP, P.pValue)
    return m
  }
}
