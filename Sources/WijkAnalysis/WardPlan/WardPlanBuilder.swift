import Cartography
import SpatialWeights

/// Builds a ward's ``WardPlan`` from the published figures of the run: copies the ward's
/// numbers out of ``Publication/result``, the groups it belongs to, its neighbours, its
/// values per year, and picks what stands out (``Standouts``).
public enum WardPlanBuilder {
  /// - Parameters:
  ///   - ward: index of the ward in `table` (``WardNameMatcher`` finds it).
  ///   - publication: the published figures of the plan's year
  ///     (``Publication/make(_:extraColumns:relations:)``).
  ///   - table: the ward table of that run.
  ///   - neighbours: the queen neighbours of every ward (``queenNeighbours(_:configuration:)``).
  ///   - years: the published figures of each trend year, oldest first (empty: no trend).
  ///   - housing: the optional housing figures.
  ///   - period: the analysed period, shown in the title.
  public static func build(
    ward: Int, publication: Publication, table: WardTable, neighbours: SpatialWeights,
    years: [(year: String, publication: Publication)] = [], housing: HousingFigures? = nil,
    period: String? = nil
  ) -> WardPlan {
    let p = publication
    let r = p.result
    let code = table.codes[ward]
    let language = Language(rawValue: r.language) ?? .dutch
    // Of a sector indicator's years only the last is a row of the fiche; its years are on
    // the page of the series (``PlanSeries``).
    let earlier = Set(r.series.flatMap { $0.indicators.compactMap { $0 }.dropLast() })
    let indicators = r.indicators.filter { !earlier.contains($0.id) }.map { i in
      let withheld = p.withheld(i.id, ward: ward)
      return PlanIndicator(
        id: i.id, label: i.label, unit: i.unit, kind: i.kind, worse: i.worse, ward: i.wards[ward],
        cityValue: i.city.value, cityNumeratorTotal: i.city.numeratorTotal,
        cityBaseTotal: i.city.baseTotal, rankedWards: i.wards.filter { $0.rank != nil }.count,
        tests: i.tests, withheld: withheld, cityWithheld: p.withheldCity.contains(i.id),
        interval: withheld == nil ? RateInterval.published(i, i.wards[ward]) : nil)
    }
    let groups = r.groups.filter { $0.wards.contains(code) }.map {
      PlanGroup(
        name: $0.name, illustrative: $0.illustrative, indicators: $0.indicators,
        withheld: (p.withheldGroups[$0.name] ?? []).sorted())
    }
    let own = neighbours.index(of: code).map { Array(neighbours.neighbours(of: $0)) } ?? []
    var plan = WardPlan(
      code: code, name: table.names[ward], shortName: table.shortName(ward),
      title: r.title, period: period, language: r.language, wardCount: r.wards.count,
      neighbours: own.sorted().map { r.wards[$0] }, indicators: indicators, groups: groups,
      trend: trend(code, r, years), standouts: [],
      housing: housing?.plan(forWard: code, threshold: p.threshold),
      illustrativeInputs: SummaryReport.illustrativeNotes(r, Words(language: language)),
      credits: SummaryReport.credits(r),
      significance: r.significance, multipleTesting: r.multipleTesting,
      smallNumberThreshold: r.smallNumberThreshold, publicationNotes: p.notes(language),
      provenance: r.provenance)
    plan.series = series(code, p)
    plan.index = r.index.map { index in
      let v = index.wards[ward]
      let labels = Dictionary(uniqueKeysWithValues: index.indicators.map { ($0.name, $0.label) })
      return PlanIndex(
        label: index.label, illustrative: index.illustrative, score: v.score, rank: v.rank,
        decile: v.decile, rankRange: v.rankRange, scoredWards: index.scoredCount,
        withheld: p.withheld(index.id, ward: ward) != nil,
        lacking: v.lacking.map { labels[$0] ?? $0 })
    }
    // The plan's JSON is published: its sentences' numbers are rounded like the rest.
    plan.standouts = Standouts.pick(plan).map { s in
      var s = s
      s.value = PublishedPrecision.round(s.value, PublishedPrecision.index)
      s.score = PublishedPrecision.round(s.score, 2)
      return s
    }
    return plan
  }

  /// Queen contiguity of the table's wards: the run's own weights when they are queen,
  /// otherwise built with the same snap tolerance and contiguity method.
  /// - Throws: `WeightsError` from the contiguity builder.
  public static func queenNeighbours(
    _ run: Analysis.Run, configuration: AnalysisConfiguration
  ) throws -> SpatialWeights {
    if configuration.weights.kind == .queen { return run.weights }
    return try .queen(
      ids: run.table.codes, geometries: run.table.geometries,
      snapTolerance: configuration.weights.snap ?? 0,
      method: configuration.weights.contiguity ?? .boundary)
  }

  /// Each indicator's published value for the ward and the city in each year of the
  /// period-filtered tables. Sector indicators have their own year (``IndicatorResult/year``:
  /// population 2022, the census of 2021) that does not follow `--years`, and their series
  /// have their own page; the composite index mixes them with the period's figures. Both
  /// are left out, or every year would repeat one year's figure under another year's label.
  static func trend(
    _ code: String, _ r: AnalysisResult, _ years: [(year: String, publication: Publication)]
  ) -> [PlanTrend] {
    guard !years.isEmpty else { return [] }
    return r.indicators.filter { $0.year == nil && $0.kind != "score" }.map { i in
      PlanTrend(
        indicator: i.id,
        points: years.map { y in
          let yi = y.publication.result.indicator(i.id)
          let k = yi?.wards.firstIndex { $0.code == code }
          let w = k.map { yi!.wards[$0] }
          let withheld = k.flatMap { y.publication.withheld(i.id, ward: $0) }
          return TrendPoint(
            year: y.year, ward: w?.value, wardNumerator: w?.numerator, wardBase: w?.base,
            city: yi?.city.value, rank: w?.rank,
            rankedWards: yi?.wards.filter { $0.rank != nil }.count ?? 0,
            withheld: w?.value == nil ? withheld.map { $0.value(kind: i.kind) } : nil)
        })
    }
  }
}
