import Foundation
import Testing

@testable import WijkAnalysis

/// `wijk analyse` on GeoData/wijk-genk.yaml over the years, against the files recomputed
/// without wijk: pandas for every ward figure of every year, scipy for change and trend, esda
/// for Moran's I, local Moran and Gi* (`Tests/Fixtures/reference/years_analysis_references.py`
/// → `years_analysis.json`; the 2021 figures of `years_aggregation.json`). Counts exactly, the
/// rest to 1e-9 relative.
@Suite(.serialized) struct GenkYearsTests {
  struct Reference: Decodable {
    struct NotLocated: Decodable {
      var sectors: [String]
      var total: Int
    }
    struct Trend: Decodable {
      var change: Double
      var change_percent: Double?
      var sen_slope: Double
      var s: Double
      var var_s: Double
      var z: Double
      var p: Double
      var tau: Double
    }
    struct Spatial: Decodable {
      var analysed: [String]
      var I: Double
      var EI: Double
      var z_rand: Double
      var p_norm: Double
      var local_I: [Double]
      var quadrant: [String]
      var local_G: [Double]
    }
    var codes: [String]
    var area_km2: [Double]
    var population: [String: [Int]]
    var density: [String: [Double]]
    var city: [String: Int]
    var not_located: [String: NotLocated]
    var trend: [String: [Trend]]
    var moran: [String: Spatial]
    var gistar_z_population: [String: [Double]]
    var segregation_65plus_2021: Segregation
    var change_lisa: [String: Spatial]
    var bivariate: [String: Bivariate]
  }
  struct Bivariate: Decodable {
    var analysed: [String]
    var I: Double
    var local_I: [Double]
    var quadrant: [String]
  }
  struct Segregation: Decodable {
    struct Null: Decodable { var draws: Int, mean, sd: Double }
    var dissimilarity, spatial_dissimilarity, spatial_proximity: Double
    var evenness: Null
  }

  static func reference() throws -> Reference {
    try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: fixture("reference/years_analysis.json")))
  }

  /// The main job (99 permutations: nothing compared here depends on them).
  static let run = Result {
    var c = try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path)
    c.permutations = 99
    return try Analysis.run(c)
  }

  /// Residents aged 65+ within all residents: D and spatial D as segregation's Dissim and
  /// SpatialDissim to 1e-9, spatial proximity as the Massey & Denton formula in numpy, and the evenness null's mean D* within 5 standard errors of
  /// segregation's SingleValueTest (4,000 numpy draws against the run's 99). D = 0.157, and
  /// random allocation gives 0.020: the 65-plussers are concentrated beyond chance.
  @Test func segregationOfResidentsAged65PlusMatchesSegregation() throws {
    let run = try Self.run.get()
    let want = try Self.reference().segregation_65plus_2021
    let city = try #require(run.result.indicator("share_65plus_2021")).city
    #expect(Self.close(city.dissimilarity, want.dissimilarity))
    #expect(Self.close(city.spatialDissimilarity, want.spatial_dissimilarity))
    #expect(Self.close(city.spatialProximity, want.spatial_proximity))
    let test = try #require(city.dissimilarityTest)
    let null = want.evenness
    let se = null.sd * (1 / Double(test.simulations) + 1 / Double(null.draws)).squareRoot()
    #expect(abs(test.expectedUnderNull - null.mean) < 5 * se, "\(test.expectedUnderNull)")
    #expect((test.simulations, test.null, test.pseudoP) == (99, .evenness, 0.01))
  }

  static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(abs(b), 1)
  }

  static func series(_ id: String) throws -> IndicatorSeries {
    try #require(try run.get().result.series.first { $0.id == id })
  }

  @Test("City totals: wards + not located = Statbel's, 66,673 (2021) and 67,009 (2022)")
  func cityTotals() throws {
    let ref = try Self.reference()
    let population = try Self.series("population")
    #expect(population.years == Array(2011...2022))
    for (k, year) in population.years.enumerated() {
      let origin = population.origins[k]
      let want = try #require(ref.not_located[String(year)])
      #expect(origin.notLocated == want.sectors, "\(year)")
      #expect(origin.notLocatedTotals["total"] == Double(want.total), "\(year)")
      let city = try #require(population.city[k]) + Double(want.total)
      #expect(city == Double(ref.city[String(year)]!), "\(year)")
      if year == 2021 { #expect(city == 66_673) }
      if year == 2022 { #expect(city == 67_009) }
      #expect(origin.lookup.hasSuffix("genk_statsec2024_to_wijk2024.csv"))
      #expect(origin.vintage == (year <= 2018 ? "statsec2011" : "statsec2020"))
    }
  }

  @Test("Every ward figure of every year equals pandas (population, density, 65+, income)")
  func everyWardFigure() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    #expect(run.table.codes == ref.codes)
    for year in 2011...2022 {
      let p = try #require(run.result.indicator("population_\(year)"))
      #expect(p.wards.map(\.value) == ref.population[String(year)]!.map(Double.init), "\(year)")
      let d = try #require(run.result.indicator("density_\(year)"))
      for (w, want) in zip(d.wards, ref.density[String(year)]!) {
        #expect(Self.close(w.value, want), "density \(year) \(w.code)")
      }
      #expect(p.origin?.contains("\(year): genk_population_statsec_2011_2022.csv") == true)
    }
    let aggregation = try RuleAggregationTests.reference()
    let share = try #require(run.result.indicator("share_65plus_2021"))
    let income = try #require(run.result.indicator("income_mean_2021"))
    for (s, i) in zip(share.wards, income.wards) {
      #expect(Self.close(s.value, aggregation.share_65plus_2021[s.code]?.value), "\(s.code)")
      #expect(Self.close(i.value, aggregation.income_mean_2021[i.code]?.value), "\(i.code)")
    }
    // The estimate says so, with how it was made, and each ward its basis.
    #expect(
      income.estimate?.hasPrefix(
        "SCHATTING: gemiddelde van de gepubliceerde sectorgemiddelden, gewogen met het aantal inwoners"
      ) == true)
    let incomeSeries = try Self.series("income_mean")
    let langerlo = try #require(incomeSeries.wards.first { $0.code == "7101614" })
    #expect(
      langerlo.basis == ["schatting uit 2 sectoren"])
  }

  @Test("The median is not aggregated: no ward value, no statistics, the sectors' range")
  func medianRefused() throws {
    let run = try Self.run.get()
    let aggregation = try RuleAggregationTests.reference()
    #expect(run.result.indicators.allSatisfy { !$0.id.hasPrefix("income_median") })
    let median = try Self.series("income_median")
    #expect(median.indicators == [nil] && median.city == [nil])
    for w in median.wards {
      let want = try #require(aggregation.income_median_2021[w.code])
      #expect(w.ranges[0] == want.range, "\(w.code)")
      #expect(w.values[0] == (want.basis == "exact" ? want.value : nil), "\(w.code)")
      #expect(w.trend == nil)
    }
    #expect(median.notes.contains { $0.contains("not_aggregable") })
  }

  @Test("Change, Sen's slope and Mann–Kendall per ward equal scipy, with 12 years stated")
  func changeAndTrend() throws {
    let ref = try Self.reference()
    for id in ["population", "density"] {
      let series = try Self.series(id)
      for (w, want) in zip(series.wards, ref.trend[id]!) {
        let label = "\(id) \(w.code)"
        #expect(Self.close(w.change, want.change), "\(label)")
        #expect(Self.close(w.changePercent, want.change_percent), "\(label)")
        #expect(w.changeYears == [2011, 2022] && w.definitionChanged.isEmpty)
        let t = try #require(w.trend, "\(label)")
        #expect(t.years == 12 && t.firstYear == 2011 && t.lastYear == 2022)
        #expect(Self.close(t.slopePerYear, want.sen_slope), "\(label)")
        #expect(t.s == want.s && Self.close(t.varianceS, want.var_s), "\(label)")
        #expect(Self.close(t.z, want.z) && Self.close(t.p, want.p) && Self.close(t.tau, want.tau))
      }
      #expect(series.hotSpots?.years == 12)
      #expect(series.wards.allSatisfy { $0.emergingHotSpot != nil })
    }
    #expect(try Self.series("share_65plus").wards.allSatisfy { $0.trend == nil })
  }

  @Test("Moran's I, local Moran and local Geary of five indicator-years, Gi* of every year, equal esda")
  func spatialStatistics() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    for (id, want) in ref.moran {
      let i = try #require(run.result.indicator(id))
      let m = try #require(i.city.moran, "\(id)")
      #expect(Self.close(m.i, want.I) && Self.close(m.expectedI, want.EI), "\(id)")
      #expect(Self.close(m.zRandomisation, want.z_rand), "\(id)")
      #expect(Self.close(m.pNormality, want.p_norm), "\(id)")
      for (k, code) in want.analysed.enumerated() {
        let w = try #require(i.wards.first { $0.code == code })
        #expect(Self.close(w.localMoranI, want.local_I[k]), "\(id) \(code)")
        #expect(w.lisaQuadrant == want.quadrant[k], "\(id) \(code)")
        #expect(Self.close(w.localGearyC, want.local_G[k]), "local Geary \(id) \(code)")
      }
      #expect(i.wards.filter { $0.localMoranI != nil }.count == want.analysed.count, "\(id)")
      #expect(i.wards.filter { $0.localGearyC != nil }.count == want.analysed.count, "\(id)")
    }
    for year in 2011...2022 {
      let i = try #require(run.result.indicator("population_\(year)"))
      for (w, z) in zip(i.wards, ref.gistar_z_population[String(year)]!) {
        #expect(Self.close(w.giStarZ, z), "Gi* \(year) \(w.code)")
      }
    }
  }

  @Test("The configured pair's bivariate Moran's I and bivariate local Moran equal esda's Moran_BV and Moran_Local_BV")
  func bivariatePair() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    let pairs = try #require(run.result.bivariate)
    #expect(pairs.map(\.id) == ["share_65plus_2021-vs-income_mean_2021"])
    for (id, want) in ref.bivariate {
      let pair = try #require(pairs.first { $0.id == id })
      #expect(Self.close(pair.moranI, want.I), "\(id) I")
      for (k, code) in want.analysed.enumerated() {
        let w = try #require(pair.wards.first { $0.code == code })
        #expect(Self.close(w.localI, want.local_I[k]), "\(id) \(code)")
        #expect(w.quadrant == want.quadrant[k], "\(id) \(code)")
        #expect(w.pseudoP != nil, "\(id) \(code)")
      }
      #expect(pair.wards.filter { $0.localI != nil }.count == want.analysed.count, "\(id)")
      // a ward outside the sample is never in a quadrant
      for w in pair.wards where !want.analysed.contains(w.code) {
        #expect(["no data", "no neighbours"].contains(w.category), "\(id) \(w.code)")
      }
      #expect(pair.tests?.tests == want.analysed.count)
    }
  }

  @Test("The LISA of the change 2011-2022 in % equals esda's Moran_Local, and its map is drawn")
  func changeLISA() throws {
    let run = try Self.run.get()
    for (id, want) in try Self.reference().change_lisa {
      let s = try Self.series(id)
      for (k, code) in want.analysed.enumerated() {
        let w = try #require(s.wards.first { $0.code == code })
        #expect(Self.close(w.changeLocalMoranI, want.local_I[k]), "\(id) \(code)")
        #expect(w.changeLisaQuadrant == want.quadrant[k], "\(id) \(code)")
        #expect(w.changeLisaPseudoP != nil, "\(id) \(code)")
      }
      #expect(s.wards.filter { $0.changeLocalMoranI != nil }.count == want.analysed.count)
      let family = try #require(s.changeTests)
      #expect(family.tests == want.analysed.count && family.statistic == "local Moran")
      #expect(
        s.wards.allSatisfy {
          ["HH", "LH", "LL", "HL", "not significant"].contains($0.changeLisaCategory ?? "")
        }, "\(id): every ward has a change and a neighbour")
    }
    let maps = try ChangeMaps.draw(
      try Publication.make(run), table: run.table, credits: ["test"], language: .dutch)
    let lisa = try #require(maps.first { $0.0 == "population-change-lisa.svg" }?.1)
    #expect(lisa.contains("Clusters (lokale Moran)"))
    // Genk's wards both lost (13 wards, down to −13.5 %) and gained residents 2011-2022: the
    // change map is diverging around 0, declines red and growth blue (RdBu).
    let change = try #require(maps.first { $0.0 == "population-change.svg" }?.1)
    #expect(["#ca0020", "#f4a582", "#92c5de", "#0571b0"].allSatisfy(change.contains))
    let values = try Self.series("population").wards.map(\.changePercent)
    let (classes, _) = try #require(try ChangeMaps.classes(values))
    #expect(classes.bins.contains(0) && classes.bins.count == 4)
    #expect(classes.counts[0] + classes.counts[1] == values.filter { ($0 ?? 1) <= 0 }.count)
  }

  @Test("The maps of every year share one pooled set of classes")
  func pooledClasses() throws {
    let run = try Self.run.get()
    let population = try Self.series("population")
    let bounds = try #require(population.pooledUpperBounds)
    for year in 2011...2022 {
      let c = try #require(run.result.indicator("population_\(year)")?.classes)
      #expect(c.upperBounds == bounds && c.method.contains("pooled over 12 years"))
    }
    // The pooled bounds are quantiles of all 360 ward-years together.
    let all = (2011...2022).flatMap { y in
      run.result.indicator("population_\(y)")!.wards.compactMap(\.value)
    }
    #expect(bounds.last == all.max())
  }

  /// The configuration with the 2011 vintage's lookup replaced by `edit` of the 2024 one.
  static func withOldLookup(_ edit: (String) -> String) throws -> AnalysisConfiguration {
    var c = try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path)
    c.permutations = 0
    let text = try String(contentsOf: geoData("genk_statsec2024_to_wijk2024.csv"), encoding: .utf8)
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("years-\(UUID().uuidString)-statsec2011.csv")
    try edit(text).write(to: file, atomically: true, encoding: .utf8)
    c.sectorVintages[0].lookup.file = file.path
    return c
  }

  @Test("A ward whose sectors change between vintages is flagged, never compared across")
  func definitionChange() throws {
    // In the 2011 vintage Molenblook (71016A010) belongs to Genk-Centrum (710166) instead of
    // Kattevenne-Molenblook (7101612): both wards change definition in 2019.
    let c = try Self.withOldLookup {
      $0.replacingOccurrences(of: "71016A010,7101612", with: "71016A010,710166")
    }
    let run = try Analysis.run(c)
    let population = try #require(run.result.series.first { $0.id == "population" })
    for w in population.wards {
      let changed = ["7101612", "710166"].contains(w.code)
      #expect(w.definitionChanged == (changed ? [2019] : []), "\(w.code)")
      if changed {
        #expect(w.trend?.years == 4 && w.trend?.firstYear == 2019, "\(w.code)")
        #expect(w.changeYears == [2019, 2022])
        #expect(w.trendNote?.contains("gewijzigd in 2019") == true)
        #expect(w.emergingHotSpot == nil && w.hotSpotNote?.contains("gewijzigd") == true)
      } else {
        #expect(w.trend?.years == 12, "\(w.code)")
      }
    }
    #expect(population.origins[0].lookup.hasSuffix("statsec2011.csv"))
  }

  @Test("A sector that reaches no ward stops the run, naming file, year, lookup and sector")
  func sectorWithoutWard() throws {
    let c = try Self.withOldLookup {
      $0.split(separator: "\n").filter { !$0.hasPrefix("71016A010,") }.joined(separator: "\n")
    }
    #expect {
      try Analysis.run(c)
    } throws: { error in
      let text = "\(error)"
      return text.contains("genk_population_statsec_2011_2022.csv, year 2011")
        && text.contains("71016A010") && text.contains("statsec2011.csv")
    }
  }

  @Test("An unknown vintage, a year a table lacks, an unknown rule: errors naming them")
  func configurationErrors() throws {
    let base = try String(contentsOf: geoData("wijk-genk.yaml"), encoding: .utf8)
    let file = geoData("wijk-genk.yaml").path
    func error(_ text: String) -> String {
      do {
        _ = try ConfigurationLoader.parse(text, file: file)
        return ""
      } catch { return "\(error)" }
    }
    let vintage = base.replacingOccurrences(
      of: "vintage: { 2011-2018: statsec2011", with: "vintage: { 2011-2018: statsec2009")
    #expect(error(vintage).contains("the vintage 'statsec2009' is not among sector_vintages"))
    let year = base.replacingOccurrences(
      of: "years: 2011-2022\n    label: { nl: \"Inwoners\"",
      with: "years: 2010-2022\n    label: { nl: \"Inwoners\"")
    #expect(error(year).contains("the year 2010 is not a year of the sector table 'population'"))
    let rule = base.replacingOccurrences(
      of: "aggregation: not_aggregable", with: "aggregation: median")
    #expect(error(rule).contains("'median' is not allowed here"))
    let median = base.replacingOccurrences(
      of: "indicators: [population, density]", with: "indicators: [population, income_median]")
    #expect(error(median).contains("key 'emerging_hot_spots.indicators[1]'"))
    #expect(error(median).contains("'income_median' is declared not_aggregable"))
  }
}
