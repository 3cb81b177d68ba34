import Cartography

/// The page of a ward plan (`<code>-<name>.html` and `.md`): what stands out, the ward and
/// its neighbours on a map, its indicators against the city and its groups with its rank,
/// its hotspot status, housing (when given), the trend (when several years are given), and
/// how it was computed. Prints on A4 (``ReportDocument/html()``).
///
/// Every number is formatted from the ``WardPlan`` (published figures): a withheld figure
/// prints as "<5" or "x", and the method section says what was withheld and why;
/// illustrative inputs and groups are announced.
public enum WardPlanReport {
  /// - Parameters:
  ///   - map: the map SVG (``WardPlanMap/svg(_:run:)``), and the file name the Markdown
  ///     version links to.
  /// - Throws: `CartographyError` on a table whose rows do not fit (a bug).
  ///   - chartFiles: per series id, the chart file the Markdown links to
  ///     (``charts(_:stem:)``); a series without one is inlined.
  public static func build(
    _ plan: WardPlan, map: (svg: String, file: String)?, chartFiles: [String: String] = [:]
  ) throws -> ReportDocument {
    let t = Words(language: Language(rawValue: plan.language) ?? .dutch)
    let period = plan.period.map { " \($0)" } ?? ""
    var doc = ReportDocument(
      title: t("Wijkplan\(period): ", "Ward plan\(period): ") + plan.shortName,
      subtitle: "\(plan.title) · " + t("wijk", "ward") + " \(plan.code) · "
        + t("\(plan.wardCount) wijken", "\(plan.wardCount) wards") + " · "
        + t("gemaakt op ", "made on ") + t.date(plan.provenance.createdAt),
      language: t.language)
    doc.isFiche = true
    // One note for all illustrative inputs: the fiche must fit one A4 page.
    if !plan.illustrativeInputs.isEmpty {
      doc.addNote(plan.illustrativeInputs.joined(separator: " "))
    }
    addStandouts(plan, &doc, t)
    addMap(plan, map, &doc, t)
    try addIndicators(plan, &doc, t)
    addIndex(plan, &doc, t)
    try addHotspots(plan, &doc, t)
    try addHousing(plan, &doc, t)
    try addSeries(plan, files: chartFiles, &doc, t)
    try addTrend(plan, &doc, t)
    addMethod(plan, &doc, t)
    return doc
  }

  static func addStandouts(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) {
    doc.addSection(t("Wat opvalt", "What stands out"))
    guard !plan.standouts.isEmpty else {
      doc.addParagraph(
        t(
          "Niets springt eruit: geen concentratiewijk, geen indicator bij de drie hoogste of laagste, geen waarde 25% of meer van de stad af, geen significant patroon bij de buren.",
          "Nothing stands out: no concentration ward, no indicator among the three highest or lowest, no value 25% or more from the city's, no significant pattern among the neighbours."
        ))
      return
    }
    for s in plan.standouts { doc.addParagraph("• " + s.text + ".") }
  }

  static func addMap(
    _ plan: WardPlan, _ map: (svg: String, file: String)?, _ doc: inout ReportDocument, _ t: Words
  ) {
    doc.addSection(t("De wijk en haar buren", "The ward and its neighbours"))
    let names = plan.neighbours.map { WardNameMatcher.withoutSuffix($0.name) }
    doc.addParagraph(
      t(
        "\(plan.shortName) grenst aan \(names.count) wijken: ",
        "\(plan.shortName) borders \(names.count) wards: ")
        + names.joined(separator: ", ") + ".")
    if let map {
      doc.addFigure(
        svg: map.svg,
        caption: t(
          "\(plan.shortName) (omlijnd) en de buurwijken (gemeenschappelijke grens of hoekpunt)",
          "\(plan.shortName) (outlined) and its neighbours (sharing a boundary or a corner)"),
        markdownPath: map.file)
    }
  }

  static func addIndicators(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) throws {
    doc.addSection(t("De wijk tegenover de stad", "The ward against the city"))
    var columns = [
      ReportColumn("Indicator"), ReportColumn(plan.shortName, alignment: .right),
      ReportColumn(t("Stad", "City"), alignment: .right),
      ReportColumn(t("t.o.v. stad", "vs city"), alignment: .right),
      ReportColumn(t("Rang", "Rank"), alignment: .right),
    ]
    columns += plan.groups.map { ReportColumn($0.name, alignment: .right) }
    let rows: [[ReportCell]] = plan.indicators.map { i in
      [
        .text(i.label + (i.unit.map { " (\($0))" } ?? "")), wardCell(i, plan),
        i.cityWithheld ? x : cell(i.cityValue, i, plan), comparison(i), rank(i),
      ]
        + plan.groups.map {
          $0.withheld.contains(i.id) ? x : cell($0.value(of: i.id), i, plan)
        }
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "Waarde van de wijk, van de stad en van haar wijkgroep(en); rang 1 = hoogste",
          "Value of the ward, the city and its ward group(s); rank 1 = highest"),
        columns: columns, rows: rows))
    doc.addParagraph(
      t(
        "\"t.o.v. stad\" is de locatiequotiënt (wijk / stad) bij gemiddelden en percentages, en het aandeel van de wijk in het stadstotaal bij aantallen.",
        "\"vs city\" is the location quotient (ward / city) for means and rates, and the ward's share of the city total for counts."
      ))
    // One line, not a column: the fiche must stay one A4 page beside its map.
    let intervals = plan.indicators.compactMap { i in interval(i, t).map { "\(i.label) \($0)" } }
    if !intervals.isEmpty {
      doc.addParagraph(
        t("95%-marge (Wilson of exact Poisson, uit teller en noemer): ",
          "95% interval (Wilson or exact Poisson, from numerator and base): ")
          + intervals.joined(separator: "; ") + ".")
    }
    if plan.groups.isEmpty {
      doc.addParagraph(t("De wijk hoort bij geen wijkgroep.", "The ward belongs to no ward group."))
    }
    // An illustrative group is announced once, in the notes at the top of the page
    // (``WardPlan/illustrativeInputs``), not again here: the fiche must fit one page.
  }

  /// "Samengestelde index: rang 3 (tussen 2 en 6) van 24 wijken met een score, deciel 1."
  static func addIndex(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) {
    guard let x = plan.index else { return }
    let style = NumberStyle(t.language)
    let text: String
    if let rank = x.rank, let decile = x.decile {
      let ranked = x.rankRange.map { style.rank(rank, between: $0[0], and: $0[1]) }
        ?? style.format(Double(rank))
      text = t(
        "\(x.label): \(ranked) van \(x.scoredWards) wijken met een score (rang 1 = meeste achterstand; het bereik is de 5–95 %-marge als gewichten en cijfers variëren), deciel \(decile).",
        "\(x.label): \(ranked) of \(x.scoredWards) wards with a score (rank 1 = most deprived; the range is the 5–95 % range as weights and figures vary), decile \(decile)."
      )
    } else if x.withheld {
      text = t(
        "\(x.label): niet gepubliceerd, want een cijfer van de wijk is niet publiceerbaar.",
        "\(x.label): not published, as a figure of the ward may not be published.")
    } else {
      text = t(
        "\(x.label): geen score, want zonder \(x.lacking.joined(separator: ", ")).",
        "\(x.label): no score, lacking \(x.lacking.joined(separator: ", ")).")
    }
    doc.addParagraph(text)
    // An illustrative index is announced once, at the top of the page with the other
    // illustrative inputs (``SummaryReport/illustrativeNotes(_:)``).
  }

  static func addHotspots(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) throws {
    doc.addSection(t("Hotspots en clusters", "Hotspots and clusters"))
    let level = NumberStyle(t.language).format(plan.significance, decimals: 2)
    let correction = SignificanceWording.correction(plan.multipleTesting.correction, t.language)
    let rows: [[ReportCell]] = plan.indicators.map { i in
      i.withheld != nil
        ? [.text(i.label), .text(SpatialWording.category(i.ward.lisaCategory, t.language))]
          + Array(repeating: x, count: 6)
        : [
          .text(i.label),
          .text(SpatialWording.lisaLabel(i.ward, rankedWards: i.rankedWards, t.language)),
          number(i.ward.localMoranI, 2), number(i.ward.lisaPseudoP, 3),
          number(i.ward.giStarZ, 2), number(i.ward.giStarPseudoP, 3),
          .text(SpatialWording.giLabel(i.ward, rankedWards: i.rankedWards, t.language)),
          .text(SpatialWording.gearyLabel(i.ward, t.language)),
        ]
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "Lokale Moran (LISA), Getis-Ord Gi* en lokale Geary: wat de toetsen over de buren zeggen, significant na correctie (\(correction), α = \(level))",
          "Local Moran (LISA), Getis-Ord Gi* and local Geary: what the tests say about the neighbours, significant after correction (\(correction), α = \(level))"
        ),
        columns: [
          ReportColumn("Indicator"), ReportColumn(t("Lokale Moran", "Local Moran")),
          ReportColumn("I", alignment: .right), ReportColumn("p", alignment: .right),
          ReportColumn("Gi* z", alignment: .right), ReportColumn("p", alignment: .right),
          ReportColumn("Gi*"), ReportColumn(t("Lokale Geary", "Local Geary")),
        ],
        rows: rows))
    doc.addParagraph(SignificanceWording.planNote(plan, t.language))
  }

  static func addHousing(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) throws {
    guard let h = plan.housing else { return }
    doc.addSection(t("Wonen", "Housing"))
    let cells: [[ReportCell]] = h.figures.map { f in
      [
        .text(f.name),
        f.withheld.map { .text($0) }
          ?? number(f.value, abs(f.value ?? 0) >= 100 || f.value?.rounded() == f.value ? 0 : 1),
        f.rank.map { .text("\($0)/\(f.rankedWards)") } ?? (f.withheld == nil ? .empty : x),
      ]
    }
    // Two figures to a row, the first half of the list on the left: half as long on paper.
    let half = (cells.count + 1) / 2
    let rows: [[ReportCell]] = (0..<half).map { k in
      cells[k] + (k + half < cells.count ? cells[k + half] : [.empty, .empty, .empty])
    }
    let pair = [
      ReportColumn(t("Cijfer", "Figure")), ReportColumn(plan.shortName, alignment: .right),
      ReportColumn(t("Rang", "Rank"), alignment: .right),
    ]
    doc.addTable(
      try ReportTable(
        caption: t("Huisvestingscijfers van de wijk", "Housing figures of the ward"),
        columns: pair + pair, rows: rows))
    // One note (source, synthetic, small numbers): the fiche must fit one A4 page.
    let file = h.source.split(separator: "/").last.map(String.init) ?? h.source
    var note = t("Bron: ", "Source: ") + file
    if file.lowercased().contains("synthetic") || file.lowercased().contains("illustrative") {
      note += t(
        ". Deze huisvestingscijfers zijn synthetisch of illustratief, geen echte cijfers",
        ". These housing figures are synthetic or illustrative, not real figures")
    }
    if h.figures.contains(where: { $0.withheld != nil }) {
      note += t(
        ". <\(plan.smallNumberThreshold) en x: niet gepubliceerd (kleine aantallen); de rangen tellen enkel de gepubliceerde wijken",
        ". <\(plan.smallNumberThreshold) and x: not published (small numbers); ranks count the published wards only")
    }
    doc.addNote(note + ".")
  }

  static func addTrend(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) throws {
    guard let years = plan.trend.first?.points.map(\.year), years.count > 1 else { return }
    doc.addPageBreak()
    doc.addSection(
      t("Evolutie \(years.first!)–\(years.last!)", "Trend \(years.first!)–\(years.last!)"))
    for trend in plan.trend {
      guard let i = plan.indicators.first(where: { $0.id == trend.indicator }) else { continue }
      let rows: [[ReportCell]] = trend.points.map { p in
        [
          .text(p.year),
          p.withheld.map { .text(SmallNumbers.marker($0, threshold: plan.smallNumberThreshold)) }
            ?? cell(p.ward, i, plan),
          cell(p.city, i, plan),
          p.rank.map { .text("\($0)/\(p.rankedWards)") } ?? (p.withheld == nil ? .empty : x),
        ]
      }
      doc.addTable(
        try ReportTable(
          caption: i.label + (i.unit.map { " (\($0))" } ?? ""),
          columns: [
            ReportColumn(t("Jaar", "Year")), ReportColumn(plan.shortName, alignment: .right),
            ReportColumn(t("Stad", "City"), alignment: .right),
            ReportColumn(t("Rang", "Rank"), alignment: .right),
          ],
          rows: rows))
    }
  }

  static func addMethod(_ plan: WardPlan, _ doc: inout ReportDocument, _ t: Words) {
    doc.addSection(t("Werkwijze en bronnen", "Method and sources"))
    doc.addParagraph(
      t(
        "Alle cijfers komen uit dezelfde analyse als `wijk analyse`, per jaar opnieuw gedraaid voor de evolutie, en zijn gepubliceerd zoals in wards.csv. Buren: queen-contiguïteit. Lokale Moran en Gi* met \(plan.provenance.permutations) permutaties, seed \(plan.provenance.seed).",
        "Every number comes from the same analysis as `wijk analyse`, run again per year for the trend, and is published as in wards.csv. Neighbours: queen contiguity. Local Moran and Gi* with \(plan.provenance.permutations) permutations, seed \(plan.provenance.seed)."
      ))
    for note in plan.publicationNotes { doc.addParagraph(note) }
    doc.addParagraph(t("Bronnen: ", "Sources: ") + plan.credits.joined(separator: "; ") + ".")
  }

  // MARK: - Cells

  static func cell(_ v: Double?, _ i: PlanIndicator, _ plan: WardPlan) -> ReportCell {
    guard let v else { return .empty }
    if i.kind == "count" {
      return .count(Int(v.rounded()), suppressBelow: plan.smallNumberThreshold)
    }
    return .number(
      v,
      decimals: i.kind == "rate"
        ? PublishedPrecision.rate : PublishedPrecision.magnitude(i.cityValue ?? v))
  }

  /// "12,1–15,8": the ward's 95 % interval, `nil` when it has none.
  static func interval(_ i: PlanIndicator, _ t: Words) -> String? {
    guard let v = i.interval else { return nil }
    let style = NumberStyle(t.language)
    let d = PublishedPrecision.rate
    return style.format(v[0], decimals: d) + "–" + style.format(v[1], decimals: d)
  }

  /// A withheld figure: "x".
  static let x = ReportCell.text(SmallNumbers.notPublished)

  /// The ward's value, or its marker when withheld.
  static func wardCell(_ i: PlanIndicator, _ plan: WardPlan) -> ReportCell {
    if i.ward.value == nil, let f = i.withheld {
      return .text(SmallNumbers.marker(f.value(kind: i.kind), threshold: plan.smallNumberThreshold))
    }
    return cell(i.ward.value, i, plan)
  }

  static func comparison(_ i: PlanIndicator) -> ReportCell {
    if i.withheld != nil || i.cityWithheld { return x }
    if i.kind == "count" { return i.ward.shareOfCity.map { .percent($0, decimals: 1) } ?? .empty }
    return number(i.ward.locationQuotient, 2)
  }

  static func rank(_ i: PlanIndicator) -> ReportCell {
    i.ward.rank.map { .text("\($0)/\(i.rankedWards)") } ?? (i.withheld == nil ? .empty : x)
  }

  static func number(_ v: Double?, _ decimals: Int) -> ReportCell {
    v.map { .number($0, decimals: decimals) } ?? .empty
  }
}
