import Cartography

extension WardPlanReport {
  /// The ward over the years of the sector tables (Statbel population 2011–2022): per
  /// indicator a small chart of the ward beside its groups and the city (counts as an index, first year =
  /// 100, since a ward's total, its group's and the city's are not on one scale) and one sentence with its
  /// change, trend (Sen's slope, Mann–Kendall, the years it rests on), rank over time and
  /// emerging-hot-spot category. On a page of its own.
  ///
  /// `files` names the chart SVG of a series id that the Markdown version links to (written
  /// beside the page); a series without one is inlined.
  static func addSeries(
    _ plan: WardPlan, files: [String: String], _ doc: inout ReportDocument, _ t: Words
  ) throws {
    let shown = charted(plan)
    guard let first = shown.first else { return }
    doc.addPageBreak()
    doc.addSection(
      t("Evolutie \(first.years.first!)–\(first.years.last!) (Statbel)",
        "Over the years \(first.years.first!)–\(first.years.last!) (Statbel)"))
    for s in shown {
      doc.addFigure(
        svg: try chart(s, plan, t).svg(), caption: sentence(s, plan, t),
        markdownPath: files[s.id])
      if let estimate = s.estimate { doc.addNote(estimate) }
    }
  }

  /// The series that get a chart: more than one year, aggregable.
  static func charted(_ plan: WardPlan) -> [PlanSeries] {
    plan.series.filter { $0.years.count > 1 && $0.aggregation != "not_aggregable" }
  }

  /// The chart SVG of every charted series, by the file name `<stem>-<id>.svg`.
  /// - Throws: `CartographyError` on a non-finite value (a bug).
  public static func charts(_ plan: WardPlan, stem: String) throws -> [(file: String, svg: String)] {
    let t = Words(language: Language(rawValue: plan.language) ?? .dutch)
    return try charted(plan).map { ("\(stem)-\($0.id).svg", try chart($0, plan, t).svg()) }
  }

  /// The chart of one series: the ward's published values, its groups' and the city's.
  static func chart(_ s: PlanSeries, _ plan: WardPlan, _ t: Words) throws -> TrendChart {
    let decimals = s.isCount ? 0 : decimalsOf(s)
    func scale(_ values: [Double?]) -> [Double?] { s.isCount ? indexed(values) : values }
    var title = s.label + (s.unit.map { " (\($0))" } ?? "")
    if s.isCount {
      title = s.label + t(" (index \(s.years[0]) = 100)", " (index \(s.years[0]) = 100)")
    }
    let groups = s.groups.map { g in
      // a chart file travels alone: an illustrative group says so in its own legend
      let says = g.name.lowercased().contains("illustrati")
      return TrendLine(
        label: g.name + (g.illustrative && !says ? t(" (illustratief)", " (illustrative)") : ""),
        values: scale(g.values), role: .group)
    }
    return try TrendChart(
      years: s.years,
      lines: [TrendLine(label: plan.shortName, values: scale(s.ward.values))] + groups
        + [TrendLine(label: t("Stad", "City"), values: scale(s.city), role: .reference)],
      title: title, decimals: decimals, style: NumberStyle(t.language))
  }

  /// Values as a percentage of the first year's (`nil` where either is missing or 0).
  static func indexed(_ values: [Double?]) -> [Double?] {
    guard let base = values.first ?? nil, base != 0 else { return values.map { _ in nil } }
    return values.map { $0.map { $0 / base * 100 } }
  }

  /// "1.504 in 2011, 1.614 in 2022 (+110; +7,3 %). Stijgend: +8,2 per jaar (Sen), Mann–Kendall
  /// p = 0,001 over 12 jaar. Rang 17 van 30 in 2011, 17 van 30 in 2022. Opkomende hotspot:
  /// geen patroon."
  static func sentence(_ s: PlanSeries, _ plan: WardPlan, _ t: Words) -> String {
    let d = decimalsOf(s)
    let w = s.ward
    var parts: [String] = []
    if let years = w.changeYears, years.count == 2,
      let a = s.years.firstIndex(of: years[0]), let b = s.years.firstIndex(of: years[1]),
      let from = w.values[a], let to = w.values[b], let change = w.change
    {
      let percent = w.changePercent.map { "; " + signed($0, 1, t) + " %" } ?? ""
      parts.append(
        "\(s.label): \(t.number(from, d)) \(t("in", "in")) \(years[0]), \(t.number(to, d)) "
          + "\(t("in", "in")) \(years[1]) (\(signed(change, d, t))\(percent)).")
    }
    if let trend = w.trend {
      parts.append(
        SummaryReport.direction(trend.direction, t).capitalisedFirst + ": "
          + signed(trend.slopePerYear, d + 1, t) + t(" per jaar (Sen), ", " per year (Sen), ")
          + "Mann–Kendall p " + (trend.p < 0.001 ? "< " + t.number(0.001, 3) : "= " + t.number(trend.p, 3))
          + " " + t("over", "over") + " \(trend.years) "
          + t("jaar.", "years."))
    } else if let note = w.trendNote {
      parts.append(t("Geen trend: ", "No trend: ") + note + ".")
    }
    let ranked = s.years.indices.filter { s.ranks[$0] != nil }
    if let a = ranked.first, let b = ranked.last, a != b {
      parts.append(
        t("Rang ", "Rank ") + "\(s.ranks[a]!) " + t("van", "of") + " \(s.rankedWards[a]) "
          + t("in", "in") + " \(s.years[a]), \(s.ranks[b]!) " + t("van", "of")
          + " \(s.rankedWards[b]) " + t("in", "in") + " \(s.years[b]).")
    }
    if let category = w.emergingHotSpot {
      parts.append(
        t("Opkomende hotspot: ", "Emerging hot spot: ")
          + SummaryReport.hotSpotLabel(category, t) + ".")
    }
    if !w.definitionChanged.isEmpty {
      parts.append(
        t("De wijk is anders afgebakend vanaf ", "The ward's definition changes in ")
          + w.definitionChanged.map(String.init).joined(separator: ", ") + ".")
    }
    return parts.joined(separator: " ")
  }

  /// Decimals as the published values have them: 0 for counts, else by the city's size.
  static func decimalsOf(_ s: PlanSeries) -> Int {
    if s.isCount { return 0 }
    if s.aggregation == "ratio_of_sums", s.unit == "%" { return PublishedPrecision.rate }
    return PublishedPrecision.magnitude(s.city.compactMap { $0 }.last ?? 0)
  }

  /// "+110" / "−3,2": the sign always written.
  static func signed(_ v: Double, _ decimals: Int, _ t: Words) -> String {
    let text = t.number(abs(v), decimals)
    return (v < 0 ? "−" : "+") + text
  }
}

extension String {
  /// The first letter in upper case ("stijgend" → "Stijgend").
  var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
