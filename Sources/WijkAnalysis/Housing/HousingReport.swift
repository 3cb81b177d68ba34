import Cartography

/// The housing sections of the summary report: the registers as joined (rows, dwellings,
/// outside and boundary rows) and, with two dates, how each indicator changed, city-wide
/// (value, dissimilarity D, Moran's I) and in the wards that changed most.
enum HousingReport {
  static func add(_ run: HousingAnalysis.Run, to doc: inout ReportDocument) throws {
    let h = run.housing
    let r = run.analysis.result
    let t = Words(language: Language(rawValue: r.language) ?? .dutch)
    let style = NumberStyle(t.language)
    doc.addPageBreak()
    doc.addSection(t("Het woningregister", "The housing register"))
    // The synthetic/illustrative notes already open the report (SummaryReport).
    doc.addTable(
      try ReportTable(
        caption: t(
          "Registers en hun koppeling aan de wijken", "Registers and their join to the wards"),
        columns: [
          ReportColumn(t("Datum", "Date")), ReportColumn(t("Rijen", "Rows"), alignment: .right),
          ReportColumn(t("Woningen", "Dwellings"), alignment: .right),
          ReportColumn(t("Geteld", "Counted"), alignment: .right),
          ReportColumn(t("Buiten de wijken", "Outside the wards"), alignment: .right),
          ReportColumn(t("Op een grens", "On a boundary"), alignment: .right),
        ],
        rows: h.registers.map { g in
          [
            .text(g.date), .text(style.count(g.records)), .text(style.count(Int(g.dwellings))),
            .text(style.count(Int(g.countedDwellings))), .text(String(g.outside.count)),
            .text(String(g.boundary.count)),
          ]
        }))
    doc.addParagraph(
      t(
        "Elk adrespunt telt in precies één wijk: een punt op een gedeelde grens gaat naar de wijk met de kleinste code. Punten buiten alle wijken worden gemeld en niet geteld.",
        "Each register point counts in exactly one ward: a point on a shared boundary goes to the ward with the smallest code. Points outside every ward are reported and not counted."
      ))
    for g in h.registers { for s in g.sentences { doc.addNote(s) } }
    try addYears(h, &doc, t)
    for change in h.changes { try addChange(change, r, &doc, t) }
  }

  /// City totals per year of every year series (subsidies, permits) in the current register.
  static func addYears(_ h: HousingResult, _ doc: inout ReportDocument, _ t: Words) throws {
    let series = h.currentColumns.filter { name in
      h.currentColumns.contains {
        $0.hasPrefix(name + "_") && Int($0.dropFirst(name.count + 1)) != nil
      }
    }
    guard !series.isEmpty else { return }
    var years: [Int] = []
    for name in series {
      for c in h.currentColumns where c.hasPrefix(name + "_") {
        if let y = Int(c.dropFirst(name.count + 1)), !years.contains(y) { years.append(y) }
      }
    }
    func total(_ column: String) -> Int? {
      h.columns[column].map { Int($0.reduce(0) { $0 + ($1 ?? 0) }) }
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "Per jaar, hele stad (register \(h.dates.last!))",
          "Per year, whole city (register \(h.dates.last!))"),
        columns: [ReportColumn(t("Jaar", "Year"))]
          + series.map { ReportColumn($0, alignment: .right) },
        rows: years.sorted().map { y in
          [.text(String(y))]
            + series.map { name in total("\(name)_\(y)").map { .text(String($0)) } ?? .empty }
        }))
  }

  static func addChange(
    _ c: IndicatorChange, _ r: AnalysisResult, _ doc: inout ReportDocument, _ t: Words
  ) throws {
    guard let indicator = r.indicator(c.indicator) else { return }
    let style = NumberStyle(t.language)
    func f(_ x: Double?, _ d: Int) -> String { x.map { style.format($0, decimals: d) } ?? "–" }
    let label =
      indicator.label.hasSuffix(" (\(c.toDate))")
      ? String(indicator.label.dropLast(c.toDate.count + 3)) : indicator.label
    doc.addHeading(
      t("Verandering \(c.fromDate)–\(c.toDate): ", "Change \(c.fromDate)–\(c.toDate): ") + label)
    let decimals = indicator.kind == "count" ? 0 : 1
    doc.addParagraph(
      t(
        "Stad: \(f(c.cityFrom, decimals)) → \(f(c.cityTo, decimals)). Dissimilariteitsindex D: \(f(c.dissimilarityFrom, 3)) → \(f(c.dissimilarityTo, 3)). Moran's I: \(f(c.moranFrom, 3)) → \(f(c.moranTo, 3)).",
        "City: \(f(c.cityFrom, decimals)) → \(f(c.cityTo, decimals)). Dissimilarity index D: \(f(c.dissimilarityFrom, 3)) → \(f(c.dissimilarityTo, 3)). Moran's I: \(f(c.moranFrom, 3)) → \(f(c.moranTo, 3))."
      ))
    let ranked = c.wards.enumerated().filter { $0.element.change != nil }
      .sorted { abs($0.element.change!) > abs($1.element.change!) }.prefix(5)
    guard !ranked.isEmpty else { return }
    let counts = indicator.kind == "count"
    doc.addTable(
      try ReportTable(
        caption: t("De vijf wijken die het meest veranderden", "The five wards that changed most"),
        columns: [
          ReportColumn(t("Wijk", "Ward")), ReportColumn(c.fromDate, alignment: .right),
          ReportColumn(c.toDate, alignment: .right),
          ReportColumn(t("Verschil", "Change"), alignment: .right),
          ReportColumn("LQ \(c.fromDate)", alignment: .right),
          ReportColumn("LQ \(c.toDate)", alignment: .right),
        ],
        rows: ranked.map { w, v in
          [
            .text(r.wards[w].name),
            counts
              ? .count(Int((v.from ?? 0).rounded()), suppressBelow: r.smallNumberThreshold)
              : SummaryReport.number(v.from, 1),
            counts
              ? .count(Int((v.to ?? 0).rounded()), suppressBelow: r.smallNumberThreshold)
              : SummaryReport.number(v.to, 1),
            SummaryReport.number(v.change, counts ? 0 : 1),
            SummaryReport.number(v.locationQuotientFrom, 2),
            SummaryReport.number(v.locationQuotientTo, 2),
          ]
        }))
  }
}
