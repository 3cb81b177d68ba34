import Cartography

/// The map of a ward plan: the ward and its queen neighbours, all labelled, coloured by one
/// indicator in the city's classes (so colours mean the same as on the city map), with the
/// ward outlined (``MapOptions/highlightedWardIDs``), from the published figures (a withheld
/// ward grey, "not published").
public enum WardPlanMap {
  /// The indicator the map shows: the first mean or rate (a count says more about a ward's
  /// size than about the ward), else the first indicator.
  public static func indicator(_ r: AnalysisResult) -> IndicatorResult? {
    r.indicators.first { $0.kind != "count" && $0.classes != nil }
      ?? r.indicators.first { $0.classes != nil }
  }

  /// The SVG, or `nil` when no indicator has map classes.
  /// - Throws: `CartographyError` when classes and values disagree (a bug).
  public static func svg(_ plan: WardPlan, publication: Publication, table: WardTable) throws
    -> String?
  {
    guard let i = indicator(publication.result), let classes = i.classes,
      let own = table.index(ofCode: plan.code)
    else { return nil }
    let shown = [own] + plan.neighbours.compactMap { table.index(ofCode: $0.code) }
    let all = IndicatorMaps.wards(table)
    let withheld = IndicatorMaps.withheldIDs(i, publication)
    let values = shown.map { i.wards[$0].value }
    let classOf = shown.map { classes.classOfWard[$0] }
    let counts = classes.upperBounds.indices.map { c in classOf.filter { $0 == c }.count }
    let language = Language(rawValue: publication.result.language) ?? .dutch
    let t = Words(language: language)
    let palette = try Palette.named(
      i.worse == "neither" ? "Blues" : "YlOrRd", classes: classes.upperBounds.count,
      reversed: i.worse == "lower")
    let map = try ChoroplethMap(
      wards: shown.map { all[$0] }, values: values,
      classification: MapClassification(
        method: IndicatorMaps.methodName(classes.method, language)
          + t(" (klassen van de hele stad)", " (classes of the whole city)"),
        upperBounds: classes.upperBounds, classIndices: classOf, counts: counts,
        minimum: i.wards.compactMap(\.value).min()),
      palette: palette,
      text: MapText(
        title: plan.shortName + t(" en de buurwijken", " and its neighbouring wards"),
        subtitle: i.label, legendTitle: i.unit ?? i.label,
        credits: plan.credits.joined(separator: "\n")),
      options: MapOptions(
        width: 700, language: language, showsLabels: true, idPrefix: "plan-\(plan.code)",
        highlightedWardIDs: [plan.code]),
      withheldWardIDs: withheld.intersection(shown.map { all[$0].id }))
    return map.svg()
  }
}
