/// A category a ward map colours by (a LISA cluster, a significance class): its colour, its
/// label, and where it stands in the legend.
protocol MapCategory: Hashable, RawRepresentable<String> {
  /// Fill colour, `#rrggbb`.
  var colour: String { get }
  /// The legend and tooltip text.
  func label(_ language: Language) -> String
  /// Every category in legend order.
  static var legendOrder: [Self] { get }
  /// The categories listed only when some ward has them (no data, no neighbours, ...).
  static var listedWhenUsed: Set<Self> { get }
}

/// Draws a map of wards coloured by category, with a legend of the categories and their
/// ward counts: the one drawing behind ``ClusterMap`` and ``SignificanceMap``.
enum CategoryMapDrawing {
  static func svg<C: MapCategory>(
    wards: [MapWard], categories: [C], text: MapText, note: String?, options: MapOptions
  ) -> String {
    let language = options.language
    let painted = wards.indices.map { i in
      PaintedWard(
        ward: wards[i], fill: categories[i].colour,
        attributes: [("data-category", categories[i].rawValue)],
        tooltip: "\(wards[i].name): \(categories[i].label(language))")
    }
    let counts = categories.reduce(into: [C: Int]()) { $0[$1, default: 0] += 1 }
    let legend =
      C.legendOrder.compactMap { c -> LegendEntry? in
        let n = counts[c] ?? 0
        if C.listedWhenUsed.contains(c) && n == 0 { return nil }
        return LegendEntry(
          kind: "category", key: c.rawValue, label: c.label(language), count: n, fill: c.colour)
      } + WardValidation.overlayLegend(options)
    let canvas = MapCanvas(
      wards: painted, text: text, legendSubtitle: note,
      countHeader: MapWords(language).wardsPerClass, legend: legend, options: options)
    return (try? canvas.render()) ?? ""
  }
}
