import Cartography

/// The composite index's section of the summary: how it is made (indicators, directions,
/// shares, transformation, combination, missing rule), every scored ward with its rank and
/// the 5–95 % range of the rank, the sensitivity table, then the score's maps and spatial
/// statistics as every indicator has them. Read from the publication only.
enum IndexSection {
  static func add(
    _ index: IndexResult, _ i: IndicatorResult, _ p: Publication, _ maps: [(String, String)],
    _ doc: inout ReportDocument, _ t: Words
  ) throws {
    doc.addPageBreak()
    doc.addSection(index.label)
    if index.illustrative {
      doc.addNote(
        t(
          "Illustratief: deze indicatoren en gewichten zijn een voorbeeld, niet de kansarmoedecriteria van de stad.",
          "Illustrative: these indicators and weights are an example, not the city's deprivation criteria."
        ))
    }
    doc.addParagraph(method(index, t))
    doc.addTable(try indicatorTable(index, t))
    doc.addTable(try rankTable(index, p.result, t))
    doc.addParagraph(intervalText(index, t))
    doc.addTable(try sensitivityTable(index, p.result, t))
    doc.addParagraph(SummaryReport.cityParagraph(i, p, t))
    SummaryReport.addMaps(i, maps, &doc, valueCaption: t("Score per wijk", "Score per ward"), t)
    for note in unscored(index, p, t) { doc.addNote(note) }
  }

  static func method(_ x: IndexResult, _ t: Words) -> String {
    let transformation =
      switch x.transformation {
      case "z_score": t("z-scores (populatie-sd)", "z-scores (population sd)")
      case "rank": t("rangen gedeeld door het aantal wijken", "ranks divided by the number of wards")
      default: t("min-max (0 tot 1)", "min-max (0 to 1)")
      }
    let combination =
      x.combination == "weighted_sum"
      ? t(
        "gewogen som: een goede waarde op één indicator compenseert een slechte op een andere volledig",
        "weighted sum: a good figure on one indicator fully offsets a bad one on another")
      : t(
        "exponentiële transformatie van de domeinrangen (English Indices of Deprivation 2019): een slechte score op één domein wordt maar deels goedgemaakt door een goede op een ander",
        "exponential transformation of the domain ranks (English Indices of Deprivation 2019): a bad score on one domain is only partly offset by a good one on another"
      )
    let missing =
      x.missing == "missing"
      ? t("een wijk zonder alle cijfers krijgt geen score", "a ward without every figure has no score")
      : t(
        "een wijk zonder alle cijfers krijgt een score op wat ze heeft (\(x.missing))",
        "a ward without every figure is scored on what it has (\(x.missing))")
    return t(
      "Hoe de index gemaakt is: elke indicator als \(transformation), zo gericht dat hoger slechter is; \(combination); \(missing). Hogere score = meer achterstand, rang 1 = de hoogste. \(x.scoredCount) van de \(x.wards.count) wijken hebben een gepubliceerde score.",
      "How the index is made: each indicator as \(transformation), oriented so that higher is worse; \(combination); \(missing). A higher score means more deprivation, rank 1 is the highest. \(x.scoredCount) of the \(x.wards.count) wards have a published score."
    )
  }

  static func indicatorTable(_ x: IndexResult, _ t: Words) throws -> ReportTable {
    let domainLabel = Dictionary(uniqueKeysWithValues: x.domains.map { ($0.id, $0.label) })
    return try ReportTable(
      caption: t("Indicatoren van de index", "Indicators of the index"),
      columns: [
        ReportColumn(t("Indicator", "Indicator")), ReportColumn(t("Domein", "Domain")),
        ReportColumn(t("Slechter als", "Worse when")),
        ReportColumn(t("Gewicht in de index", "Weight in the index"), alignment: .right),
        ReportColumn(t("Onzekerheid", "Uncertainty")),
      ],
      rows: x.indicators.map { i in
        [
          .text(i.label), .text(i.domain.map { domainLabel[$0] ?? $0 } ?? "–"),
          .text(i.worse == "higher" ? t("hoger", "higher") : t("lager", "lower")),
          .percent(i.share, decimals: 1), .text(uncertainty(i.uncertainty, t)),
        ]
      })
  }

  static func uncertainty(_ kind: String, _ t: Words) -> String {
    switch kind {
    case "binomial_share": t("binomiaal (teller uit de noemer)", "binomial (numerator of the base)")
    case "poisson_rate": t("Poisson (teller)", "Poisson (numerator)")
    case "poisson_count": t("Poisson (aantal)", "Poisson (count)")
    default: t("vast gehouden", "held fixed")
    }
  }

  static func rankTable(_ x: IndexResult, _ r: AnalysisResult, _ t: Words) throws -> ReportTable {
    let style = NumberStyle(t.language)
    let scored = x.wards.enumerated().filter { $0.element.rank != nil }
      .sorted { $0.element.rank! < $1.element.rank! }
    return try ReportTable(
      caption: t("Score en rang per wijk", "Score and rank per ward"),
      columns: [
        ReportColumn(t("Wijk", "Ward")), ReportColumn(t("Score", "Score"), alignment: .right),
        ReportColumn(t("Rang (5–95 %)", "Rank (5–95 %)")),
        ReportColumn(t("Deciel", "Decile"), alignment: .right),
      ],
      rows: scored.map { w, v in
        [
          .text(r.wards[w].shortName), v.score.map { .number($0, decimals: 2) } ?? .empty,
          .text(rankText(v, style)), v.decile.map { .text(String($0)) } ?? .empty,
        ]
      })
  }

  /// "rang 3 (tussen 2 en 6)", or the rank alone without an interval.
  static func rankText(_ v: IndexWardValue, _ style: NumberStyle) -> String {
    guard let rank = v.rank else { return "–" }
    guard let range = v.rankRange else { return style.format(Double(rank)) }
    return style.rank(rank, between: range[0], and: range[1])
  }

  static func intervalText(_ x: IndexResult, _ t: Words) -> String {
    let n = NumberStyle(t.language).format(Double(x.draws))
    let c = NumberStyle(t.language).format(x.concentration, decimals: 0)
    return t(
      "Het bereik van de rang is de 5–95 %-marge over \(n) trekkingen waarin de gewichten (Dirichlet met concentratie \(c) rond de gekozen gewichten) en de cijfers met een onzekerheid samen variëren; seed \(x.seed). Een wijk met een smal bereik staat vast op haar plaats, een breed bereik zegt dat haar rang van de keuzes afhangt.",
      "The range of the rank is the 5–95 % range over \(n) draws in which the weights (Dirichlet with concentration \(c) around the chosen weights) and the figures with an uncertainty vary together; seed \(x.seed). A narrow range means the ward's place is firm; a wide one that its rank depends on the choices."
    )
  }

  static func sensitivityTable(_ x: IndexResult, _ r: AnalysisResult, _ t: Words) throws
    -> ReportTable
  {
    let names = Dictionary(uniqueKeysWithValues: r.wards.map { ($0.code, $0.shortName) })
    let labels = Dictionary(uniqueKeysWithValues: x.indicators.map { ($0.name, $0.label) })
      .merging(x.domains.map { ($0.id, $0.label) }) { a, _ in a }
    func list(_ codes: [String]) -> ReportCell {
      codes.isEmpty ? .empty : .text(codes.map { names[$0] ?? $0 }.joined(separator: ", "))
    }
    let change = [
      "left_out": t("weggelaten", "left out"), "doubled": t("gewicht × 2", "weight × 2"),
      "halved": t("gewicht × ½", "weight × ½"),
    ]
    return try ReportTable(
      caption: t(
        "Gevoeligheid: wat de top \(x.top.count) verandert", "Sensitivity: what changes the top \(x.top.count)"),
      columns: [
        ReportColumn(t("Indicator of domein", "Indicator or domain")),
        ReportColumn(t("Verandering", "Change")), ReportColumn(t("Komt in de top", "Enters the top")),
        ReportColumn(t("Valt uit de top", "Leaves the top")),
        ReportColumn(t("Grootste rangverschuiving", "Largest rank change"), alignment: .right),
      ],
      rows: x.sensitivity.map { row in
        [
          .text(labels[row.name] ?? row.name), .text(change[row.change] ?? row.change),
          list(row.entering), list(row.leaving), .text(String(row.largestRankChange)),
        ]
      })
  }

  /// The wards without a published score, with what they lack or that they are withheld.
  static func unscored(_ x: IndexResult, _ p: Publication, _ t: Words) -> [String] {
    let r = p.result
    let labels = Dictionary(uniqueKeysWithValues: x.indicators.map { ($0.name, $0.label) })
    var lacking: [String] = []
    var withheld: [String] = []
    for (w, v) in x.wards.enumerated() where v.score == nil {
      if p.withheld(x.id, ward: w) != nil {
        withheld.append(r.wards[w].shortName)
      } else {
        lacking.append(
          "\(r.wards[w].shortName) (\(v.lacking.map { labels[$0] ?? $0 }.joined(separator: ", ")))")
      }
    }
    var out: [String] = []
    if !lacking.isEmpty {
      out.append(t("Zonder score, want zonder alle cijfers: ", "No score, lacking figures: ")
        + lacking.joined(separator: "; ") + ".")
    }
    if !withheld.isEmpty {
      out.append(
        t(
          "Niet gepubliceerd (een cijfer van de wijk is niet publiceerbaar; de andere wijken zijn zonder die cijfers berekend): ",
          "Not published (a figure of the ward may not be published; the other wards are computed without it): "
        ) + withheld.joined(separator: ", ") + ".")
    }
    return out
  }
}
