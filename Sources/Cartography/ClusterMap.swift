// The LISA cluster map of local Moran results, in GeoDa's colours.

import WijkCore

/// The category of a ward on a LISA cluster map (Anselin 1995): the quadrant of the Moran
/// scatterplot for significant wards, or why there is none.
public enum ClusterCategory: String, Hashable, Sendable, CaseIterable {
  /// High value, high neighbours (a hot spot); esda `q == 1`.
  case highHigh = "HH"
  /// Low value, high neighbours (a spatial outlier); esda `q == 2`.
  case lowHigh = "LH"
  /// Low value, low neighbours (a cold spot); esda `q == 3`.
  case lowLow = "LL"
  /// High value, low neighbours (a spatial outlier); esda `q == 4`.
  case highLow = "HL"
  /// The local statistic is not significant at the chosen level.
  case notSignificant = "NS"
  /// The ward has no neighbours (an island), so it has no local statistic.
  case noNeighbours = "island"
  /// The ward has no value.
  case noData = "nodata"
  /// The ward's figures are withheld (small numbers): not published.
  case notPublished = "withheld"

  /// The category's colour in GeoDa (GeoDaCenter/geoda, `Explore/LisaMapNewView.cpp` and
  /// `Explore/AbstractClusterMap.cpp`): High-High (255,0,0), Low-Low (0,0,255), Low-High
  /// (150,150,255), High-Low (255,150,150), Not Significant (240,240,240) for polygons,
  /// Neighborless (140,140,140), Undefined (70,70,70).
  public var colour: String {
    switch self {
    case .highHigh: "#ff0000"
    case .lowLow: "#0000ff"
    case .lowHigh: "#9696ff"
    case .highLow: "#ff9696"
    case .notSignificant: "#f0f0f0"
    case .noNeighbours: "#8c8c8c"
    case .noData: "#464646"
    case .notPublished: "#bdbdbd"
    }
  }

  /// The legend label, in the language of the map.
  public func label(_ language: Language) -> String {
    switch (self, language) {
    case (.highHigh, .dutch): "Hoog-Hoog"
    case (.highHigh, .english): "High-High"
    case (.lowLow, .dutch): "Laag-Laag"
    case (.lowLow, .english): "Low-Low"
    case (.lowHigh, .dutch): "Laag-Hoog"
    case (.lowHigh, .english): "Low-High"
    case (.highLow, .dutch): "Hoog-Laag"
    case (.highLow, .english): "High-Low"
    case (.notSignificant, .dutch): "Niet significant"
    case (.notSignificant, .english): "Not significant"
    case (.noNeighbours, .dutch): "Geen buren"
    case (.noNeighbours, .english): "No neighbours"
    case (.noData, .dutch): "Geen gegevens"
    case (.noData, .english): "No data"
    case (.notPublished, .dutch): "Niet gepubliceerd"
    case (.notPublished, .english): "Not published"
    }
  }

  /// GeoDa's legend order: not significant, HH, LL, LH, HL, then neighbourless and undefined.
  static let legendOrder: [ClusterCategory] = [
    .notSignificant, .highHigh, .lowLow, .lowHigh, .highLow, .noNeighbours, .noData,
    .notPublished,
  ]

  /// Listed only when a ward has them; the five main categories always are (GeoDa).
  static let listedWhenUsed: Set<ClusterCategory> = [.noNeighbours, .noData, .notPublished]
}

extension ClusterCategory: MapCategory {}

/// A LISA cluster map: each ward coloured by its ``ClusterCategory`` in GeoDa's colours, with
/// a legend of the categories and their ward counts, as a standalone SVG.
///
/// The five main categories are always listed (with 0 when empty, as GeoDa does); "no
/// neighbours" and "no data" only when a ward has them. GeoDa's red/blue pair differs in hue
/// along the blue–yellow axis that red-green colour-blind readers see, and HH/HL and LL/LH
/// differ in lightness, so the map stays readable without red-green vision and in grey print.
public struct ClusterMap: Sendable {
  /// The wards, in projected metres; `categories` follows their order.
  public let wards: [MapWard]
  /// One category per ward, in ward order.
  public let categories: [ClusterCategory]
  /// Title, subtitle, legend title and credits.
  public let text: MapText
  /// The line under the legend title, e.g. "p ≤ 0,05; 999 permutaties, seed 12345".
  public let significanceNote: String?
  /// Size, language, labels, highlights and overlays.
  public let options: MapOptions

  /// - Parameters:
  ///   - wards: the wards, polygons in a projected CRS in metres.
  ///   - categories: one category per ward, in ward order (from esda `Moran_Local` `q` and
  ///     `p_sim` at the chosen level).
  ///   - text: title, subtitle, legend title and credits.
  ///   - significanceNote: the significance level and permutations, shown in the legend.
  ///   - options: size, language, labels, highlights and overlays.
  /// - Throws: ``CartographyError/lengthMismatch(input:count:wards:)`` and the ward errors of
  ///   ``ChoroplethMap/init(wards:values:classification:palette:text:options:)``.
  public init(
    wards: [MapWard], categories: [ClusterCategory], text: MapText,
    significanceNote: String? = nil, options: MapOptions = MapOptions()
  ) throws {
    try WardValidation.check(wards, options: options)
    guard categories.count == wards.count else {
      throw CartographyError.lengthMismatch(
        input: "cluster categories", count: categories.count, wards: wards.count)
    }
    self.wards = wards
    self.categories = categories
    self.text = text
    self.significanceNote = significanceNote
    self.options = options
  }

  /// The number of wards in each category.
  public var counts: [ClusterCategory: Int] {
    categories.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  /// The map as a standalone SVG document.
  public func svg() -> String {
    CategoryMapDrawing.svg(
      wards: wards, categories: categories, text: text, note: significanceNote, options: options)
  }
}
