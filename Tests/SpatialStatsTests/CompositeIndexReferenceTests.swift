import Foundation
import Testing

@testable import SpatialStats

/// Oracle: numpy/pandas for the index and the sensitivity table, and the same generator and
/// samplers replayed in plain Python for the draws (composite_index_references.py). Genk's
/// indicators are a TEST SET (65+ share, population change, mean income, connections without
/// gas), not the city's official deprivation criteria.
@Suite("Composite index against the reference script")
struct CompositeIndexReferenceTests {
  static let configurations = CompositeReference.shared?.configurations ?? [:]
  static let names = configurations.keys.sorted()
  static let drawn = names.filter { configurations[$0]!.intervals != nil }
  static let sensitive = names.filter { configurations[$0]!.sensitivity != nil }

  static var reference: CompositeReference { CompositeReference.shared! }

  @Test("The reference file decodes, with five drawn and five sensitivity configurations")
  func referenceDecodes() throws {
    let reference = try CompositeReference.loaded.get()
    #expect(reference.configurations.count == 10)  // genk_main_job: IndexAnalyseTests
    #expect(Self.drawn.count == 5)
    #expect(Self.sensitive.count == 5)
  }

  static func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  static func compute(_ name: String) throws -> (
    CompositeIndexResult, CompositeReference.Configuration
  ) {
    let c = reference.configurations[name]!
    let result = try CompositeIndex.compute(
      c.specification, input: c.input(reference.inputs[c.dataset]!))
    return (result, c)
  }

  @Test(
    "Scores and domain scores to 1e-9, ranks, deciles and scored wards exactly", arguments: names)
  func deterministic(_ name: String) throws {
    let (result, c) = try Self.compute(name)
    #expect(result.domains == c.domain_names)
    #expect(result.wards.filter { $0.score != nil }.map(\.ward) == c.scored)
    #expect(result.scoredCount == c.scored.count)
    for ward in result.wards {
      guard let score = ward.score else {
        #expect(c.score[ward.ward] == nil, "\(ward.ward) should be scored")
        #expect(!ward.lacking.isEmpty)
        continue
      }
      #expect(Self.close(score, c.score[ward.ward]), "\(name) \(ward.ward): \(score)")
      #expect(ward.rank == c.rank[ward.ward], "\(name) \(ward.ward)")
      #expect(ward.decile == c.decile[ward.ward], "\(name) \(ward.ward)")
      for (got, want) in zip(ward.domainScores, c.domain_scores[ward.ward]!) {
        #expect(Self.close(got, want), "\(name) \(ward.ward) domain score")
      }
      if let exponential = c.domain_exponential?[ward.ward] {
        #expect(ward.domainExponential.count == exponential.count)
        for (got, want) in zip(ward.domainExponential, exponential) {
          #expect(Self.close(got, want), "\(name) \(ward.ward) exponential")
        }
      } else {
        #expect(ward.domainExponential.isEmpty)
      }
    }
  }

  @Test(
    "Rank intervals: the same draws give the same 5–95 % bounds and mean ranks", arguments: drawn)
  func intervals(_ name: String) throws {
    let c = Self.reference.configurations[name]!
    let input = c.input(Self.reference.inputs[c.dataset]!)
    let result = try CompositeIndex.rankIntervals(
      c.specification, input: input, settings: Self.reference.drawSettings)
    let runs: [(String, [CompositeRankDistribution?])] = [
      ("weights", result.weights), ("figures", result.figures), ("combined", result.combined),
    ]
    for (label, distributions) in runs {
      let want = c.intervals![label]!
      for (ward, got) in zip(result.wards, distributions) {
        guard let want else {
          #expect(got == nil, "\(name) \(label): no figures vary")
          continue
        }
        let expected = want[ward]
        #expect((got == nil) == (expected == nil), "\(name) \(label) \(ward)")
        guard let got, let expected else { continue }
        #expect(got.lower == expected.lower, "\(name) \(label) \(ward) lower")
        #expect(got.upper == expected.upper, "\(name) \(label) \(ward) upper")
        #expect(
          Self.close(got.meanRank, expected.mean_rank, tolerance: 1e-12), "\(name) \(label) \(ward)"
        )
      }
    }
    let uncertain = c.indicators.filter { $0.uncertainty != nil }.map(\.name)
    #expect(result.uncertainIndicators == uncertain)
  }

  @Test(
    "Sensitivity table: entering, leaving, largest rank change, per variant", arguments: sensitive)
  func sensitivity(_ name: String) throws {
    let c = Self.reference.configurations[name]!
    let want = c.sensitivity!
    let table = try CompositeIndex.sensitivity(
      c.specification, input: c.input(Self.reference.inputs[c.dataset]!), top: want.size)
    #expect(table.top == want.top)
    #expect(
      table.rows.map(\.referenceKey) == want.rows.map { "\($0.kind) \($0.target) \($0.change)" })
    for (got, row) in zip(table.rows, want.rows) {
      #expect(got.entering == row.entering, "\(name) \(got.referenceKey)")
      #expect(got.leaving == row.leaving, "\(name) \(got.referenceKey)")
      #expect(got.largestRankChange == row.largest_rank_change, "\(name) \(got.referenceKey)")
      #expect(
        got.wardsWithLargestChange == row.wards_with_largest_change, "\(name) \(got.referenceKey)")
      #expect(got.top == row.top, "\(name) \(got.referenceKey)")
    }
  }

  @Test("Genk test set: 24 of 30 wards have every indicator; the six without an income are listed")
  func genkMissingIncome() throws {
    let (result, _) = try Self.compute("genk_domains_rank_exponential")
    #expect(result.wards.count == 30)
    #expect(result.scoredCount == 24)
    let unscored = result.wards.filter { $0.score == nil }
    #expect(
      unscored.map(\.ward) == ["7101610", "7101611", "7101612", "7101618", "7101620", "7101622"])
    #expect(unscored.allSatisfy { $0.lacking.contains("income_mean") })
    // 7101610 has no electricity connections in the Fluvius figures either
    #expect(unscored[0].lacking == ["income_mean", "share_without_gas"])
    // reweighting scores the wards whose available weight is at least half
    let (reweighted, _) = try Self.compute("genk_flat_z_reweight")
    #expect(reweighted.scoredCount == 29)
    #expect(
      reweighted.wards.filter(\.isReweighted).map(\.ward) == [
        "7101611", "7101612", "7101618", "7101620", "7101622",
      ])
  }
}

@Suite("Seeded samplers of the composite index's draws")
struct CompositeSamplerTests {
  static let checks = CompositeReference.shared?.sampler_checks ?? []
  static var reference: CompositeReference { CompositeReference.shared! }

  @Test("The first draws equal the script's replay of the same generator, bit for bit")
  func firstDraws() throws {
    let want = try CompositeReference.loaded.get().first_draws
    var g = PermutationGenerator(seed: 12345)
    #expect((0..<4).map { _ in g.next() } == want.next)
    #expect((0..<3).map { _ in g.uniform() } == want.uniform)
    #expect((0..<3).map { _ in g.normal() } == want.normal)
    #expect((0..<3).map { _ in g.gamma(shape: 0.4) } == want.gamma_0_4)
    #expect((0..<3).map { _ in g.gamma(shape: 3.7) } == want.gamma_3_7)
    #expect(g.dirichlet([25, 12.5, 12.5]) == want.dirichlet_25_12_5_12_5)
    #expect((0..<3).map { _ in g.binomial(2000, 0.17) } == want.binomial_2000_0_17)
  }

  /// The figures' Poisson tables hold the Poisson distribution: scipy's cdf at every k of the
  /// table to 1e-13, and less than 1e-16 left out below and above it (the binomial tables are
  /// checked in `DissimilarityTestTests`).
  @Test func poissonTablesAreThePoissonDistribution() throws {
    let tables = try CompositeReference.loaded.get().poisson_tables
    #expect(tables.count == 6)
    for t in tables {
      let table = InversionTable.poisson(mean: t.mean)
      #expect(table.firstK == t.first_k && table.cdf.count == t.cdf.count, "λ \(t.mean)")
      let worst = zip(table.cdf, t.cdf).map { abs($0 - $1) }.max() ?? .infinity
      #expect(worst <= 1e-13, "λ \(t.mean): \(worst)")
      #expect(t.below < 1e-16 && t.above < 1e-16, "λ \(t.mean)")
    }
  }

  /// A degenerate figure (no trials, p of 0 or 1, a mean of 0) is drawn as a constant and
  /// still takes one uniform, so the draws after it do not depend on it.
  @Test func degenerateFiguresAreConstantAndTakeOneUniform() {
    var (a, b) = (PermutationGenerator(seed: 7), PermutationGenerator(seed: 7))
    let model = IndicatorUncertainty.binomialShare(events: [0, 5, 3], trials: [10, 5, 0], per: 100)
    for ward in 0..<3 {
      let (table, _) = CompositeDraws.figureTable(model, value: 1, ward: ward)!
      #expect(table.draw(&a) == [0, 5, 0][ward])
      _ = b.uniform()
    }
    #expect(a.next() == b.next())
    let zero = CompositeDraws.figureTable(.poissonCount, value: 0, ward: 0)!.table
    #expect(zero.draw(&a) == 0)
  }

  @Test(
    "Mean and variance over 50,000 draws within 5 standard errors of scipy.stats'",
    arguments: checks.indices)
  func moments(_ index: Int) {
    let check = Self.checks[index]
    var g = PermutationGenerator(seed: check.seed)
    let n = 50_000
    let a = check.arguments
    let xs: [Double] = (0..<n).map { _ in
      switch check.sampler {
      case "gamma": g.gamma(shape: a[0])
      case "beta": g.beta(a[0], a[1])
      default: Double(g.binomial(Int(a[0]), a[1]))
      }
    }
    let mean = xs.reduce(0, +) / Double(n)
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
    let seMean = (check.variance / Double(n)).squareRoot()
    let seVariance = ((check.fourth_central_moment - check.variance * check.variance) / Double(n))
      .squareRoot()
    #expect(abs(mean - check.mean) < 5 * seMean, "\(check.sampler) \(a): mean \(mean)")
    #expect(
      abs(variance - check.variance) < 5 * seVariance, "\(check.sampler) \(a): variance \(variance)"
    )
  }
}
