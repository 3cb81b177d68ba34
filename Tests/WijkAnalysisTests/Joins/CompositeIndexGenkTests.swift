import Foundation
import SpatialStats
import Testing
import WijkCore

@testable import WijkAnalysis

/// The composite index on Genk's real ward figures as wijk aggregates them (RuleAggregation
/// from the sector files in GeoData/), against the reference script
/// (`Tests/Fixtures/reference/composite_index_references.py` → `composite_index.json`, numpy
/// and pandas). The four indicators are a TEST SET for the arithmetic, not the city's official
/// deprivation criteria: share of residents aged 65+ (Census 2021), population change
/// 2011–2022, mean net taxable income 2021 (a population-weighted estimate) and the share of
/// residential electricity connections without gas (Fluvius 2021).
@Suite struct CompositeIndexGenkTests {
  struct Reference: Decodable {
    struct Dataset: Decodable {
      var wards: [String]
      var columns: [String: [Double?]]
    }
    struct Configuration: Decodable {
      var scored: [String]
      var score: [String: Double]
      var rank: [String: Int]
      var decile: [String: Int]
    }
    var inputs: [String: Dataset]
    var configurations: [String: Configuration]
  }

  static func reference() throws -> Reference {
    try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: fixture("reference/composite_index.json")))
  }

  static func table(_ name: String) throws -> Table {
    try readDelimited(geoData(name), separator: ",")
  }

  /// The Genk test set's ward columns (the 30 wards of the 2020–2024 layer: the pseudo-ward
  /// 71016ONB, residents of unknown location, has no polygon).
  static func wardColumns() throws -> (wards: [String], columns: [String: [Double?]]) {
    let population = try table("genk_population_statsec_2011_2022.csv")
    func year(_ y: Int) -> Table {
      IndicatorTableJoiner.filtered(population, by: ["year": String(y)])
    }
    let energy = IndicatorTableJoiner.filtered(
      try table("genk_fluvius_energy_statsec2019_2018_2021.csv"), by: ["period": "2021"])
    // one column name per source: the years' totals under their own names
    let sources: [SectorFigures.Source] = [
      .init(table: year(2021), sectorColumn: "cd_sector", columns: ["total"]),
      .init(
        table: renamed(year(2011), "total", to: "total_2011"), sectorColumn: "cd_sector",
        columns: ["total_2011"]),
      .init(
        table: renamed(year(2022), "total", to: "total_2022"), sectorColumn: "cd_sector",
        columns: ["total_2022"]),
      .init(
        table: try table("genk_census2021_age65_statsec.csv"), sectorColumn: "cd_sector",
        columns: ["x65", "rest"], absentRowsAreZero: true),
      .init(
        table: try table("genk_fiscal_income_statsec_2021.csv"), sectorColumn: "cd_sector",
        columns: ["ms_avg_tot_net_taxable_inc"]),
      .init(
        table: energy, sectorColumn: "geoitem",
        columns: ["v2506_elek_res_n", "v2506_gas_res_n"]),
    ]
    let result = try RuleAggregation.aggregate(
      SectorFigures(sources), lookup: try table("genk_statsec2024_to_wijk2024.csv"),
      lookupSector: "statsec2024", lookupWard: "ggw72024",
      indicators: [
        .init(name: "x65", rule: .sum(column: "x65")),
        .init(name: "rest", rule: .sum(column: "rest")),
        .init(name: "p2011", rule: .sum(column: "total_2011")),
        .init(name: "p2022", rule: .sum(column: "total_2022")),
        .init(
          name: "income_mean",
          rule: .weightedMean(column: "ms_avg_tot_net_taxable_inc", weight: "total")),
        .init(name: "connections", rule: .sum(column: "v2506_elek_res_n")),
        .init(name: "gas", rule: .sum(column: "v2506_gas_res_n")),
      ])
    let kept = result.wards.indices.filter { result.wards[$0] != "71016ONB" }
    func column(_ name: String) -> [Double?] { kept.map { result.figures[name]![$0].value } }
    let x65 = column("x65")
    let total = zip(x65, column("rest")).map { a, b in a.flatMap { a in b.map { a + $0 } } }
    let (p2011, p2022) = (column("p2011"), column("p2022"))
    let (connections, gas) = (column("connections"), column("gas"))
    let withoutGas = zip(connections, gas).map { c, g in c.flatMap { c in g.map { c - $0 } } }
    return (
      kept.map { result.wards[$0] },
      [
        "x65": x65, "census_total": total,
        "share_65plus": zip(x65, total).map { x, t in 100 * x! / t! },
        "population_change": zip(p2011, p2022).map { a, b in 100 * (b! - a!) / a! },
        "income_mean": column("income_mean"),
        "connections": connections, "without_gas": withoutGas,
        "share_without_gas": zip(withoutGas, connections).map { w, c in
          c == 0 ? nil : 100 * w! / c!
        },
      ]
    )
  }

  static func renamed(_ table: Table, _ column: String, to name: String) -> Table {
    var table = table
    table.columns = table.columns.map { $0 == column ? name : $0 }
    return table
  }

  /// The test set with the IoD structure: domains, ranks, exponential transformation.
  static let specification = CompositeIndexSpecification(
    indicators: [
      .init(name: "share_65plus", worse: .higher, domain: "population"),
      .init(name: "population_change", worse: .lower, domain: "population"),
      .init(name: "income_mean", worse: .lower, domain: "income"),
      .init(name: "share_without_gas", worse: .higher, domain: "energy"),
    ],
    domains: [.init(name: "population"), .init(name: "income", weight: 2), .init(name: "energy")],
    transformation: .rank, combination: .exponentialDomainRanks)

  @Test(
    "Genk test set (not the city's criteria): ward figures, scores, ranks, deciles equal pandas'"
  )
  func genkTestSetThroughRuleAggregation() throws {
    let reference = try Self.reference()
    let want = try #require(reference.inputs["genk"])
    let (wards, columns) = try Self.wardColumns()
    #expect(wards == want.wards)
    for (name, values) in columns {
      let expected = try #require(want.columns[name], "\(name)")
      for (ward, (got, exp)) in zip(wards, zip(values, expected)) {
        let same =
          got == nil ? exp == nil : exp.map { abs(got! - $0) <= 1e-9 * max(1, abs($0)) } ?? false
        #expect(same, "\(name) \(ward): \(String(describing: got)) vs \(String(describing: exp))")
      }
    }
    let input = CompositeIndexInput(
      wards: wards, values: columns,
      uncertainty: [
        "share_65plus": .binomialShare(
          events: columns["x65"]!, trials: columns["census_total"]!, per: 100),
        "share_without_gas": .binomialShare(
          events: columns["without_gas"]!, trials: columns["connections"]!, per: 100),
      ])
    let result = try CompositeIndex.compute(Self.specification, input: input)
    let expected = try #require(reference.configurations["genk_domains_rank_exponential"])
    #expect(result.wards.filter { $0.score != nil }.map(\.ward) == expected.scored)
    for ward in result.wards where ward.score != nil {
      let score = try #require(expected.score[ward.ward])
      #expect(abs(ward.score! - score) <= 1e-9 * max(1, abs(score)), "\(ward.ward)")
      #expect(ward.rank == expected.rank[ward.ward], "\(ward.ward)")
      #expect(ward.decile == expected.decile[ward.ward], "\(ward.ward)")
    }
    // Nieuw-Driehoeven and Nieuw Sledderlo lead this test set.
    #expect(result.top(2).map(\.ward) == ["7101615", "7101616"])
  }
}
