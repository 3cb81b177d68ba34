import Foundation
import Testing
import Cartography

@testable import WijkAnalysis

/// The ward plan's years (issue 12, item 5): each sector indicator over 2011–2022 for the
/// ward, against the pandas/scipy recomputation from the shared Statbel files
/// (`Tests/Fixtures/reference/years_analysis.json`, made by `years_analysis_references.py`).
@Suite struct PlanSeriesTests {
  /// The main job on every year (99 permutations: no figure compared depends on them).
  static let main = Result { () throws -> (Analysis.Run, Publication) in
    let run = try GenkYearsTests.run.get()
    return (run, try Publication.make(run))
  }

  func plan(_ code: String) throws -> WardPlan {
    let (run, publication) = try Self.main.get()
    let w = try #require(run.table.index(ofCode: code))
    return WardPlanBuilder.build(
      ward: w, publication: publication, table: run.table, neighbours: run.weights)
  }

  @Test(arguments: ["7101613", "7101616", "710161"])
  func populationSeriesAndTrendAreStatbelsAsPandasSumsThem(code: String) throws {
    let ref = try GenkYearsTests.reference()
    let k = try #require(ref.codes.firstIndex(of: code))
    let s = try #require(try plan(code).series.first { $0.id == "population" })
    #expect(s.years == Array(2011...2022))
    #expect(s.ward.values == s.years.map { Double(ref.population[String($0)]![k]) })
    // The city of the wards: Statbel's total less the residents of location-unknown sectors.
    #expect(
      s.city == s.years.map { y in
        Double(ref.city[String(y)]! - Int(ref.not_located[String(y)]!.total))
      })
    // Published figures: the slope to one decimal more than the values, p to 0.001.
    let trend = try #require(s.ward.trend)
    #expect(abs(trend.slopePerYear - ref.trend["population"]![k].sen_slope) <= 0.05 + 1e-9)
    #expect(abs(trend.p - ref.trend["population"]![k].p) <= 0.0005 + 1e-12)
    #expect(s.ranks.allSatisfy { $0 != nil } && s.rankedWards.allSatisfy { $0 == 30 })
  }

  // The group column of a row is that indicator's group value, found by id: the plan's rows
  // leave out a series' earlier years, so positions in the group's list do not line up
  // (Kolderbos's page once showed the group's 2011–2019 populations beside its gas share).
  @Test func groupColumnsAreTheGroupsValueOfTheRowsIndicator() throws {
    let p = try plan("7101613")
    let group = try #require(p.groups.first)
    // The group's population 2022 is the sum of its wards' in the pandas recomputation of
    // Statbel's file (years_analysis.json), so the printed cell is checked from outside too.
    let ref = try GenkYearsTests.reference()
    let (run, _) = try Self.main.get()
    let members = try #require(run.result.groups.first { $0.name == group.name }).wards
    let pandas = members.map { ref.population["2022"]![ref.codes.firstIndex(of: $0)!] }
    #expect(group.value(of: "population_2022") == Double(pandas.reduce(0, +)))
    let page = try WardPlanReport.build(p, map: nil)
    let style = NumberStyle(.dutch)
    for (id, decimals) in [("population_2022", 0), ("share_65plus_2021", 1), ("gas_share", 1)] {
      let i = try #require(p.indicators.first { $0.id == id })
      let value = try #require(group.value(of: id))
      let row = try #require(
        page.markdown().split(separator: "\n").first { $0.hasPrefix("| \(i.label)") }, "\(id)")
      #expect(row.hasSuffix("| \(style.format(value, decimals: decimals)) |"), "\(row)")
    }
  }

  // The --years trend holds only the period's indicators: a series' year (population_2022)
  // would repeat 2022's figure under each trend year, and the index mixes the two.
  @Test func theYearsTrendLeavesOutSeriesAndTheIndex() throws {
    let (run, publication) = try Self.main.get()
    let trend = WardPlanBuilder.trend(
      "7101613", publication.result, [("2021", publication), ("2022", publication)])
    let ids = Set(trend.map(\.indicator))
    #expect(ids == ["households", "gas_share", "electricity_per_household",
      "gas_per_gas_household", "nonresidential_connections"])
    #expect(run.result.indicators.contains { $0.id == "population_2022" })
  }

  // An indicator with withheld wards is recomputed for publication; it keeps its year,
  // origin and "estimate" wording (share_65plus_2021 once lost them and so joined the
  // --years trend as if it followed the period).
  @Test func publishedIndicatorsKeepTheirYearAndOrigin() throws {
    let (run, publication) = try Self.main.get()
    #expect(publication.wards["share_65plus_2021"]?.contains { $0 != nil } == true)
    for (exact, published) in zip(run.result.indicators, publication.result.indicators) {
      #expect(published.id == exact.id)
      #expect(published.series == exact.series && published.year == exact.year, "\(exact.id)")
      #expect(published.origin == exact.origin && published.estimate == exact.estimate)
      #expect(published.aggregation == exact.aggregation)
    }
  }

  @Test func kolderbosPageShowsAChartAndTheSentencePerSeries() throws {
    let p = try plan("7101613")
    let doc = try WardPlanReport.build(p, map: nil, chartFiles: ["population": "k-population.svg"])
    let md = doc.markdown()
    // 2,908 residents in 2011 and 2,632 in 2022 (Statbel, summed over Kolderbos' sectors).
    #expect(md.contains("Inwoners: 2.908 in 2011, 2.632 in 2022 (−276; −9,5 %). Dalend: "))
    #expect(md.contains("over 12 jaar. Rang 10 van 30 in 2011"))
    #expect(md.contains("Opkomende hotspot: geen patroon"))
    #expect(md.contains("k-population.svg"), "the Markdown links to the chart file")
    let svg = try #require(try WardPlanReport.charts(p, stem: "k").first { $0.file == "k-population.svg" }).svg
    #expect(svg.contains("Inwoners (index 2011 = 100)"), "counts are drawn as an index")
    #expect(
      svg.components(separatedBy: "<circle").count - 1 == 36, "12 years, ward, group and city")
    #expect(svg.components(separatedBy: ">impulswijken (illustratief)</text>").count == 2)
  }

  // The group beside the ward in each series (issue 12, item 5): its value every year is the
  // sum of its member wards' in the pandas recomputation, drawn as an index like the ward.
  @Test func theGroupsSeriesIsTheSumOfItsWardsEveryYear() throws {
    let p = try plan("7101613")
    let s = try #require(p.series.first { $0.id == "population" })
    let g = try #require(s.groups.first)
    #expect(g.name == "impulswijken (illustratief)" && g.illustrative)
    let ref = try GenkYearsTests.reference()
    let (run, _) = try Self.main.get()
    let members = try #require(run.result.groups.first { $0.name == g.name }).wards
    let sums = s.years.map { y in
      Double(members.map { ref.population[String(y)]![ref.codes.firstIndex(of: $0)!] }.reduce(0, +))
    }
    #expect(g.values == sums)
    let chart = try WardPlanReport.chart(s, p, Words(language: .dutch))
    let line = try #require(chart.lines.first { $0.role == .group })
    #expect(line.values.last! == sums.last! / sums.first! * 100)
    // a ward in no group draws no group line
    let alone = try plan("7101611")
    #expect(alone.groups.isEmpty && alone.series.allSatisfy { $0.groups.isEmpty })
  }
}
