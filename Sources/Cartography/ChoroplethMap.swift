// A classed choropleth of one indicator per ward.

import WijkCore

/// A choropleth map of one value per ward, classed by a ``MapClassification`` and coloured by
/// a ColorBrewer ``Palette``, as a standalone SVG.
///
/// The SVG has a title and subtitle, the wards (north up, equal aspect, `fill-rule="evenodd"`
/// so holes stay empty), optional ward labels with a white halo, highlighted wards, overlay
/// layers, a north arrow, a scale bar of a round length, a legend with the class bounds and
/// the number of wards per class (and a hatched "no data" row when a value is missing), and a
/// credits line. A ward whose figure is withheld (small numbers) is drawn plain grey with its
/// own legend row, "niet gepubliceerd" / "not published", and its tooltip says so.
///
/// ## Example
/// ```swift
/// let palette = try Palette.named("YlOrRd", classes: 5)
/// let map = try ChoroplethMap(wards: wards, values: shares, classification: quintiles,
///                             palette: palette, text: text)
/// try map.svg().write(to: url, atomically: true, encoding: .utf8)
/// ```
public struct ChoroplethMap: Sendable {
  /// The wards, in projected metres; `values` and the class indices follow their order.
  public let wards: [MapWard]
  /// One value per ward; `nil` is drawn hatched as "no data".
  public let values: [Double?]
  /// The classes of `values`, checked against them by the initialiser.
  public let classification: MapClassification
  /// One colour per class, lowest class first.
  public let palette: Palette
  /// Title, subtitle, legend title and credits.
  public let text: MapText
  /// Size, language, labels, highlights and overlays.
  public let options: MapOptions
  /// Ids of the wards whose figure is withheld (its value must be `nil`).
  public let withheldWardIDs: Set<String>

  /// Checks the inputs and keeps them for ``svg()``.
  ///
  /// - Parameters:
  ///   - wards: the wards, polygons in a projected CRS in metres.
  ///   - values: one value per ward, in ward order; `nil` where there is no data (drawn
  ///     hatched grey and counted in the legend as "geen gegevens" / "no data").
  ///   - classification: right-closed classes as a classifier produced them for `values`.
  ///   - palette: one colour per class (`Palette.named(_:classes:reversed:)`).
  ///   - text: title, subtitle, legend title and credits.
  ///   - options: size, language, labels, highlights and overlays.
  ///   - withheldWardIDs: wards whose figure is not published; their value must be `nil`.
  /// - Throws: the errors of ``MapClassification/validate(values:wards:)``;
  ///   ``CartographyError/lengthMismatch(input:count:wards:)`` when the palette has another
  ///   number of colours than there are classes; the ward errors
  ///   ``CartographyError/nonPolygonalWard(index:ward:geometryType:)``,
  ///   ``CartographyError/nonFiniteValue(ward:what:)``, ``CartographyError/nothingToDraw``
  ///   and ``CartographyError/unknownWard(id:)``.
  public init(
    wards: [MapWard], values: [Double?], classification: MapClassification, palette: Palette,
    text: MapText, options: MapOptions = MapOptions(), withheldWardIDs: Set<String> = []
  ) throws {
    try WardValidation.check(wards, options: options)
    try classification.validate(values: values, wards: wards.map(\.id))
    for (w, v) in zip(wards, values) where v != nil && withheldWardIDs.contains(w.id) {
      throw CartographyError.classWithoutValue(ward: w.id)
    }
    guard palette.colours.count == classification.classCount else {
      throw CartographyError.lengthMismatch(
        input: "palette colours", count: palette.colours.count,
        wards: classification.classCount)
    }
    self.wards = wards
    self.values = values
    self.classification = classification
    self.palette = palette
    self.text = text
    self.options = options
    self.withheldWardIDs = withheldWardIDs
  }

  /// The fill of a withheld ward: plain grey, unlike the hatched "no data".
  public static let withheldFill = "#bdbdbd"

  /// The fill of ward `index`: its class colour, the withheld grey, or the "no data" hatch.
  public func fill(ofWard index: Int) -> String {
    if withheldWardIDs.contains(wards[index].id) { return Self.withheldFill }
    guard let c = classification.classIndices[index] else {
      return "url(#\(canvasID)-nodata)"
    }
    return palette.colours[c]
  }

  /// The legend label of each class, e.g. `≤ 12,5`, `12,5 – 20` (right-closed: the upper
  /// bound belongs to the class), or `3,1 – 12,5` for the first class when
  /// `classification.minimum` is given.
  public func classLabels() -> [String] {
    let bounds = classification.upperBounds
    let decimals =
      options.legendDecimals
      ?? NumberStyle.legendDecimals(for: (classification.minimum.map { [$0] } ?? []) + bounds)
    let style = NumberStyle(options.language)
    let f = { (v: Double) in style.format(v, decimals: decimals) }
    return bounds.indices.map { c in
      if c == 0 {
        return classification.minimum.map { "\(f($0)) – \(f(bounds[0]))" } ?? "≤ \(f(bounds[0]))"
      }
      return "\(f(bounds[c - 1])) – \(f(bounds[c]))"
    }
  }

  /// The map as a standalone SVG document (UTF-8 text, no XML declaration needed).
  public func svg() -> String {
    let style = NumberStyle(options.language)
    let words = MapWords(options.language)
    let painted = wards.indices.map { i -> PaintedWard in
      let withheld = withheldWardIDs.contains(wards[i].id)
      let valueText =
        withheld
        ? words.notPublished
        : values[i].map {
          style.format($0, decimals: NumberStyle.legendDecimals(for: classification.upperBounds))
        } ?? words.noData
      let attributes =
        withheld
        ? [("data-class", "withheld")]
        : classification.classIndices[i].map { [("data-class", String($0))] }
          ?? [("data-class", "nodata")]
      return PaintedWard(
        ward: wards[i], fill: fill(ofWard: i), attributes: attributes,
        tooltip: "\(wards[i].name): \(valueText)")
    }
    var legend = zip(classLabels().indices, classLabels()).map { c, label in
      LegendEntry(
        kind: "class", key: String(c), label: label,
        count: classification.counts[c], fill: palette.colours[c])
    }
    let withheld = wards.filter { withheldWardIDs.contains($0.id) }.count
    if withheld > 0 {
      legend.append(
        LegendEntry(
          kind: "withheld", key: "withheld", label: words.notPublished, count: withheld,
          fill: Self.withheldFill))
    }
    let missing = values.filter { $0 == nil }.count - withheld
    if missing > 0 {
      legend.append(
        LegendEntry(
          kind: "nodata", key: "nodata", label: words.noData,
          count: missing, fill: "url(#\(canvasID)-nodata)"))
    }
    legend += WardValidation.overlayLegend(options)
    let canvas = MapCanvas(
      wards: painted, text: text,
      legendSubtitle: classification.method, countHeader: words.wardsPerClass, legend: legend,
      options: options)
    // The inputs were checked in init, so the canvas has wards to frame.
    return (try? canvas.render()) ?? ""
  }

  private var canvasID: String {
    options.idPrefix.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }
}

/// The fixed words of a map legend, in Dutch or English.
struct MapWords {
  let language: Language
  init(_ language: Language) { self.language = language }
  var noData: String { language == .dutch ? "geen gegevens" : "no data" }
  var notPublished: String {
    language == .dutch ? "niet gepubliceerd (kleine aantallen)" : "not published (small numbers)"
  }
  var wardsPerClass: String { language == .dutch ? "aantal wijken" : "number of wards" }
}
