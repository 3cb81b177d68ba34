// What a map is drawn from: wards, texts, options and overlay layers.

import WijkCore

/// One ward as a map draws it.
public struct MapWard: Hashable, Sendable {
  /// The ward code (e.g. `71016W13`); used in `data-ward` attributes and for highlighting.
  public var id: String
  /// The ward name shown in labels and tooltips (e.g. `Winterslag 2 en 4`).
  public var name: String
  /// The ward polygon or multipolygon, in a projected CRS in metres (EPSG:31370 in Flanders).
  public var geometry: Geometry
  /// Where the label goes, in the same CRS. The caller computes it with GEOS
  /// point-on-surface (`GEOSPointOnSurface_r`), which lies inside the ward even when the ward
  /// is concave; when `nil`, the centre of the ward's envelope is used.
  public var labelAnchor: Coordinate?

  /// Stores the ward; the map initialisers check that its geometry is polygonal and finite.
  public init(id: String, name: String, geometry: Geometry, labelAnchor: Coordinate? = nil) {
    self.id = id
    self.name = name
    self.geometry = geometry
    self.labelAnchor = labelAnchor
  }

  /// The label position: `labelAnchor`, else the envelope centre.
  var anchor: Coordinate? {
    if let a = labelAnchor { return a }
    guard let e = geometry.envelope else { return nil }
    return Coordinate(x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2)
  }
}

/// The words on a map.
public struct MapText: Hashable, Sendable {
  /// The map title, e.g. "Aandeel sociale huurwoningen per wijk".
  public var title: String
  /// A second line under the title, e.g. "Genk, 2025".
  public var subtitle: String?
  /// The legend heading, e.g. "% van de woningen"; `\n` starts a new line.
  public var legendTitle: String
  /// The source and credits line, e.g. "Wijken: © gemeentebesturen, Data & Analyse Vlaamse
  /// provincies"; `\n` starts a new line.
  public var credits: String

  /// Stores the texts; `\n` in `legendTitle` or `credits` starts a new line.
  public init(title: String, subtitle: String? = nil, legendTitle: String, credits: String) {
    self.title = title
    self.subtitle = subtitle
    self.legendTitle = legendTitle
    self.credits = credits
  }
}

/// How a map is laid out and what it shows besides the wards.
public struct MapOptions: Hashable, Sendable {
  /// Total width of the SVG in user units (CSS pixels at 100%); the height follows from the
  /// shape of the area. In a report the SVG scales to the column width, keeping its
  /// proportions (it has a `viewBox`), so text stays in scale with the map.
  public var width: Double
  /// Language of the legend words and number format.
  public var language: Language
  /// Whether ward names are written on the map (small, with a white halo).
  public var showsLabels: Bool
  /// Prefix for the `id`s inside the SVG (hatch pattern, title), so that several maps can be
  /// inlined in one HTML page without clashing ids. Letters, digits, `-` and `_` only.
  public var idPrefix: String
  /// Ward ids to outline (ward plans); drawn above the fills.
  public var highlightedWardIDs: [String]
  /// Extra layers drawn on top, in order (site polygon, buffer ring).
  public var overlays: [MapOverlay]
  /// Decimals in legend bounds; `nil` chooses the fewest that keep classes apart.
  public var legendDecimals: Int?

  /// Defaults: 860 units wide, Dutch, labels shown, ids prefixed `map`, nothing highlighted
  /// or overlaid, legend decimals chosen. Other characters in `idPrefix` are dropped when drawn.
  public init(
    width: Double = 860, language: Language = .dutch, showsLabels: Bool = true,
    idPrefix: String = "map", highlightedWardIDs: [String] = [], overlays: [MapOverlay] = [],
    legendDecimals: Int? = nil
  ) {
    self.width = width
    self.language = language
    self.showsLabels = showsLabels
    self.idPrefix = idPrefix
    self.highlightedWardIDs = highlightedWardIDs
    self.overlays = overlays
    self.legendDecimals = legendDecimals
  }
}

/// How an overlay layer is stroked and filled.
public struct OverlayStyle: Hashable, Sendable {
  /// `#rrggbb`.
  public var stroke: String
  /// Stroke width in SVG units.
  public var strokeWidth: Double
  /// SVG `stroke-dasharray` (e.g. `"6 3"`), `nil` for a solid line.
  public var dashArray: String?
  /// `#rrggbb`, or `nil` for no fill.
  public var fill: String?
  /// Fill opacity, 0 to 1.
  public var fillOpacity: Double

  /// A solid, unfilled, opaque line unless `dashArray`, `fill` or `fillOpacity` say
  /// otherwise; the colours are not checked.
  public init(
    stroke: String, strokeWidth: Double, dashArray: String? = nil, fill: String? = nil,
    fillOpacity: Double = 1
  ) {
    self.stroke = stroke
    self.strokeWidth = strokeWidth
    self.dashArray = dashArray
    self.fill = fill
    self.fillOpacity = fillOpacity
  }

  /// A project site: black dashed outline over a faint grey tint.
  public static let site = OverlayStyle(
    stroke: "#000000", strokeWidth: 1.8, dashArray: "6 3", fill: "#000000", fillOpacity: 0.12)
  /// A buffer ring around a site: dark grey dotted line, no fill.
  public static let bufferRing = OverlayStyle(
    stroke: "#252525", strokeWidth: 1.3, dashArray: "2 3")
}

/// An extra layer drawn over the wards: a site polygon, a buffer ring, points.
public struct MapOverlay: Hashable, Sendable {
  /// Polygons (holes and rings work), lines or points, in the wards' CRS.
  public var geometry: Geometry
  /// Stroke, dash and fill (e.g. ``OverlayStyle/site``).
  public var style: OverlayStyle
  /// The legend entry, e.g. "Projectzone" or "Buffer 500 m"; `nil` for none.
  public var legendLabel: String?

  /// Stores the overlay; it has a legend entry only when `legendLabel` is given.
  public init(geometry: Geometry, style: OverlayStyle, legendLabel: String? = nil) {
    self.geometry = geometry
    self.style = style
    self.legendLabel = legendLabel
  }
}
