// The Moran scatterplot (Anselin 1996): each ward's standardised value against the mean of
// its neighbours', with the regression line whose slope is Moran's I, as GeoDa draws it.

import Foundation

/// One ward on a Moran scatterplot.
public struct ScatterPoint: Hashable, Sendable {
  /// The ward's name, shown for significant wards and in the tooltip.
  public var name: String
  /// z_i: the ward's value, standardised (mean 0, population standard deviation 1).
  public var value: Double
  /// (Wz)_i: the row-standardised mean of its neighbours' z.
  public var lag: Double
  /// Its LISA category: the colour of the point (GeoDa's cluster colours).
  public var category: ClusterCategory

  /// A point; see the properties.
  public init(name: String, value: Double, lag: Double, category: ClusterCategory) {
    (self.name, self.value, self.lag, self.category) = (name, value, lag, category)
  }
}

/// A Moran scatterplot as a standalone SVG: the four quadrants (HH upper right, LL lower
/// left), the points coloured by LISA category, the line through the origin with slope I
/// (for row-standardised weights the least-squares slope of Wz on z is Moran's I), and axis
/// titles in the map's language.
///
/// Wards whose figures are withheld are not plotted (a point's position gives its value
/// away); ``hiddenCount`` says how many, in the note under the plot.
public struct MoranScatterplot: Sendable {
  /// The plotted wards.
  public let points: [ScatterPoint]
  /// Moran's I: the slope of the line.
  public let moranI: Double
  /// Wards left out of the plot because their figures are withheld.
  public let hiddenCount: Int
  /// The title, e.g. the indicator.
  public let title: String
  /// The line under it, e.g. "Moran's I = 0,42; p = 0,001".
  public let subtitle: String?
  /// The language of the axis titles and the note.
  public let language: Language
  /// Width and height of the square plot in px.
  public let size: Double

  /// - Parameters: see the properties; `size` is the plot's width in px.
  /// - Throws: ``CartographyError/nonFiniteValue(ward:what:)`` for a point with a non-finite
  ///   coordinate, naming the ward.
  public init(
    points: [ScatterPoint], moranI: Double, hiddenCount: Int = 0, title: String,
    subtitle: String? = nil, language: Language = .dutch, size: Double = 480
  ) throws {
    for p in points where !p.value.isFinite || !p.lag.isFinite {
      throw CartographyError.nonFiniteValue(ward: p.name, what: "scatterplot coordinate")
    }
    self.points = points
    self.moranI = moranI
    self.hiddenCount = hiddenCount
    self.title = title
    self.subtitle = subtitle
    self.language = language
    self.size = size
  }

  /// The extent of both axes: symmetric, covering every point, at least ±2.
  var extent: Double {
    let m = points.reduce(2.0) { max($0, abs($1.value), abs($1.lag)) }
    return (m * 1.1 * 2).rounded(.up) / 2
  }

  /// The plot as an SVG document.
  public func svg() -> String {
    let words = ScatterWords(language)
    let margin = 56.0
    // a long title (an indicator's label) wraps rather than run off the plot
    let titleLines = MapCanvas.wrapped(title, width: size - margin - 8, size: 16.5)  // bold
    let extra = Double(titleLines.count - 1) * 18
    let top = 64.0 + extra
    let plot = size - margin - 24
    let note = hiddenCount > 0 ? MapCanvas.wrapped(words.hidden(hiddenCount), width: size - 24, size: 11) : []
    let height = top + plot + 56 + Double(max(note.count - 1, 0)) * 13
    let e = extent
    func x(_ v: Double) -> Double { margin + (v + e) / (2 * e) * plot }
    func y(_ v: Double) -> Double { top + (e - v) / (2 * e) * plot }
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(size.svg)" height="\(height.svg)" \
      font-family="Helvetica, Arial, sans-serif" font-size="11">
      <title>\(title.xmlEscaped)</title>

      """
    for (k, line) in titleLines.enumerated() {
      out += "<text x=\"\(margin.svg)\" y=\"\((22 + Double(k) * 18).svg)\" font-size=\"15\" "
      out += "font-weight=\"bold\">\(line.xmlEscaped)</text>\n"
    }
    if let subtitle {
      out += "<text x=\"\(margin.svg)\" y=\"\((40 + extra).svg)\">\(subtitle.xmlEscaped)</text>\n"
    }
    out += "<rect x=\"\(margin.svg)\" y=\"\(top.svg)\" width=\"\(plot.svg)\" height=\"\(plot.svg)\" "
    out += "fill=\"none\" stroke=\"#999\"/>\n"
    out += line(x(0), top, x(0), top + plot, "#999", dash: "3 3")
    out += line(margin, y(0), margin + plot, y(0), "#999", dash: "3 3")
    for (label, vx, vy, anchor) in [
      ("HH", e, e, "end"), ("LH", -e, e, "start"), ("LL", -e, -e, "start"), ("HL", e, -e, "end"),
    ] {
      let dy = vy > 0 ? 14.0 : -6.0
      out += "<text x=\"\((x(vx) + (anchor == "end" ? -6 : 6)).svg)\" y=\"\((y(vy) + dy).svg)\" "
      out += "text-anchor=\"\(anchor)\" fill=\"#666\">\(label)</text>\n"
    }
    // the line of slope I through the origin, clipped to the square
    let reach = abs(moranI) > 1 ? e / abs(moranI) : e
    out += line(x(-reach), y(-reach * moranI), x(reach), y(reach * moranI), "#333", dash: nil)
    for p in points {
      out += "<circle cx=\"\(x(p.value).svg)\" cy=\"\(y(p.lag).svg)\" r=\"4\" "
      out += "fill=\"\(p.category.colour)\" stroke=\"#333\" stroke-width=\"0.6\" "
      out += "data-ward=\"\(p.name.xmlEscaped)\"><title>\(p.name.xmlEscaped): "
      out += "\(p.category.label(language).xmlEscaped)</title></circle>\n"
    }
    let bottom = top + plot
    out += "<text x=\"\((margin + plot / 2).svg)\" y=\"\((bottom + 30).svg)\" text-anchor=\"middle\">"
    out += "\(words.valueAxis.xmlEscaped)</text>\n"
    out += "<text transform=\"translate(16 \((top + plot / 2).svg)) rotate(-90)\" "
    out += "text-anchor=\"middle\">\(words.lagAxis.xmlEscaped)</text>\n"
    for (k, text) in note.enumerated() {
      out += "<text x=\"16\" y=\"\((bottom + 48 + Double(k) * 13).svg)\" fill=\"#666\">"
      out += "\(text.xmlEscaped)</text>\n"
    }
    return out + "</svg>\n"
  }

  private func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ stroke: String, dash: String?
  ) -> String {
    "<line x1=\"\(x1.svg)\" y1=\"\(y1.svg)\" x2=\"\(x2.svg)\" y2=\"\(y2.svg)\" stroke=\"\(stroke)\""
      + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
  }
}

/// The scatterplot's words in the map's language.
private struct ScatterWords {
  let language: Language
  init(_ language: Language) { self.language = language }
  var valueAxis: String {
    language == .dutch ? "waarde van de wijk (gestandaardiseerd)" : "ward value (standardised)"
  }
  var lagAxis: String {
    language == .dutch
      ? "gemiddelde van de buurwijken (gestandaardiseerd)"
      : "mean of the neighbouring wards (standardised)"
  }
  func hidden(_ n: Int) -> String {
    language == .dutch
      ? "\(n) \(n == 1 ? "wijk" : "wijken") niet getoond: cijfers niet gepubliceerd (kleine aantallen)"
      : "\(n) \(n == 1 ? "ward" : "wards") not shown: figures not published (small numbers)"
  }
}
