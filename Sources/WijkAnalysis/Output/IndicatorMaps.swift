import Cartography
import WijkCore

/// The maps of one indicator: a choropleth of its values and a LISA cluster map.
///
/// Palette: YlOrRd when higher is worse, reversed when lower is worse, Blues when neither
/// (ColorBrewer, colour-blind safe). Classes come from the analysis (``ClassesSummary``).
public enum IndicatorMaps {
  /// The wards as the map renderer takes them (name without the municipality suffix).
  public static func wards(_ table: WardTable) -> [MapWard] {
    table.codes.indices.map {
      MapWard(
        id: table.codes[$0], name: table.shortName($0), geometry: table.geometries[$0],
        labelAnchor: table.labelPoints[$0])
    }
  }

  /// The choropleth SVG, or `nil` when the indicator has no classes (no ward has a value).
  /// - Throws: `CartographyError` when the classes do not fit the values (a bug).
  public static func choropleth(
    _ indicator: IndicatorResult, table: WardTable, credits: [String], language: Language,
    options: MapOptions = MapOptions()
  ) throws -> String? {
    try choroplethMap(
      indicator, table: table, credits: credits, language: language, options: options)?.svg()
  }

  /// The choropleth of ``choropleth(_:table:credits:language:options:)`` before it is drawn:
  /// its classes, palette and legend labels, for whatever else must look the same (the QGIS
  /// styles of ``WardGeoPackage``).
  public static func choroplethMap(
    _ indicator: IndicatorResult, table: WardTable, credits: [String], language: Language,
    options: MapOptions = MapOptions()
  ) throws -> ChoroplethMap? {
    guard let classes = indicator.classes else { return nil }
    let values = indicator.wards.map(\.value)
    let palette = try Palette.named(
      indicator.worse == "neither" ? "Blues" : "YlOrRd", classes: classes.upperBounds.count,
      reversed: indicator.worse == "lower")
    var opts = options
    opts.language = language
    opts.idPrefix = "map-\(indicator.id)"
    let map = try ChoroplethMap(
      wards: wards(table), values: values,
      classification: MapClassification(
        method: methodName(classes.method, language), upperBounds: classes.upperBounds,
        classIndices: classes.classOfWard,
        counts: classes.counts, minimum: values.compactMap { $0 }.min()),
      palette: palette,
      text: MapText(
        title: indicator.label, subtitle: subtitle(indicator, language),
        legendTitle: indicator.unit ?? indicator.label, credits: credits.joined(separator: " · ")),
      options: opts)
    return map
  }

  /// The LISA cluster map SVG (HH, LH, LL, HL at the run's significance, GeoDa's colours).
  public static func clusters(
    _ indicator: IndicatorResult, table: WardTable, credits: [String], language: Language,
    significance: Double, permutations: Int, seed: UInt64
  ) throws -> String {
    let categories = indicator.wards.map { clusterCategory($0.lisaCategory) }
    let style = NumberStyle(language)
    let note =
      language == .dutch
      ? "p ≤ \(style.format(significance, decimals: 2)); \(permutations) permutaties, seed \(seed)"
      : "p ≤ \(style.format(significance, decimals: 2)); \(permutations) permutations, seed \(seed)"
    let map = try ClusterMap(
      wards: wards(table), categories: categories,
      text: MapText(
        title: (language == .dutch ? "Clusters (lokale Moran): " : "Clusters (local Moran): ")
          + indicator.label,
        subtitle: nil, legendTitle: language == .dutch ? "LISA-cluster" : "LISA cluster",
        credits: credits.joined(separator: " · ")),
      significanceNote: note,
      options: MapOptions(language: language, idPrefix: "lisa-\(indicator.id)"))
    return map.svg()
  }

  /// The cluster-map category of a ward's ``WardIndicatorValue/lisaCategory``.
  public static func clusterCategory(_ lisaCategory: String) -> ClusterCategory {
    switch lisaCategory {
    case "HH": .highHigh
    case "LH": .lowHigh
    case "LL": .lowLow
    case "HL": .highLow
    case "not significant", "not tested": .notSignificant
    case "no neighbours": .noNeighbours
    default: .noData
    }
  }

  /// The classification's name in the map's language ("kwantielen (5 klassen)").
  static func methodName(_ method: String, _ language: Language) -> String {
    guard language == .dutch else { return method }
    return method.replacingOccurrences(of: "quantiles", with: "kwantielen")
      .replacingOccurrences(of: "equal interval", with: "gelijke intervallen")
      .replacingOccurrences(
        of: "Fisher-Jenks natural breaks", with: "Fisher-Jenks (natuurlijke grenzen)"
      )
      .replacingOccurrences(of: " classes)", with: " klassen)")
  }

  static func subtitle(_ i: IndicatorResult, _ language: Language) -> String {
    let style = NumberStyle(language)
    guard let v = i.city.value else { return "" }
    let unit = i.unit.map { " \($0)" } ?? ""
    let word =
      language == .dutch
      ? (i.kind == "count" ? "Stad totaal" : "Stad") : (i.kind == "count" ? "City total" : "City")
    return "\(word): \(style.format(v, decimals: i.kind == "count" ? 0 : 1))\(unit)"
  }
}
