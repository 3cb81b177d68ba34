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
}
