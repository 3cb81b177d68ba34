import Foundation
import Cartography
import SpatialStats
import WijkCore

/// The maps of one indicator: a choropleth of its values and a LISA cluster map.
///
/// Palette: YlOrRd when higher is worse, reversed when lower is worse, Blues when neither
/// (ColorBrewer, colour-blind safe). Maps are drawn from the published figures
/// (``Publication``): classes over the published values, a withheld ward grey and "not
/// published" in its tooltip and in the legend, so no bound or tooltip gives its value back.
public enum IndicatorMaps {
  /// The wards as the map renderer takes them (name without the municipality suffix).
  public static func wards(_ table: WardTable) -> [MapWard] {
    table.codes.indices.map {
      MapWard(
        id: table.codes[$0], name: table.shortName($0), geometry: table.geometries[$0],
        labelAnchor: table.labelPoints[$0])
    }
  }

  /// The choropleth SVG of a published indicator, or `nil` when it has no classes (no ward
  /// has a published value).
  /// - Throws: `CartographyError` when the classes do not fit the values (a bug).
  public static func choropleth(
    _ indicator: IndicatorResult, publication: Publication, table: WardTable, credits: [String],
    language: Language, options: MapOptions = MapOptions()
  ) throws -> String? {
    try choroplethMap(
      indicator, withheldWardIDs: withheldIDs(indicator, publication), table: table,
      credits: credits, language: language, options: options)?.svg()
  }

  /// The choropleth of an indicator before it is drawn: its classes (the indicator's own),
  /// palette and legend labels, for whatever else must look the same.
  /// - Parameters:
  ///   - withheldWardIDs: wards drawn grey, "not published": ``withheldIDs(_:_:)`` for a
  ///     published indicator (``choropleth(_:publication:table:credits:language:options:)``),
  ///     none for the exact figures of a working file (the QGIS styles of ``WardGeoPackage``).
  ///   - palette: one colour per class; by default Blues, or YlOrRd when a direction is worse.
  /// - Returns: `nil` when the indicator has no classes.
  /// - Throws: `CartographyError` when the classes do not fit the values (a bug).
  public static func choroplethMap(
    _ indicator: IndicatorResult, withheldWardIDs: Set<String>, table: WardTable,
    credits: [String], language: Language, options: MapOptions = MapOptions(),
    palette chosen: Palette? = nil
  ) throws -> ChoroplethMap? {
    guard let classes = indicator.classes else { return nil }
    let values = indicator.wards.map(\.value)
    let palette = try chosen ?? Palette.named(
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
      options: opts, withheldWardIDs: withheldWardIDs)
    return map
  }

  /// The codes of the wards whose figures of `indicator` are withheld.
  public static func withheldIDs(_ indicator: IndicatorResult, _ p: Publication) -> Set<String> {
    Set(
      indicator.wards.indices.filter {
        p.withheld(indicator.id, ward: $0) != nil && indicator.wards[$0].value == nil
      }.map { indicator.wards[$0].code })
  }

  /// The LISA cluster map SVG (HH, LH, LL, HL significant after the run's correction, GeoDa's
  /// colours); the legend gives the correction and the indicator's local Moran threshold, and
  /// a withheld ward is "not published".
  public static func clusters(
    _ indicator: IndicatorResult, table: WardTable, credits: [String], language: Language,
    significance: Double, correction: MultipleTestingCorrection = .none, permutations: Int,
    seed: UInt64
  ) throws -> String {
    let categories = indicator.wards.map { clusterCategory($0.lisaCategory) }
    let note = significanceNote(
      indicator, language: language, significance: significance, correction: correction,
      permutations: permutations, seed: seed)
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

  /// The legend line of the local Moran maps: the threshold (after the correction), the
  /// permutations and the seed.
  public static func significanceNote(
    _ indicator: IndicatorResult, language: Language, significance: Double,
    correction: MultipleTestingCorrection, permutations: Int, seed: UInt64
  ) -> String {
    let family = indicator.tests.first { $0.statistic == "local Moran" }
    let threshold = SignificanceWording.threshold(family?.threshold ?? significance, language)
    let test =
      correction == .none || family == nil
      ? threshold
      : "\(SignificanceWording.correction(correction, language)) \(threshold)"
    return language == .dutch
      ? "\(test); \(permutations) permutaties, seed \(seed)"
      : "\(test); \(permutations) permutations, seed \(seed)"
  }

  /// The cluster-map category of a ward's ``WardIndicatorValue/lisaCategory`` (exact, or
  /// "not published" in a published indicator).
  public static func clusterCategory(_ lisaCategory: String) -> ClusterCategory {
    switch lisaCategory {
    case "HH": .highHigh
    case "LH": .lowHigh
    case "LL": .lowLow
    case "HL": .highLow
    case "not significant", "not tested": .notSignificant
    case "no neighbours": .noNeighbours
    case PublishedIndicator.notPublished: .notPublished
    default: .noData
    }
  }

  /// The classification's name in the map's language ("kwantielen (5 klassen)").
  static func methodName(_ method: String, _ language: Language) -> String {
    guard language == .dutch else { return method }
    return method.replacingOccurrences(of: "below and above 0", with: "onder en boven 0")
      .replacingOccurrences(of: "quantiles", with: "kwantielen")
      .replacingOccurrences(of: "equal interval", with: "gelijke intervallen")
      .replacingOccurrences(
        of: "Fisher-Jenks natural breaks", with: "Fisher-Jenks (natuurlijke grenzen)"
      )
      .replacingOccurrences(of: " classes)", with: " klassen)")
      // the pooled classes of a sector indicator's years (SeriesBuilder.poolClasses)
      .replacingOccurrences(
        of: #"pooled over (\d+) years"#, with: "dezelfde klassen over $1 jaar",
        options: .regularExpression)
  }

  static func subtitle(_ i: IndicatorResult, _ language: Language) -> String {
    let style = NumberStyle(language)
    guard let v = i.city.value else { return "" }
    let unit = i.unit.map { " \($0)" } ?? ""
    let word =
      language == .dutch
      ? (i.kind == "count" ? "Totaal stad" : "Stad") : (i.kind == "count" ? "City total" : "City")
    return "\(word): \(style.format(v, decimals: i.kind == "count" ? 0 : 1))\(unit)"
  }
}
