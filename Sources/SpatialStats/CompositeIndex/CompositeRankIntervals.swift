// How far a ward's rank moves when the weights or the figures move: seeded draws.

/// How many draws, how widely the weights vary, and the seed.
public struct CompositeDrawSettings: Hashable, Sendable {
  /// Draws per source of uncertainty, ≥ 20 (the 5 % and 95 % bounds need some); default 1000.
  public var draws: Int
  /// c in α = c · w: each level's weights are drawn from Dirichlet(c · w) around the
  /// configured shares w (Σ w = 1). A share w then has mean w and variance w(1 − w)/(c + 1):
  /// with the default c = 50, a share of ¼ has a standard deviation of 0.061 (90 % of the draws
  /// between about 0.16 and 0.35), a share of ½ one of 0.070. Larger c, tighter weights. Below
  /// c · w = 1 a share's density piles up at 0.
  public var concentration: Double
  /// The seed of ``PermutationGenerator``: the weight draws use `seed`, the figure draws
  /// `seed + 1`, the draws of both at once `seed + 2` (wrapping).
  public var seed: UInt64

  public init(draws: Int = 1000, concentration: Double = 50, seed: UInt64) {
    self.draws = draws
    self.concentration = concentration
    self.seed = seed
  }
}

/// The spread of one ward's rank over the draws of one source.
public struct CompositeRankDistribution: Hashable, Sendable {
  /// The 5 % quantile of the rank (inverted empirical distribution: the smallest rank that at
  /// least ⌈0.05 · draws⌉ draws do not exceed).
  public let lower: Int
  /// The 95 % quantile of the rank, likewise (⌈0.95 · draws⌉).
  public let upper: Int
  /// The mean rank over the draws.
  public let meanRank: Double
}

/// The 5–95 % range of each ward's rank under each source of uncertainty.
public struct CompositeRankIntervals: Hashable, Sendable {
  public let settings: CompositeDrawSettings
  /// The input wards, in order.
  public let wards: [String]
  /// Under weights drawn around the configured ones (figures fixed); `nil` for unscored wards.
  public let weights: [CompositeRankDistribution?]
  /// Under the figures drawn from their uncertainty models (weights fixed); every entry `nil`
  /// when no indicator has a known uncertainty (see ``uncertainIndicators``).
  public let figures: [CompositeRankDistribution?]
  /// Under both at once: the interval a ward plan quotes ("rang 3 (tussen 2 en 6)").
  public let combined: [CompositeRankDistribution?]
  /// The indicators whose figures vary in the draws, in specification order.
  public let uncertainIndicators: [String]
}

extension CompositeIndex {
  /// The 5–95 % range of every scored ward's rank when the weights and the figures vary.
  ///
  /// Each draw recomputes the whole index (transformations, domain ranks and their
  /// exponential transformation included) on the same scored wards, and ranks the wards.
  /// Weights: each level with two or more members (the domains; the indicators of each
  /// domain) is drawn from Dirichlet(c · w), domains first, then the domains' indicators in
  /// order. Figures: every present value whose indicator has an ``IndicatorUncertainty`` is
  /// drawn, indicator by indicator in specification order, ward by ward in input order
  /// (binomial and Poisson counts by inversion of each figure's table, ``InversionTable``); a drawn
  /// indicator that comes out constant contributes 0. The combined run draws the weights,
  /// then the figures, in each draw. The rank may fall outside its own interval when the
  /// draws are skewed; the interval is not clipped to contain it.
  ///
  /// A script replays the same generator and draws and gets the same intervals
  /// (`Tests/Fixtures/reference/composite_index_references.py`).
  ///
  /// - Parameters:
  ///   - specification: As ``compute(_:input:)``.
  ///   - input: As ``compute(_:input:)``, with the uncertainty models.
  ///   - settings: Draws, concentration and seed.
  /// - Throws: as ``compute(_:input:)``, and
  ///   ``CompositeIndexError/invalidParameter(name:value:expected:)``
  ///   for fewer than 20 draws or a concentration that is not above 0.
  /// - Complexity: O(3 · draws · k · n log n).
  public static func rankIntervals(
    _ specification: CompositeIndexSpecification, input: CompositeIndexInput,
    settings: CompositeDrawSettings
  ) throws(CompositeIndexError) -> CompositeRankIntervals {
    guard settings.draws >= 20 else {
      throw .invalidParameter(
        name: "number of draws", value: Double(settings.draws), expected: "at least 20")
    }
    guard settings.concentration > 0, settings.concentration.isFinite else {
      throw .invalidParameter(
        name: "Dirichlet concentration", value: settings.concentration, expected: "above 0")
    }
    let plan = try CompositePlan(specification, input)
    let draws = CompositeDraws(plan: plan, settings: settings)
    let position = Dictionary(uniqueKeysWithValues: plan.scored.enumerated().map { ($1, $0) })
    func spread(_ ranks: [[Int]]) -> [CompositeRankDistribution?] {
      let byWard = draws.distributions(ranks)
      return input.wards.indices.map { w in position[w].map { byWard[$0] } }
    }
    let figures: [CompositeRankDistribution?] =
      plan.hasUncertainty
      ? spread(draws.ranks(seed: settings.seed &+ 1, weights: false, figures: true))
      : input.wards.map { _ in nil }
    return CompositeRankIntervals(
      settings: settings, wards: input.wards,
      weights: spread(draws.ranks(seed: settings.seed, weights: true, figures: false)),
      figures: figures,
      combined: spread(draws.ranks(seed: settings.seed &+ 2, weights: true, figures: true)),
      uncertainIndicators: plan.indicatorNames.indices.filter { plan.uncertainty[$0].isKnown }
        .map { plan.indicatorNames[$0] })
  }
}

/// One run of draws over a plan.
struct CompositeDraws {
  let plan: CompositePlan
  let settings: CompositeDrawSettings
  /// Per indicator and scored ward, the distribution of the drawn count (`nil`: the value is
  /// fixed: no known uncertainty, or no value), and the figure of a count k: per · k / divisor.
  let figureTables: [[InversionTable?]]
  let figureScale: [[(per: Double, divisor: Double)]]

  init(plan: CompositePlan, settings: CompositeDrawSettings) {
    (self.plan, self.settings) = (plan, settings)
    let observed = plan.scoredValues
    var tables: [[InversionTable?]] = []
    var scales: [[(per: Double, divisor: Double)]] = []
    for (i, model) in plan.uncertainty.enumerated() {
      let drawn = plan.scored.enumerated().map { k, w in
        observed[i][k].flatMap { Self.figureTable(model, value: $0, ward: w) }
      }
      tables.append(drawn.map { $0?.table })
      scales.append(drawn.map { $0?.scale ?? (1, 1) })
    }
    (figureTables, figureScale) = (tables, scales)
  }

  /// The count a figure is drawn as, and its scale: a Poisson count of the value, a Poisson
  /// count of the events per `per` of the base, a binomial share of ⌊trials⌋ trials per `per`
  /// of the trials. A degenerate distribution (mean 0, p outside (0, 1), no trials) is constant.
  static func figureTable(_ model: IndicatorUncertainty, value: Double, ward w: Int)
    -> (table: InversionTable, scale: (per: Double, divisor: Double))?
  {
    func poisson(_ mean: Double) -> InversionTable {
      mean > 0 && mean.isFinite ? .poisson(mean: mean) : .constant(0)
    }
    switch model {
    case .none:
      return nil
    case .poissonCount:
      return (poisson(value), (1, 1))
    case .poissonRate(let events, let base, let per):
      return (poisson(events[w]!), (per, base[w]!))
    case .binomialShare(let events, let trials, let per):
      let n = trials[w]!
      let (count, p) = (Int(n), events[w]! / n)
      let table: InversionTable =
        count < 1 || !(p > 0) ? .constant(0) : p >= 1 ? .constant(count)
        : .binomial(n: count, p: p)
      return (table, (per, n))
    }
  }

  /// Draw × scored ward ranks.
  func ranks(seed: UInt64, weights drawWeights: Bool, figures drawFigures: Bool) -> [[Int]] {
    var generator = PermutationGenerator(seed: seed)
    let observed = plan.scoredValues
    let fixed = CompositeWeights(domain: plan.domainWeights, member: plan.memberWeights)
    return (0..<settings.draws).map { _ in
      let weights = drawWeights ? drawnWeights(&generator) : fixed
      let values = drawFigures ? drawnValues(observed, &generator) : observed
      let scores = CompositeScoring.scores(plan, values: values, weights: weights)
      return CompositeRanking.ranksFromHighest(scores.index).map { $0 ?? 0 }
    }
  }

  /// Dirichlet(c · w / Σw) at every level with two or more members.
  func drawnWeights(_ generator: inout PermutationGenerator) -> CompositeWeights {
    func draw(_ w: [Double]) -> [Double] {
      guard w.count >= 2 else { return w }
      let total = w.reduce(0, +)
      return generator.dirichlet(w.map { settings.concentration * ($0 / total) })
    }
    let domain = draw(plan.domainWeights)
    return CompositeWeights(domain: domain, member: plan.memberWeights.map(draw))
  }

  /// Every present value of an indicator with a known uncertainty, drawn from its model by
  /// inversion of its table (``figureTables``): one uniform per value.
  func drawnValues(_ observed: [[Double?]], _ generator: inout PermutationGenerator)
    -> [[Double?]]
  {
    var values = observed
    for (i, row) in figureTables.enumerated() {
      for (k, table) in row.enumerated() {
        guard let table else { continue }
        let (per, divisor) = figureScale[i][k]
        values[i][k] = per * Double(table.draw(&generator)) / divisor
      }
    }
    return values
  }

  /// Per scored ward, the quantiles and mean of its ranks over the draws.
  func distributions(_ ranks: [[Int]]) -> [CompositeRankDistribution] {
    let wardCount = ranks.first?.count ?? 0
    return (0..<wardCount).map { k in
      let sorted = ranks.map { $0[k] }.sorted()
      let sum = sorted.reduce(0, +)
      return CompositeRankDistribution(
        lower: CompositeRanking.quantile(sorted: sorted, percent: 5),
        upper: CompositeRanking.quantile(sorted: sorted, percent: 95),
        meanRank: Double(sum) / Double(sorted.count))
    }
  }
}
