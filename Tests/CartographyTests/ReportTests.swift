// Tests of ReportDocument's HTML and Markdown, and of the escaping they rely on.

import Foundation
import Testing

@testable import Cartography

@Suite struct EscapingTests {
  @Test func xmlEscapesMarkupCharacters() {
    #expect(
      "<b>R&D \"x\" 'y'</b>".xmlEscaped
        == "&lt;b&gt;R&amp;D &quot;x&quot; &#39;y&#39;&lt;/b&gt;")
    #expect("Winterslag 2 en 4".xmlEscaped == "Winterslag 2 en 4")
    #expect("Hoëvelde".xmlEscaped == "Hoëvelde")
  }

  @Test func markdownEscapesOnlyWhatWouldBeMarkup() {
    #expect("Oud-Sledderlo".markdownEscaped == "Oud-Sledderlo")
    #expect("Winterslag 2 en 4".markdownEscaped == "Winterslag 2 en 4")
    #expect("Bèkerzand".markdownEscaped == "Bèkerzand")
    #expect("a|b".markdownEscaped == "a\\|b")
    #expect(
      "*x* _y_ [z](u) <b> & `c`".markdownEscaped
        == "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\> \\& \\`c\\`")
    #expect("1. Zwartberg".markdownEscaped == "1\\. Zwartberg")
    #expect("- lijst".markdownEscaped == "\\- lijst")
    #expect("# kop".markdownEscaped == "\\# kop")
    #expect("regel\nnieuw".markdownEscaped == "regel nieuw")
    #expect("C:\\pad".markdownEscaped == "C:\\\\pad")
    #expect("1.234 woningen".markdownEscaped == "1.234 woningen")
    #expect("-3 %".markdownEscaped == "-3 %")
    #expect("#3".markdownEscaped == "#3")
    #expect("---".markdownEscaped == "\\---")
    #expect("2) tweede".markdownEscaped == "2\\) tweede")
  }
}

@Suite struct ReportTests {
  static func report() throws -> ReportDocument {
    var r = ReportDocument(
      title: "Wijkanalyse <Genk> & co", subtitle: "Test \"2025\"",
      language: .dutch)
    r.addSection("Concentratie")
    r.addParagraph("Tekst met <script>alert('x')</script> & \"aanhalingstekens\".")
    r.addTable(
      try ReportTable(
        caption: "Wijken",
        columns: [
          ReportColumn("Wijk"), ReportColumn("Woningen", alignment: .right),
          ReportColumn("Aandeel", alignment: .right),
        ],
        rows: [
          [
            .text("Winterslag 2 en 4"), .count(1234, suppressBelow: 5),
            .percent(0.125, decimals: 1),
          ],
          [.text("Oud-Sledderlo | Noord"), .count(3, suppressBelow: 5), .empty],
        ]))
    r.addFigure(
      svg: try ChoroplethFixture.map(MapOptions(idPrefix: "fig1")).svg(),
      caption: "Aandeel & spreiding", markdownPath: "maps/aandeel.svg")
    r.addNote("Aantallen onder 5 zijn verborgen (<5).")
    r.addPageBreak()
    return r
  }

  @Test func htmlIsWellFormedAndEscaped() throws {
    let html = try Self.report().html()
    let doc = XMLInspector(html)
    #expect(doc.parsed, "\(doc.error ?? "")")
    #expect(doc.elements.first?.attributes["lang"] == "nl")
    #expect(doc.all("title").first?.text == "Wijkanalyse <Genk> & co")
    #expect(
      html.contains(
        "Tekst met &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
          + "&quot;aanhalingstekens&quot;."))
    #expect(doc.all("script").isEmpty)
    #expect(
      doc.all("p").contains {
        $0.text == "Tekst met <script>alert('x')</script> & "
          + "\"aanhalingstekens\"."
      })
  }

  @Test func htmlTablesHaveHeadersAndAlignedNumbers() throws {
    let doc = XMLInspector(try Self.report().html())
    #expect(
      doc.all("th").filter { $0.attributes["scope"] == "col" }.map(\.text)
        == ["Wijk", "Woningen", "Aandeel"])
    #expect(
      doc.all("th").filter { $0.attributes["scope"] == "row" }.map(\.text)
        == ["Winterslag 2 en 4", "Oud-Sledderlo | Noord"])
    let cells = doc.all("td")
    #expect(cells.map(\.text) == ["1.234", "12,5%", "<5", "–"])
    #expect(cells[0].attributes["class"] == "num")
    #expect(doc.all("caption").first?.text == "Wijken")
  }

  @Test func htmlIsSelfContainedAndPrintable() throws {
    let html = try Self.report().html()
    #expect(html.contains("@page { size: A4 portrait;"))
    #expect(html.contains("break-inside: avoid"))
    #expect(html.contains("display: table-header-group"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(!html.contains("@import"))
    // The only URL is the SVG namespace, which is a name, not a resource.
    let urls = html.components(separatedBy: "http").count - 1
    #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
    let doc = XMLInspector(html)
    #expect(doc.all("figure").count == 1)
    #expect(doc.all("svg").count == 1)
    #expect(doc.all("pattern").first?.attributes["id"] == "fig1-nodata")
  }

  @Test func markdownHasAlignedTablesAndEscapedText() throws {
    let md = try Self.report().markdown()
    #expect(md.hasPrefix("# Wijkanalyse \\<Genk\\> \\& co\n"))
    #expect(md.contains("| Wijk | Woningen | Aandeel |\n| --- | ---: | ---: |\n"))
    #expect(md.contains("| Winterslag 2 en 4 | 1.234 | 12,5% |"))
    #expect(md.contains("| Oud-Sledderlo \\| Noord | \\<5 | – |"))
    #expect(md.contains("![Aandeel \\& spreiding](<maps/aandeel.svg>)"))
    #expect(md.contains("> **Noot:** Aantallen onder 5 zijn verborgen (\\<5)."))
  }

  @Test func englishReportSaysSo() throws {
    var r = ReportDocument(title: "Ward analysis", language: .english)
    r.addTable(
      try ReportTable(
        caption: "T",
        columns: [
          ReportColumn("Ward"),
          ReportColumn("Share", alignment: .right),
        ], rows: [[.text("A"), .percent(0.5, decimals: 1)]]))
    let html = r.html()
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<td class=\"num\">50.0%</td>"))
  }

  @Test func rowsMustFitTheColumns() {
    #expect(throws: CartographyError.tableRowWidth(table: "T", row: 0, cells: 1, columns: 2)) {
      _ = try ReportTable(
        caption: "T", columns: [ReportColumn("a"), ReportColumn("b")],
        rows: [[.text("x")]])
    }
  }
}
