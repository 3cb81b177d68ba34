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

  /// Whether ward and city are totals (a count), so that the chart compares their growth
  /// (index, first year = 100) rather than their levels.
  public var isCount: Bool { aggregation == "sum" }
}

extension WardPlanBuilder {
  /// The ward's published series, with its rank in every year from that year's indicator.
  static func series(_ code: String, _ r: AnalysisResult) -> [PlanSeries] {
    r.series.compactMap { s in
      guard let ward = s.wards.first(where: { $0.code == code }) else { return nil }
      let yearly = s.indicators.map { id in id.flatMap { r.indicator($0) } }
      return PlanSeries(
        id: s.id, label: s.label, unit: s.unit, aggregation: s.aggregation,
        estimate: s.estimate, years: s.years, city: s.city, ward: ward,
        ranks: yearly.map { i in i?.wards.first { $0.code == code }?.rank },
        rankedWards: yearly.map { i in i?.wards.filter { $0.rank != nil }.count ?? 0 })
    }
  }
}
