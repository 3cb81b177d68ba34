import Cartography

/// The configured pairs of indicators in the summary and on maps: per pair the bivariate
/// Moran's I in words, the wards in a significant quadrant, and the cluster map
/// `maps/<x>-vs-<y>-lisa.svg`. Read from the publication only (``PublishedBivariate``).
enum BivariateSection {
  /// The cluster map of each published pair, as file name → SVG.
  /// - Throws: `CartographyError` when the wards cannot be drawn (a bug).
  static func maps(_ p: Publication, table: WardTable, credits: [String], language: Language)
    throws -> [(String, String)]
  {
    try (p.result.bivariate ?? []).map { pair in
      let t = Words(language: language)
      let note = t(
        "drempel na correctie: \(threshold(pair, t)); \(pair.permutations) permutaties, seed \(pair.seed)",
        "threshold after correction: \(threshold(pair, t)); \(pair.permutations) permutations, seed \(pair.seed)")
      let map = try ClusterMap(
        wards: IndicatorMaps.wards(table),
        categories: pair.wards.map { IndicatorMaps.clusterCategory($0.category) },
        text: MapText(
          // the title says what is mapped, the subtitle which indicator is where
          title: t("Bivariate lokale Moran (wijk × buren)", "Bivariate local Moran (ward × neighbours)"),
          subtitle: t(
            "wijk: \(pair.xLabel) · buren: \(pair.yLabel)",
            "ward: \(pair.xLabel) · neighbours: \(pair.yLabel)"),
          legendTitle: t("Bivariate cluster", "Bivariate cluster"),
          credits: credits.joined(separator: " · ")),
        significanceNote: note,
        options: MapOptions(language: language, idPrefix: "bv-\(pair.id)"))
      return ("\(pair.id)-lisa.svg", map.svg())
    }
  }

  static func threshold(_ pair: BivariateResult, _ t: Words) -> String {
    pair.tests.map { "p < \(t.number($0.threshold, PublishedPrecision.threshold($0.threshold)))" }
      ?? "–"
  }

  /// One section for all pairs: what the statistic asks, then per pair its paragraph, the
  /// significant wards and the map.
  static func add(_ p: Publication, _ maps: [(String, String)], _ doc: inout ReportDocument, _ t: Words)
  {
    guard let pairs = p.result.bivariate, !pairs.isEmpty else { return }
    doc.addSection(t("Samenhang tussen indicatoren (bivariate Moran)", "Indicators together (bivariate Moran)"))
    doc.addParagraph(
      t(
        "Gaat de waarde van een wijk voor de ene indicator samen met de waarden van de andere rond haar? Bivariate Moran's I (Anselin, Syabri & Smirnov 2002, berekend zoals esda dat doet): de wijk tegen het gemiddelde van haar buren, beide gestandaardiseerd. HH: hoog met hoge buren, LH: laag met hoge buren; een uitspraak over de omgeving, geen oorzaak.",
        "Does a ward's value of one indicator go with the values of the other around it? Bivariate Moran's I (Anselin, Syabri & Smirnov 2002, computed as esda does): the ward against the mean of its neighbours, both standardised. HH: high among high neighbours, LH: low among high neighbours; a statement about the surroundings, not a cause."
      ))
    for pair in pairs {
      doc.addHeading("\(pair.xLabel) × \(pair.yLabel)")
      doc.addParagraph(paragraph(pair, names: p.result.wards.map(\.shortName), t))
      if let (name, svg) = maps.first(where: { $0.0 == "\(pair.id)-lisa.svg" }) {
        doc.addFigure(
          svg: svg,
          caption: t("Bivariate clusters: ", "Bivariate clusters: ") + "\(pair.xLabel) × \(pair.yLabel)",
          markdownPath: "maps/\(name)")
      }
    }
  }

  /// I, its pseudo p and the wards per significant quadrant, in words.
  static func paragraph(_ pair: BivariateResult, names: [String], _ t: Words) -> String {
    guard let i = pair.moranI else {
      return t("Niet berekend: ", "Not computed: ") + (pair.undefined ?? "–") + "."
    }
    var text = "I = \(t.number(i, 3))"
    if let p = pair.pseudoP {
      text += t(" (pseudo-p = ", " (pseudo p = ") + t.number(p, 3) + ", \(pair.permutations) "
        + t("permutaties)", "permutations)")
    }
    text += "."
    var named: [String] = []
    for q in ["HH", "LH", "LL", "HL"] {
      let wards = pair.wards.indices.filter { pair.wards[$0].category == q }.map { names[$0] }
      if !wards.isEmpty { named.append("\(q): " + wards.joined(separator: ", ")) }
    }
    text += " "
      + (named.isEmpty
        ? t("Geen wijk significant na correctie.", "No ward significant after the correction.")
        : t("Significant na correctie: ", "Significant after the correction: ")
          + named.joined(separator: "; ") + ".")
    return text
  }
}
