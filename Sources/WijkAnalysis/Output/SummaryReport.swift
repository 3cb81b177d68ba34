import Cartography
import SpatialStats
import WijkIO

/// The summary report of a run (`summary.md`, `summary.html`): the city figures, the wards
/// that stand out and why, hotspots, the ward groups, the maps, and how it was computed.
///
/// Written in the configuration's language from the published figures (``Publication``): a
/// withheld figure prints as "<5" or "x", and the method section says once what was
/// withheld and why. Illustrative inputs are announced at the top.
public enum SummaryReport {
  /// Builds the report.
  ///
  /// - Parameter extraSections: adds a module's own sections (e.g. `wijk housing`'s
  ///   registers and change) after the ward groups and before "Method and sources".
  /// - Throws: `CartographyError` for a table whose rows do not fit its columns (a bug).
  public static func build(
    _ p: Publication, table: WardTable, maps: [(String, String)],
    extraSections: (inout ReportDocument) throws -> Void = { _ in }
  ) throws -> ReportDocument {
    let r = p.result
    let language = Language(rawValue: r.language) ?? .dutch
    let t = Words(language: language)
    var doc = ReportDocument(
      title: r.title,
      subtitle: t(
        "\(r.wards.count) wijken · gemaakt op \(t.date(r.provenance.createdAt))",
        "\(r.wards.count) wards · made on \(t.date(r.provenance.createdAt))"),
      language: language)
    for line in headlineWarnings(r, language: r.language) { doc.addNote(line) }
    for line in illustrativeNotes(r, t) { doc.addNote(line) }
    try addCityOverTime(p, &doc, t)
    try addOverview(p, &doc, t)
    try addStandouts(p, &doc, t)
    try addWardSeries(p, maps, &doc, t)
    for indicator in r.indicators where isLatest(indicator, r) {
      if let index = r.index, index.id == indicator.id {
        try IndexSection.add(index, indicator, p, maps, &doc, t)
      } else {
        try addIndicator(indicator, p, maps, &doc, t)
      }
    }
    BivariateSection.add(p, maps, &doc, t)
    for group in r.groups { try addGroup(group, p, &doc, t) }
    for zone in r.zones { try addZone(zone, p, &doc, t) }
    try extraSections(&doc)
    addMethod(p, &doc, t)
    return doc
  }

  /// The announcements of illustrative and synthetic inputs of `r`, in its language (for the
  /// reports of other commands built on the same analysis, such as `wijk check`).
  public static func illustrativeNotes(_ r: AnalysisResult) -> [String] {
    illustrativeNotes(r, Words(language: Language(rawValue: r.language) ?? .dutch))
  }

  /// The announcements of illustrative and synthetic inputs, in the report's language:
  /// illustrative groups, an illustrative composite index, illustrative and synthetic files.
  static func illustrativeNotes(_ r: AnalysisResult, _ t: Words) -> [String] {
    r.groups.filter(\.illustrative).map { g in
      t(
        "De wijkgroep '\(g.name)' is illustratief, niet de officiële lijst van de stad.",
        "The ward group '\(g.name)' is illustrative, not the city's official list.")
    }
      + (r.index.map { [$0] } ?? []).filter(\.illustrative).map { _ in
        t(
          "De samengestelde index is illustratief: een voorbeeld van indicatoren en gewichten, niet de kansarmoedecriteria van de stad.",
          "The composite index is illustrative: an example of indicators and weights, not the city's deprivation criteria."
        )
      }
      + r.illustrativeFiles.map { f in
        f.lowercased().contains("synthetic")
          ? t("\(f) bevat synthetische gegevens.", "\(f) holds synthetic data.")
          : t("\(f) bevat illustratieve gegevens.", "\(f) holds illustrative data.")
      }
  }

  /// The credit lines of maps and reports.
  public static func credits(_ r: AnalysisResult) -> [String] {
    r.credits.isEmpty ? ["wijk \(r.provenance.toolVersion)"] : r.credits
  }

  // MARK: - Sections

  static func addOverview(_ p: Publication, _ doc: inout ReportDocument, _ t: Words) throws {
    let r = p.result
    doc.addSection(t("De stad in één tabel", "The city at a glance"))
    let rows: [[ReportCell]] = r.indicators.filter { isLatest($0, r) }.map { i in
      [
        .text(i.label + (i.unit.map { " (\($0))" } ?? "")), cityValue(i, p),
        number(i.city.dissimilarity, 3), number(i.city.moran?.i, 3),
        number(i.city.moran?.pseudoP, 3),
        .text(String(i.wards.filter { $0.hotspot == "hotspot" }.count)),
        .text(names(i.wards.filter { $0.flags.contains("concentration ward") }, r)),
      ]
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "Stad: waarde, ongelijkheid tussen wijken (D), ruimtelijke samenhang (Moran's I, pseudo-p) en hotspots",
          "City: value, dissimilarity (D), spatial autocorrelation (Moran's I, pseudo p) and hotspots"
        ),
        columns: [
          ReportColumn(t("Indicator", "Indicator")),
          ReportColumn(t("Stad", "City"), alignment: .right),
          ReportColumn("D", alignment: .right), ReportColumn("Moran's I", alignment: .right),
          ReportColumn("p", alignment: .right), ReportColumn("Gi* hotspots", alignment: .right),
          ReportColumn(t("Concentratiewijken", "Concentration wards")),
        ],
        rows: rows))
  }

  static func addStandouts(_ p: Publication, _ doc: inout ReportDocument, _ t: Words) throws {
    let r = p.result
    doc.addSection(t("Wijken die opvallen", "Wards that stand out"))
    var rows: [[ReportCell]] = []
    for i in r.indicators where isLatest(i, r) {
      let ranked = rankedCount(i)  // once per indicator, not per ward: linear in the wards
      for (w, v) in i.wards.enumerated() where !v.flags.filter({ $0 != "small base" }).isEmpty {
        rows.append([
          .text(r.wards[w].shortName), .text(i.label), wardValue(i, w, p),
          wardNumber(i, w, v.locationQuotient, 2, p),
          v.rank.map { .text("\($0)/\(r.wards.count)") } ?? .empty,
          .text(why(v, ranked: ranked, t)),
        ])
      }
    }
    let correction = SignificanceWording.correction(r.multipleTesting.correction, t.language)
    guard !rows.isEmpty else {
      doc.addParagraph(
        t(
          "Geen enkele wijk is een concentratiewijk of ligt in een significant ruimtelijk patroon (lokale Moran of Gi*, correctie \(correction), α = \(t.number(r.significance, 2))).",
          "No ward is a concentration ward or lies in a significant spatial pattern (local Moran or Gi*, correction \(correction), α = \(t.number(r.significance, 2)))."
        ))
      return
    }
    doc.addParagraph(
      t(
        "Twee aparte vaststellingen. Een concentratiewijk is dat door haar eigen cijfer: een locatiequotiënt (wijk / stad) van minstens \(t.number(r.concentrationQuotient, 2)) en een plaats in het hoogste vijfde van de wijken, bij aandelen en aantallen met een basis, niet op een kleine basis. Het ruimtelijke patroon gaat over de omgeving: lokale Moran en Gi* toetsen of de buren van de wijk samen hoge of lage waarden hebben, significant na correctie (\(correction), α = \(t.number(r.significance, 2)); de drempels staan bij elke indicator). \"In een cluster van hoge waarden\" staat er alleen als de wijk zelf ook hoog is; anders \"omgeven door hoge waarden\".",
        "Two separate statements. A concentration ward is one by its own figure: a location quotient (ward / city) of at least \(t.number(r.concentrationQuotient, 2)) and a place in the top fifth of the wards, for shares and counts with a base, not on a small base. The spatial pattern is about the surroundings: local Moran and Gi* test whether the ward's neighbours together have high or low values, significant after correction (\(correction), α = \(t.number(r.significance, 2)); the thresholds are given with each indicator). \"In a cluster of high values\" is said only when the ward itself is high too; otherwise \"surrounded by high values\"."
      ))
    doc.addTable(
      try ReportTable(
        caption: t(
          "Concentratiewijken en wijken in een significant ruimtelijk patroon",
          "Concentration wards and wards in a significant spatial pattern"),
        columns: [
          ReportColumn(t("Wijk", "Ward")), ReportColumn("Indicator"),
          ReportColumn(t("Waarde", "Value"), alignment: .right),
          ReportColumn(t("LQ", "LQ"), alignment: .right),
          ReportColumn(t("Rang", "Rank"), alignment: .right),
          ReportColumn(t("Waarom", "Why")),
        ],
        rows: rows))
  }

  static func addIndicator(
    _ i: IndicatorResult, _ p: Publication, _ maps: [(String, String)],
    _ doc: inout ReportDocument, _ t: Words
  ) throws {
    let r = p.result
    doc.addPageBreak()
    doc.addSection(i.label)
    doc.addParagraph(cityParagraph(i, p, t))
    let ranked = i.wards.enumerated().filter { $0.element.rank != nil }
      .sorted { $0.element.rank! < $1.element.rank! }
    let rankedWards = ranked.count
    let rows: [[ReportCell]] = ranked.prefix(5).map { w, v in
      [
        .text(r.wards[w].shortName), wardValue(i, w, p),
        wardNumber(i, w, v.locationQuotient, 2, p), wardNumber(i, w, v.zScore, 2, p),
        .text(SpatialWording.lisaLabel(v, rankedWards: rankedWards, t.language)),
        .text(SpatialWording.giLabel(v, rankedWards: rankedWards, t.language)),
      ]
    }
    doc.addTable(
      try ReportTable(
        caption: t("De vijf hoogste wijken", "The five highest wards"),
        columns: [
          ReportColumn(t("Wijk", "Ward")), ReportColumn(t("Waarde", "Value"), alignment: .right),
          ReportColumn("LQ", alignment: .right), ReportColumn("z", alignment: .right),
          ReportColumn("LISA"), ReportColumn("Gi*"),
        ],
        rows: rows))
    addMaps(i, maps, &doc, valueCaption: t("Waarde per wijk", "Value per ward"), t)
    let missing = i.wards.enumerated().filter {
      $0.element.value == nil && p.withheld(i.id, ward: $0.offset) == nil
    }.map { r.wards[$0.offset].shortName }
    if !missing.isEmpty {
      doc.addNote(
        t("Zonder waarde (niet meegeteld, nooit als 0): ", "No value (left out, never read as 0): ")
          + missing.joined(separator: ", ") + ".")
    }
    for w in i.warnings { doc.addNote(w) }
  }

  /// The indicator's value map; its LISA cluster map beside the significance map, as GeoDa
  /// pairs them; and its Moran scatterplot.
  static func addMaps(
    _ i: IndicatorResult, _ maps: [(String, String)], _ doc: inout ReportDocument,
    valueCaption: String, _ t: Words
  ) {
    func figure(_ suffix: String, _ caption: String) -> ReportFigure? {
      let name = "\(i.id)\(suffix).svg"
      return maps.first { $0.0 == name }.map {
        ReportFigure(svg: $0.1, caption: caption, markdownPath: "maps/\(name)")
      }
    }
    figure("", valueCaption).map {
      doc.addFigure(svg: $0.svg, caption: $0.caption, markdownPath: $0.markdownPath)
    }
    doc.addFigureRow(
      [
        figure("-lisa", t("Clusters en uitschieters (lokale Moran)", "Clusters and outliers (local Moran)")),
        figure("-lisa-p", t("Significantie van de lokale Moran (pseudo-p)", "Significance of local Moran (pseudo p)")),
      ].compactMap { $0 })
    figure(
      "-moran",
      t(
        "Moran-spreidingsdiagram: de wijk (x) tegen het gemiddelde van haar buren (y), in standaardscores; de helling is Moran's I",
        "Moran scatterplot: the ward (x) against the mean of its neighbours (y), in standard scores; the slope is Moran's I")
    ).map { doc.addFigure(svg: $0.svg, caption: $0.caption, markdownPath: $0.markdownPath) }
  }

  /// The spatial Gini in words: the part of the Gini between wards that are not neighbours,
  /// and the polarisation.
  static func spatialGiniText(_ g: SpatialGiniSummary, _ style: NumberStyle, _ t: Words)
    -> String
  {
    let share = style.format(g.nonNeighbourShare, decimals: 3)
    var text = t(
      "Ruimtelijke Gini (Rey & Smith): \(share) ervan komt van paren wijken die geen buren zijn",
      "Spatial Gini (Rey & Smith): \(share) of it comes from pairs of wards that are not neighbours")
    if let p = g.polarization {
      text += t(
        "; polarisatie \(style.format(p, decimals: 2)) (boven 1 verschillen wijken meer van verre wijken dan van hun buren)",
        "; polarisation \(style.format(p, decimals: 2)) (above 1 wards differ more from distant wards than from their neighbours)")
    }
    return text + "."
  }

  static func cityParagraph(_ i: IndicatorResult, _ p: Publication, _ t: Words) -> String {
    let r = p.result
    let style = NumberStyle(t.language)
    var parts: [String] = []
    if let v = i.city.value {
      parts.append(
        t("Stad: ", "City: ") + formatted(v, i, style, r.smallNumberThreshold)
          + (i.unit.map { " \($0)" } ?? "") + ".")
    } else if p.withheldCity.contains(i.id) {
      parts.append(t("Stad: x (niet gepubliceerd).", "City: x (not published)."))
    }
    if let d = i.city.dissimilarity {
      parts.append(
        t(
          "Dissimilariteitsindex D = \(style.format(d, decimals: 3)): zoveel van de groep zou moeten verhuizen voor een gelijke spreiding over de wijken.",
          "Dissimilarity index D = \(style.format(d, decimals: 3)): the share of the group that would have to move for an even spread over the wards."
        ))
    }
    if let d = i.city.spatialDissimilarity {
      parts.append(
        t(
          "Ruimtelijk aangepast (Morrill; verschillen tussen buurwijken tellen minder): ",
          "Spatially adjusted (Morrill; differences between neighbouring wards count less): ")
          + "D = \(style.format(d, decimals: 3)).")
    }
    if let sp = i.city.spatialProximity {
      parts.append(
        t(
          "Ruimtelijke nabijheid (White, afstandsverval per km): SP = \(style.format(sp, decimals: 3)); boven 1 wonen leden van de groep dichter bij elkaar dan bij de anderen.",
          "Spatial proximity (White, distance decay per km): SP = \(style.format(sp, decimals: 3)); above 1 the group's members live closer to each other than to the others."
        ))
    }
    if let test = i.city.dissimilarityTest {
      parts.append(dissimilarityTestText(test, alpha: r.significance, style, t))
    }
    if let h = i.city.theilH { parts.append("Theil H = \(style.format(h, decimals: 3)).") }
    if let g = i.city.giniInequality {
      parts.append(
        t("Gini tussen wijken = ", "Gini across wards = ") + style.format(g, decimals: 3) + ".")
    }
    if let g = i.city.spatialGini { parts.append(spatialGiniText(g, style, t)) }
    if let m = i.city.moran {
      let p = m.pseudoP.map { style.format($0, decimals: 3) } ?? "–"
      let alike = m.tail == "upper"
      parts.append(
        t(
          "Moran's I = \(style.format(m.i, decimals: 3)) (pseudo-p = \(p), \(m.permutations) permutaties): "
            + (m.significant == true
              ? (alike
                ? "gelijke waarden liggen significant bij elkaar."
                : "buren verschillen significant van elkaar.")
              : "geen significant ruimtelijk patroon."),
          "Moran's I = \(style.format(m.i, decimals: 3)) (pseudo p = \(p), \(m.permutations) permutations): "
            + (m.significant == true
              ? (alike
                ? "similar values cluster significantly." : "neighbours differ significantly.")
              : "no significant spatial pattern.")))
    }
    if let g = i.city.geary { parts.append(gearyText(g, i.city.generalG, style, t)) }
    if let tests = SignificanceWording.families(i.tests, t.language) {
      parts.append(
        t("Lokale toetsen, correctie ", "Local tests, correction ")
          + SignificanceWording.correction(r.multipleTesting.correction, t.language) + ": "
          + tests + ".")
    }
    return parts.joined(separator: " ")
  }

  /// The evenness test of D: what random allocation gives, and whether D exceeds it.
  static func dissimilarityTestText(
    _ d: DissimilarityTest, alpha: Double, _ style: NumberStyle, _ t: Words
  ) -> String {
    let (mean, p) = (style.format(d.expectedUnderNull, decimals: 3), style.format(d.pseudoP, decimals: 3))
    return d.pseudoP <= alpha
      ? t(
        "Bij toevallige verdeling van de groep over de wijken (elke wijk houdt haar totaal) is D gemiddeld \(mean) (\(d.simulations) trekkingen, pseudo-p = \(p)): de groep is ongelijker gespreid dan toeval geeft.",
        "Random allocation of the group over the wards (each keeping its total) gives D = \(mean) on average (\(d.simulations) draws, pseudo p = \(p)): the group is spread more unevenly than chance gives.")
      : t(
        "Bij toevallige verdeling van de groep over de wijken (elke wijk houdt haar totaal) is D gemiddeld \(mean) (\(d.simulations) trekkingen, pseudo-p = \(p)): D is niet hoger dan toeval geeft bij wijken van deze grootte.",
        "Random allocation of the group over the wards (each keeping its total) gives D = \(mean) on average (\(d.simulations) draws, pseudo p = \(p)): D is no higher than chance gives with wards this size.")
  }

  /// Geary's C (and General G when defined), with their pseudo p and no correction.
  static func gearyText(
    _ c: GearySummary, _ g: GeneralGSummary?, _ style: NumberStyle, _ t: Words
  ) -> String {
    func p(_ x: Double?) -> String { x.map { style.format($0, decimals: 3) } ?? "–" }
    let gText = g.map { g in
      let d = PublishedPrecision.threshold(g.expectedG)
      return t(
        " en Getis-Ord General G = \(style.format(g.g, decimals: d)) (verwacht \(style.format(g.expectedG, decimals: d)), pseudo-p = \(p(g.pseudoP)))",
        " and Getis-Ord General G = \(style.format(g.g, decimals: d)) (expected \(style.format(g.expectedG, decimals: d)), pseudo p = \(p(g.pseudoP)))")
    } ?? ""
    return t(
      "Geary's C = \(style.format(c.c, decimals: 3)) (onder 1 lijken buren op elkaar, boven 1 verschillen ze; pseudo-p = \(p(c.pseudoP)))\(gText), zonder correctie voor meervoudig toetsen.",
      "Geary's C = \(style.format(c.c, decimals: 3)) (below 1 neighbours are alike, above 1 they differ; pseudo p = \(p(c.pseudoP)))\(gText), without correction for multiple testing."
    )
  }

  static func addGroup(
    _ g: GroupResult, _ p: Publication, _ doc: inout ReportDocument, _ t: Words
  ) throws {
    let r = p.result
    let hidden = p.withheldGroups[g.name] ?? []
    doc.addPageBreak()
    doc.addSection(t("Wijkgroep: ", "Ward group: ") + g.name)
    if g.illustrative {
      doc.addNote(
        t(
          "Deze groep is illustratief: het is niet de officiële lijst van de stad.",
          "This group is illustrative: it is not the city's official list."))
    }
    let names = g.wards.compactMap { code in r.wards.first { $0.code == code }?.shortName }
    doc.addParagraph(t("Wijken: ", "Wards: ") + names.joined(separator: ", ") + ".")
    // By id, not position: the index and a series' years need not have group values.
    let byID = Dictionary(g.indicators.map { ($0.indicator, $0) }) { a, _ in a }
    let rows: [[ReportCell]] = r.indicators.compactMap { i in
      guard let gv = byID[i.id] else { return nil }
      if hidden.contains(i.id) {
        return [.text(i.label)] + Array(repeating: .text(SmallNumbers.notPublished), count: 4)
      }
      return [
        .text(i.label), value(gv.value, i, r.smallNumberThreshold),
        value(gv.restValue, i, r.smallNumberThreshold), number(gv.locationQuotient, 2),
        gv.shareOfCity.map { .percent($0, decimals: 1) } ?? .empty,
      ]
    }
    doc.addTable(
      try ReportTable(
        caption: t(
          "De groep tegenover de rest van de stad", "The group against the rest of the city"),
        columns: [
          ReportColumn("Indicator"), ReportColumn(t("Groep", "Group"), alignment: .right),
          ReportColumn(t("Rest van de stad", "Rest of the city"), alignment: .right),
          ReportColumn("LQ", alignment: .right),
          ReportColumn(t("Aandeel in stad", "Share of city"), alignment: .right),
        ],
        rows: rows))
  }

  static func addZone(_ z: ZoneResult, _ p: Publication, _ doc: inout ReportDocument, _ t: Words)
    throws
  {
    let r = p.result
    let hidden = p.withheldZones[z.code] ?? []
    doc.addSection(t("Zone: ", "Zone: ") + z.name)
    if z.illustrative {
      doc.addNote(
        t(
          "De omtrek van deze zone is illustratief, niet opgemeten.",
          "This zone's outline is illustrative, not surveyed."))
    }
    let wards = z.wardShares.sorted { $0.value > $1.value }.map { code, share in
      (r.wards.first { $0.code == code }?.shortName ?? code) + " "
        + NumberStyle(t.language).percent(share)
    }
    doc.addParagraph(
      t(
        "Oppervlakte \(t.number(z.areaSquareKilometres, 2)) km², in de wijken: \(wards.joined(separator: ", ")). De cijfers zijn naar oppervlakte uit de wijken overgedragen (elke wijk gelijk verdeeld over haar oppervlakte); verhoudingen zijn herberekend uit de overgedragen tellers en noemers.",
        "Area \(t.number(z.areaSquareKilometres, 2)) km², in the wards: \(wards.joined(separator: ", ")). Figures are carried from the wards by area (each ward spread evenly over its area); ratios are recomputed from the carried numerators and bases."
      ))
    // By id, not position, as the group table: the index has no zone value.
    let byID = Dictionary(z.values.map { ($0.indicator, $0) }) { a, _ in a }
    let rows: [[ReportCell]] = r.indicators.compactMap { i in
      guard let v = byID[i.id] else { return nil }
      return [
        .text(i.label),
        hidden.contains(i.id)
          ? .text(SmallNumbers.notPublished) : value(v.value, i, r.smallNumberThreshold),
        cityValue(i, p),
      ]
    }
    doc.addTable(
      try ReportTable(
        caption: t("De zone tegenover de stad", "The zone against the city"),
        columns: [
          ReportColumn("Indicator"), ReportColumn("Zone", alignment: .right),
          ReportColumn(t("Stad", "City"), alignment: .right),
        ],
        rows: rows))
  }

  static func addMethod(_ p: Publication, _ doc: inout ReportDocument, _ t: Words) {
    let r = p.result
    doc.addPageBreak()
    doc.addSection(t("Werkwijze en bronnen", "Method and sources"))
    let w = r.weights
    doc.addParagraph(
      t(
        "Buren: \(w.kind)-contiguïteit, \(w.links) verbindingen, gemiddeld \(NumberStyle(t.language).format(w.meanNeighbours, decimals: 1)) buren (\(w.minNeighbours)–\(w.maxNeighbours)). Lokale Moran en Gi* (binaire gewichten, de wijk zelf inbegrepen) met \(r.provenance.permutations) conditionele permutaties, seed \(r.provenance.seed). De gewichten zijn rij-gestandaardiseerd voor Moran's I. Waarden volgen PySAL (esda, segregation, inequality, mapclassify).",
        "Neighbours: \(w.kind) contiguity, \(w.links) links, on average \(NumberStyle(t.language).format(w.meanNeighbours, decimals: 1)) neighbours (\(w.minNeighbours)–\(w.maxNeighbours)). Local Moran and Gi* (binary weights, the ward itself included) with \(r.provenance.permutations) conditional permutations, seed \(r.provenance.seed). Weights are row-standardised for Moran's I. Values follow PySAL (esda, segregation, inequality, mapclassify)."
      ))
    doc.addParagraph(SignificanceWording.method(r.multipleTesting, t.language))
    doc.addParagraph(
      t(
        "Pseudo-p: (aantal permutaties minstens zo extreem aan de kant van de waarneming + 1) / (permutaties + 1), de kleinste van beide kanten; een permutatie die gelijk is aan de waarneming (binnen 1e-10 relatief) telt aan beide kanten mee, dus spiegelbeelden krijgen dezelfde p en een waarde zonder spreiding in haar permutaties p = 1. Zonder gelijke waarden is dat de pseudo-p van esda (PySAL). Een wijk zonder waarde, zonder buren of bij een indicator zonder spreiding krijgt geen pseudo-p.",
        "Pseudo p: (permutations at least as extreme on the observation's side + 1) / (permutations + 1), the smaller of both sides; a permutation equal to the observation (within 1e-10 relative) counts on both sides, so mirror images get the same p and a statistic no permutation can change gets p = 1. Without ties this is esda's p_sim. A ward without a value, without neighbours, or for an indicator without variance gets no pseudo p."
      ))
    for note in p.notes(t.language) { doc.addParagraph(note) }
    doc.addParagraph(
      t(
        "Een cijfer met basis 0 is niet gedefinieerd en wordt nooit als 0 getoond.",
        "A figure on a base of 0 is undefined and never shown as 0."))
    doc.addParagraph(
      t(
        "Lokale Moran en Gi* gebruiken dezelfde permutaties (zelfde seed); omdat beide de buren van een wijk rangschikken, vallen hun pseudo-p-waarden vaak samen. Dat is verwacht, geen kopieerfout.",
        "Local Moran and Gi* use the same permutations (same seed); as both rank a ward's neighbours, their pseudo p-values often coincide. That is expected, not a copying error."
      ))
    for table in r.tables { for line in tableNotes(table, t) { doc.addNote(line) } }
    // Loading notices (projection, repairs, accepted overlaps, reader warnings) are rare and
    // stay in the words the working results file gives them.
    for n in r.notices { doc.addNote(n) }
    doc.addParagraph(t("Bronnen: ", "Sources: ") + credits(r).joined(separator: "; ") + ".")
    doc.addParagraph(
      "wijk \(r.provenance.toolVersion); GEOS \(r.provenance.libraries["GEOS"] ?? "?"), PROJ \(r.provenance.libraries["PROJ"] ?? "?"), GDAL \(r.provenance.libraries["GDAL"] ?? "?"). "
        + t(
          "De controlesommen van de invoer staan in het werkbestand \(WorkingFiles.results) (exacte cijfers, niet om te publiceren).",
          "The input checksums are in the working file \(WorkingFiles.results) (exact figures, not for publication)."))
  }

  /// What a reader must know about one table: rows kept, the number convention, and what
  /// no ward receives.
  /// The same notes for every table of `r`, in `language` (`nl` or `en`): what `wijk analyse`
  /// prints after a run.
  public static func tableNotes(_ r: AnalysisResult, language: String) -> [String] {
    let t = Words(language: Language(rawValue: language) ?? .english)
    return r.tables.flatMap { tableNotes($0, t) }
  }

  static func tableNotes(_ table: TableJoinReport, _ t: Words) -> [String] {
    let file = fileName(table.file)
    var out = [
      t(
        "\(file): \(table.rowsKept) van \(table.rowsRead) rijen gebruikt (na de filter)"
          + (table.numberConvention.map { "; getallen gelezen met \(dutchConvention($0))" } ?? "")
          + ".",
        "\(file): \(table.rowsKept) of \(table.rowsRead) rows used (after the filter)"
          + (table.numberConvention.map { "; numbers read with \($0)" } ?? "") + ".")
    ]
    if !table.keysWithoutWard.isEmpty {
      let values = table.valuesWithoutWard.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        .map { "`\($0.key)` = \(t.number($0.value, 0))" }.joined(separator: ", ")
      out.append(
        t(
          "\(table.keysWithoutWard.joined(separator: ", ")) is geen wijk op de kaart (bv. locatie onbekend): die cijfers tellen in geen enkele wijk en niet in het stadstotaal"
            + (values.isEmpty ? "." : " (\(values))."),
          "\(table.keysWithoutWard.joined(separator: ", ")) is not a ward of the map (e.g. location unknown): its figures count in no ward and not in the city total"
            + (values.isEmpty ? "." : " (\(values)).")))
    }
    if !table.lookupSectorsWithoutData.isEmpty {
      out.append(
        t(
          "Sectoren zonder rij in de tabel (hun wijken kunnen onvolledig zijn): ",
          "Sectors without a row in the table (their wards may be incomplete): ")
          + table.lookupSectorsWithoutData.joined(separator: ", ") + ".")
    }
    if !table.wardsWithoutData.isEmpty {
      out.append(
        t("Wijken zonder gegevens (nooit als 0 geteld): ", "Wards without data (never read as 0): ")
          + table.wardsWithoutData.joined(separator: ", ") + ".")
    }
    out += missingNotes(table, t)
    return out
  }

  /// The missing cells per column and kind, and the wards they leave without a value.
  static func missingNotes(_ table: TableJoinReport, _ t: Words) -> [String] {
    let file = fileName(table.file)
    var out: [String] = []
    let cells = table.missingCells.filter { $0.kind != .empty }
    if !cells.isEmpty {
      let list = cells.map { c in
        let markers = c.markers.map { "'\($0.visibleInMessages)'" }.joined(separator: ", ")
        let lines = c.lines.map(String.init).joined(separator: ", ") + (c.count > c.lines.count ? ", …" : "")
        return t(
          "\(c.column): \(c.count) \(c.count == 1 ? "cel" : "cellen") \(c.kind.dutch) (\(markers); regel \(lines))",
          "\(c.column): \(c.count) \(c.count == 1 ? "cell" : "cells") \(c.kind.rawValue) (\(markers); line\(c.lines.count == 1 ? "" : "s") \(lines))")
      }
      out.append(
        t("\(file): ontbrekende waarden, elk enkel voor die cel (nooit als 0 gelezen): ",
          "\(file): missing values, each for its cell only (never read as 0): ")
          + list.joined(separator: "; ") + ".")
    }
    for v in table.missingWardValues {
      let why = t(dutchReason(v), v.reason)
      let bound = v.knownPart.map { k in
        t(" Het bekende deel, \(t.number(k, 0)), is enkel een ondergrens.",
          " The known part, \(t.number(k, 0)), is only a lower bound.")
      } ?? ""
      out.append(
        t("\(v.ward) heeft geen waarde voor \(v.column) (\(why)); de wijk telt niet mee in de stadscijfers van die kolom.",
          "\(v.ward) has no value for \(v.column) (\(why)); the ward is left out of that column's city figures.")
          + bound)
    }
    return out
  }

  /// A ``MissingWardValue``'s reason in Dutch: the kind, then the sectors or the line.
  static func dutchReason(_ v: MissingWardValue) -> String {
    if !v.sectors.isEmpty {
      return "\(v.kind.dutch): sector\(v.sectors.count == 1 ? "" : "en") "
        + v.sectors.map(\.visibleInMessages).joined(separator: ", ")
    }
    let line = v.reason.range(of: ", line ").map { "regel " + v.reason[$0.upperBound...] }
    return v.kind.dutch + (line.map { ", \($0)" } ?? "")
  }

  /// City totals that lost more than a trace (``UnmatchedAllowance/traceShare``) to keys
  /// that reach no ward: announced at the top of the summary and on stderr.
  public static func headlineWarnings(_ r: AnalysisResult, language: String) -> [String] {
    let t = Words(language: Language(rawValue: language) ?? .english)
    return r.tables.flatMap { table in
      table.shareWithoutWard.filter { $0.value > UnmatchedAllowance.traceShare }
        .sorted { $0.key < $1.key }
        .map { column, share in
          let keys = (table.keysWithoutWard + table.sectorsWithoutWard).map(\.visibleInMessages)
            .joined(separator: ", ")
          let pct = t.number(share * 100, 1)
          return t(
            "Let op: \(pct) % van het totaal van de kolom `\(column)` in \(fileName(table.file)) valt in geen enkele wijk (\(keys)) en ontbreekt in het stadstotaal.",
            "Warning: \(pct) % of the total of the column `\(column)` in \(fileName(table.file)) reaches no ward (\(keys)) and is missing from the city total.")
        }
    }
  }

  static func dutchConvention(_ summary: String) -> String {
    summary.hasPrefix("decimal comma")
      ? "decimale komma en punt voor duizendtallen (1.234,5)" : "decimale punt (1234.5)"
  }

  static func fileName(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }

  // MARK: - Cells

  /// Ward `w`'s published value, or its marker ("<5", "x") when withheld.
  static func wardValue(_ i: IndicatorResult, _ w: Int, _ p: Publication) -> ReportCell {
    let v = i.wards[w].value
    if v == nil, let f = p.withheld(i.id, ward: w) { return .text(p.marker(f.value(kind: i.kind))) }
    return value(v, i, p.threshold)
  }

  /// A published figure derived from ward `w`'s counts, or "x" when withheld.
  static func wardNumber(
    _ i: IndicatorResult, _ w: Int, _ x: Double?, _ decimals: Int, _ p: Publication
  ) -> ReportCell {
    if x == nil, p.withheld(i.id, ward: w) != nil { return .text(SmallNumbers.notPublished) }
    return number(x, decimals)
  }

  /// The city value, or "x" when its total is withheld.
  static func cityValue(_ i: IndicatorResult, _ p: Publication) -> ReportCell {
    p.withheldCity.contains(i.id)
      ? .text(SmallNumbers.notPublished) : value(i.city.value, i, p.threshold)
  }

  /// A published value at the indicator's precision (``PublishedPrecision/value(_:)``); a
  /// count below the threshold (a group's, a zone's) prints as "<threshold".
  static func value(_ v: Double?, _ i: IndicatorResult, _ threshold: Int) -> ReportCell {
    guard let v else { return .empty }
    if i.kind == "count" { return .count(Int(v.rounded()), suppressBelow: threshold) }
    return .number(v, decimals: PublishedPrecision.value(i))
  }

  static func number(_ v: Double?, _ decimals: Int) -> ReportCell {
    v.map { .number($0, decimals: decimals) } ?? .empty
  }

  static func formatted(_ v: Double, _ i: IndicatorResult, _ style: NumberStyle, _ threshold: Int)
    -> String
  {
    i.kind == "count"
      ? style.count(Int(v.rounded()), suppressBelow: threshold)
      : style.format(v, decimals: PublishedPrecision.value(i))
  }

  /// Wards with a rank (the "of 30" of a rank).
  static func rankedCount(_ i: IndicatorResult) -> Int { i.wards.filter { $0.rank != nil }.count }

  /// Why a ward stands out: its own value (concentration ward), then its surroundings.
  static func why(_ v: WardIndicatorValue, ranked: Int, _ t: Words) -> String {
    [
      SpatialWording.concentration(v, t.language),
      SpatialWording.surroundings(v, rankedWards: ranked, t.language),
    ].compactMap { $0 }.joined(separator: "; ")
  }

  static func names(_ wards: [WardIndicatorValue], _ r: AnalysisResult) -> String {
    wards.compactMap { w in r.wards.first { $0.code == w.code }?.shortName }.joined(separator: ", ")
  }
}

/// Dutch or English text of the report.
struct Words {
  let language: Language
  func callAsFunction(_ nl: String, _ en: String) -> String { language == .dutch ? nl : en }

  /// The calendar date of an ISO 8601 timestamp in words ("1 december 2026").
  func date(_ iso: String) -> String { DateStyle(language).long(iso) }

  /// A number in the report's format.
  func number(_ v: Double, _ decimals: Int) -> String {
    NumberStyle(language).format(v, decimals: decimals)
  }

  func flag(_ f: String) -> String {
    guard language == .dutch else { return f }
    return [
      "hotspot": "hotspot", "coldspot": "coldspot", "HH cluster": "HH-cluster",
      "LL cluster": "LL-cluster", "concentration ward": "concentratiewijk",
      "concentration cluster": "cluster van concentratiewijken",
      "small base": "kleine basis", "spatial outlier (HL)": "uitschieter (HL)",
      "spatial outlier (LH)": "uitschieter (LH)",
    ][f] ?? f
  }
}
