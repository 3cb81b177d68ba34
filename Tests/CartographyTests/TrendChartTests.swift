import Cartography
import Testing

@Suite struct TrendChartTests {
  @Test func aMissingYearBreaksTheLineAndGetsNoDot() throws {
    let chart = try TrendChart(
      years: [2011, 2012, 2013, 2014, 2015],
      lines: [TrendLine(label: "W01", values: [1, 2, nil, 4, 5])], title: "Inwoners")
    let svg = chart.svg()
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2, "two segments, no bridge")
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
  }

  @Test func theAxisShowsThePaddedRangeInTheReportsStyle() throws {
    // values 90…110, padded by 5 % of the span: 89 and 111, Dutch decimal comma.
    let chart = try TrendChart(
      years: [2020, 2021], lines: [TrendLine(label: "W01", values: [90, 110])], title: "t",
      decimals: 1)
    let svg = chart.svg()
    #expect(svg.contains(">111,0</text>") && svg.contains(">89,0</text>"))
    #expect(svg.contains(">2020</text>") && svg.contains(">2021</text>"))
  }

  @Test func aLineOfTheWrongLengthOrNotFiniteIsRefused() {
    #expect(throws: CartographyError.self) {
      try TrendChart(years: [2020, 2021], lines: [TrendLine(label: "W", values: [1])], title: "t")
    }
    #expect(throws: CartographyError.self) {
      try TrendChart(
        years: [2020, 2021], lines: [TrendLine(label: "W", values: [1, .infinity])], title: "t")
    }
  }

  // Ward, group and city differ in dash as well as colour (grey-scale print), and a legend
  // wider than the chart wraps onto a second row, the chart growing by one row.
  @Test func theThreeRolesDifferAndALongLegendWraps() throws {
    let lines = [
      TrendLine(label: "Nieuw Sledderlo", values: [1, 2]),
      TrendLine(label: "impulswijken (illustratief)", values: [1, 3], role: .group),
      TrendLine(label: "Stad", values: [2, 2], role: .reference),
    ]
    let svg = try TrendChart(years: [2011, 2022], lines: lines, title: "t").svg()
    #expect(svg.contains("height=\"162\""), "150 px and one more legend row of 12")
    #expect(svg.contains("stroke=\"#08306b\" stroke-width=\"1.5\"/>"), "the ward: solid")
    #expect(svg.contains("stroke=\"#b35806\" stroke-width=\"1.5\" stroke-dasharray=\"1.5 2\""))
    #expect(svg.contains("stroke=\"#888888\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\""))
    // the group does not fit after the ward (52 + 110.5 + 176.5 − 8 > 310): it starts the
    // second row, at the left again, 12 px lower, and the city follows it there
    #expect(svg.contains("<text x=\"72\" y=\"156\">impulswijken (illustratief)</text>"))
    #expect(svg.contains("<text x=\"248.5\" y=\"156\">Stad</text>"))
    let short = try TrendChart(years: [2011, 2022], lines: [lines[0], lines[2]], title: "t").svg()
    #expect(short.contains("height=\"150\""))
  }
}
