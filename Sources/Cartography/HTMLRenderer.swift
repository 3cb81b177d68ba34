// ReportDocument as one self-contained HTML page that prints well on A4.

extension ReportDocument {
  /// The report as a self-contained HTML5 page: inline CSS only (no fonts, scripts or images
  /// from elsewhere), `lang` from the report language, `@page` A4 with margins, figures and
  /// tables kept whole on a page, headings kept with what follows, table headers repeated on
  /// each printed page, `<th scope>` headers, numbers right-aligned in tabular figures, and
  /// map colours printed exactly (`print-color-adjust: exact`).
  public func html() -> String {
    let style = NumberStyle(language)
    var body: [String] = [
      "<header><h1>\(title.xmlEscaped)</h1>"
        + (subtitle.map { "<p class=\"subtitle\">\($0.xmlEscaped)</p>" } ?? "") + "</header>"
    ]
    var figureNumber = 0
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        body.append("<h\(level)>\(text.xmlEscaped)</h\(level)>")
      case .paragraph(let text):
        body.append("<p>\(text.xmlEscaped)</p>")
      case .table(let table):
        body.append(htmlTable(table, style))
      case .figure(let figure):
        figureNumber += 1
        body.append(htmlFigure(figure, number: figureNumber))
      case .figureRow(let figures):
        let html = figures.map { f -> String in
          figureNumber += 1
          return htmlFigure(f, number: figureNumber)
        }
        body.append("<div class=\"figure-row\">\n\(html.joined(separator: "\n"))\n</div>")
      case .note(let text):
        let label = language == .dutch ? "Noot" : "Note"
        body.append(
          "<aside class=\"note\" role=\"note\"><strong>\(label):</strong> "
            + "\(text.xmlEscaped)</aside>")
      case .pageBreak:
        body.append("<div class=\"page-break\"></div>")
      }
    }
    return """
      <!DOCTYPE html>
      <html lang="\(language.tag)">
      <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>\(title.xmlEscaped)</title>
      <style>
      \(ReportDocument.css)
      </style>
      </head>
      <body\(isFiche ? " class=\"fiche\"" : "")>
      <main>
      \(body.joined(separator: "\n"))
      </main>
      </body>
      </html>

      """
  }

  private func htmlTable(_ table: ReportTable, _ style: NumberStyle) -> String {
    var s = "<table>\n<caption>\(table.caption.xmlEscaped)</caption>\n<thead><tr>"
    for c in table.columns {
      let cls = c.alignment == .right ? " class=\"num\"" : ""
      s += "<th scope=\"col\"\(cls)>\(c.title.xmlEscaped)</th>"
    }
    s += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      s += "<tr>"
      for (i, cell) in row.enumerated() {
        let right = table.columns[i].alignment == .right || cell.isNumeric
        let cls = right ? " class=\"num\"" : ""
        let text = cell.text(style).xmlEscaped
        s += i == 0 ? "<th scope=\"row\"\(cls)>\(text)</th>" : "<td\(cls)>\(text)</td>"
      }
      s += "</tr>\n"
    }
    return s + "</tbody>\n</table>"
  }

  private func htmlFigure(_ figure: ReportFigure, number: Int) -> String {
    let word = language == .dutch ? "Figuur" : "Figure"
    return "<figure>\n\(figure.svg.trimmingNewlines)\n<figcaption><span class=\"figure-number\">"
      + "\(word) \(number).</span> \(figure.caption.xmlEscaped)</figcaption>\n</figure>"
  }

  /// Print-first styles: A4 pages, serif-free type at 10.5 pt, nothing loaded from outside; a
  /// fiche (``ReportDocument/isFiche``) prints at 7.6 pt on 8 mm margins with the map floated
  /// right (78 mm) and the method in 6.6 pt, so that a ward plan takes one A4 page (two with
  /// the trend): `scripts/check-print` counts the pages Chromium prints.
  static let css = """
    @page { size: A4 portrait; margin: 18mm 16mm 20mm 16mm; }
    @page fiche { size: A4 portrait; margin: 8mm 10mm 8mm 10mm; }
    :root { color: #1a1a1a; background: #ffffff; }
    body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif;
      font-size: 10.5pt; line-height: 1.45; margin: 0; }
    main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
    h1 { font-size: 20pt; margin: 0 0 2mm; }
    h2 { font-size: 14pt; margin: 8mm 0 2mm; border-bottom: 0.4pt solid #999999; }
    h3, h4 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
    h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
    .subtitle { color: #444444; margin-top: 0; }
    table { border-collapse: collapse; margin: 3mm 0 5mm; font-size: 9.5pt; }
    caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 1.5mm; }
    th, td { border-bottom: 0.4pt solid #bbbbbb; padding: 1mm 2.5mm; vertical-align: top; }
    thead th { border-bottom: 0.8pt solid #333333; text-align: left; }
    tbody th { font-weight: normal; text-align: left; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    thead { display: table-header-group; }
    tr, figure, aside.note { break-inside: avoid; page-break-inside: avoid; }
    figure { margin: 4mm 0 6mm; }
    figure svg { max-width: 100%; height: auto; display: block; }
    .figure-row { display: flex; flex-wrap: wrap; gap: 4mm; align-items: flex-start;
      break-inside: avoid; page-break-inside: avoid; }
    .figure-row figure { flex: 1 1 70mm; min-width: 0; margin: 2mm 0 4mm; }
    figcaption { font-size: 9.5pt; color: #333333; margin-top: 1.5mm; }
    .figure-number { font-weight: bold; }
    aside.note { border-left: 2pt solid #888888; padding: 1mm 3mm; margin: 3mm 0;
      background: #f4f4f4; font-size: 9.5pt; }
    .page-break { break-after: page; page-break-after: always; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    @media print {
      body.fiche { page: fiche; font-size: 7.6pt; line-height: 1.17; }
      body.fiche main { max-width: none; padding: 0; }
      body.fiche h1 { font-size: 13pt; margin: 0 0 0.5mm; }
      body.fiche .subtitle { margin: 0 0 1mm; }
      body.fiche h2 { font-size: 9.5pt; margin: 1.5mm 0 0.6mm; }
      body.fiche h3, body.fiche h4 { font-size: 8pt; margin: 1.5mm 0 0.5mm; }
      body.fiche p { margin: 0 0 0.8mm; }
      body.fiche h2:last-of-type ~ p { font-size: 6.6pt; line-height: 1.18; }
      body.fiche table { font-size: 6.8pt; margin: 0.5mm 0 1.2mm; }
      body.fiche caption { padding-bottom: 0.5mm; }
      body.fiche th, body.fiche td { padding: 0.1mm 1mm; line-height: 1.15; }
      body.fiche aside.note { padding: 0.2mm 1.5mm; margin: 0.4mm 0; font-size: 6.6pt; }
      body.fiche figure { float: right; width: 78mm; margin: 0 0 1mm 3mm; }
      body.fiche .figure-row figure { float: none; width: auto; margin: 0 0 1mm; }
      body.fiche figcaption { font-size: 6.8pt; margin-top: 0.3mm; }
      body.fiche .page-break ~ table { display: inline-table; vertical-align: top;
        margin-right: 4mm; }
    }
    """
}

extension String {
  /// The text without leading and trailing line breaks.
  var trimmingNewlines: String {
    var s = Substring(self)
    while s.first?.isNewline == true { s = s.dropFirst() }
    while s.last?.isNewline == true { s = s.dropLast() }
    return String(s)
  }
}
