import Cartography
import SpatialWeights

/// Builds a ward's ``WardPlan`` from the analysis run: copies the ward's numbers out of the
/// ``AnalysisResult``, the groups it belongs to, its neighbours, its values per year, and
/// picks what stands out (``Standouts``).
public enum WardPlanBuilder {
  /// - Parameters:
  ///   - ward: index of the ward in `run.table` (``WardNameMatcher`` finds it).
  ///   - run: the analysis of the plan's year, as `wijk analyse` makes it.
  ///   - neighbours: the queen neighbours of every ward (``queenNeighbours(_:)``).
  ///   - years: one result per year for the trend, oldest first (empty: no trend).
  ///   - housing: the optional housing figures.
  ///   - period: the analysed period, shown in the title.
  public static func build(
    ward: Int, run: Analysis.Run, neighbours: SpatialWeights,
    years: [(year: String, result: AnalysisResult)] = [], housing: HousingFigures? = nil,
    period: String? = nil
  ) -> WardPlan {
    let r = run.result
    let code = run.table.codes[ward]
    let indicators = r.indicators.map { i in
      PlanIndicator(
        id: i.id, label: i.label, unit: i.unit, kind: i.kind, worse: i.worse, ward: i.wards[ward],
        cityValue: i.city.value, cityNumeratorTotal: i.city.numeratorTotal,
        cityBaseTotal: i.city.baseTotal, rankedWards: i.wards.filter { $0.rank != nil }.count)
    }
    let groups = r.groups.filter { $0.wards.contains(code) }.map {
      PlanGroup(name: $0.name, illustrative: $0.illustrative, indicators: $0.indicators)
    }
    let own = neighbours.index(of: code).map { Array(neighbours.neighbours(of: $0)) } ?? []
    var plan = WardPlan(
      code: code, name: run.table.names[ward], shortName: run.table.shortName(ward),
      title: r.title, period: period, language: r.language, wardCount: r.wards.count,
      neighbours: own.sorted().map { r.wards[$0] }, indicators: indicators, groups: groups,
      trend: trend(code, r, years), standouts: [], housing: housing?.plan(forWard: code),
      illustrativeInputs: SummaryReport.illustrativeNotes(
        r, Words(language: Language(rawValue: r.language) ?? .dutch)),
      credits: SummaryReport.credits(r),
      significance: r.significance, smallNumberThreshold: r.smallNumberThreshold,
      provenance: r.provenance)
    plan.standouts = Standouts.pick(plan)
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

  /// Each indicator's value for the ward and the city in each year's result.
  static func trend(
    _ code: String, _ r: AnalysisResult, _ years: [(year: String, result: AnalysisResult)]
  ) -> [PlanTrend] {
    guard !years.isEmpty else { return [] }
    return r.indicators.map { i in
      PlanTrend(
        indicator: i.id,
        points: years.map { y in
          let yi = y.result.indicator(i.id)
          let w = yi?.wards.first { $0.code == code }
          return TrendPoint(
            year: y.year, ward: w?.value, wardNumerator: w?.numerator, wardBase: w?.base,
            city: yi?.city.value, rank: w?.rank,
            rankedWards: yi?.wards.filter { $0.rank != nil }.count ?? 0)
        })
    }
  }
}
