import Cartography

/// The housing sections of the summary report: the registers as joined (rows, dwellings,
/// outside and boundary rows) and, with two dates, how each indicator changed, city-wide
/// (value, dissimilarity D, Moran's I) and in the wards that changed most, all from the
/// published figures.
enum HousingReport {
  static func add(_ run: HousingAnalysis.Run, _ p: Publication, to doc: inout ReportDocument)
    throws
  {
    let h = run.housing
    let r = p.result
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
    for g in h.registers {
      for s in g.sentences(dutch: t.language == .dutch) { doc.addNote(s) }
    }
    try addYears(h, p.threshold, &doc, t)
    for change in run.publishedChanges(p) { try addChange(change, p, &doc, t) }
  }

  /// City totals per year of every year series (subsidies, permits) in the current register.
  /// A year's total below the threshold prints "<5"; as the years add up to the series'
  /// total in the brochure, a second year is then withheld too (``CellSuppression``).
  static func addYears(
    _ h: HousingResult, _ threshold: Int, _ doc: inout ReportDocument, _ t: Words
  )
    throws
  {
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
    let withheld = yearPattern(series, years, total, threshold)
    doc.addTable(
      try ReportTable(
        caption: t(
          "Per jaar, hele stad (register \(h.dates.last!))",
          "Per year, whole city (register \(h.dates.last!))"),
        columns: [ReportColumn(t("Jaar", "Year"))]
          + series.map { ReportColumn($0, alignment: .right) },
        rows: years.sorted().map { y in
          [.text(String(y))]
            + series.map { name in
              let column = "\(name)_\(y)"
              if let reason = withheld[TableCell(column, 0)] {
                return .text(SmallNumbers.marker(reason, threshold: threshold))
              }
              return total(column).map { .text(String($0)) } ?? .empty
            }
        }))
  }

  /// The withheld cells of the per-year city table: one row ("ward" 0), one relation per
  /// series (its years add up to its published total).
  static func yearPattern(
    _ series: [String], _ years: [Int], _ total: (String) -> Int?, _ threshold: Int
  ) -> [TableCell: Withheld] {
    var values: [TableCell: Double] = [:]
    var relations: [CellRelation] = []
    for name in series {
      let cells = years.map { TableCell("\(name)_\($0)", 0) }.filter { total($0.column) != nil }
      for c in cells { values[c] = Double(total(c.column)!) }
      relations.append(CellRelation(kind: .row(ward: 0, total: name), terms: cells.map { ($0, 1) }))
    }
    return CellSuppression(
      values: values, threshold: threshold, relations: relations, upperBound: [:],
      groupsOfWard: [[]]
    ).pattern().withheld
  }

  static func addChange(
    _ c: IndicatorChange, _ p: Publication, _ doc: inout ReportDocument, _ t: Words
  ) throws {
    let r = p.result
    guard let indicator = r.indicator(c.indicator) else { return }
    let style = NumberStyle(t.language)
    func f(_ x: Double?, _ d: Int) -> String { x.map { style.format($0, decimals: d) } ?? "–" }
    let label =
      indicator.label.hasSuffix(" (\(c.toDate))")
      ? String(indicator.label.dropLast(c.toDate.count + 3)) : indicator.label
    doc.addHeading(
      t("Verandering \(c.fromDate)–\(c.toDate): ", "Change \(c.fromDate)–\(c.toDate): ") + label)
    let decimals = PublishedPrecision.value(indicator)
    doc.addParagraph(
      t(
        "Stad: \(f(c.cityFrom, decimals)) → \(f(c.cityTo, decimals)). Dissimilariteitsindex D: \(f(c.dissimilarityFrom, 3)) → \(f(c.dissimilarityTo, 3)). Moran's I: \(f(c.moranFrom, 3)) → \(f(c.moranTo, 3)).",
        "City: \(f(c.cityFrom, decimals)) → \(f(c.cityTo, decimals)). Dissimilarity index D: \(f(c.dissimilarityFrom, 3)) → \(f(c.dissimilarityTo, 3)). Moran's I: \(f(c.moranFrom, 3)) → \(f(c.moranTo, 3))."
      ))
    // Published changes only: a ward withheld at either date has none.
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
              : SummaryReport.number(v.from, decimals),
            counts
              ? .count(Int((v.to ?? 0).rounded()), suppressBelow: r.smallNumberThreshold)
              : SummaryReport.number(v.to, decimals),
            SummaryReport.number(v.change, decimals),
            SummaryReport.number(v.locationQuotientFrom, 2),
            SummaryReport.number(v.locationQuotientTo, 2),
          ]
        }))
  }
}
