import Cartography
import WijkCore

/// The ward table's columns of the sector indicators over their years (each year's figures
/// are the indicator columns `<id>_<year>`): per series with a trend, the change, Sen's slope,
/// the Mann–Kendall p, the trend in words with its years, the emerging-hot-spot category; per
/// weighted mean, how each ward's estimate was made; per not-aggregable indicator, the lowest
/// and highest sector value.
extension WardExport {
  /// The exact fields (English names) of the working GeoPackage.
  static func seriesFields(_ r: AnalysisResult) -> [Field] {
    r.series.flatMap { s in
      columns(s, language: "en").map { Field(name: "\(s.id)_\($0.en)", type: $0.type) }
    }
  }

  /// Ward `w`'s exact series values, aligned with ``seriesFields(_:)``.
  static func seriesRow(_ r: AnalysisResult, ward w: Int) -> [AttributeValue] {
    r.series.flatMap { s in columns(s, language: "en").map { $0.value(s.wards[w]) } }
  }

  /// The published columns, headers in the run's language.
  static func seriesColumns(_ r: AnalysisResult, _ t: Words) -> [Column] {
    r.series.flatMap { s in
      columns(s, language: r.language).map {
        Column(
          name: "\(s.id)_\(t($0.nl, $0.en))", type: $0.type,
          description: "\(s.label): \(t($0.about.nl, $0.about.en))")
      }
    }
  }

  /// Ward `w`'s published series cells: "x" where a year of the series is withheld for it.
  static func seriesCells(_ p: Publication, ward w: Int) -> [AttributeValue] {
    p.result.series.flatMap { s in
      let withheld = s.indicators.contains { id in
        id.map { p.withheld($0, ward: w) != nil } ?? false
      }
      return columns(s, language: p.result.language).map { c in
        withheld && c.derived ? .text(SmallNumbers.notPublished) : c.value(s.wards[w])
      }
    }
  }

  /// One series column: names, type, codebook text, and how a ward's value is read.
  struct SeriesColumn {
    var en: String
    var nl: String
    var type: FieldType
    var about: (nl: String, en: String)
    /// Computed from the yearly values (withheld with them).
    var derived = true
    var value: (WardSeries) -> AttributeValue
  }

  /// - Parameter language: of the text values (trend, category); the working file's are
  ///   English identifiers.
  static func columns(_ s: IndicatorSeries, language: String) -> [SeriesColumn] {
    let t = Words(language: Language(rawValue: language) ?? .dutch)
    let english = language == "en"
    func real(_ x: Double?) -> AttributeValue { x.map(AttributeValue.real) ?? .missing }
    var out: [SeriesColumn] = []
    let span = "\(s.years.first ?? 0)–\(s.years.last ?? 0)"
    if s.aggregation == "not_aggregable" {
      out.append(
        SeriesColumn(
          en: "min", nl: "min", type: .real,
          about: (
            "laagste waarde van de sectoren (niet optelbaar: geen wijkwaarde)",
            "lowest sector value (not aggregable: no ward value)"
          ),
          derived: false, value: { real($0.ranges.last??.first ?? ($0.values.last ?? nil)) }))
      out.append(
        SeriesColumn(
          en: "max", nl: "max", type: .real,
          about: ("hoogste waarde van de sectoren", "highest sector value"), derived: false,
          value: { real($0.ranges.last??.last ?? ($0.values.last ?? nil)) }))
    }
    if let estimate = s.estimate {
      out.append(
        SeriesColumn(
          en: "basis", nl: "grondslag", type: .text,
          about: (
            "hoe de wijkwaarde gemaakt is per wijk. \(estimate)",
            "how each ward's value was made. \(estimate)"
          ),
          derived: false, value: { .text($0.basis.last ?? "") }))
    }
    guard s.wards.contains(where: { $0.trend != nil }) else { return out }
    out += [
      SeriesColumn(
        en: "change", nl: "verandering", type: .real,
        about: (
          "laatste min eerste jaar \(span) (zelfde wijkafbakening)",
          "last minus first year \(span) (same ward definition)"
        ),
        value: { real($0.change) }),
      SeriesColumn(
        en: "change_pct", nl: "verandering_pct", type: .real,
        about: ("verandering in % van het eerste jaar", "change in % of the first year"),
        value: { real($0.changePercent) }),
      SeriesColumn(
        en: "sen_slope", nl: "helling_sen", type: .real,
        about: ("helling van Theil-Sen per jaar", "Theil–Sen slope per year"),
        value: { real($0.trend?.slopePerYear) }),
      SeriesColumn(
        en: "mk_p", nl: "mk_p", type: .real,
        about: ("tweezijdige p van de Mann-Kendall-toets", "two-sided p of the Mann–Kendall test"),
        value: { real($0.trend?.p) }),
      SeriesColumn(
        en: "trend_years", nl: "trend_jaren", type: .integer,
        about: ("aantal jaren waarop de trend rust", "number of years the trend rests on"),
        value: { $0.trend.map { .integer(Int64($0.years)) } ?? .missing }),
      SeriesColumn(
        en: "trend", nl: "trend", type: .text,
        about: (
          "stijgend, dalend of geen trend (p < 0,05), of waarom er geen is",
          "increasing, decreasing or no trend (p < 0.05), or why there is none"
        ),
        value: {
          .text(
            $0.trend.map { english ? $0.direction : SummaryReport.direction($0.direction, t) }
              ?? $0.trendNote ?? "")
        }),
    ]
    if s.hotSpots != nil {
      out.append(
        SeriesColumn(
          en: "emerging_hot_spot", nl: "opkomende_hotspot", type: .text,
          about: (
            "categorie van ArcGIS Pro's Emerging Hot Spot Analysis (Gi* per jaar, FDR, en de Mann-Kendall-trend van z)",
            "ArcGIS Pro's Emerging Hot Spot Analysis category (Gi* per year, FDR, and the Mann–Kendall trend of z)"
          ),
          value: {
            .text(
              $0.emergingHotSpot.map { english ? $0 : SummaryReport.hotSpotLabel($0, t) }
                ?? $0.hotSpotNote ?? "")
          }))
    }
    return out
  }
}
