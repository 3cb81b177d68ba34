import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

/// Shares, location quotients, vacancy, years and change on the four-ward synthetic fixture
/// (`Tests/Fixtures/housing/small/`), checked by hand. Wards are 1 km squares W1 (SW), W2
/// (SE), W3 (NW), W4 (NE). The 2021 register, after the join:
///
///     ward  social  private  owner  dwellings  vacant   (b1 on the W1|W2 edge → W1)
///     W1    9+1=10    0      8+2=10     20       2
///     W2      0       5       15        20       0
///     W3     30     7+3=10    20        60       3
///     W4      0       0       20        20       0
///     city   40      15       65       120       5      (o1, 4 dwellings, outside)
///
/// The 2024 register adds n1: 10 social dwellings in W2.
@Suite struct HousingSmallFixtureTests {
  static func run() throws -> HousingAnalysis.Run {
    let c = try HousingConfigurationLoader.load(
      path: fixture("housing/small/housing_small_synthetic.yaml").path)
    return try HousingAnalysis.run(c)
  }

  @Test func columnsAreTheHandCounts() throws {
    let h = try Self.run().housing
    let col = { (name: String) in h.columns[name]!.map { $0! } }
    #expect(col("dwellings_at_2021") == [20, 20, 60, 20])
    #expect(col("social_rental_at_2021") == [10, 0, 30, 0])
    #expect(col("private_rental_at_2021") == [0, 5, 10, 0])
    #expect(col("owner_occupied_at_2021") == [10, 15, 20, 20])
    #expect(col("vacant_at_2021") == [2, 0, 3, 0])
    #expect(col("records_at_2021") == [4, 2, 4, 1])
    // subsidies 2018-2021: r2 2019 (W1), r5 2020 (W2), r9 2019 (W3)
    #expect(col("subsidies_2019_at_2021") == [1, 0, 1, 0])
    #expect(col("subsidies_2020_at_2021") == [0, 1, 0, 0])
    #expect(col("permits_2023") == [0, 1, 0, 0])
    // Year columns of the current register are not the earlier date's columns: no subsidy
    // has the year 2021, while the 2021 register has 3 subsidies in all (W1, W2, W3).
    #expect(col("subsidies_2021") == [0, 0, 0, 0])
    #expect(col("subsidies_at_2021") == [1, 1, 1, 0])
    #expect(col("permits_2018_at_2021") == [0, 0, 0, 1])
    #expect(col("dwellings") == [20, 30, 60, 20])
    #expect(col("dwellings_change") == [0, 10, 0, 0])
    #expect(col("social_rental_change") == [0, 10, 0, 0])
    let r2021 = h.registers[0]
    #expect(r2021.outside.map(\.id) == ["o1"])
    #expect(r2021.boundary.map(\.id) == ["b1"] && r2021.boundary[0].ward == "W1")
    #expect(r2021.countedDwellings == 120 && r2021.dwellings == 124)
  }

  /// 2021: city share 40/120 = 33.33 %; W1 10/20 = 50 % → LQ 0.5 / (1/3) = 1.5; W3 30/60 =
  /// 50 % → 1.5; W2, W4 0 → 0. Vacancy: city 5/120 = 4.1667 %; W1 2/20 = 10 % → LQ
  /// 0.1 / (5/120) = 2.4; W3 3/60 = 5 % → 1.2. D (social vs the rest): ½(|.25−.125| +
  /// |0−.25| + |.75−.375| + |0−.25|) = 0.5.
  @Test func sharesAndLocationQuotientsByHand() throws {
    let r = try Self.run().analysis.result
    let social = try #require(r.indicator("social_rental_share_2021"))
    let close = { (a: Double?, b: Double) in abs(a! - b) <= 1e-12 * max(1, abs(b)) }
    #expect(close(social.city.value, 100.0 / 3))
    #expect(zip(social.wards.map(\.value), [50.0, 0, 50, 0]).allSatisfy(close))
    #expect(zip(social.wards.map(\.locationQuotient), [1.5, 0, 1.5, 0]).allSatisfy(close))
    #expect(close(social.city.dissimilarity, 0.5))
    let vacancy = try #require(r.indicator("vacancy_rate_2021"))
    #expect(close(vacancy.city.value, 500.0 / 120))
    #expect(close(vacancy.wards[0].locationQuotient, 2.4))
    #expect(close(vacancy.wards[2].locationQuotient, 1.2))
    // 2024: W2 10/30 → 33.33 %; city 50/130.
    let now = try #require(r.indicator("social_rental_share"))
    #expect(close(now.wards[1].value, 100.0 / 3))
    #expect(close(now.city.value, 5000.0 / 130))
    // Ward group W1+W3: social 40 of 80 dwellings = 50 %, LQ 0.5 / (40/120) = 1.5 in 2021.
    let group = try #require(
      r.groups.first?.indicators.first { $0.indicator == "social_rental_share_2021" })
    #expect(close(group.value, 50) && close(group.locationQuotient, 1.5))
  }

  @Test func changeBetweenTheDates() throws {
    let h = try Self.run().housing
    let change = try #require(h.changes.first { $0.indicator == "social_rental_share" })
    #expect(change.fromDate == "2021" && change.toDate == "2024")
    #expect(abs(change.wards[1].change! - 100.0 / 3) < 1e-12)
    #expect(change.wards[0].change == 0)
  }

  /// The brochure table: counts 1-4 as "<5", shares rounded to one decimal, a city row, then
  /// the note of what was withheld.
  @Test func brochureSuppressesSmallCounts() throws {
    let run = try Self.run()
    let t = HousingBrochure.table(run, try run.publication())
    let vacant = try #require(t.columnIndex("vacant"))
    #expect(t.rows[0][vacant] == .text("<5"))  // W1: 2 vacant dwellings
    #expect(t.rows[1][vacant] == .integer(0))
    let share = try #require(t.columnIndex("social_rental_share"))
    #expect(t.rows[1][share] == .real(33.3))
    let city = try #require(t.rows.first { $0[1] == .text("City total") })
    #expect(city[try #require(t.columnIndex("dwellings"))] == .integer(130))
    #expect(t.rows.last?[1].text?.hasPrefix("Not published:") == true)
    #expect(HousingOutputs.brochureName(run.housing) == "huisvesting_wijken_synthetic.csv")
  }
}

/// A register as a point layer (RFC 7946 GeoJSON, longitude/latitude) counts like the CSV:
/// the same rows without b1 (the boundary row), so W1 has 9 social and 19 dwellings.
@Suite struct HousingPointLayerTests {
  @Test func geoJSONRegisterCountsLikeTheCSV() throws {
    let c = try HousingConfigurationLoader.load(
      path: fixture("housing/small/housing_small_synthetic.yaml").path)
    let wards = try WardLayerGate.load(c.analysis.wards).table
    let register = try RegisterReader.read(
      RegisterFile(
        file: fixture("housing/small/register_small_synthetic_2021_wgs84.geojson").path,
        date: "2021"),
      layout: c.layout, wardsCRS: wards.crs)
    #expect(register.transformation?.contains("EPSG:4326") == true)
    let (columns, report) = try RegisterAggregation.aggregate(
      register, layout: c.layout, wards: wards)
    #expect(columns["dwellings"]!.map { $0! } == [19, 20, 60, 20])
    #expect(columns["social_rental"]!.map { $0! } == [9, 0, 30, 0])
    #expect(columns["vacant"]!.map { $0! } == [2, 0, 3, 0])
    #expect(report.outside.map(\.id) == ["o1"] && report.boundary.isEmpty)
  }
}

/// A register in a LibreOffice workbook (Tests/Fixtures/tables/make_tables.sh made it from the
/// 2021 CSV) counts as the CSV does.
@Suite struct HousingWorkbookRegisterTests {
  @Test func odsRegisterCountsLikeTheCSV() throws {
    let c = try HousingConfigurationLoader.load(
      path: fixture("housing/small/housing_small_synthetic.yaml").path)
    let wards = try WardLayerGate.load(c.analysis.wards).table
    func counts(_ file: String) throws -> [String: [Double?]] {
      try counts(RegisterFile(file: file, date: "2021"))
    }
    func counts(_ file: RegisterFile) throws -> [String: [Double?]] {
      let register = try RegisterReader.read(file, layout: c.layout, wardsCRS: wards.crs)
      return try RegisterAggregation.aggregate(register, layout: c.layout, wards: wards).0
    }
    let ods = try counts(fixture("tables/register_small_synthetic_2021.ods").path)
    let csv = try counts(fixture("housing/small/register_small_synthetic_2021.csv").path)
    #expect(!ods.isEmpty && ods == csv)
    // The same register named in a configuration by its sheet.
    let path = fixture("housing/small/housing_small_synthetic.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
      of: "{ file: register_small_synthetic_2021.csv, date: \"2021\" }",
      with: "{ file: ../../tables/register_small_synthetic_2021.ods, date: \"2021\", sheet: 1 }")
    let configured = try HousingConfigurationLoader.parse(text, file: path)
    #expect(configured.registers[0].part == TablePart(layer: "1"))
    #expect(try counts(configured.registers[0]) == csv)
    #expect(ods["social_rental"]?.compactMap { $0 }.reduce(0, +) == csv["social_rental"]?.compactMap { $0 }.reduce(0, +))
  }
}

/// A code the configuration does not map stops the run, naming the file, line and value.
@Suite struct HousingRegisterErrorTests {
  @Test func unmappedTenureCodeNamesTheLine() throws {
    let c = try HousingConfigurationLoader.load(
      path: fixture("housing/small/housing_small_synthetic.yaml").path)
    let wards = try WardLayerGate.load(c.analysis.wards).table
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("register-\(UUID().uuidString)_synthetic.csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    id;x;y;units;tenure;vacant;subsidy;permit
    r1;220500;180500;9;SH;0;;
    r2;220200;180200;8;XX;0;;
    """.write(to: file, atomically: true, encoding: .utf8)
    let register = try RegisterReader.read(
      RegisterFile(file: file.path, date: "x"), layout: c.layout, wardsCRS: wards.crs)
    #expect(
      throws: HousingError.unknownCode(
        file: file.path, line: 3, column: "tenure", value: "XX",
        known: ["EW", "PH", "SH"])
    ) {
      _ = try RegisterAggregation.aggregate(register, layout: c.layout, wards: wards)
    }
  }
}
