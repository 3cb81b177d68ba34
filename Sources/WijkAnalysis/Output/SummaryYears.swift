import Cartography

/// The summary's sections on the sector indicators over their years, from the published
/// series (``Publication``): the city over time (which opens the summary), where each figure
/// comes from, every estimate with how it was made, and per ward the change, trend and
/// emerging-hot-spot category.
extension SummaryReport {
  /// Whether an indicator gets its own section and overview row: a classic one, or the last
  /// year of a sector indicator (the other years are in the tables over time and the maps).
  static func isLatest(_ i: IndicatorResult, _ r: AnalysisResult) -> Bool {
    guard let id = i.series, let s = r.series.first(where: { $0.id == id }) else { return true }
    return s.indicators.compactMap { $0 }.last == i.id
  }

  /// "De stad door de jaren": one row per year, one column per sector indicator with a city
  /// value, and the residents not located in any ward; then the origins and estimates.
  static func addCityOverTime(_ p: Publication, _ doc: inout ReportDocument, _ t: Words) throws {
    let r = p.result
    let shown = r.series.filter { $0.city.contains { $0 != nil } }
    guard !shown.isEmpty else { return }
    doc.addSection(t("De stad door de jaren", "The city over the years"))
    let years = Array(Set(shown.flatMap(\.years))).sorted()
    let unlocated = shown.first { $0.aggregation == "sum" }
    let rows: [[ReportCell]] = years.map { year in
      var row: [ReportCell] = [.text(String(year))]
      for s in shown {
        guard let k = s.years.firstIndex(of: year), let id = s.indicators[k],
          let i = r.indicator(id)
        else {
          row.append(.empty)
          continue
        }
        row.append(cityValue(i, p))
      }
      if let u = unlocated {
        let total = u.years.firstIndex(of: year).map {
          u.origins[$0].notLocatedTotals.values.reduce(0, +)
        }
        row.append(total.map { .count(Int($0.rounded()), suppressBelow: nil) } ?? .empty)
      }
      return row
    }
    let columns =
      [ReportColumn(t("Jaar", "Year"))]
      + shown.map { ReportColumn($0.label + ($0.unit.map { " (\($0))" } ?? ""), alignment: .right) }
      + (unlocated.map { _ in
        [ReportColumn(t("niet gelokaliseerd", "not located"), alignment: .right)]
      } ?? [])
    doc.addTable(
      try ReportTable(
        caption: t(
          "Stad per jaar: de som over de wijken; inwoners die Statbel in geen sector kon plaatsen (xxxxxZZZZ) tellen in geen wijk",
          "City per year: the sum over the wards; residents Statbel could place in no sector (xxxxxZZZZ) count in no ward"
        ),
        columns: columns, rows: rows))
    for s in r.series {
      doc.addParagraph(origins(s, t))
      if let e = s.estimate { doc.addNote("\(s.label): \(e)") }
      if s.aggregation == "not_aggregable" {
        doc.addNote(
          t(
            "\(s.label) is niet optelbaar: een mediaan kan niet uit sectoren worden opgeteld of gemiddeld. Een wijk krijgt geen waarde (behalve met één bewoonde sector), maar het bereik van de medianen van haar sectoren.",
            "\(s.label) does not add up: a median cannot be summed or averaged from sectors. A ward gets no value (except with one inhabited sector) but the range of its sectors' medians."
          ))
      }
    }
  }

  /// Which years, files, vintages and lookups a series comes from.
  static func origins(_ s: IndicatorSeries, _ t: Words) -> String {
    var parts: [String] = []
    var k = 0
    while k < s.origins.count {
      let o = s.origins[k]
      var end = k
      while end + 1 < s.origins.count, s.origins[end + 1].vintage == o.vintage,
        s.origins[end + 1].files == o.files, s.origins[end + 1].lookup == o.lookup
      {
        end += 1
      }
      let years = YearList.text(Array(s.years[k...end]))
      let files = o.files.map(SeriesBuilder.fileName).joined(separator: ", ")
      parts.append(
        t(
          "\(years): \(files), sectoren \(o.vintage) via \(SeriesBuilder.fileName(o.lookup))",
          "\(years): \(files), sectors \(o.vintage) through \(SeriesBuilder.fileName(o.lookup))"))
      k = end + 1
    }
    return "\(s.label) (\(ruleName(s.aggregation, t))): " + parts.joined(separator: "; ") + "."
  }

  /// The aggregation rule in words.
  static func ruleName(_ keyword: String, _ t: Words) -> String {
    switch keyword {
    case "sum": t("som over de sectoren", "sum over the sectors")
    case "ratio_of_sums": t("verhouding van sommen", "ratio of sums")
    case "weighted_mean": t("gewogen gemiddelde, een schatting", "weighted mean, an estimate")
    default: t("niet optelbaar", "not aggregable")
    }
  }

  /// Per sector indicator with a trend: each ward's first and last value, change, Sen's slope,
  /// Mann–Kendall p with the years it rests on, and its emerging-hot-spot category; and per
  /// not-aggregable indicator the range of each ward's sector values.
  static func addWardSeries(
    _ p: Publication, _ maps: [(String, String)], _ doc: inout ReportDocument, _ t: Words
  ) throws {
    let r = p.result
    for s in r.series {
      if s.aggregation == "not_aggregable" {
        try addRanges(s, r, &doc, t)
        continue
      }
      guard s.wards.contains(where: { $0.trend != nil }) else { continue }
      doc.addSection(
        t("\(s.label): verandering en trend per wijk", "\(s.label): change and trend per ward"))
      let d =
        s.indicators.compactMap { $0 }.last.flatMap(r.indicator).map(PublishedPrecision.value) ?? 0
      let rows: [[ReportCell]] = s.wards.enumerated().map { w, v in
        [
          .text(r.wards[w].shortName), number(v.values.first ?? nil, d),
          number(v.values.last ?? nil, d), number(v.changePercent, 1),
          number(v.trend?.slopePerYear, d + 1), number(v.trend?.p, 3),
          .text(
            v.trend.map { "\(direction($0.direction, t)) (\($0.years) \(t("jaar", "years")))" }
              ?? (v.trendNote ?? "x")),
          .text(v.emergingHotSpot.map { hotSpotLabel($0, t) } ?? (v.hotSpotNote ?? "–")),
        ]
      }
      let first = s.years.first.map(String.init) ?? ""
      let last = s.years.last.map(String.init) ?? ""
      doc.addTable(
        try ReportTable(
          caption: t(
            "Trend: helling van Sen per jaar, Mann–Kendall (tweezijdig, p < 0,05); opkomende hotspots: Gi* per jaar (FDR) en de trend van z (categorieën van ArcGIS Pro). x: niet gepubliceerd.",
            "Trend: Sen's slope per year, Mann–Kendall (two-sided, p < 0.05); emerging hot spots: Gi* per year (FDR) and the trend of z (ArcGIS Pro's categories). x: not published."
          ),
          columns: [
            ReportColumn(t("Wijk", "Ward")), ReportColumn(first, alignment: .right),
            ReportColumn(last, alignment: .right),
            ReportColumn(t("verandering %", "change %"), alignment: .right),
            ReportColumn(t("helling/jaar", "slope/year"), alignment: .right),
            ReportColumn("p", alignment: .right), ReportColumn(t("trend", "trend")),
            ReportColumn(t("opkomende hotspot", "emerging hot spot")),
          ], rows: rows))
      if let (name, svg) = maps.first(where: { $0.0 == "\(s.id)-change.svg" }) {
        doc.addFigure(
          svg: svg, caption: t("Verandering \(first)–\(last) in %", "Change \(first)–\(last) in %"),
          markdownPath: "maps/\(name)")
      }
      if let (name, svg) = maps.first(where: { $0.0 == "\(s.id)-change-lisa.svg" }) {
        doc.addFigure(
          svg: svg,
          caption: t(
            "Clusters van de verandering \(first)–\(last) (lokale Moran op de verandering in %): waar groei of krimp samen voorkomt",
            "Clusters of the change \(first)–\(last) (local Moran of the change in %): where growth or decline clusters"),
          markdownPath: "maps/\(name)")
      }
    }
  }

  static func addRanges(
    _ s: IndicatorSeries, _ r: AnalysisResult, _ doc: inout ReportDocument, _ t: Words
  ) throws {
    doc.addSection(t("\(s.label): bereik per wijk", "\(s.label): range per ward"))
    let rows: [[ReportCell]] = s.wards.enumerated().map { w, v in
      let range = v.ranges.last ?? nil
      return [
        .text(r.wards[w].shortName), number(range?.first ?? v.values.last ?? nil, 0),
        number(range?.last ?? v.values.last ?? nil, 0),
        .text(
          range != nil
            ? t("bereik van de sectoren", "range of its sectors")
            : (v.values.last ?? nil) != nil
              ? t("één bewoonde sector", "one inhabited sector")
              : (v.basis.last ?? "")),
      ]
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "Laagste en hoogste sectormediaan per wijk (geen wijkwaarde: niet optelbaar)",
          "Lowest and highest sector median per ward (no ward value: not aggregable)"),
        columns: [
          ReportColumn(t("Wijk", "Ward")), ReportColumn(t("laagste", "lowest"), alignment: .right),
          ReportColumn(t("hoogste", "highest"), alignment: .right),
          ReportColumn(t("grond", "basis")),
        ], rows: rows))
  }

  static func direction(_ d: String, _ t: Words) -> String {
    switch d {
    case "increasing": t("stijgend", "increasing")
    case "decreasing": t("dalend", "decreasing")
    default: t("geen trend", "no trend")
    }
  }

  /// ArcGIS Pro's category in the report's language.
  static func hotSpotLabel(_ raw: String, _ t: Words) -> String {
    let nl = [
      "no_pattern": "geen patroon", "new": "nieuwe", "consecutive": "opeenvolgende",
      "intensifying": "toenemende", "persistent": "aanhoudende", "diminishing": "afnemende",
      "sporadic": "sporadische", "oscillating": "wisselende", "historical": "historische",
    ]
    if raw == "no_pattern" { return t("geen patroon", "no pattern") }
    let parts = raw.split(separator: "_")
    let kind = String(parts[0])
    let hot = raw.hasSuffix("hot_spot")
    return t(
      "\(nl[kind] ?? kind) \(hot ? "hotspot" : "coldspot")",
      "\(kind) \(hot ? "hot spot" : "cold spot")")
  }
}
