import Foundation
import Testing

@testable import SpatialStats

/// The rules of the composite index on small hand-checked inputs (the numbers in the comments
/// are worked out by hand from the documented formulas).
@Suite("Composite index rules")
struct CompositeIndexTests {
  static let wards = (0..<10).map { "W\($0)" }

  static func flat(
    _ indicators: [CompositeIndicator], transformation: CompositeTransformation = .zScore,
    combination: CompositeCombination = .weightedSum, missing: CompositeMissingRule = .missingIndex
  ) -> CompositeIndexSpecification {
    CompositeIndexSpecification(
      indicators: indicators, transformation: transformation, combination: combination,
      missing: missing)
  }

  @Test("Exponential transformation: X(1) = 100, X(0.9) ≈ 50.4, X(0.5) ≈ 15.6 (IoD 2019)")
  func exponentialValues() {
    let x = CompositeScoring.exponentialRanks((1...10).map { Double($0) })
    #expect(abs(x[9]! - 100) < 1e-12)
    #expect(abs(x[8]! - 50.43) < 0.01)
    #expect(abs(x[4]! - 15.65) < 0.01)
    #expect(x == x.sorted { $0! < $1! })
  }

  @Test("Against cancellation: first on one domain and last on the other is rank 1, not 5")
  func cancellation() throws {
    // W0: worst on a, best on b; W9 the mirror; W1 second worst on both.
    let a: [Double?] = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    let b: [Double?] = [1, 9, 8, 7, 6, 5, 4, 3, 2, 10]
    let input = CompositeIndexInput(wards: Self.wards, values: ["a": a, "b": b])
    let indicators = [
      CompositeIndicator(name: "a", worse: .higher), CompositeIndicator(name: "b", worse: .higher),
    ]
    let exponential = try CompositeIndex.compute(
      Self.flat(indicators, combination: .exponentialDomainRanks), input: input)
    // (X(1) + X(0.1)) / 2 = (100 + 2.40) / 2 = 51.2 > X(0.9) = 50.4
    #expect(exponential.wards.map(\.rank) == [1, 3, 4, 5, 6, 7, 8, 9, 10, 1])
    #expect(exponential.domains == ["a", "b"])
    let added = try CompositeIndex.compute(
      Self.flat(indicators, transformation: .rank), input: input)
    // (1 + 0.1) / 2 = 0.55 is below W1…W4 (0.9, 0.8, 0.7, 0.6): full compensation
    #expect(added.wards[0].rank == 5)
    #expect(added.wards[9].rank == 5)
    #expect(added.domains == ["index"])
  }

  @Test("Ties: average ranks in the rank transformation, shared best rank and deciles in the index")
  func ties() throws {
    let values: [Double?] = [5, 5, 3, 1, 1, 1, 0, 0, 0, 0]
    let result = try CompositeIndex.compute(
      Self.flat([CompositeIndicator(name: "x", worse: .higher)], transformation: .rank),
      input: CompositeIndexInput(wards: Self.wards, values: ["x": values]))
    // ascending average ranks: 0 → 2.5, 1 → 6, 3 → 8, 5 → 9.5; divided by 10
    #expect(
      result.wards.map { $0.domainScores[0]! } == [
        0.95, 0.95, 0.8, 0.6, 0.6, 0.6, 0.25, 0.25, 0.25, 0.25,
      ])
    #expect(result.wards.map(\.rank) == [1, 1, 3, 4, 4, 4, 7, 7, 7, 7])
    #expect(result.wards.map(\.decile) == [1, 1, 3, 4, 4, 4, 7, 7, 7, 7])
    #expect(result.top(1).map(\.ward) == ["W0", "W1"])
    #expect(result.top(3).map(\.ward) == ["W0", "W1", "W2"])
  }

  @Test("Direction: a lower-is-worse indicator equals the negated higher-is-worse one")
  func direction() throws {
    let x: [Double?] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    for t in CompositeTransformation.allCases {
      let lower = try CompositeIndex.compute(
        Self.flat([CompositeIndicator(name: "x", worse: .lower)], transformation: t),
        input: CompositeIndexInput(wards: Self.wards, values: ["x": x]))
      let higher = try CompositeIndex.compute(
        Self.flat([CompositeIndicator(name: "x", worse: .higher)], transformation: t),
        input: CompositeIndexInput(wards: Self.wards, values: ["x": x.map { $0.map(-) }]))
      #expect(lower.wards.map(\.score) == higher.wards.map(\.score), "\(t)")
      #expect(lower.wards[1].rank == 1, "\(t): the lowest value is the worst")
    }
  }

  @Test("z-scores use the population standard deviation")
  func populationStandardDeviation() throws {
    let result = try CompositeIndex.compute(
      Self.flat([CompositeIndicator(name: "x", worse: .higher)]),
      input: CompositeIndexInput(wards: ["a", "b"], values: ["x": [1, 3]]))
    // mean 2, population sd 1 (the sample sd would be √2)
    #expect(result.wards.map(\.score) == [-1, 1])
  }

  static let gapInput = CompositeIndexInput(
    wards: ["a", "b", "c", "d"], values: ["x": [1, 2, 3, 4], "y": [4, 1, nil, 2]])
  static let gapIndicators = [
    CompositeIndicator(name: "x", worse: .higher), CompositeIndicator(name: "y", worse: .higher),
  ]

  @Test("Missing: no index for a ward without every figure, unless reweighting is chosen")
  func missingFigures() throws {
    let strict = try CompositeIndex.compute(
      Self.flat(Self.gapIndicators, transformation: .minMax), input: Self.gapInput)
    #expect(strict.wards[2].score == nil)
    #expect(strict.wards[2].rank == nil)
    #expect(strict.wards[2].lacking == ["y"])
    #expect(strict.scoredCount == 3)
    // the transformation runs over the scored wards only: x of a, b, d is 0, 1/3, 1
    let third: Double = 1.0 / 3
    #expect(strict.wards[1].domainScores[0] == third / 2)

    let reweighted = try CompositeIndex.compute(
      Self.flat(Self.gapIndicators, transformation: .minMax, missing: .reweight(minimumShare: 0.5)),
      input: Self.gapInput)
    #expect(reweighted.scoredCount == 4)
    #expect(reweighted.wards[2].isReweighted)
    #expect(!reweighted.wards[0].isReweighted)
    // c's index is its x alone: (3 − 1) / (4 − 1)
    let twoThirds: Double = 2.0 / 3
    #expect(reweighted.wards[2].score == twoThirds)

    let demanding = try CompositeIndex.compute(
      Self.flat(Self.gapIndicators, missing: .reweight(minimumShare: 0.75)), input: Self.gapInput)
    #expect(demanding.wards[2].score == nil)
  }

  @Test("A specification or figures that do not fit are refused, naming what is wrong")
  func errors() {
    let input = CompositeIndexInput(wards: ["a", "b"], values: ["x": [1, 2]])
    func refuses(
      _ spec: CompositeIndexSpecification, _ input: CompositeIndexInput,
      _ expected: CompositeIndexError
    ) {
      #expect(throws: expected) { try CompositeIndex.compute(spec, input: input) }
    }
    refuses(Self.flat([]), input, .noIndicators)
    refuses(
      Self.flat([.init(name: "x", worse: .higher), .init(name: "x", worse: .lower)]), input,
      .duplicateName("x", kind: "indicator"))
    refuses(
      Self.flat([.init(name: "x", worse: .higher, weight: 0)]), input,
      .invalidWeight(name: "x", weight: 0))
    refuses(
      CompositeIndexSpecification(
        indicators: [.init(name: "x", worse: .higher, domain: "health")],
        domains: [.init(name: "income")]), input,
      .unknownDomain(indicator: "x", domain: "health"))
    refuses(
      Self.flat([.init(name: "y", worse: .higher)]), input,
      .missingIndicator("y", available: ["x"]))
    refuses(
      Self.flat([.init(name: "x", worse: .higher)]),
      CompositeIndexInput(wards: ["a", "b"], values: ["x": [1, 1]]),
      .noVariation(indicator: "x", value: 1))
    refuses(
      Self.flat([.init(name: "x", worse: .higher)]),
      CompositeIndexInput(wards: ["a", "b"], values: ["x": [1, nil]]), .tooFewWards(scored: 1))
    refuses(
      Self.flat([.init(name: "x", worse: .higher)]),
      CompositeIndexInput(wards: ["a", "b"], values: ["x": [1, .infinity]]),
      .nonFiniteValue(indicator: "x", ward: "b", value: .infinity))
    // a share of 25 % that its counts (1 of 2) say is 50 %
    let shares = CompositeIndexInput(
      wards: ["a", "b"], values: ["x": [25, 10]],
      uncertainty: ["x": .binomialShare(events: [1, 1], trials: [2, 10], per: 100)])
    #expect {
      try CompositeIndex.compute(Self.flat([.init(name: "x", worse: .higher)]), input: shares)
    } throws: { error in
      guard case .inconsistentUncertainty(let name, let ward, _) = error as? CompositeIndexError
      else { return false }
      return name == "x" && ward == "a"
    }
    // an unscored ward's counts are never drawn: impossible ones there are no error
    let unscored = CompositeIndexInput(
      wards: ["a", "b", "c"], values: ["x": [25, 10, 200], "y": [1, 2, nil]],
      uncertainty: ["x": .binomialShare(events: [1, 1, 2], trials: [4, 10, 1], per: 100)])
    let spec = Self.flat([.init(name: "x", worse: .higher), .init(name: "y", worse: .higher)])
    let computed = try? CompositeIndex.compute(spec, input: unscored)
    #expect(computed != nil && computed?.wards[2].score == nil)
    #expect(
      CompositeIndexError.invalidWeight(name: "income", weight: 0).description.contains("income"))
  }

  @Test("Rank intervals are reproducible by seed; a fixed single indicator does not move")
  func intervalsBySeed() throws {
    let x: [Double?] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    let y: [Double?] = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8]
    let input = CompositeIndexInput(wards: Self.wards, values: ["x": x, "y": y])
    let spec = Self.flat([.init(name: "x", worse: .higher), .init(name: "y", worse: .higher)])
    let one = try CompositeIndex.rankIntervals(
      spec, input: input, settings: .init(draws: 200, seed: 7))
    let again = try CompositeIndex.rankIntervals(
      spec, input: input, settings: .init(draws: 200, seed: 7))
    #expect(one == again)
    #expect(one.figures.allSatisfy { $0 == nil })
    #expect(one.uncertainIndicators.isEmpty)
    let result = try CompositeIndex.compute(spec, input: input)
    for (w, d) in zip(result.wards, one.weights) {
      #expect(d!.lower <= d!.upper)
      #expect(d!.lower >= 1 && d!.upper <= 10)
      _ = w
    }
    let single = try CompositeIndex.rankIntervals(
      Self.flat([.init(name: "x", worse: .higher)]), input: input,
      settings: .init(draws: 50, seed: 7))
    let ranks = try CompositeIndex.compute(
      Self.flat([.init(name: "x", worse: .higher)]), input: input)
    for (w, d) in zip(ranks.wards, single.weights) {
      #expect(d?.lower == w.rank && d?.upper == w.rank)
    }
    #expect(
      throws: CompositeIndexError.invalidParameter(
        name: "number of draws", value: 10, expected: "at least 20")
    ) {
      try CompositeIndex.rankIntervals(spec, input: input, settings: .init(draws: 10, seed: 7))
    }
  }

  @Test("Poisson figures vary in the draws; a large count barely moves its rank")
  func poissonFigures() throws {
    let counts: [Double?] = [
      10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000, 100_000,
    ]
    let small: [Double?] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    let spec = Self.flat([.init(name: "n", worse: .higher)])
    let large = try CompositeIndex.rankIntervals(
      spec,
      input: .init(wards: Self.wards, values: ["n": counts], uncertainty: ["n": .poissonCount]),
      settings: .init(draws: 200, seed: 3))
    #expect(large.uncertainIndicators == ["n"])
    #expect(large.figures.enumerated().allSatisfy { $1!.lower == 10 - $0 && $1!.upper == 10 - $0 })
    let noisy = try CompositeIndex.rankIntervals(
      spec,
      input: .init(wards: Self.wards, values: ["n": small], uncertainty: ["n": .poissonCount]),
      settings: .init(draws: 200, seed: 3))
    #expect(noisy.figures.contains { $0!.upper - $0!.lower >= 3 })
  }

  @Test("Sensitivity: a flat index of one indicator has no variants; the most influential row")
  func sensitivityRows() throws {
    let x: [Double?] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    let y: [Double?] = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8]
    let input = CompositeIndexInput(wards: Self.wards, values: ["x": x, "y": y])
    let single = try CompositeIndex.sensitivity(
      Self.flat([.init(name: "x", worse: .higher)]), input: input)
    #expect(single.rows.isEmpty)
    #expect(single.mostInfluential == nil)
    let table = try CompositeIndex.sensitivity(
      Self.flat([.init(name: "x", worse: .higher), .init(name: "y", worse: .higher)]), input: input,
      top: 3)
    #expect(table.rows.map(\.change) == [.leftOut, .doubled, .halved, .leftOut, .doubled, .halved])
    // leaving y out ranks by x alone: W5 (9), W7 (6), W4 and W8 (5)
    #expect(table.rows[3].top == ["W5", "W7", "W4", "W8"])
    for row in table.rows { #expect(row.entering.count <= row.top.count) }
    let most = try #require(table.mostInfluential)
    #expect(table.rows.allSatisfy { $0.entering.count <= most.entering.count })
  }
}
