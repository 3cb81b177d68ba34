import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

/// Oracle: pandas 3.1 on the same GeoData files
/// (`Tests/Fixtures/reference/years_aggregation_references.py` → `years_aggregation.json`):
/// every Genk 2020–2024 ward, population 2011–2022 exactly, 65+ share, weighted mean income and
/// median income 2021 to 1e-9 relative.
@Suite struct RuleAggregationTests {
  struct Reference: Decodable {
    struct Figure: Decodable {
      var value: Double?
      var basis: String?
      var missing: [String]
      var range: [Double]?
      var sectors: Int?
    }
    var wards: [String]
    var sectors: [String: [String]]
    var population: [String: [String: Int?]]
    var city_population: [String: Int]
    var census_zero_for_absent_row: [String]
    var share_65plus_2021: [String: Figure]
    var income_mean_2021: [String: Figure]
    var income_median_2021: [String: Figure]
  }

  static func reference() throws -> Reference {
    try JSONDecoder().decode(
      Reference.self,
      from: Data(contentsOf: fixture("reference/years_aggregation.json")))
  }
  static func table(_ name: String) throws -> Table {
    try readDelimited(geoData(name), separator: ",")
  }
  static func lookup() throws -> Table { try table("genk_statsec2024_to_wijk2024.csv") }
  static func population(_ year: Int) throws -> Table {
    IndicatorTableJoiner.filtered(
      try table("genk_population_statsec_2011_2022.csv"), by: ["year": String(year)])
  }
  static func aggregate(_ sources: [SectorFigures.Source], _ indicators: [RuleIndicator]) throws
    -> RuleAggregationResult
  {
    try RuleAggregation.aggregate(
      SectorFigures(sources), lookup: lookup(), lookupSector: "statsec2024",
      lookupWard: "ggw72024", indicators: indicators)
  }

  static let population = RuleIndicator(name: "population", rule: .sum(column: "total"))
  static let share65 = RuleIndicator(
    name: "share_65plus", rule: .ratioOfSums(numerator: ["x65"], base: ["x65", "rest"], per: 100))
  static let incomeMean = RuleIndicator(
    name: "income_mean", rule: .weightedMean(column: "ms_avg_tot_net_taxable_inc", weight: "total"))
  static let incomeMedian = RuleIndicator(
    name: "income_median",
    rule: .notAggregable(column: "ms_median_net_taxable_inc", weight: "total"))

  /// The 2021 sources: residents (weight), income, Census (absent rows count 0).
  static func sources2021() throws -> [SectorFigures.Source] {
    [
      .init(table: try population(2021), sectorColumn: "cd_sector", columns: ["total"]),
      .init(
        table: try table("genk_fiscal_income_statsec_2021.csv"), sectorColumn: "cd_sector",
        columns: ["ms_avg_tot_net_taxable_inc", "ms_median_net_taxable_inc"]),
      .init(
        table: try table("genk_census2021_age65_statsec.csv"), sectorColumn: "cd_sector",
        columns: ["x65", "rest"], absentRowsAreZero: true),
    ]
  }

  static func close(_ a: Double?, _ b: Double?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= 1e-9 * max(abs(b), 1)
  }

  @Test("Population per ward 2011–2022 equals pandas; city 66,673 (2021) and 67,009 (2022)")
  func populationEveryYear() throws {
    let reference = try Self.reference()
    for year in 2011...2022 {
      let result = try Self.aggregate(
        [.init(table: try Self.population(year), sectorColumn: "cd_sector", columns: ["total"])],
        [Self.population])
      #expect(result.wards == reference.wards)
      #expect(result.sectorsWithoutWard.isEmpty, "\(year)")
      let figures = try #require(result.figures["population"])
      for (ward, figure) in zip(result.wards, figures) {
        let want = try #require(reference.population[String(year)]?[ward])
        #expect(figure.value == want.map(Double.init), "\(year) \(ward)")
        #expect(figure.basis == .exact)
        #expect(figure.sectors == reference.sectors[ward], "\(ward)")
      }
      let city = figures.reduce(0) { $0 + $1.value! }
      #expect(city == Double(reference.city_population[String(year)]!), "\(year)")
      if year == 2021 { #expect(city == 66_673) }
      if year == 2022 { #expect(city == 67_009) }
    }
  }

  @Test(
    "65+ share 2021 (ratio of sums) equals pandas; Bodem-Zuid, absent from the Census, counts 0")
  func share65() throws {
    let reference = try Self.reference()
    let result = try Self.aggregate(try Self.sources2021(), [Self.share65])
    for (ward, figure) in zip(result.wards, result.figures["share_65plus"]!) {
      let want = try #require(reference.share_65plus_2021[ward])
      #expect(Self.close(figure.value, want.value), "\(ward): \(String(describing: figure.value))")
      #expect(figure.basis == .exact)
    }
    let oudWaterschei = try #require(result.figure("share_65plus", ward: "7101622"))
    #expect(oudWaterschei.zeroForAbsentRow == reference.census_zero_for_absent_row)
    #expect(oudWaterschei.zeroForAbsentRow == ["71016A882"])
    // Genk-Centrum (one sector): 1,463 of 3,564 Census residents.
    #expect(Self.close(result.figure("share_65plus", ward: "710166")?.value, 100 * 1463 / 3564.0))
  }

  @Test("Income 2021: population-weighted mean is an estimate, median refused with its range")
  func income() throws {
    let reference = try Self.reference()
    let result = try Self.aggregate(try Self.sources2021(), [Self.incomeMean, Self.incomeMedian])
    for (kind, name) in [
      ("income_mean_2021", "income_mean"), ("income_median_2021", "income_median"),
    ] {
      let expected =
        kind == "income_mean_2021" ? reference.income_mean_2021 : reference.income_median_2021
      for (ward, figure) in zip(result.wards, result.figures[name]!) {
        let want = try #require(expected[ward])
        let label = "\(name) \(ward): \(figure.basis)"
        #expect(Self.close(figure.value, want.value), "\(label)")
        switch figure.basis {
        case .exact: #expect(want.basis == "exact", "\(label)")
        case .estimate(let column, let weight, let sectors):
          #expect(want.basis == "estimate", "\(label)")
          #expect(column == "ms_avg_tot_net_taxable_inc" && weight == "total")
          #expect(sectors == want.sectors)
          #expect(figure.basis.isEstimate)
        case .missing(let gaps):
          #expect(want.basis == "missing", "\(label)")
          #expect(gaps.map(\.sector) == want.missing, "\(label)")
        case .notAggregable(let sectors):
          #expect(want.basis == "not_aggregable", "\(label)")
          #expect(sectors == want.sectors)
          #expect(figure.range.map { [$0.lowerBound, $0.upperBound] } == want.range, "\(label)")
        case .zeroBase, .negativeWeight:
          Issue.record("\(label): unexpected")
        }
      }
    }
    // Kattevenne-Molenblook: Kattevenne's mean is not published, so no estimate; medians
    // 24,263 (Kattevenne) and 36,296 (Molenblook) give the range.
    let km = try #require(result.figure("income_mean", ward: "7101612"))
    #expect(
      km.basis
        == .missing([
          SectorGap(
            sector: "71016A890", column: "ms_avg_tot_net_taxable_inc",
            source: "genk_fiscal_income_statsec_2021.csv", noRow: false)
        ]))
    #expect(result.figure("income_median", ward: "7101612")?.range == 24_263...36_296)
    // Oud-Waterschei: Bodem-Zuid has no residents and no income row; it needs no value, but
    // Stalen and Bodem-Noord have residents and no published mean.
    let ow = try #require(result.figure("income_mean", ward: "7101622"))
    #expect(ow.basis.description.contains("71016B083") && !ow.basis.description.contains("A882"))
    // The location-unknown sector has residents and no income row: said as such.
    #expect(
      result.figure("income_mean", ward: "71016ONB")?.basis.description
        == "missing: 71016ZZZZ: no row in genk_fiscal_income_statsec_2021.csv")
  }

  @Test("A sector without a row makes its ward missing for a sum, naming the sector and file")
  func missingRowMakesWardMissing() throws {
    var population = try Self.population(2022)
    population.rows.removeAll { $0[2].text == "71016A010" }  // Molenblook
    let result = try Self.aggregate(
      [.init(table: population, sectorColumn: "cd_sector", columns: ["total"])],
      [Self.population])
    let figure = try #require(result.figure("population", ward: "7101612"))
    #expect(figure.value == nil)
    #expect(
      figure.basis.description
        == "missing: 71016A010: no row in genk_population_statsec_2011_2022.csv")
    #expect(result.figure("population", ward: "710166")?.value == 3639)
  }

  @Test("Sectors the lookup does not place are reported, not counted")
  func sectorsWithoutWard() throws {
    var lookup = try Self.lookup()
    lookup.rows.removeAll { $0[0].text == "71016ZZZZ" }
    let result = try RuleAggregation.aggregate(
      SectorFigures([
        .init(table: try Self.population(2021), sectorColumn: "cd_sector", columns: ["total"])
      ]), lookup: lookup, lookupSector: "statsec2024", lookupWard: "ggw72024",
      indicators: [Self.population])
    #expect(result.sectorsWithoutWard == ["71016ZZZZ"])
    #expect(!result.wards.contains("71016ONB"))
    #expect(result.figures["population"]!.reduce(0) { $0 + $1.value! } == 66_673 - 33)
  }

  @Test("Zero base, negative weight, one inhabited sector (exact), several (refused with range)")
  func smallCases() throws {
    let data = Table(
      source: "small.csv", columns: ["s", "n", "b", "m", "w"],
      rows: [
        ["A", "1", "0", "10", "0"], ["B", "2", "0", "20", "5"], ["C", "3", "4", "30", "-1"],
        ["D", "4", "6", "", "2"], ["E", "5", "10", "50", "3"],
      ].map { $0.map { $0.isEmpty ? AttributeValue.missing : .text($0) } },
      lineNumbers: [2, 3, 4, 5, 6])
    let lookup = Table(
      source: "lookup.csv", columns: ["s", "ward"],
      rows: [["A", "W1"], ["B", "W1"], ["C", "W2"], ["D", "W3"], ["E", "W3"]].map {
        $0.map(AttributeValue.text)
      }, lineNumbers: [2, 3, 4, 5, 6])
    let result = try RuleAggregation.aggregate(
      SectorFigures([.init(table: data, sectorColumn: "s", columns: ["n", "b", "m", "w"])]),
      lookup: lookup, lookupSector: "s", lookupWard: "ward",
      indicators: [
        .init(name: "rate", rule: .ratioOfSums(numerator: ["n"], base: ["b"], per: 100)),
        .init(name: "mean", rule: .weightedMean(column: "m", weight: "w")),
        .init(name: "median", rule: .notAggregable(column: "m", weight: nil)),
        .init(name: "median_w", rule: .notAggregable(column: "m", weight: "w")),
      ])
    #expect(result.figure("rate", ward: "W1")?.basis == .zeroBase)
    #expect(result.figure("rate", ward: "W3")?.value == 100 * 9 / 16.0)
    // W1: A has weight 0, so only B counts: B's value, exact.
    #expect(result.figure("mean", ward: "W1")?.value == 20)
    #expect(result.figure("mean", ward: "W1")?.basis == .exact)
    #expect(result.figure("mean", ward: "W2")?.basis == .negativeWeight(sector: "C", value: -1))
    #expect(result.figure("mean", ward: "W3")?.value == nil)  // D has weight 2 and no value
    // Without a weight both of W1's sectors count: refused with the range.
    #expect(result.figure("median", ward: "W1")?.basis == .notAggregable(sectors: 2))
    #expect(result.figure("median", ward: "W1")?.range == 10...20)
    #expect(result.figure("median_w", ward: "W1")?.value == 20)
    #expect(result.figure("median", ward: "W2")?.value == 30)
  }

  @Test("Rules that read an unknown column, or one two tables offer, are refused")
  func ruleErrors() throws {
    let sources = try Self.sources2021()
    #expect(throws: AggregationRuleError.self) {
      _ = try Self.aggregate(sources, [.init(name: "x", rule: .sum(column: "nope"))])
    }
    let twice =
      sources + [
        .init(table: try Self.population(2020), sectorColumn: "cd_sector", columns: ["total"])
      ]
    #expect(
      throws: AggregationRuleError.columnInSeveralTables(
        "total",
        sources: ["genk_population_statsec_2011_2022.csv", "genk_population_statsec_2011_2022.csv"])
    ) {
      _ = try SectorFigures(twice)
    }
  }
}
