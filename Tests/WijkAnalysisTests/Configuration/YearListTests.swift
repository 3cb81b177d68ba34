import Testing

@testable import WijkAnalysis

/// Year ranges in a configuration (`years:`, `vintage:` keys): Fuzz/Configuration found that
/// a range was expanded without bound.
@Suite struct YearListTests {
  @Test func readsAYearAndARange() {
    #expect(YearList.parse("2021") == [2021])
    #expect(YearList.parse("2011-2014") == [2011, 2012, 2013, 2014])
  }

  // `1-9223372036854775807` trapped (an array of 2^63 years); `2-2201902` took minutes.
  @Test("years outside four digits are not years", arguments: ["1-9223372036854775807", "2-2201902", "0-2020", "2011-99999", "999"])
  func yearsBeyondFourDigitsAreRefused(text: String) {
    #expect(YearList.parse(text) == nil)
  }

  @Test func aHugeVintageRangeIsAClearErrorNamingTheKey() {
    let yaml = """
      id: fiscal
      file: f.csv
      key: sector
      columns: income
      year: 2021
      vintage: { 2-2201902: statsec2020 }
      """
    #expect(
      throws: ConfigurationError.invalid(
        file: "c.yaml", key: "vintage", reason: "'2-2201902' is not a year or a range")
    ) { try ConfigurationLoader.decode(SectorTable.self, from: yaml, file: "c.yaml") }
  }
}
