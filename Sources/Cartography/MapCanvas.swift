// The layout shared by every map: title, wards, overlays, labels, north arrow, scale bar,
// legend and credits, written as one standalone SVG.

import WijkCore

/// One row of a legend.
struct LegendEntry {
  /// `class`, `nodata`, `category` or `overlay`: the `data-kind` of the row, for tests and CSS.
  var kind: String
  /// The class index or category code (`data-key`).
  var key: String?
  var label: String
  /// Number of wards, written right-aligned; `nil` for overlay rows.
  var count: Int?
  /// Swatch fill (`#rrggbb` or `url(#...)`), or an overlay style drawn as an outline.
  var fill: String?
  var overlay: OverlayStyle?
}

/// One ward as the canvas paints it.
struct PaintedWard {
  var ward: MapWard
  var fill: String
  /// Extra attributes, already escaped values (e.g. `data-class="2"`).
  var attributes: [(String, String)]
  /// Tooltip text (`<title>` of the path).
  var tooltip: String
}

/// Lays out and writes a map. Units are SVG user units (CSS px at 100%).
struct MapCanvas {
  let wards: [PaintedWard]
  let text: MapText
  let legendSubtitle: String?
  /// Written right-aligned above the count column (e.g. "aantal wijken").
  let countHeader: String?
  let legend: [LegendEntry]
  let options: MapOptions

  static let margin = 20.0
  static let font = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif"
  static let noDataFill = "#f0f0f0"
  static let hatchStroke = "#969696"

  var style: NumberStyle { NumberStyle(options.language) }
  var id: String {
    options.idPrefix.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
  }
  var hatchURL: String { "url(#\(id)-nodata)" }

  /// Approximate width of `text` at `size` in a sans-serif font (0.58 em per character), to
  /// size the legend column; an overestimate keeps labels from spilling.
  static func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.58
  }

  func render() throws -> String {
    let world = try frame()
    let m = MapCanvas.margin
    let legendWidth = legendColumnWidth()
    let mapX = m
    let (titleLines, subtitleLines) = headingLines()
    let mapY =
      (subtitleLines.isEmpty ? 56.0 : 76.0 + Double(subtitleLines.count - 1) * 17)
      + Double(titleLines.count - 1) * 24
    let mapWidth = max(120, options.width - 3 * m - legendWidth)
    let aspect = world.height / max(world.width, 1e-9)
    let mapHeight = min(max(mapWidth * aspect, mapWidth * 0.45), mapWidth * 1.5)
    let t = ViewTransform(
      fitting: world, originX: mapX, originY: mapY, width: mapWidth,
      height: mapHeight)
    let legendX = mapX + mapWidth + m
    var body: [String] = []
    body.append(titleBlock(titleLines, subtitleLines))
    body.append(wardLayer(t))
    body.append(highlightLayer(t))
    body.append(overlayLayer(t))
    let labels =
      options.showsLabels
      ? LabelLayout(wards: wards, highlighted: Set(options.highlightedWardIDs), transform: t) : nil
    if let labels { body.append(labelLayer(labels)) }
    let scaleY = mapY + mapHeight + 16
    // Below the map's right corner, level with the scale bar, so it never covers a ward.
    body.append(northArrow(x: mapX + mapWidth - 10, y: mapY + mapHeight + 4))
    body.append(scaleBar(t, x: mapX, y: scaleY, mapWidth: mapWidth))
    let (legendSVG, legendBottom) = legendBlock(x: legendX, y: mapY, width: legendWidth)
    body.append(legendSVG)
    let (keySVG, keyBottom) = labels.map { wardKey($0, x: legendX, y: legendBottom + 6) }
      ?? ("", legendBottom)
    body.append(keySVG)
    let creditLines = text.credits.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { MapCanvas.wrapped(String($0), width: options.width - 2 * m, size: 9.5) }
    let creditsY = max(scaleY + 44, keyBottom + 18)
    body.append(creditsBlock(creditLines, x: m, y: creditsY))
    let height = (creditsY + Double(creditLines.count - 1) * 13 + m).rounded(.up)
    return header(height: height) + body.filter { !$0.isEmpty }.joined(separator: "\n")
      + "\n</svg>\n"
  }

  /// The projected box to show: all wards and overlays, with 2% padding.
  private func frame() throws -> Envelope {
    let boxes =
      wards.compactMap { $0.ward.geometry.envelope }
      + options.overlays.compactMap { $0.geometry.envelope }
    guard var e = boxes.first else { throw CartographyError.nothingToDraw }
    for b in boxes.dropFirst() { e = e.union(b) }
    let pad = 0.02 * max(e.width, e.height)
    return Envelope(
      minX: e.minX - pad, minY: e.minY - pad, maxX: e.maxX + pad,
      maxY: e.maxY + pad)
  }

  private func legendColumnWidth() -> Double {
    let labelWidth = legend.map { MapCanvas.textWidth($0.label, size: 11) }.max() ?? 0
    let titleWidth =
      text.legendTitle.split(separator: "\n")
      .map { MapCanvas.textWidth(String($0), size: 12) }.max() ?? 0
    let methodWidth = legendSubtitle.map { MapCanvas.textWidth($0, size: 10) } ?? 0
    let rowWidth = 22 + 8 + labelWidth + 12 + MapCanvas.textWidth("9999", size: 11)
    // Any ward may end up in the key of numbered wards, so the longest name must fit.
    let keyWidth =
      options.showsLabels
      ? wards.map { MapCanvas.textWidth("99 " + $0.ward.name, size: 9.5) }.max() ?? 0 : 0
    return min(max(170, rowWidth, titleWidth, methodWidth, keyWidth), options.width * 0.42)
      .rounded(.up)
  }

  private func header(height: Double) -> String {
    let w = options.width.svg
    let h = height.svg
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" "
    s += "width=\"\(w)\" height=\"\(h)\" role=\"img\" "
    s += "aria-labelledby=\"\(id)-title\" font-family=\"\(MapCanvas.font.xmlEscaped)\">\n"
    s += "<title id=\"\(id)-title\">\(text.title.xmlEscaped)</title>\n"
    if let sub = text.subtitle { s += "<desc>\(sub.xmlEscaped)</desc>\n" }
    s += "<defs><pattern id=\"\(id)-nodata\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
    s += "height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
    s += "fill=\"\(MapCanvas.noDataFill)\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
    s += "stroke=\"\(MapCanvas.hatchStroke)\" stroke-width=\"1.6\"/></pattern></defs>\n"
    s += "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    return s
  }

  /// The title and subtitle broken into lines that fit the map's width (an indicator's long
  /// label would run off the edge): one line each in the common case.
  func headingLines() -> (title: [String], subtitle: [String]) {
    let width = options.width - 2 * MapCanvas.margin
    return (
      MapCanvas.wrapped(text.title, width: width, size: 21),  // bold
      text.subtitle.map { MapCanvas.wrapped($0, width: width, size: 13) } ?? []
    )
  }

  private func titleBlock(_ title: [String], _ subtitle: [String]) -> String {
    let m = MapCanvas.margin
    var lines: [String] = []
    for (k, line) in title.enumerated() {
      lines.append(
        "<text class=\"title\" x=\"\(m.svg)\" y=\"\((34 + Double(k) * 24).svg)\" font-size=\"20\" "
          + "font-weight=\"bold\" fill=\"#111111\">\(line.xmlEscaped)</text>")
    }
    let below = 56 + Double(title.count - 1) * 24
    for (k, line) in subtitle.enumerated() {
      lines.append(
        "<text class=\"subtitle\" x=\"\(m.svg)\" y=\"\((below + Double(k) * 17).svg)\" "
          + "font-size=\"13\" fill=\"#444444\">\(line.xmlEscaped)</text>")
    }
    return lines.joined(separator: "\n")
  }

  private func wardLayer(_ t: ViewTransform) -> String {
    var lines = [
      "<g class=\"wards\" stroke=\"#4d4d4d\" stroke-width=\"0.6\" "
        + "stroke-linejoin=\"round\">"
    ]
    for w in wards {
      let extra = w.attributes.map { " \($0.0)=\"\($0.1)\"" }.joined()
      lines.append(
        "<path class=\"ward\" data-ward=\"\(w.ward.id.xmlEscaped)\"\(extra) "
          + "fill=\"\(w.fill)\" fill-rule=\"evenodd\" d=\"\(SVGPath.polygons(w.ward.geometry, t))\">"
          + "<title>\(w.tooltip.xmlEscaped)</title></path>")
    }
    lines.append("</g>")
    return lines.joined(separator: "\n")
  }

  /// Outlines of the highlighted wards: a white casing under a black line, visible on both
  /// light and dark fills and in grey-scale print.
  private func highlightLayer(_ t: ViewTransform) -> String {
    let chosen = options.highlightedWardIDs
    guard !chosen.isEmpty else { return "" }
    var lines = ["<g class=\"highlights\" fill=\"none\" stroke-linejoin=\"round\">"]
    for w in wards where chosen.contains(w.ward.id) {
      let d = SVGPath.polygons(w.ward.geometry, t)
      lines.append(
        "<path class=\"highlight-casing\" d=\"\(d)\" stroke=\"#ffffff\" "
          + "stroke-width=\"4.5\"/>")
      lines.append(
        "<path class=\"highlight\" data-ward=\"\(w.ward.id.xmlEscaped)\" d=\"\(d)\" "
          + "stroke=\"#000000\" stroke-width=\"2.2\" fill-rule=\"evenodd\"/>")
    }
    lines.append("</g>")
    return lines.joined(separator: "\n")
  }

  private func overlayLayer(_ t: ViewTransform) -> String {
    guard !options.overlays.isEmpty else { return "" }
    var lines = ["<g class=\"overlays\" stroke-linejoin=\"round\">"]
    for (i, o) in options.overlays.enumerated() {
      lines.append(overlaySVG(o, index: i, t))
    }
    lines.append("</g>")
    return lines.joined(separator: "\n")
  }

  private func overlaySVG(_ o: MapOverlay, index: Int, _ t: ViewTransform) -> String {
    let st = o.style
    var paint = "stroke=\"\(st.stroke.xmlEscaped)\" stroke-width=\"\(st.strokeWidth.svg)\""
    if let dash = st.dashArray { paint += " stroke-dasharray=\"\(dash.xmlEscaped)\"" }
    let fill =
      st.fill.map { "fill=\"\($0.xmlEscaped)\" fill-opacity=\"\(st.fillOpacity)\"" }
      ?? "fill=\"none\""
    let label = o.legendLabel.map { " data-label=\"\($0.xmlEscaped)\"" } ?? ""
    let points: [Coordinate]
    switch o.geometry {
    case .point(let c): points = [c]
    case .multiPoint(let cs): points = cs
    default: points = []
    }
    if !points.isEmpty {
      let circles = points.map { c -> String in
        let p = t.apply(c)
        return "<circle cx=\"\(p.x.svg)\" cy=\"\(p.y.svg)\" r=\"3.5\"/>"
      }.joined()
      return "<g class=\"overlay\" data-index=\"\(index)\"\(label) \(paint) "
        + "\(st.fill == nil ? "fill=\"#ffffff\"" : fill)>\(circles)</g>"
    }
    let isArea = o.geometry.isPolygonal
    return "<path class=\"overlay\" data-index=\"\(index)\"\(label) \(paint) "
      + "\(isArea ? fill + " fill-rule=\"evenodd\"" : "fill=\"none\"") "
      + "d=\"\(SVGPath.lines(o.geometry, t))\"/>"
  }

  private func labelLayer(_ layout: LabelLayout) -> String {
    var lines = [
      "<g class=\"labels\" font-size=\"\(LabelLayout.fontSize.svg)\" text-anchor=\"middle\" "
        + "fill=\"#1a1a1a\" stroke=\"#ffffff\" stroke-width=\"2.4\" stroke-linejoin=\"round\" "
        + "paint-order=\"stroke\">"
    ]
    for n in layout.numbers {
      guard let from = n.leaderFrom else { continue }
      lines.append(
        "<line class=\"ward-leader\" x1=\"\(from.x.svg)\" y1=\"\(from.y.svg)\" "
          + "x2=\"\(n.at.x.svg)\" y2=\"\(n.at.y.svg)\" stroke=\"#1a1a1a\" stroke-width=\"0.6\"/>")
    }
    for n in layout.names {
      let w = wards[n.ward].ward
      lines.append(
        "<text class=\"ward-label\" x=\"\(n.at.x.svg)\" y=\"\(n.at.y.svg)\" dy=\"0.35em\" "
          + "data-ward=\"\(w.id.xmlEscaped)\">\(w.name.xmlEscaped)</text>")
    }
    for n in layout.numbers {
      lines.append(
        "<text class=\"ward-number\" x=\"\(n.at.x.svg)\" y=\"\(n.at.y.svg)\" dy=\"0.35em\" "
          + "font-weight=\"bold\" data-ward=\"\(wards[n.ward].ward.id.xmlEscaped)\">"
          + "\(n.number)</text>")
    }
    lines.append("</g>")
    return lines.joined(separator: "\n")
  }

  /// The key of the numbered wards, under the legend; returns the SVG and the y of its last
  /// line (`y` itself when no ward is numbered).
  private func wardKey(_ layout: LabelLayout, x: Double, y: Double) -> (String, Double) {
    guard !layout.numbers.isEmpty else { return ("", y) }
    var cursor = y + 12
    let heading = options.language == .dutch ? "Wijken met een nummer" : "Numbered wards"
    var lines = [
      "<g class=\"ward-key\">",
      "<text class=\"ward-key-title\" x=\"\(x.svg)\" y=\"\(cursor.svg)\" font-size=\"11\" "
        + "font-weight=\"bold\" fill=\"#111111\">\(heading)</text>",
    ]
    for n in layout.numbers {
      cursor += 13
      let w = wards[n.ward].ward
      lines.append(
        "<text class=\"ward-key-entry\" x=\"\(x.svg)\" y=\"\(cursor.svg)\" font-size=\"9.5\" "
          + "fill=\"#111111\" data-ward=\"\(w.id.xmlEscaped)\">"
          + "\(n.number) \(w.name.xmlEscaped)</text>")
    }
    lines.append("</g>")
    return (lines.joined(separator: "\n"), cursor)
  }

  /// A north arrow: a black-and-white half-arrow pointing up (north is up in the frame).
  private func northArrow(x: Double, y: Double) -> String {
    let top = y + 14
    let base = y + 40
    let mid = y + 33
    return "<g class=\"north-arrow\" stroke=\"#000000\" stroke-width=\"0.8\" "
      + "stroke-linejoin=\"round\"><text x=\"\(x.svg)\" y=\"\((y + 11).svg)\" "
      + "font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" stroke=\"none\" "
      + "fill=\"#000000\">N</text>"
      + "<path d=\"M\(x.svg) \(top.svg)L\((x - 7).svg) \(base.svg) \(x.svg) \(mid.svg)Z\" "
      + "fill=\"#ffffff\"/><path d=\"M\(x.svg) \(top.svg)L\((x + 7).svg) \(base.svg) "
      + "\(x.svg) \(mid.svg)Z\" fill=\"#000000\"/></g>"
  }

  /// A two-segment bar (black, white) of a round length, at most a quarter of the map.
  private func scaleBar(_ t: ViewTransform, x: Double, y: Double, mapWidth: Double) -> String {
    let bar = ScaleBar(maximumMetres: mapWidth / 4 / t.scale)
    let length = t.svgLength(metres: bar.metres)
    let half = length / 2
    var s = "<g class=\"scale-bar\" data-metres=\"\(bar.metres.shortText)\">"
    s += "<rect class=\"scale-segment\" x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(half.svg)\" "
    s += "height=\"5\" fill=\"#000000\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
    s += "<rect class=\"scale-segment\" x=\"\((x + half).svg)\" y=\"\(y.svg)\" "
    s += "width=\"\(half.svg)\" height=\"5\" fill=\"#ffffff\" stroke=\"#000000\" "
    s += "stroke-width=\"0.8\"/>"
    s += "<g font-size=\"10\" fill=\"#000000\" text-anchor=\"middle\">"
    s += "<text x=\"\(x.svg)\" y=\"\((y + 17).svg)\">0</text>"
    s += "<text class=\"scale-label\" x=\"\((x + length).svg)\" y=\"\((y + 17).svg)\">"
    s += "\(bar.label(style).xmlEscaped)</text></g></g>"
    return s
  }

  /// The legend column; returns the SVG and the y of its lowest row.
  private func legendBlock(x: Double, y: Double, width: Double) -> (String, Double) {
    var lines = ["<g class=\"legend\">"]
    var cursor = y + 10
    for line in text.legendTitle.split(separator: "\n") {
      lines.append(
        "<text class=\"legend-title\" x=\"\(x.svg)\" y=\"\(cursor.svg)\" "
          + "font-size=\"12\" font-weight=\"bold\" fill=\"#111111\">\(String(line).xmlEscaped)</text>"
      )
      cursor += 15
    }
    if let sub = legendSubtitle {
      lines.append(
        "<text class=\"legend-method\" x=\"\(x.svg)\" y=\"\(cursor.svg)\" "
          + "font-size=\"10\" fill=\"#555555\">\(sub.xmlEscaped)</text>")
      cursor += 14
    }
    if let header = countHeader {
      lines.append(
        "<text class=\"legend-count-header\" x=\"\((x + width).svg)\" "
          + "y=\"\(cursor.svg)\" font-size=\"9.5\" fill=\"#555555\" text-anchor=\"end\">"
          + "\(header.xmlEscaped)</text>")
      cursor += 6
    }
    cursor += 2
    for entry in legend {
      lines.append(legendRow(entry, x: x, y: cursor, width: width))
      cursor += 20
    }
    lines.append("</g>")
    return (lines.joined(separator: "\n"), cursor)
  }

  private func legendRow(_ e: LegendEntry, x: Double, y: Double, width: Double) -> String {
    let key = e.key.map { " data-key=\"\($0.xmlEscaped)\"" } ?? ""
    var s = "<g class=\"legend-entry\" data-kind=\"\(e.kind)\"\(key)>"
    if let o = e.overlay {
      let dash = o.dashArray.map { " stroke-dasharray=\"\($0.xmlEscaped)\"" } ?? ""
      let fill =
        o.fill.map { "fill=\"\($0)\" fill-opacity=\"\(o.fillOpacity)\"" }
        ?? "fill=\"none\""
      s += "<rect x=\"\((x + 1).svg)\" y=\"\((y + 1).svg)\" width=\"20\" height=\"12\" \(fill) "
      s += "stroke=\"\(o.stroke)\" stroke-width=\"\(min(o.strokeWidth, 2).svg)\"\(dash)/>"
    } else {
      s += "<rect class=\"legend-swatch\" x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"22\" "
      s += "height=\"14\" fill=\"\(e.fill ?? "none")\" stroke=\"#4d4d4d\" stroke-width=\"0.6\"/>"
    }
    s += "<text class=\"legend-label\" x=\"\((x + 30).svg)\" y=\"\((y + 11).svg)\" "
    s += "font-size=\"11\" fill=\"#111111\">\(e.label.xmlEscaped)</text>"
    if let n = e.count {
      s += "<text class=\"legend-count\" x=\"\((x + width).svg)\" y=\"\((y + 11).svg)\" "
      s += "font-size=\"11\" fill=\"#555555\" text-anchor=\"end\">\(style.format(Double(n)))</text>"
    }
    return s + "</g>"
  }

  /// `line` broken at spaces into lines that fit `width` at font `size` (an attribution cut
  /// off at the map's edge would lose the source); a word longer than the width stays whole.
  static func wrapped(_ line: String, width: Double, size: Double) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if !current.isEmpty, textWidth(candidate, size: size) > width {
        lines.append(current)
        current = String(word)
      } else {
        current = candidate
      }
    }
    return lines + [current]
  }

  private func creditsBlock(_ lines: [String], x: Double, y: Double) -> String {
    var s = "<g class=\"credits\" font-size=\"9.5\" fill=\"#555555\">"
    for (i, line) in lines.enumerated() {
      s += "<text x=\"\(x.svg)\" y=\"\((y + Double(i) * 13).svg)\">\(line.xmlEscaped)</text>"
    }
    return s + "</g>"
  }
}
