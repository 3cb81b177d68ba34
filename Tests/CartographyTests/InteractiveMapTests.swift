import Foundation
import Testing

@testable import Cartography

@Suite struct InteractiveMapTests {
  static let svg = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs>\
    <pattern id="map-nodata"/></defs><path class="ward" data-ward="01" fill="url(#map-nodata)"/>\
    </svg>
    """

  static func page(years: [String?] = [nil]) throws -> InteractiveMap {
    let layers = years.map { InteractiveLayer(indicator: "households", label: "Huishoudens", year: $0, svg: svg) }
      + [InteractiveLayer(indicator: "gas_share", label: "Aandeel gas", svg: svg)]
    return try InteractiveMap(
      title: "Wijken", layers: layers,
      wards: [
        InteractiveWard(
          id: "01", name: "Bret</script>",
          figures: ["households": [FigureRow(label: "waarde", text: "<5")]])
      ])
  }

  /// Every map keeps its own ids: a pattern of a hidden map is never what a shown map uses.
  @Test func idsAreUniqueAcrossTheInlineMaps() throws {
    let html = try Self.page(years: ["2021", "2022"]).html()
    #expect(!html.contains("<?xml"))
    let ids = html.components(separatedBy: " id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
    #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
    #expect(html.contains("url(#l0-map-nodata)") && html.contains("url(#l2-map-nodata)"))
  }

  /// Nothing is fetched: no URL but the SVG namespace, no external script or style.
  @Test func makesNoRequest() throws {
    let html = try Self.page().html()
    let urls = html.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
    #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") }, "\(urls)")
    #expect(!html.contains("<script src") && !html.contains("<link"))
  }

  /// A ward name cannot end the data script early.
  @Test func dataCannotCloseItsScript() throws {
    let html = try Self.page().html()
    let data = try #require(html.components(separatedBy: "id=\"wijk-data\">").last)
    let json = try #require(data.components(separatedBy: "</script>").first)
    #expect(json.contains("Bret<\\/script>"))
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect(((parsed?["wards"] as? [String: Any])?["01"] as? [String: Any])?["name"] as? String == "Bret</script>")
  }

  @Test func theYearSliderIsThereOnlyWithYears() throws {
    #expect(!(try Self.page().html().contains("id=\"year\"")))
    let html = try Self.page(years: ["2011", "2022"]).html()
    #expect(html.contains("id=\"year\" type=\"range\" min=\"0\" max=\"1\""))
    #expect(html.contains("data-key=\"households|2011\""))
    // one switcher entry per indicator, not per year
    #expect(html.components(separatedBy: "<option value=\"households\"").count == 2)
  }
}

@Suite struct ByteReplacementTests {
  @Test func everyOccurrenceIsReplacedOnceAndReplacedTextIsNotSearchedAgain() {
    let svg = "<svg id=\"a\"><use href=\"#a\"/><rect fill=\"url(#a)\"/> id=\"b\"</svg>"
    let out = InteractiveMap.inlined(svg, prefix: "m1-")
    #expect(
      out == "<svg id=\"m1-a\"><use href=\"#m1-a\"/><rect fill=\"url(#m1-a)\"/> id=\"m1-b\"</svg>")
    #expect(InteractiveMap.inlined("é id=\"x\" ü", prefix: " id=\"") == "é id=\" id=\"x\" ü")
  }
}
