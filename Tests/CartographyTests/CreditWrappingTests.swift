import Foundation
import Testing
import WijkCore

@testable import Cartography

/// A long attribution is broken into lines that fit the map, not cut off at its edge.
@Suite struct CreditWrappingTests {
  @Test func aLongCreditIsWrappedAtSpacesWithinTheWidth() {
    let credit =
      "Wijken: © gemeentebesturen, verzameld door Data & Analyse van de Vlaamse provincies · "
      + "Bron: Statbel, bevolking per statistische sector 2011-2022, via sciensanogit/bopR · "
      + "Bron: Fluvius open data, verwerking Provincies in Cijfers"
    let lines = MapCanvas.wrapped(credit, width: 820, size: 9.5)
    #expect(lines.count == 2)
    #expect(lines.joined(separator: " ") == credit, "nothing lost")
    #expect(lines.allSatisfy { MapCanvas.textWidth($0, size: 9.5) <= 820 })
    #expect(MapCanvas.wrapped("kort", width: 820, size: 9.5) == ["kort"])
  }

  @Test func theMapIsTallEnoughForTheWrappedCredits() throws {
    func svg(_ credits: String) throws -> String {
      try ClusterMap(
        wards: Wards.all, categories: Array(repeating: .notSignificant, count: Wards.all.count),
        text: MapText(title: "t", subtitle: nil, legendTitle: "l", credits: credits)
      ).svg()
    }
    func height(_ svg: String) -> Double? {
      svg.firstMatch(of: /height="([0-9.]+)"/).flatMap { Double($0.1) }
    }
    let long = String(repeating: "bron ", count: 60).trimmingCharacters(in: .whitespaces)
    let lines = MapCanvas.wrapped(long, width: 860 - 40, size: 9.5)
    #expect(lines.count == 3)
    let wrapped = try svg(long)
    let credits = wrapped.components(separatedBy: "<g class=\"credits\"")[1]
    #expect(credits.components(separatedBy: "<text").count - 1 == 3)
    let (tall, short) = (try #require(height(wrapped)), try #require(height(try svg("bron"))))
    #expect(tall == short + 2 * 13, "two more lines of 13 px")
  }

  /// A title longer than the map (an indicator's label after "Clusters (lokale Moran): ")
  /// wraps onto a second line, and the map and legend move down by that line.
  @Test func aLongTitleWrapsAndPushesTheMapDown() throws {
    func svg(_ title: String) throws -> String {
      try ClusterMap(
        wards: Wards.all, categories: Array(repeating: .notSignificant, count: Wards.all.count),
        text: MapText(title: title, subtitle: "sub", legendTitle: "l", credits: "c")
      ).svg()
    }
    func height(_ svg: String) -> Double? {
      svg.firstMatch(of: /height="([0-9.]+)"/).flatMap { Double($0.1) }
    }
    let long =
      "Clusters (lokale Moran): Gemiddeld netto belastbaar inkomen per aangifte (schatting) 2021"
    let wrapped = try svg(long)
    let titles = wrapped.components(separatedBy: "<text class=\"title\"").dropFirst()
    #expect(titles.count == 2)
    #expect(wrapped.contains("y=\"58\" font-size=\"20\""), "second title line 24 px below")
    #expect(wrapped.contains("class=\"subtitle\" x=\"20\" y=\"80\""), "subtitle below both")
    let (tall, short) = (try #require(height(wrapped)), try #require(height(try svg("Clusters"))))
    #expect(tall == short + 24)
  }
}
