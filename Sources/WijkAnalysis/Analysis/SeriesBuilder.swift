import SpatialStats
import SpatialWeights

/// The sector indicators over their years: each year's result labelled with its origin,
/// pooled map classes over the years, and per ward the change, trend and emerging-hot-spot
/// category.
///
/// The same functions make the working figures (every ward) and the published ones
/// (``Publication``: a ward withheld in some year has no published change or trend, and the
/// yearly Gi* of the emerging hot spots leaves it out of the sample).
enum SeriesBuilder {
  /// Labels each yearly result with its series, year, rule, origin and (weighted mean) how
  /// the estimate was made.
  static func label(
    _ indicators: inout [IndicatorResult], _ figures: SectorYearFigures, language: String
  ) {
    for (spec, years) in zip(figures.specs, figures.years) {
      for y in years {
        guard let id = y.spec?.id, let k = indicators.firstIndex(where: { $0.id == id })
        else { continue }
        indicators[k].series = spec.id
        indicators[k].year = y.year
        indicators[k].aggregation = spec.rule.keyword
        indicators[k].origin = origin(y.origin, language: language)
        indicators[k].estimate = estimate(spec.rule, figures.specs, language: language)
      }
    }
  }

  /// "2021: genk_population_….csv, sectors statsec2020 through genk_statsec2024_….csv".
  static func origin(_ o: FigureOrigin, language: String) -> String {
    let files = o.files.map(fileName).joined(separator: ", ")
    let lookup = fileName(o.lookup)
    var s =
      language == "en"
      ? "\(o.year): \(files); sectors of vintage \(o.vintage) through \(lookup)"
      : "\(o.year): \(files); sectoren van \(o.vintage) via \(lookup)"
    if !o.notLocated.isEmpty {
      let totals = o.notLocatedTotals.sorted { $0.key < $1.key }
        .map { "\($0.key) \(Int($0.value.rounded()))" }.joined(separator: ", ")
      s +=
        language == "en"
        ? "; not located (in no ward): \(o.notLocated.joined(separator: ", ")) (\(totals))"
        : "; niet gelokaliseerd (in geen wijk): \(o.notLocated.joined(separator: ", ")) (\(totals))"
    }
    return s
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// How a weighted mean is estimated, or `nil` for an exact rule. The weight is named by the
  /// label of the indicator that sums it (residents), else by its column.
  static func estimate(
    _ rule: AggregationRule, _ specs: [SectorIndicatorSpec], language: String
  ) -> String? {
    guard case .weightedMean(_, let weight) = rule else { return nil }
    let named = specs.first { $0.rule == .sum(column: weight) }?.label.text(language).lowercased()
    let by = named ?? weight
    return language == "en"
      ? "ESTIMATE: the mean of the sectors' published means weighted by their \(by); the true "
        + "weight (the number of declarations) is not in the data. A ward of one inhabited "
        + "sector has its sector's published value."
      : "SCHATTING: gemiddelde van de gepubliceerde sectorgemiddelden, gewogen met het aantal "
        + "\(by) per sector; het echte gewicht (het aantal aangiften) staat niet in de data. Een "
        + "wijk met één bewoonde sector krijgt de gepubliceerde waarde van die sector."
  }

  /// How a ward figure was made, in the run's language (``FigureBasis`` says it in English).
  static func basis(_ b: FigureBasis, _ language: String) -> String {
    guard language != "en" else { return b.description }
    switch b {
    case .exact: return "exact"
    case .estimate(_, _, let sectors): return "schatting uit \(sectors) sectoren"
    case .missing(let gaps):
      return "ontbreekt: geen waarde voor sector "
        + Array(Set(gaps.map(\.sector))).sorted().joined(separator: ", ")
    case .zeroBase: return "ontbreekt: basis 0"
    case .negativeWeight(let sector, _): return "ontbreekt: negatief gewicht in sector \(sector)"
    case .notAggregable(let sectors): return "niet optelbaar: bereik van \(sectors) sectoren"
    }
  }

  /// One set of class bounds per series over all its years (mapclassify `Pooled`), set as
  /// each year's classes; returns the bounds per series id.
  @discardableResult
  static func poolClasses(
    _ indicators: inout [IndicatorResult], _ figures: SectorYearFigures,
    _ spec: ClassificationSpec
  ) throws -> [String: [Double]] {
    var bounds: [String: [Double]] = [:]
    for years in figures.years {
      let ks = years.compactMap { y in
        y.spec.flatMap { s in indicators.firstIndex { $0.id == s.id } }
      }
      guard ks.count > 1, let series = years.first?.series else { continue }
      let columns = ks.map { indicators[$0].wards.map(\.value) }
      let outcome = try Classifier.pooled(columns) { values throws(ClassificationError) in
        switch spec.method {
        case .quantiles: try Classifier.quantiles(values, classes: spec.classes)
        case .equalInterval: try Classifier.equalInterval(values, classes: spec.classes)
        case .fisherJenks: try Classifier.fisherJenks(values, classes: spec.classes)
        }
      }
      guard let pooled = outcome.value else { continue }
      bounds[series] = pooled.pooled.bins
      for (k, c) in zip(ks, pooled.columns) {
        indicators[k].classes = ClassesSummary(
          method: c.method.description + ", pooled over \(ks.count) years",
          upperBounds: c.bins, counts: c.counts, classOfWard: c.classIndex, notes: c.notes)
      }
    }
    return bounds
  }

  /// The series of every sector indicator.
  ///
  /// - Parameters:
  ///   - indicators: the yearly results (exact, or published).
  ///   - hidden: indicator id → per ward, withheld (published figures); empty for exact.
  ///   - rounding: applied to changes and slopes of published figures.
  static func build(
    _ figures: SectorYearFigures, indicators: [IndicatorResult], codes: [String],
    weights: SpatialWeights, configuration c: AnalysisConfiguration,
    hidden: [String: [Bool]] = [:], pooled: [String: [Double]]
  ) throws -> [IndicatorSeries] {
    try zip(figures.specs, figures.years).enumerated().map { s, pair in
      let (spec, years) = pair
      let results = years.map { y in y.spec.flatMap { sp in indicators.first { $0.id == sp.id } } }
      var series = IndicatorSeries(
        id: spec.id, label: spec.label.text(c.language), unit: spec.unit?.text(c.language),
        aggregation: spec.rule.keyword,
        estimate: estimate(spec.rule, figures.specs, language: c.language),
        years: years.map(\.year), indicators: years.map { $0.spec?.id },
        origins: years.map(\.origin), city: results.map { $0?.city.value }, wards: [],
        pooledUpperBounds: pooled[spec.id], hotSpots: nil, notes: [])
      let panel: [[Double?]] = results.map { r in
        codes.indices.map { w in
          guard let r, !(hidden[r.id]?[w] ?? false) else { return nil }
          return r.wards[w].value
        }
      }
      series.wards = codes.indices.map { w in
        var out = ward(
          w, code: codes[w], years: years, panel: panel, sectors: figures.sectorsOfWard[s],
          aggregable: results.contains { $0 != nil }, trend: c.trend, language: c.language)
        // withheld in some year: no published change or trend (they would rest on the years
        // around the withheld one); its published years stay in ``WardSeries/values``
        if results.contains(where: { r in r.map { hidden[$0.id]?[w] ?? false } ?? false }) {
          (out.change, out.changePercent, out.changeYears) = (nil, nil, nil)
          (out.trend, out.trendNote) = (nil, nil)
        }
        return out
      }
      try addHotSpots(
        &series, spec: spec, panel: panel, weights: weights, c.emergingHotSpots,
        language: c.language)
      try ChangeLISA.add(&series, weights: weights, settings: IndicatorSettings(configuration: c))
      if !series.wards.contains(where: { $0.trend != nil }), results.contains(where: { $0 != nil })
      {
        series.notes.append(
          "no trend: \(years.count) year(s), fewer than the \(c.trend.minimumYears) a trend needs")
      }
      if results.allSatisfy({ $0 == nil }) {
        series.notes.append(SectorYearsError.notAggregable(indicator: spec.id).description)
      }
      return series
    }
  }

  /// One ward's series: values, bases, ranges, definition changes, change and trend.
  static func ward(
    _ w: Int, code: String, years: [SectorIndicatorYear], panel: [[Double?]],
    sectors: [[String]], aggregable: Bool, trend spec: TrendSpec, language: String
  ) -> WardSeries {
    let values = panel.map { $0[w] }
    var out = WardSeries(
      code: code, values: values,
      basis: years.map { y in
        y.figures[w].map { basis($0.basis, language) }
          ?? (language == "en" ? "no sectors in the lookup" : "geen sectoren in de lookup")
      },
      ranges: years.map { y in y.figures[w]?.range.map { [$0.lowerBound, $0.upperBound] } },
      definitionChanged: [], change: nil, changePercent: nil, changeYears: nil, trend: nil,
      trendNote: nil)
    if !aggregable {
      // a not-aggregable figure of one sector is that sector's value, shown, not trended
      out.values = years.map { $0.figures[w]?.value }
      out.trendNote = language == "en" ? "not aggregable" : "niet optelbaar"
      return out
    }
    for k in years.indices.dropFirst() where sectors[k][w] != sectors[k - 1][w] {
      out.definitionChanged.append(years[k].year)
    }
    let start = out.definitionChanged.last.flatMap { y in years.firstIndex { $0.year == y } } ?? 0
    let times = years[start...].map { Double($0.year) }
    let comparable = Array(values[start...])
    if let first = comparable.indices.first(where: { comparable[$0] != nil }),
      let last = comparable.indices.last(where: { comparable[$0] != nil }), last > first
    {
      let (a, b) = (comparable[first]!, comparable[last]!)
      out.change = b - a
      out.changePercent = a != 0 ? 100 * (b - a) / a : nil
      out.changeYears = [Int(times[first]), Int(times[last])]
    }
    let present = comparable.compactMap { $0 }.count
    if let changed = out.definitionChanged.last {
      out.trendNote =
        language == "en"
        ? "the ward's sectors changed in \(changed): compared from \(changed) on, never across it"
        : "de sectoren van de wijk gewijzigd in \(changed): vergeleken vanaf \(changed), nooit erover"
    }
    guard present >= spec.minimumYears else {
      let few =
        language == "en"
        ? "\(present) year(s) with a value: too few for a trend"
        : "\(present) jaar met een waarde: te weinig voor een trend"
      out.trendNote = [out.trendNote, few]
        .compactMap { $0 }.joined(separator: "; ")
      return out
    }
    if case .defined(let t) = try? SpatialStats.trend(comparable, times: times) {
      out.trend = WardTrend(
        years: t.count, firstYear: Int(t.times.first!), lastYear: Int(t.times.last!),
        slopePerYear: t.slope.slope, s: t.test.s, varianceS: t.test.varianceS, z: t.test.z,
        p: t.test.p, tau: t.test.tau, direction: t.test.direction(at: spec.significance).rawValue)
    }
    return out
  }

  /// Gi* per year and the trend of its z-scores (``emergingHotSpots(_:weights:significance:trendSignificance:)``)
  /// for a series with enough years; a ward whose definition changed is not classified.
  static func addHotSpots(
    _ series: inout IndicatorSeries, spec: SectorIndicatorSpec, panel: [[Double?]],
    weights: SpatialWeights, _ h: EmergingHotSpotSpec, language: String
  ) throws {
    guard h.indicators?.contains(spec.id) ?? true, !spec.isNotAggregable else { return }
    guard panel.count >= h.minimumYears else {
      if h.indicators != nil {
        series.notes.append(
          "no emerging hot spots: \(panel.count) years, fewer than \(h.minimumYears)")
      }
      return
    }
    let analysis = try emergingHotSpots(
      panel, weights: weights,
      significance: h.falseDiscoveryRate
        ? .falseDiscoveryRate(alpha: h.significance) : .uncorrected(alpha: h.significance),
      trendSignificance: h.trendSignificance)
    series.hotSpots = HotSpotMethod(
      years: panel.count, significance: h.significance,
      correction: h.falseDiscoveryRate ? "fdr" : "none", trendSignificance: h.trendSignificance)
    for w in series.wards.indices {
      if !series.wards[w].definitionChanged.isEmpty {
        series.wards[w].hotSpotNote =
          language == "en"
          ? "not classified: the ward's sectors changed" : "niet ingedeeld: sectoren gewijzigd"
        continue
      }
      switch analysis.units[w] {
      case .defined(let e):
        series.wards[w].emergingHotSpot = e.category.rawValue
        series.wards[w].hotYears = e.hotYears
        series.wards[w].coldYears = e.coldYears
      case .undefined(let reason):
        series.wards[w].hotSpotNote =
          language == "en"
          ? "not classified: \(reason)" : "niet ingedeeld: niet elk jaar een waarde"
      }
    }
  }
}

extension SectorIndicatorSpec {
  /// Whether the rule refuses ward values.
  var isNotAggregable: Bool { if case .notAggregable = rule { true } else { false } }
}
