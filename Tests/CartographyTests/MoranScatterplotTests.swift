import Foundation
import Testing

@testable import Cartography

@Suite struct MoranScatterplotTests {
  static let points = [
    ScatterPoint(name: "Kolderbos", value: 2.1, lag: 1.4, category: .highHigh),
    ScatterPoint(name: "Zwartberg", value: -1.2, lag: -0.8, category: .lowLow),
    ScatterPoint(name: "Bret", value: 0.4, lag: -0.3, category: .notSignificant),
  ]

  /// The numbers captured by `pattern` in each match, in document order.
  static func captures(_ pattern: String, _ svg: String) -> [[Double]] {
    let regex = try! NSRegularExpression(pattern: pattern)
    let range = NSRange(svg.startIndex..., in: svg)
    return regex.matches(in: svg, range: range).map { m in
      (1..<m.numberOfRanges).map { k -> Double in
        let text = svg[Range(m.range(at: k), in: svg)!]
        return Double(text)!
      }
    }
  }

  /// (cx, cy) of every circle, in document order.
  static func circles(_ svg: String) -> [(Double, Double)] {
    captures(#"<circle cx="([-0-9.]+)" cy="([-0-9.]+)""#, svg).map { ($0[0], $0[1]) }
  }

  @Test func pointsSitInTheirQuadrants() throws {
    let plot = try MoranScatterplot(points: Self.points, moranI: 0.5, title: "Aandeel 65+")
    let svg = plot.svg()
    let c = Self.circles(svg)
    #expect(c.count == 3)
    // the origin is the middle of the square: HH upper right, LL lower left
    #expect(c[0].0 > c[2].0 && c[0].1 < c[2].1, "HH right of and above the middle ward")
    #expect(c[1].0 < c[2].0 && c[1].1 > c[2].1, "LL left of and below it")
    #expect(svg.contains("fill=\"#ff0000\""), "HH in GeoDa's red")
    #expect(svg.contains("gemiddelde van de buurwijken (gestandaardiseerd)"))
  }

  /// Both axes have the same scale, so the line's pixel slope is −I (SVG's y runs down).
  @Test func theLineHasSlopeMoransI() throws {
    for i in [0.5, -0.3, 1.4] {
      let svg = try MoranScatterplot(points: Self.points, moranI: i, title: "t").svg()
      let pattern =
        ##"<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)" stroke="#333""##
      let v = try #require(Self.captures(pattern, svg).first)
      let slope = -(v[3] - v[1]) / (v[2] - v[0])
      // coordinates are rounded to 0.1 px
      #expect(abs(slope - i) < 0.01, "I = \(i): slope \(slope)")
    }
  }

  @Test func withheldWardsAreCountedNotDrawn() throws {
    let svg = try MoranScatterplot(
      points: Array(Self.points.prefix(2)), moranI: 0.5, hiddenCount: 1, title: "t"
    ).svg()
    #expect(Self.circles(svg).count == 2)
    #expect(svg.contains("1 wijk niet getoond: cijfers niet gepubliceerd (kleine aantallen)"))
  }

  @Test func aNonFiniteCoordinateNamesTheWard() {
    #expect {
      _ = try MoranScatterplot(
        points: [ScatterPoint(name: "Bret", value: .nan, lag: 0, category: .noData)],
        moranI: 0, title: "t")
    } throws: { "\($0)".contains("Bret") }
  }
}

/// A long title (an illustrative index's label) wraps onto lines within the plot's width.
@Suite struct MoranScatterplotTitleTests {
  @Test func aLongTitleWrapsAndKeepsEveryWord() throws {
    let title = "Moran-spreidingsdiagram: Samengestelde index (illustratief, geen officiële criteria)"
    let plot = try MoranScatterplot(
      points: [ScatterPoint(name: "a", value: 1, lag: 0.5, category: .notSignificant)],
      moranI: 0.3, title: title, subtitle: "Moran's I = 0,300", size: 360)
    let svg = plot.svg()
    let lines = svg.components(separatedBy: "font-weight=\"bold\">").dropFirst()
      .map { String($0.prefix { $0 != "<" }) }
    #expect(lines.count >= 2)
    #expect(lines.joined(separator: " ") == title.replacingOccurrences(of: "'", with: "&apos;"))
    #expect(lines.allSatisfy { Double($0.count) * 16.5 * 0.58 <= 360 - 56 - 8 })
  }
}
