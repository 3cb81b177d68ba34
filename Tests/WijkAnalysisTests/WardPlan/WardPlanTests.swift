import Foundation
import Testing
import Cartography

@testable import WijkAnalysis

/// The package root and fixtures.
private let planRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private func planFixture(_ path: String) -> URL {
  planRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
}

/// The main job's configuration with fewer permutations (the values and ranks compared here
/// do not depend on permutations; p-values are compared within one run).
/// Its energy indicators only, which the plans' yearly runs filter by period.
private func configuration() throws -> AnalysisConfiguration {
  var c = try GenkEndToEndTests.energyConfiguration()
  c.permutations = 99
  return c
}

/// One analysis of 2021 and one run per year 2018–2021, with their publications, shared by
/// the tests.
let genk:
  (
    run: Analysis.Run, publication: Publication,
    years: [(year: String, run: Analysis.Run, publication: Publication)],
    config: AnalysisConfiguration
  ) = {
    let c = try! configuration()
    let run = try! Analysis.run(c)
    let years = try! YearlyAnalysis.results(
      c, years: ["2018", "2019", "2020", "2021"], main: run
    ).map { (year: $0.year, run: $0.run, publication: try! Publication.make($0.run)) }
    return (run, try! Publication.make(run), years, c)
  }()

/// Whether `a` is `b` as published to `decimals` decimals.
private func published(_ a: Double?, _ b: Double, decimals: Int) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= 0.5 * pow(10, -Double(decimals)) + 1e-9 * max(1, abs(b))
}

/// `Tests/Fixtures/expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv`: year → ward → column
/// → value (pandas sums of the sector file per ward).
private let derived: [String: [String: [String: Double]]] = {
  let text = try! String(
    contentsOf: planFixture("expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv"), encoding: .utf8
  )
  let lines = text.split(whereSeparator: \.isNewline).map {
    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
  }
  let header = lines[0]
  var out: [String: [String: [String: Double]]] = [:]
  for row in lines.dropFirst() {
    var values: [String: Double] = [:]
    for (k, name) in header.enumerated() { values[name] = Double(row[k]) }
    out[row[0], default: [:]][row[1]] = values
  }
  return out
}()

@Suite struct WardPlanTests {
  func plan(_ code: String, housing: HousingFigures? = nil) throws -> WardPlan {
    let neighbours = try WardPlanBuilder.queenNeighbours(genk.run, configuration: genk.config)
    let w = try #require(genk.run.table.index(ofCode: code))
    return WardPlanBuilder.build(
      ward: w, publication: genk.publication, table: genk.run.table, neighbours: neighbours,
      years: genk.years.map { ($0.year, $0.publication) }, housing: housing, period: "2021")
  }

  // One source of truth: the plan carries the published result's own numbers for the ward.
  @Test(arguments: ["7101613", "7101616", "710166"])
  func planNumbersAreTheAnalysisNumbers(code: String) throws {
    let p = try plan(code)
    let r = genk.publication.result
    let w = try #require(genk.run.table.index(ofCode: code))
    #expect(p.indicators.map(\.id) == r.indicators.map(\.id))
    for (pi, ri) in zip(p.indicators, r.indicators) {
      #expect(pi.ward == ri.wards[w])
      #expect(pi.cityValue == ri.city.value)
      // Industrieterrein Genk-Noord has no residential connection (DERIVED csv: 0), so the
      // means and the rate rank 29 wards, the counts 30.
      #expect(pi.rankedWards == (ri.kind == "count" ? 30 : 29))
    }
    let member = r.groups.filter { $0.wards.contains(code) }
    #expect(p.groups.map(\.indicators) == member.map(\.indicators))
  }

  // Kolderbos 2021, from the pandas sums: 1107 residential connections, 757 with gas,
  // 3 879 268.99 kWh → 3 879 268.99 / 1107 = 3504.308 kWh per household, published as 3504.
  @Test func kolderbosIndicatorsEqualTheSectorSums() throws {
    let p = try plan("7101613")
    let e = try #require(p.indicators.first { $0.id == "electricity_per_household" })
    #expect(e.ward.value == 3504)
    #expect(published(e.ward.value, 3_879_268.99 / 1107, decimals: 0))
    #expect(p.indicators.first { $0.id == "households" }?.ward.value == 1107)
  }

  // The trend: each year's value for Kolderbos and for the city equals independent sums of
  // the Fluvius sector file (pandas, DERIVED csv) as published (rounded: counts and kWh to a
  // unit, the gas share to 0.1); the city leaves out 71016ONB (no polygon).
  @Test(arguments: ["7101613", "7101616", "7101610"])
  func trendEqualsTheSectorFileSums(code: String) throws {
    let p = try plan(code)
    let formulas: [String: ([String: Double]) -> Double?] = [
      "households": { $0["v2506_elek_res_n"] },
      "nonresidential_connections": { $0["v2506_elek_nietres_n"] },
      "gas_share": { r in
        r["v2506_elek_res_n"]! > 0 ? r["v2506_gas_res_n"]! / r["v2506_elek_res_n"]! * 100 : nil
      },
      "electricity_per_household": { r in
        r["v2506_elek_res_n"]! > 0 ? r["v2506_elek_res_cons"]! / r["v2506_elek_res_n"]! : nil
      },
      "gas_per_gas_household": { r in
        r["v2506_gas_res_n"]! > 0 ? r["v2506_gas_res_cons"]! / r["v2506_gas_res_n"]! : nil
      },
    ]
    #expect(p.trend.count == 5)
    for t in p.trend {
      let f = try #require(formulas[t.indicator])
      #expect(t.points.map(\.year) == ["2018", "2019", "2020", "2021"])
      for point in t.points {
        let year = try #require(derived[point.year])
        let ward = try #require(year[code])
        var city: [String: Double] = [:]
        for (c, row) in year where c != "71016ONB" { city.merge(row) { $0 + $1 } }
        let d = t.indicator == "gas_share" ? 1 : 0
        if let expected = f(ward) {
          #expect(published(point.ward, expected, decimals: d), "\(t.indicator) \(point.year)")
        } else {
          #expect(point.ward == nil, "\(t.indicator) \(point.year) has base 0")
        }
        #expect(published(point.city, f(city)!, decimals: d), "city \(t.indicator) \(point.year)")
      }
    }
  }

  // The year of the configuration reuses the main run: identical, not just close.
  @Test func theConfiguredYearIsTheMainRun() throws {
    #expect(genk.years.last?.run.result == genk.run.result)
    let p = try plan("7101613")
    for (t, i) in zip(p.trend, p.indicators) { #expect(t.points.last?.ward == i.ward.value) }
  }

  @Test func changingTheYearChangesEveryPeriodFilterAndTheTitle() throws {
    let c = try YearlyAnalysis.configuration(genk.config, year: "2019")
    #expect(c.tables.map { $0.filter?["period"] } == ["2019"])
    #expect(c.title == "Genk: energie per wijk, 2019")
    var none = genk.config
    none.tables[0].filter = nil
    #expect(throws: WardPlanError.noPeriodFilter(column: "period")) {
      try YearlyAnalysis.configuration(none, year: "2019")
    }
  }

  @Test func aYearWithoutRowsIsNamed() throws {
    #expect(
      throws: WardPlanError.noRowsForYear(
        year: "2017", file: Provenance.displayPath(genk.config.tables[0].file))
    ) {
      try YearlyAnalysis.results(genk.config, years: ["2017"], main: genk.run)
    }
  }

  // Neighbours against libpysal Queen (Tests/Fixtures/plan/make_queen_neighbours.py).
  @Test func neighboursAreLibpysalQueenNeighbours() throws {
    let data = try Data(contentsOf: planFixture("plan/queen_neighbours_genk_wijken_2020_2024.json"))
    let oracle = try JSONDecoder().decode(
      [String: [String: [String]]].self, from: data, ignoring: ["source", "libpysal"])
    for code in ["7101613", "7101616", "710166"] {
      let p = try plan(code)
      #expect(Set(p.neighbours.map(\.code)) == Set(oracle["neighbours"]![code]!), "\(code)")
    }
  }

  // The map shows the ward and its neighbours, the ward outlined, all of them labelled.
  @Test func theMapHighlightsTheWardAndLabelsItsNeighbours() throws {
    let p = try plan("7101613")
    let svg = try #require(
      try WardPlanMap.svg(p, publication: genk.publication, table: genk.run.table))
    #expect(svg.contains("class=\"highlight\" data-ward=\"7101613\""))
    for name in ["Kolderbos", "Kattevenne-Molenblook", "Langerlo", "Vlakveld"] {
      #expect(svg.contains(">\(name)<"), "label \(name)")
    }
    #expect(!svg.contains(">Bokrijk<"))
  }

  // Synthetic housing table: Kolderbos has 610 social rental units, second of 4 wards
  // (720 > 610 > 380 > 45); its vacancy rate 3.5 is second of the 3 wards with one.
  @Test func housingFiguresAreRankedAmongTheTablesWards() throws {
    let h = try HousingFigures.load(path: planFixture("plan/housing_by_ward_synthetic.csv").path)
    #expect(h.names == ["dwellings", "social_rental_units", "vacancy_rate"])
    let p = try plan("7101613", housing: h)
    let figures = try #require(p.housing?.figures)
    #expect(figures.map(\.value) == [1250, 610, 3.5])
    #expect(figures.map(\.rank) == [2, 2, 2])
    #expect(figures.map(\.rankedWards) == [4, 4, 3])
    #expect(try plan("7101614", housing: h).housing == nil)
    let page = try WardPlans.page(
      try plan("7101613", housing: h), publication: genk.publication, table: genk.run.table)
    #expect(
      page.markdown.contains("social\\_rental\\_units")
        || page.markdown.contains("social_rental_units"))
  }

  @Test func aHousingTableWithoutTheCodeColumnIsNamed() throws {
    let path = planFixture("plan/housing_by_ward_synthetic.csv").path
    do {
      _ = try HousingFigures.load(path: path, codeColumn: "wijk")
      Issue.record("expected an error")
    } catch {
      #expect("\(error)".contains("has no column 'wijk'; its columns are: code, name, dwellings"))
    }
  }

  // The page shows the result's numbers as formatted for the report.
  // The plan prints the ward table's 95 % intervals: statsmodels' Wilson interval of the
  // published gas connections over households (ward_table_ci.json), to the published 0.1;
  // counts and means get none.
  @Test(arguments: ["7101613", "7101616", "710161"])
  func rateIntervalsAreTheWardTables(code: String) throws {
    let reference = try JSONSerialization.jsonObject(
      with: Data(contentsOf: planFixture("reference/ward_table_ci.json"))) as! [String: Any]
    let r = try #require(
      (reference["intervals"] as! [[String: Any]]).first {
        $0["code"] as? String == code && $0["indicator"] as? String == "gas_share"
      })
    let p = try plan(code)
    let gas = try #require(p.indicators.first { $0.id == "gas_share" }?.interval)
    #expect(published(gas[0], r["lower"] as! Double, decimals: 1), "\(gas)")
    #expect(published(gas[1], r["upper"] as! Double, decimals: 1), "\(gas)")
    #expect(p.indicators.filter { $0.kind != "rate" }.allSatisfy { $0.interval == nil })
    let page = try WardPlans.page(p, publication: genk.publication, table: genk.run.table)
    let style = NumberStyle(.dutch)
    #expect(page.markdown.contains("95%-marge (Wilson of exact Poisson"))
    #expect(
      page.markdown.contains(
        style.format(gas[0], decimals: 1) + "–" + style.format(gas[1], decimals: 1)))
  }

  /// The hotspot table has a local Geary column: a ward whose published local Geary is
  /// significant says how, in words; one that is significant nowhere shows none of them.
  @Test func thePlanSaysWhatTheLocalGearyFound() throws {
    // No ward of the main job has a significant local Geary after FDR: every plan has the
    // column and none of its words.
    for code in genk.run.table.codes {
      let page = try WardPlans.page(
        try plan(code), publication: genk.publication, table: genk.run.table)
      #expect(page.markdown.contains("Lokale Geary"), "\(code)")
      #expect(!page.markdown.contains("de buren, ") && !page.markdown.contains("van de buren"))
    }
    // The same plan of Kolderbos with two categories set: each shows in its indicator's row.
    var p = genk.publication
    let w = try #require(genk.run.table.index(ofCode: "7101613"))
    p.result.indicators[1].wards[w].localGearyCategory = "HH"
    p.result.indicators[2].wards[w].localGearyCategory = "negative"
    let neighbours = try WardPlanBuilder.queenNeighbours(genk.run, configuration: genk.config)
    let plan = WardPlanBuilder.build(
      ward: w, publication: p, table: genk.run.table, neighbours: neighbours, period: "2021")
    let markdown = try WardPlans.page(plan, publication: p, table: genk.run.table).markdown
    let section = try #require(markdown.range(of: "Hotspots en clusters"))
    let lines = markdown[section.upperBound...].split(separator: "\n")
    for (k, phrase) in [(1, "lijkt op de buren, hoog"), (2, "verschilt van de buren")] {
      let label = p.result.indicators[k].label
      let row = lines.first { $0.hasPrefix("| \(label)") }
      #expect(row?.contains(phrase) == true, "\(label): \(String(describing: row))")
    }
  }

  /// Each local Geary category in words, in both languages; "–" when not significant.
  @Test func localGearyLabels() {
    func label(_ c: String?, _ l: Language) -> String {
      var v = WardIndicatorValue(
        code: "w", numerator: nil, base: nil, smallBase: false, lisaCategory: "no data",
        undefined: [:], flags: [])
      v.localGearyCategory = c
      return SpatialWording.gearyLabel(v, l)
    }
    #expect(label("HH", .dutch) == "lijkt op de buren, hoog")
    #expect(label("LL", .english) == "like its neighbours, low")
    #expect(label("negative", .dutch) == "verschilt van de buren")
    #expect(label("other positive", .english) == "like its neighbours")
    #expect(label("not significant", .dutch) == "–" && label(nil, .english) == "–")
    #expect(label(PublishedIndicator.notPublished, .dutch) == "niet gepubliceerd")
  }

  @Test func thePageShowsTheWardsAndTheCitysNumbers() throws {
    let p = try plan("7101613")
    let page = try WardPlans.page(p, publication: genk.publication, table: genk.run.table)
    #expect(page.fileStem == "7101613-kolderbos")
    #expect(page.html.contains("Wijkplan 2021: Kolderbos"))
    // 3 879 268.99 / 1107 = 3504.3 → "3.504" in Dutch.
    #expect(page.markdown.contains("3.504"))
    #expect(page.markdown.contains("Evolutie 2018–2021"))
    #expect(page.markdown.contains("illustratief"))
    #expect(page.html.contains("@page"))
  }
}

extension JSONDecoder {
  /// Decodes `data` after dropping top-level keys whose values are not of type `T`'s values.
  fileprivate func decode<T: Decodable>(_ type: T.Type, from data: Data, ignoring keys: [String])
    throws -> T
  {
    var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    for k in keys { object.removeValue(forKey: k) }
    return try decode(type, from: JSONSerialization.data(withJSONObject: object))
  }
}
