// The interactive map: one self-contained HTML file with the published maps inline, pan and
// zoom, ward search, a click for the ward's published figures, an indicator switcher and a
// year slider. No server and no request: the maps, the figures and the script are in the file.

import Foundation

/// One map of the interactive page: an indicator, optionally for one year.
public struct InteractiveLayer: Hashable, Sendable {
  /// The indicator's id (`data-indicator`).
  public var indicator: String
  /// The indicator's label in the switcher.
  public var label: String
  /// The year of this map, or `nil` for an indicator without years.
  public var year: String?
  /// The published map as drawn for `maps/<id>.svg` (same classes, colours and withheld
  /// wards), a standalone SVG document.
  public var svg: String

  /// A layer; see the properties.
  public init(indicator: String, label: String, year: String? = nil, svg: String) {
    (self.indicator, self.label, self.year, self.svg) = (indicator, label, year, svg)
  }

  /// The key of the layer's figures in ``InteractiveWard/figures``: `id` or `id|year`.
  public var key: String { year.map { "\(indicator)|\($0)" } ?? indicator }
}

/// One ward's published figures, shown when it is clicked or found.
public struct InteractiveWard: Hashable, Sendable {
  /// The ward code, as `data-ward` on the maps' paths.
  public var id: String
  /// The ward's name, for the search and the panel.
  public var name: String
  /// Per layer key (``InteractiveLayer/key``) the published figures as (label, text) rows,
  /// already formatted and withheld as the published table is ("<5", "x").
  public var figures: [String: [FigureRow]]

  /// A ward; see the properties.
  public init(id: String, name: String, figures: [String: [FigureRow]]) {
    (self.id, self.name, self.figures) = (id, name, figures)
  }
}

/// One line of a ward's panel: what, and its published text.
public struct FigureRow: Hashable, Sendable, Codable {
  /// What the figure is ("waarde", "rang", ...).
  public var label: String
  /// The figure as published.
  public var text: String

  /// A row; see the properties.
  public init(label: String, text: String) { (self.label, self.text) = (label, text) }
}

/// A table shown under the interactive map (e.g. the housing brochure's ward table).
public struct InteractiveTable: Hashable, Sendable {
  /// The table's heading.
  public var title: String
  /// The column headers.
  public var header: [String]
  /// The rows, already formatted and withheld as published.
  public var rows: [[String]]

  /// A table; see the properties.
  public init(title: String, header: [String], rows: [[String]]) {
    (self.title, self.header, self.rows) = (title, header, rows)
  }
}

/// An interactive map page. Every figure on it comes from the caller's published outputs:
/// the maps are the published SVGs (so classes and small-number rules are those of the
/// static maps by construction) and the panel shows the published table's cells.
public struct InteractiveMap: Sendable {
  /// The page title.
  public let title: String
  /// A line under the title (what the data are, "illustratief" where they are).
  public let subtitle: String?
  /// The maps, in switcher order; layers of one indicator with years are in year order.
  public let layers: [InteractiveLayer]
  /// The wards and their figures.
  public let wards: [InteractiveWard]
  /// Tables under the map, e.g. the brochure table of the online housing brochure.
  public let tables: [InteractiveTable]
  /// The notes under the map: sources, what was withheld and why.
  public let notes: [String]
  /// The language of the controls.
  public let language: Language

  /// - Throws: ``CartographyError/nothingToDraw`` without layers.
  public init(
    title: String, subtitle: String? = nil, layers: [InteractiveLayer], wards: [InteractiveWard],
    tables: [InteractiveTable] = [], notes: [String] = [], language: Language = .dutch
  ) throws {
    guard !layers.isEmpty else { throw CartographyError.nothingToDraw }
    self.title = title
    self.subtitle = subtitle
    self.layers = layers
    self.wards = wards
    self.tables = tables
    self.notes = notes
    self.language = language
  }

  /// The indicators in switcher order, each once.
  var indicators: [(id: String, label: String)] {
    var seen: Set<String> = []
    return layers.compactMap { seen.insert($0.indicator).inserted ? ($0.indicator, $0.label) : nil }
  }

  /// Every year of any layer, sorted.
  var years: [String] { Array(Set(layers.compactMap(\.year))).sorted() }

  /// The page as one HTML document.
  public func html() -> String {
    let w = InteractiveWords(language)
    var body = "<header><h1>\(title.xmlEscaped)</h1>"
    if let subtitle { body += "<p class=\"subtitle\">\(subtitle.xmlEscaped)</p>" }
    body += "</header>\n<nav class=\"controls\">"
    body += "<label>\(w.indicator) <select id=\"indicator\">"
    for i in indicators {
      body += "<option value=\"\(i.id.xmlEscaped)\">\(i.label.xmlEscaped)</option>"
    }
    body += "</select></label>"
    if !years.isEmpty {
      body += "<label>\(w.year) <input id=\"year\" type=\"range\" min=\"0\" "
      body += "max=\"\(years.count - 1)\" step=\"1\" value=\"\(years.count - 1)\">"
      body += "<output id=\"year-label\">\(years.last!.xmlEscaped)</output></label>"
    }
    body += "<label>\(w.search) <input id=\"search\" list=\"ward-names\" autocomplete=\"off\">"
    body += "</label><datalist id=\"ward-names\">"
    for ward in wards.sorted(by: { $0.name < $1.name }) {
      body += "<option value=\"\(ward.name.xmlEscaped)\"></option>"
    }
    body += "</datalist>"
    body += "<span class=\"zoom\"><button type=\"button\" id=\"zoom-in\" title=\"\(w.zoomIn)\">+</button>"
    body += "<button type=\"button\" id=\"zoom-out\" title=\"\(w.zoomOut)\">−</button>"
    body += "<button type=\"button\" id=\"zoom-reset\">\(w.reset)</button></span></nav>\n"
    body += "<main><div id=\"map\">\n"
    for (k, layer) in layers.enumerated() {
      body += "<div class=\"layer\" data-indicator=\"\(layer.indicator.xmlEscaped)\""
      body += layer.year.map { " data-year=\"\($0.xmlEscaped)\"" } ?? ""
      body += " data-key=\"\(layer.key.xmlEscaped)\" hidden>\n"
      body += Self.inlined(layer.svg, prefix: "l\(k)-") + "</div>\n"
    }
    body += "</div>\n<aside id=\"ward\"><p class=\"hint\">\(w.hint)</p></aside></main>\n"
    for table in tables { body += Self.tableHTML(table) }
    if !notes.isEmpty {
      body += "<footer>" + notes.map { "<p>\($0.xmlEscaped)</p>" }.joined() + "</footer>\n"
    }
    body += "<script type=\"application/json\" id=\"wijk-data\">\(dataJSON())</script>\n"
    body += "<script>\(InteractiveScript.source)</script>\n"
    return """
      <!DOCTYPE html>
      <html lang="\(language == .dutch ? "nl" : "en")">
      <head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title.xmlEscaped)</title>
      <style>\(InteractiveScript.style)</style></head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// `table` as an HTML section; numbers right-aligned.
  static func tableHTML(_ table: InteractiveTable) -> String {
    var s = "<section class=\"table\"><h2>\(table.title.xmlEscaped)</h2><table><thead><tr>"
    s += table.header.map { "<th>\($0.xmlEscaped)</th>" }.joined() + "</tr></thead><tbody>"
    for row in table.rows {
      s += "<tr>" + row.map { "<td>\($0.xmlEscaped)</td>" }.joined() + "</tr>"
    }
    return s + "</tbody></table></section>\n"
  }

  /// The data the script reads: the indicators, years and each ward's figures.
  func dataJSON() -> String {
    struct Payload: Encodable {
      var years: [String]
      var words: [String: String]
      var wards: [String: WardPayload]
    }
    struct WardPayload: Encodable {
      var name: String
      var figures: [String: [FigureRow]]
    }
    let w = InteractiveWords(language)
    let payload = Payload(
      years: years, words: ["noFigures": w.noFigures, "notFound": w.notFound],
      wards: Dictionary(
        uniqueKeysWithValues: wards.map { ($0.id, WardPayload(name: $0.name, figures: $0.figures)) }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    // "</" inside a script element would end it
    return json.replacingBytes([("</", "<\\/")])
  }

  /// `svg` ready to sit inline beside other maps: without an XML declaration, and with its
  /// ids (patterns, clip paths) prefixed so two maps never share one.
  static func inlined(_ svg: String, prefix: String) -> String {
    var s = svg
    if s.hasPrefix("<?xml"), let end = s.range(of: "?>") { s = String(s[end.upperBound...]) }
    return s.replacingBytes([
      (" id=\"", " id=\"\(prefix)"), ("url(#", "url(#\(prefix)"), ("href=\"#", "href=\"#\(prefix)"),
    ])
  }
}

/// The controls' words in the page's language.
private struct InteractiveWords {
  let dutch: Bool
  init(_ language: Language) { dutch = language == .dutch }
  var indicator: String { dutch ? "Indicator" : "Indicator" }
  var year: String { dutch ? "Jaar" : "Year" }
  var search: String { dutch ? "Zoek een wijk" : "Find a ward" }
  var zoomIn: String { dutch ? "Inzoomen" : "Zoom in" }
  var zoomOut: String { dutch ? "Uitzoomen" : "Zoom out" }
  var reset: String { dutch ? "Hele kaart" : "Whole map" }
  var hint: String {
    dutch
      ? "Klik op een wijk of zoek ze op naam om haar cijfers te zien."
      : "Click a ward or find it by name to see its figures."
  }
  var noFigures: String { dutch ? "Geen gepubliceerde cijfers." : "No published figures." }
  var notFound: String { dutch ? "Geen wijk met die naam." : "No ward of that name." }
}
