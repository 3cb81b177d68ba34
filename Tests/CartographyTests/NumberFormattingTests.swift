// Tests of NumberStyle, ScaleBar and ViewTransform, against hand-worked values.

import Testing
import WijkCore

@testable import Cartography

@Suite struct NumberFormattingTests {
  let nl = NumberStyle(.dutch)
  let en = NumberStyle(.english)

  @Test func groupsAndDecimals() {
    #expect(nl.format(1234.5, decimals: 1) == "1.234,5")
    #expect(en.format(1234.5, decimals: 1) == "1,234.5")
    #expect(nl.format(1_234_567.891, decimals: 2) == "1.234.567,89")
    #expect(nl.format(999.96, decimals: 1) == "1.000,0")  // carries into a new group
    #expect(nl.format(-1234, decimals: 0) == "-1.234")
    #expect(nl.format(-0.04, decimals: 1) == "0,0")  // no "-0"
    #expect(nl.format(0.05, decimals: 2) == "0,05")
    #expect(nl.format(.nan) == "–")
  }

  @Test func datesInWords() {
    #expect(DateStyle(.dutch).long("2026-12-01T07:30:00Z") == "1 december 2026")
    #expect(DateStyle(.english).long("2026-12-01") == "1 December 2026")
    #expect(DateStyle(.dutch).long("2021-03-09") == "9 maart 2021")
    #expect(DateStyle(.dutch).long("2021") == "2021")  // not a date: kept as written
    #expect(DateStyle(.dutch).long("2021-13-01") == "2021-13-01")
  }

  @Test func percentages() {
    #expect(nl.percent(0.125) == "12,5%")
    #expect(en.percent(0.125) == "12.5%")
    #expect(nl.percent(1, decimals: 0) == "100%")
  }

  @Test func smallNumberSuppression() {
    #expect(nl.count(3) == "<5")
    #expect(nl.count(1) == "<5")
    #expect(nl.count(0) == "0")
    #expect(nl.count(0, suppressZero: true) == "<5")
    #expect(nl.count(5) == "5")
    #expect(nl.count(12_345) == "12.345")
    #expect(nl.count(3, suppressBelow: nil) == "3")
    #expect(NumberStyle.suppressedText(threshold: 10) == "<10")
  }

  @Test func legendDecimalsKeepClassesApart() {
    #expect(NumberStyle.legendDecimals(for: [10, 20, 40]) == 0)
    // gap 12.5, tolerance 1% = 0.125: 12.5 -> 13 errs by 0.5, so one decimal.
    #expect(NumberStyle.legendDecimals(for: [12.5, 25, 41]) == 1)
    // gap 0.02, tolerance 0.0002: 0.123 -> 0.12 errs by 0.003, so three decimals.
    #expect(NumberStyle.legendDecimals(for: [0.123, 0.143]) == 3)
  }

  @Test func scaleBarLengthsAreRound() {
    #expect(ScaleBar(maximumMetres: 1800).metres == 1000)
    #expect(ScaleBar(maximumMetres: 2600).metres == 2000)
    #expect(ScaleBar(maximumMetres: 4999).metres == 2000)
    #expect(ScaleBar(maximumMetres: 5000).metres == 5000)
    #expect(ScaleBar(maximumMetres: 730).metres == 500)
    #expect(ScaleBar(maximumMetres: 0.3).metres == 0.2)
    #expect(ScaleBar(maximumMetres: 2600).label(nl) == "2 km")
    #expect(ScaleBar(maximumMetres: 730).label(en) == "500 m")
  }

  @Test func viewTransformFlipsYAndKeepsAspect() {
    // A 2000 m × 1000 m box into 400 × 400: scale 0.2, centred vertically (offset 100).
    let t = ViewTransform(
      fitting: Envelope(minX: 0, minY: 0, maxX: 2000, maxY: 1000),
      originX: 0, originY: 0, width: 400, height: 400)
    #expect(t.scale == 0.2)
    #expect(t.apply(Coordinate(x: 0, y: 1000)) == (0, 100))  // north-west corner at the top
    #expect(t.apply(Coordinate(x: 2000, y: 0)) == (400, 300))
  }

  @Test func svgNumbersAreShort() {
    #expect(12.34.svg == "12.3")
    #expect(7.0.svg == "7")
    #expect((-0.04).svg == "0")
    #expect((-2.25).svg == "-2.3")
  }
}
