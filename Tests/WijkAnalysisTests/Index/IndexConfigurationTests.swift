import Testing

@testable import WijkAnalysis

/// `index:` in a configuration: what the decoder refuses (exit 78 at the command line) and the
/// analysis checks against the run's indicators, each naming the key.
@Suite struct IndexConfigurationTests {
  static let base = """
    id: idx
    label: Index
    indicators:
      - { indicator: gas_share, worse: lower }
      - { change: population, worse: lower }
    """

  @Test func decodesWithDefaults() throws {
    let spec = try ConfigurationLoader.decode(IndexSpec.self, from: Self.base, file: "c.yaml")
    #expect(spec.transformation == .zScore && spec.combination == .weightedSum)
    #expect(spec.missing == .missingIndex && spec.draws == 1000 && spec.top == 5)
    #expect(spec.indicators.map(\.name) == ["gas_share", "population_change"])
  }

  @Test(
    "bad values name the key and the allowed values",
    arguments: [
      ("transformation: zscore", "transformation", "z_score, rank, min_max"),
      ("combination: sum", "combination", "weighted_sum, exponential_domain_ranks"),
      ("missing: drop", "missing", "reweight"),
      ("intervals: { draws: 5 }", "intervals", "at least 20"),
      ("sensitivity: { top: 0 }", "sensitivity", "at least 1"),
      ("domains: [{ id: a, weight: 0 }]", "domains[0].weight", "above 0"),
    ])
  func refused(line: String, key: String, fragment: String) {
    do {
      _ = try ConfigurationLoader.decode(
        IndexSpec.self, from: Self.base + "\n" + line, file: "c.yaml")
      Issue.record("accepted \(line)")
    } catch {
      guard case .invalid(_, let k, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(k == key, "\(line)")
      #expect(reason.contains(fragment), "\(reason)")
    }
  }

  @Test func anIndicatorNeedsExactlyOneSource() {
    let yaml = """
      id: idx
      label: Index
      indicators: [{ indicator: a, change: b, worse: higher }]
      """
    #expect(throws: ConfigurationError.self) {
      try ConfigurationLoader.decode(IndexSpec.self, from: yaml, file: "c.yaml")
    }
  }

  @Test func kindScoreIsNotAConfigurationKind() {
    let yaml = "id: x\nkind: score\nnumerator: n\nbase: b\nlabel: X"
    #expect(throws: ConfigurationError.self) {
      try ConfigurationLoader.decode(IndicatorSpec.self, from: yaml, file: "c.yaml")
    }
  }

  @Test("the run checks names and uncertainty models against its indicators")
  func checkedAgainstTheRun() throws {
    var c = try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path)
    c.permutations = 0
    var spec = try #require(c.index)
    spec.indicators[0].source = .indicator("share_65plus")
    c.index = spec
    #expect(
      throws: ConfigurationError.self,
      "an unknown indicator names index.indicators[0].indicator"
    ) { try Analysis.run(c, configurationFile: geoData("wijk-genk.yaml").path) }
    do {
      spec = try #require(try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path).index)
      spec.indicators[2].uncertainty = .binomialShare  // income_mean_2021 is a mean
      c.index = spec
      _ = try Analysis.run(c, configurationFile: geoData("wijk-genk.yaml").path)
      Issue.record("a binomial share on a mean was accepted")
    } catch let error as ConfigurationError {
      #expect("\(error)".contains("index.indicators[2].uncertainty"), "\(error)")
      #expect("\(error)".contains("needs a rate"), "\(error)")
    }
  }
}
