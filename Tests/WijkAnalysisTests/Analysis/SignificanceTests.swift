import Foundation
import SpatialStats
import SpatialWeights
import Testing
import WijkCore

@testable import WijkAnalysis

/// Multiple testing in the analysis: what the default correction does on noise, what every
/// report says about it, and case 16 (missing and constant values get no pseudo p).
@Suite(.serialized) struct SignificanceTests {
  /// Five count indicators of seeded uniform random numbers (0–1000) on Genk's 30 wards and
  /// its queen weights: no spatial pattern exists, so every "significant" ward is chance.
  static func randomIndicators(_ correction: MultipleTestingCorrection) throws -> [IndicatorResult]
  {
    let run = try GenkEndToEndTests.run.get()
    var table = run.table
    var generator = PermutationGenerator(seed: 20_261_202)
    var specs: [IndicatorSpec] = []
    for k in 1...5 {
      table.columns["random\(k)"] = table.codes.map { _ in
        Double(generator.next() >> 11) / Double(1 << 53) * 1000
      }
      specs.append(
        IndicatorSpec(
          id: "random\(k)", kind: .count, numerator: "random\(k)", base: nil, per: nil,
          label: LocalisedText(nl: "toeval \(k)", en: "random \(k)"), unit: nil, worse: .neither))
    }
    let config = try ConfigurationLoader.load(
      path: GenkEndToEndTests.root.appendingPathComponent("GeoData/wijk-genk.yaml").path)
    var settings = IndicatorSettings(configuration: config)
    settings.multipleTesting = correction
    return try specs.map {
      try IndicatorAnalysis.compute($0, table: table, weights: run.weights, settings: settings)
    }
  }

  /// (ward, indicator) pairs that local Moran or Gi* calls significant.
  static func flagged(_ indicators: [IndicatorResult]) -> Int {
    indicators.reduce(0) { n, i in
      n
        + i.wards.filter {
          ["HH", "LL", "HL", "LH"].contains($0.lisaCategory) || $0.hotspot != nil
        }
        .count
    }
  }

  // 150 tests per statistic at p < 0.05 flag about 7.5 wards each by chance (with this seed
  // 12 (ward, indicator) pairs by local Moran or Gi*); FDR at 0.05 flags none.
  @Test func onRandomNumbersTheDefaultFindsNothingWhereUncorrectedTestsFindAboutTwelve() throws {
    let uncorrected = Self.flagged(try Self.randomIndicators(.none))
    let fdr = try Self.randomIndicators(.fdr)
    #expect((6...20).contains(uncorrected), "uncorrected: \(uncorrected)")
    #expect(Self.flagged(fdr) <= 1, "FDR: \(Self.flagged(fdr))")
    #expect(Self.flagged(try Self.randomIndicators(.bonferroni)) <= Self.flagged(fdr))
    for i in fdr {
      #expect(i.tests.map(\.statistic) == ["local Moran", "Gi*", "local Geary"])
      #expect(i.tests.allSatisfy { $0.tests == 30 && $0.threshold <= 0.05 })
    }
  }

  // Every report of the main job says how many tests, which correction, which thresholds.
  @Test func everyReportSaysTheTestsTheCorrectionAndTheThreshold() throws {
    let run = try GenkEndToEndTests.run.get()
    let r = run.result
    #expect(r.multipleTesting.correction == .fdr)
    #expect(
      r.multipleTesting.localTests == r.indicators.flatMap(\.tests).reduce(0) { $0 + $1.tests })
    // 3 × (30 + 29 + 29 + 29 + 30) wards with a p, and the 2 concentration wards of gas_share
    // with a concentration neighbour (local join count)
    #expect(r.multipleTesting.localTests == 443)
    #expect(r.multipleTesting.globalMoran?.tests == 5)
    let published = try Publication.make(run)
    #expect(published.result.multipleTesting == r.multipleTesting)  // nothing withheld
    let summary = try SummaryReport.build(published, table: run.table, maps: []).markdown()
    #expect(summary.contains("Meervoudig toetsen: 443 lokale toetsen"))
    #expect(summary.contains("gecorrigeerd volgens Benjamini–Hochberg"))
    #expect(summary.contains("lokale Moran: 29 toetsen, significant bij p \\< 0,017"))
    let neighbours = try WardPlanBuilder.queenNeighbours(
      run,
      configuration: try ConfigurationLoader.load(
        path: GenkEndToEndTests.root.appendingPathComponent("GeoData/wijk-genk.yaml").path))
    let plan = WardPlanBuilder.build(
      ward: 0, publication: published, table: run.table, neighbours: neighbours)
    let page = try WardPlanReport.build(plan, map: nil).markdown()
    #expect(page.contains("443 lokale toetsen in de hele analyse"))
    #expect(page.contains("Drempels: Woonaansluitingen elektriciteit (huishoudens) p \\< 0,0017"))
    let map = try IndicatorMaps.clusters(
      r.indicators[2], table: run.table, credits: [], language: .dutch,
      significance: r.significance, correction: .fdr, permutations: 999, seed: 12345)
    #expect(map.contains("FDR p &lt; 0,017"))
  }

  /// Main job's significant wards per indicator and statistic, FDR against none (the figures
  /// of the report of this change).
  @Test func theGenkMainJobBeforeAndAfterTheCorrection() throws {
    let r = try GenkEndToEndTests.run.get().result
    let significant = r.indicators.map { i in i.tests.map(\.significant) }
    #expect(significant == [[0, 0, 0], [0, 0, 2, 0], [10, 10, 0], [0, 0, 0], [0, 0, 0]], "\(significant)")
  }

  // MARK: - Case 16

  static let case16 = GenkEndToEndTests.fixtures.appendingPathComponent(
    "cases/16-moran-lisa-missing-or-constant-values")

  static func case16Run(_ table: String, weights: String, seed: Int = 12345) throws
    -> AnalysisResult
  {
    try case16Analysis(table, weights: weights, seed: seed).result
  }

  static func case16Analysis(_ table: String, weights: String, seed: Int = 12345) throws
    -> Analysis.Run
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-case16-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = """
      wards: { file: \(Self.case16.path)/wards.geojson, code: wijkcode, name: wijknaam }
      tables:
        - { file: \(Self.case16.path)/\(table), key: wijkcode }
      indicators:
        - { id: waarde, kind: count, numerator: waarde, label: Waarde }
      weights: { kind: \(weights) }
      seed: \(seed)
      """
    let file = folder.appendingPathComponent("case16.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return try Analysis.run(try ConfigurationLoader.load(path: file.path))
  }

  // W03 blank: no data, no pseudo p, left out of the weights (W06 keeps only W05 in rook);
  // Moran's I on the five others as case.md gives it; no ward gets 1/(R + 1) for it; in queen
  // W02 and W05 border every other ward, so no permutation changes their statistic: p = 1.
  @Test(arguments: [("rook", -0.311881), ("queen", -0.264321)])
  func case16MissingValueIsNoDataWithoutPseudoP(weights: String, moran: Double) throws {
    let r = try Self.case16Run("indicatoren_missing.csv", weights: weights)
    let i = try #require(r.indicators.first)
    let m = try #require(i.city.moran)
    #expect(abs(m.i - moran) <= 1e-6, "\(m.i)")
    #expect(m.excluded == ["W03"])
    let w03 = i.wards[2]
    #expect(w03.code == "W03" && w03.value == nil)
    #expect(w03.lisaCategory == "no data" && w03.lisaPseudoP == nil && w03.giStarPseudoP == nil)
    #expect(w03.undefined["local Moran"] == "no value" && w03.undefined["Gi*"] == "no value")
    #expect(i.tests.map(\.tests) == [5, 5, 5])
    #expect(w03.localGearyC == nil && w03.localGearyCategory == nil)
    #expect(w03.undefined["local Geary"] == "no value")
    let p = i.wards.compactMap(\.lisaPseudoP)
    #expect(p.count == 5 && !p.contains(1.0 / 1000))
    if weights == "queen" {
      #expect(i.wards[1].lisaPseudoP == 1 && i.wards[4].lisaPseudoP == 1)
      #expect(i.wards[1].giStarPseudoP == 1 && i.wards[4].giStarPseudoP == 1)
    }
    let again = try Self.case16Run("indicatoren_missing.csv", weights: weights)
    #expect(again.indicators[0].wards.map(\.lisaPseudoP) == i.wards.map(\.lisaPseudoP))
    #expect(r.provenance.seed == 12345)
    let other = try Self.case16Run("indicatoren_missing.csv", weights: weights, seed: 7)
    #expect(other.provenance.seed == 7)
  }

  // Every ward 7: Moran's I and every local statistic undefined (variance 0), said; no
  // pseudo p, no cluster, no 0, 1 or NaN.
  @Test func case16ConstantVariableIsUndefinedEverywhere() throws {
    let run = try Self.case16Analysis("indicatoren_constant.csv", weights: "rook")
    let i = try #require(run.result.indicators.first)
    #expect(i.city.moran == nil)
    #expect(i.city.undefined["Moran's I"]?.contains("zero variance") == true)
    #expect(i.warnings.contains { $0.hasPrefix("local Moran: not defined (zero variance") })
    #expect(i.warnings.contains { $0.hasPrefix("Gi*: not defined (zero variance") })
    #expect(i.tests.isEmpty)
    for w in i.wards {
      #expect(w.lisaCategory == "undefined" && w.hotspot == nil && w.flags.isEmpty)
      #expect(w.lisaPseudoP == nil && w.giStarPseudoP == nil && w.localMoranI == nil)
      #expect(w.undefined["local Moran"]?.contains("zero variance") == true)
    }
    let summary = try SummaryReport.build(
      try Publication.make(run), table: run.table, maps: []
    ).markdown()
    #expect(!summary.contains("NaN"))
    #expect(summary.contains("niet bepaald (geen spreiding)"))
  }
}
