import Foundation
import Testing
import WijkCore
import WijkIO

@testable import WijkAnalysis

/// `wijk analyse` on the real Genk data (GeoData/wijk-genk.yaml) against outside oracles:
/// pandas sums (DERIVED_genk_fluvius_energy_by_wijk2024.csv), and libpysal/esda/segregation/
/// inequality on the same ward table (Tests/Fixtures/reference/genk_analysis_references.py →
/// genk_analysis.json). Analytic values to 1e-9 relative; permutation p-values are not compared
/// across implementations.
@Suite(.serialized) struct GenkEndToEndTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/Fixtures")

  struct Reference: Decodable {
    struct Moran: Decodable { var I, EI, z_rand, p_norm, p_rand: Double }
    struct Geary: Decodable { var C, EC, z_rand, p_rand, p_norm: Double }
    struct GeneralG: Decodable { var G, EG, z_norm, p_norm: Double }
    struct SpatialGini: Decodable { var g, wcg_share, polarization: Double }
    struct Indicator: Decodable {
      var values: [Double?]
      var analysed: [String]
      var moran: Moran
      var geary: Geary
      var general_g: GeneralG
      var local_I: [Double]
      var quadrant: [String]
      var gistar_z: [Double]
      var gini: Double
      var spatial_gini: SpatialGini?
      var concentration_wards: [String]?
      var concentration_join_counts: [Double]?
      var dissimilarity: Double?
      var isolation: Double?
      var theil_h: Double?
      var spatial_dissimilarity: Double?
      var spatial_proximity: Double?
      var dissimilarity_evenness: NullDistribution?
      var eb_analysed: [String]?
      var eb_global: [Double]?
      var eb_spatial: [Double]?
    }
    struct NullDistribution: Decodable { var draws: Int, mean, sd: Double }
    var codes: [String]
    var queen_neighbours: [String: [String]]
    var indicators: [String: Indicator]
  }

  /// The main job's energy indicators (Fluvius 2021), whose references are in
  /// `genk_analysis.json`: the configuration without its sector indicators (population,
  /// age, income over the years: `GenkYearsTests`).
  static func energyConfiguration() throws -> AnalysisConfiguration {
    var config = try ConfigurationLoader.load(
      path: root.appendingPathComponent("GeoData/wijk-genk.yaml").path)
    config.sectorIndicators = []
    (config.sectorTables, config.sectorVintages) = ([], [])
    config.index = nil  // the index combines sector indicators
    config.bivariate = []  // so does the pair
    config.title = "Genk: energie per wijk, 2021"
    return config
  }

  static let run: Result<Analysis.Run, any Error> = Result {
    try Analysis.run(energyConfiguration())
  }
  static func reference() throws -> Reference {
    let data = try Data(contentsOf: fixtures.appendingPathComponent("reference/genk_analysis.json"))
    return try JSONDecoder().decode(Reference.self, from: data)
  }

  static func close(_ a: Double?, _ b: Double?, _ what: String) {
    guard let a, let b else {
      #expect(a == nil && b == nil, "\(what): \(String(describing: a)) vs \(String(describing: b))")
      return
    }
    #expect(abs(a - b) <= 1e-9 * max(abs(b), 1e-300) || abs(a - b) < 1e-12, "\(what): \(a) vs \(b)")
  }

  @Test func wardSumsEqualThePandasDerivedTableFor2021() throws {
    let run = try Self.run.get()
    let expected = try CSVReader.read(
      path: Self.fixtures.appendingPathComponent(
        "expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv"
      ).path,
      options: CSVOptions(textColumns: ["ggw72024", "period"])
    ).table
    let period = expected.columnIndex("period")!
    let ward = expected.columnIndex("ggw72024")!
    var checked = 0
    for row in expected.rows where row[period].text == "2021" {
      guard let i = run.table.index(ofCode: row[ward].text!) else {
        #expect(row[ward].text == "71016ONB", "only the location-unknown ward has no polygon")
        continue
      }
      for column in ["v2506_elek_res_n", "v2506_gas_res_n", "v2506_elek_nietres_n"] {
        #expect(run.table.columns[column]?[i] == row[expected.columnIndex(column)!].number)
      }
      Self.close(
        run.table.columns["v2506_elek_res_cons"]?[i] ?? nil,
        row[expected.columnIndex("v2506_elek_res_cons")!].number, "kWh \(run.table.codes[i])")
      checked += 1
    }
    #expect(checked == 30)
    // README of the data: 2021 Genk-Centrum-Noord v2506_elek_res_n = 3437.
    #expect(run.table.columns["v2506_elek_res_n"]?[run.table.index(ofCode: "710167")!] == 3437)
  }

  @Test func queenNeighboursEqualLibpysal() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    for (i, code) in run.weights.ids.enumerated() {
      let ours = run.weights.neighbours(of: i).map { run.weights.ids[$0] }.sorted()
      #expect(ours == ref.queen_neighbours[code], "neighbours of \(code)")
    }
  }

  @Test func everyAnalyticStatisticMatchesPySAL() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    #expect(run.table.codes == ref.codes)
    for indicator in run.result.indicators {
      let r = try #require(ref.indicators[indicator.id], "reference for \(indicator.id)")
      for (w, v) in indicator.wards.enumerated() {
        Self.close(v.value, r.values[w], "\(indicator.id) value \(v.code)")
      }
      let m = try #require(indicator.city.moran)
      Self.close(m.i, r.moran.I, "\(indicator.id) I")
      Self.close(m.expectedI, r.moran.EI, "\(indicator.id) EI")
      Self.close(m.zRandomisation, r.moran.z_rand, "\(indicator.id) z_rand")
      Self.close(m.pNormality, r.moran.p_norm, "\(indicator.id) p_norm")
      Self.close(m.pRandomisation, r.moran.p_rand, "\(indicator.id) p_rand")
      let c = try #require(indicator.city.geary)
      Self.close(c.c, r.geary.C, "\(indicator.id) Geary C")
      Self.close(c.expectedC, r.geary.EC, "\(indicator.id) Geary EC")
      Self.close(c.zRandomisation, r.geary.z_rand, "\(indicator.id) Geary z_rand")
      Self.close(c.pRandomisation, r.geary.p_rand, "\(indicator.id) Geary p_rand")
      Self.close(c.pNormality, r.geary.p_norm, "\(indicator.id) Geary p_norm")
      let g = try #require(indicator.city.generalG)
      Self.close(g.g, r.general_g.G, "\(indicator.id) General G")
      Self.close(g.expectedG, r.general_g.EG, "\(indicator.id) General EG")
      Self.close(g.z, r.general_g.z_norm, "\(indicator.id) General G z")
      Self.close(g.p, r.general_g.p_norm, "\(indicator.id) General G p")
      Self.close(indicator.city.giniInequality, r.gini, "\(indicator.id) Gini")
      if let want = r.concentration_join_counts, let yes = r.concentration_wards {
        // esda Join_Counts_Local of the concentration wards (every ward analysed has a count)
        let flagged = indicator.wards.filter { $0.flags.contains("concentration ward") }
        #expect(flagged.map(\.code) == yes, "\(indicator.id) concentration wards")
        for (k, code) in r.analysed.enumerated() {
          let w = try #require(indicator.wards.first { $0.code == code })
          #expect(w.concentrationJoinCount.map(Double.init) == want[k], "\(indicator.id) LJC \(code)")
          #expect((w.concentrationJoinPseudoP != nil) == (want[k] > 0), "\(indicator.id) p \(code)")
        }
        #expect(indicator.tests.contains { $0.statistic == "local join count" })
      }
      let sg = try #require(r.spatial_gini, "\(indicator.id): no spatial Gini in the reference")
      let spatial = try #require(indicator.city.spatialGini, "\(indicator.id) spatial Gini")
      Self.close(spatial.gini, sg.g, "\(indicator.id) spatial Gini g")
      Self.close(spatial.nonNeighbourShare, sg.wcg_share, "\(indicator.id) spatial Gini wcg_share")
      Self.close(spatial.polarization, sg.polarization, "\(indicator.id) spatial Gini polarization")
      Self.close(indicator.city.dissimilarity, r.dissimilarity, "\(indicator.id) D")
      Self.close(indicator.city.isolation, r.isolation, "\(indicator.id) isolation")
      Self.close(indicator.city.theilH, r.theil_h, "\(indicator.id) Theil H")
      Self.close(
        indicator.city.spatialDissimilarity, r.spatial_dissimilarity,
        "\(indicator.id) spatial D")
      Self.close(
        indicator.city.spatialProximity, r.spatial_proximity, "\(indicator.id) spatial proximity")
      if let null = r.dissimilarity_evenness {
        // In distribution: wijk's mean D* over its draws within 5 standard errors of
        // segregation's mean over 4,000 numpy draws.
        let test = try #require(indicator.city.dissimilarityTest)
        let se = null.sd * (1 / Double(test.simulations) + 1 / Double(null.draws)).squareRoot()
        #expect(abs(test.expectedUnderNull - null.mean) < 5 * se, "\(indicator.id) mean D*")
        #expect(test.simulations == run.settings.permutations)
        #expect(test.pseudoP == 1 / Double(test.simulations + 1), "no draw reaches D")
      } else {
        #expect(indicator.city.dissimilarityTest == nil, "\(indicator.id) D test")
      }
      for (k, code) in r.analysed.enumerated() {
        let v = indicator.wards[run.table.index(ofCode: code)!]
        Self.close(v.localMoranI, r.local_I[k], "\(indicator.id) local I \(code)")
        #expect(v.lisaQuadrant == r.quadrant[k], "\(indicator.id) quadrant \(code)")
        Self.close(v.giStarZ, r.gistar_z[k], "\(indicator.id) Gi* z \(code)")
      }
    }
  }

  /// The shares' empirical Bayes rates, global and spatial, equal esda's `Empirical_Bayes`
  /// and `Spatial_Empirical_Bayes` (binary queen neighbours) for every ward with a base; the
  /// ward without one has neither.
  @Test func empiricalBayesRatesMatchEsda() throws {
    let run = try Self.run.get()
    let ref = try Self.reference()
    var compared = 0
    for indicator in run.result.indicators {
      let r = try #require(ref.indicators[indicator.id])
      guard let codes = r.eb_analysed, let global = r.eb_global, let spatial = r.eb_spatial
      else {
        #expect(indicator.wards.allSatisfy { $0.spatialSmoothedRate == nil }, "\(indicator.id)")
        continue
      }
      for (k, code) in codes.enumerated() {
        let v = indicator.wards[run.table.index(ofCode: code)!]
        Self.close(v.smoothedRate, global[k], "\(indicator.id) EB \(code)")
        Self.close(v.spatialSmoothedRate, spatial[k], "\(indicator.id) spatial EB \(code)")
        compared += 1
      }
      let without = indicator.wards.filter { !codes.contains($0.code) }
      #expect(without.allSatisfy { $0.smoothedRate == nil && $0.spatialSmoothedRate == nil })
    }
    #expect(compared == 29)
  }

  @Test func wardWithoutResidentialConnectionsHasNoRateAndSaysWhy() throws {
    let run = try Self.run.get()
    let gas = try #require(run.result.indicator("gas_share"))
    let industry = gas.wards[run.table.index(ofCode: "7101610")!]
    #expect(industry.value == nil)
    #expect(industry.undefined["value"] == "not defined (base 0)")
    #expect(industry.lisaCategory == "no data")
    #expect(gas.city.moran?.excluded == ["7101610"])
  }
}
