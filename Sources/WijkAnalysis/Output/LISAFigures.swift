import Cartography
import SpatialStats
import WijkCore

/// The two figures GeoDa pairs with the LISA cluster map (``IndicatorMaps/clusters``): the
/// significance map (each ward by the size of its pseudo p) and the Moran scatterplot (each
/// ward's standardised value against its neighbours', the slope Moran's I).
///
/// Both are drawn from the published figures (``Publication``): a withheld ward is "not
/// published" on the map and left out of the scatterplot, whose note counts it (its position
/// would give its value back).
public enum LISAFigures {
  /// The significance map SVG, or `nil` without permutations (no pseudo p to map).
  /// - Parameter note: the legend's line on the correction and threshold, as the cluster
  ///   map's (``IndicatorMaps/significanceNote``).
  /// - Throws: `CartographyError` when the wards cannot be drawn (a bug).
  public static func significanceMap(
    _ indicator: IndicatorResult, table: WardTable, credits: [String], language: Language,
    note: String, permutations: Int
  ) throws -> String? {
    guard permutations > 0 else { return nil }
    let map = try SignificanceMap(
      wards: IndicatorMaps.wards(table), categories: indicator.wards.map(category),
      text: MapText(
        title: (language == .dutch ? "Significantie (lokale Moran): " : "Significance (local Moran): ")
          + indicator.label,
        subtitle: nil, legendTitle: language == .dutch ? "pseudo-p" : "pseudo p",
        credits: credits.joined(separator: " · ")),
      significanceNote: note,
      options: MapOptions(language: language, idPrefix: "lisa-p-\(indicator.id)"))
    return map.svg()
  }

  /// A ward's significance-map category: its pseudo p class when its LISA category is a
  /// cluster or outlier (significant after the correction, in the tail its quadrant implies,
  /// the cluster map's rule), otherwise the cluster map's own category.
  public static func category(_ w: WardIndicatorValue) -> SignificanceCategory {
    switch IndicatorMaps.clusterCategory(w.lisaCategory) {
    case .highHigh, .lowHigh, .lowLow, .highLow:
      guard let p = w.lisaPseudoP else { return .noData }
      return SignificanceCategory(p: p, significant: true)
    case .notSignificant: return .notSignificant
    case .noNeighbours: return .noNeighbours
    case .notPublished: return .notPublished
    case .noData: return .noData
    }
  }

  /// The Moran scatterplot SVG of the wards in local Moran's sample, or `nil` when the
  /// indicator has no local Moran (no variance, too few wards). Moran's I is the published
  /// one (over the published wards).
  /// - Throws: `CartographyError` for a non-finite coordinate (a bug).
  public static func scatterplot(
    _ indicator: IndicatorResult, table: WardTable, language: Language
  ) throws -> String? {
    guard let moran = indicator.city.moran else { return nil }
    let points = indicator.wards.indices.compactMap { w -> ScatterPoint? in
      let v = indicator.wards[w]
      guard let z = v.lisaZ, let lag = v.lisaLag else { return nil }
      return ScatterPoint(
        name: table.shortName(w), value: z, lag: lag,
        category: IndicatorMaps.clusterCategory(v.lisaCategory))
    }
    guard !points.isEmpty else { return nil }
    let hidden = indicator.wards.filter { $0.lisaCategory == PublishedIndicator.notPublished }
    let style = NumberStyle(language)
    var subtitle = "Moran's I = \(style.format(moran.i, decimals: 3))"
    if let p = moran.pseudoP { subtitle += "; p = \(style.format(p, decimals: 3))" }
    let plot = try MoranScatterplot(
      points: points, moranI: moran.i, hiddenCount: hidden.count,
      title: (language == .dutch ? "Moran-spreidingsdiagram: " : "Moran scatterplot: ")
        + indicator.label,
      subtitle: subtitle, language: language, size: 360)
    return plot.svg()
  }
}
