/// One sector indicator of the ward over the years of its tables (population 2011–2022),
/// copied from the published series (``Publication/result``'s ``AnalysisResult/series``):
/// the ward's and the city's values, the ward's rank each year, its change, trend and
/// emerging-hot-spot category.
public struct PlanSeries: Sendable, Codable, Equatable {
  /// The series id (`population`), its label and unit.
  public var id: String
  public var label: String
  public var unit: String?
  /// How the wards' figures were made (`sum`, `ratio_of_sums`, `weighted_mean`), and for an
  /// estimate how (printed under the chart).
  public var aggregation: String
  public var estimate: String?
  /// The years, oldest first.
  public var years: [Int]
  /// The city's published value per year.
  public var city: [Double?]
  /// The ward's published series: values, change, trend, hot-spot category.
  public var ward: WardSeries
  /// The ward's rank per year (1 = highest) and the number of wards ranked that year.
  public var ranks: [Int?]
  public var rankedWards: [Int]
  /// The ward groups the ward belongs to, each with its published value per year.
  public var groups: [PlanSeriesGroup] = []

  /// Whether ward and city are totals (a count), so that the chart compares their growth
  /// (index, first year = 100) rather than their levels.
  public var isCount: Bool { aggregation == "sum" }
}

/// A ward group over the years of a series: the group's value each year as
/// ``GroupComparison`` makes it (a sum over the member wards, or a ratio of sums, never a mean
/// of the wards' rates), `nil` where the year has none or the publication withholds it.
public struct PlanSeriesGroup: Sendable, Codable, Equatable {
  /// The group's name (e.g. `impulswijken`).
  public var name: String
  /// Whether the group's ward list is illustrative; the chart's legend says so.
  public var illustrative: Bool
  /// One value per year of the series.
  public var values: [Double?]
}

extension WardPlanBuilder {
  /// The ward's published series, with its rank in every year from that year's indicator
  /// and the values of its groups (each year's ``GroupIndicatorValue``).
  static func series(_ code: String, _ p: Publication) -> [PlanSeries] {
    let r = p.result
    let groups = r.groups.filter { $0.wards.contains(code) }
    return r.series.compactMap { s in
      guard let ward = s.wards.first(where: { $0.code == code }) else { return nil }
      let yearly = s.indicators.map { id in id.flatMap { r.indicator($0) } }
      var out = PlanSeries(
        id: s.id, label: s.label, unit: s.unit, aggregation: s.aggregation,
        estimate: s.estimate, years: s.years, city: s.city, ward: ward,
        ranks: yearly.map { i in i?.wards.first { $0.code == code }?.rank },
        rankedWards: yearly.map { i in i?.wards.filter { $0.rank != nil }.count ?? 0 })
      out.groups = groups.map { g in
        let withheld = p.withheldGroups[g.name] ?? []
        return PlanSeriesGroup(
          name: g.name, illustrative: g.illustrative,
          values: s.indicators.map { id in
            guard let id, !withheld.contains(id) else { return nil }
            return g.indicators.first { $0.indicator == id }?.value
          })
      }
      return out
    }
  }
}
