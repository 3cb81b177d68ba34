// The composite index of each ward: score, rank and decile.

/// One ward's place in a composite index.
public struct CompositeWardScore: Hashable, Sendable {
  /// The ward code.
  public let ward: String
  /// The index (higher is worse); `nil` when the ward is not scored.
  public let score: Double?
  /// 1 = the most deprived scored ward; tied scores share the best rank (competition ranking).
  public let rank: Int?
  /// ⌈10 · rank / N⌉ over the N scored wards: 1 = the most deprived tenth.
  public let decile: Int?
  /// Per domain of ``CompositeIndexResult/domains``, the domain score D_d (the weighted mean
  /// of the ward's transformed indicators); `nil` where it has none.
  public let domainScores: [Double?]
  /// Per domain, X_d of the exponential transformation (empty for a weighted sum).
  public let domainExponential: [Double?]
  /// The indicators the ward has no value for (the reason it is unscored or reweighted).
  public let lacking: [String]
  /// Scored over fewer indicators than the index has
  /// (``CompositeMissingRule/reweight(minimumShare:)``).
  public var isReweighted: Bool { score != nil && !lacking.isEmpty }
}

/// A composite index of every ward.
public struct CompositeIndexResult: Hashable, Sendable {
  /// The specification it was computed with (every report repeats it).
  public let specification: CompositeIndexSpecification
  /// The domains the scores are given for: the declared ones; for a flat index `index`
  /// (weighted sum) or one per indicator (exponential transformation).
  public let domains: [String]
  /// One entry per input ward, in input order.
  public let wards: [CompositeWardScore]
  /// The number of scored wards N.
  public let scoredCount: Int

  /// The scored wards with rank ≤ `size` (ties at the boundary included), best first.
  public func top(_ size: Int = 5) -> [CompositeWardScore] {
    CompositeRanking.top(wards.map(\.rank), size: size).map { wards[$0] }
  }
}

/// A composite deprivation index per ward, with the uncertainty of its ranks
/// (``rankIntervals(_:input:settings:)``) and a sensitivity table
/// (``sensitivity(_:input:top:)``).
///
/// Score: each indicator is transformed over the scored wards (``CompositeTransformation``,
/// oriented so that higher is worse), combined per domain as D_d = Σ wᵢtᵢ / Σ wᵢ, and the
/// domains as Σ W_d f(D_d) / Σ W_d, f the identity or the exponential transformation of the
/// domain rank (``CompositeCombination``); sums over the indicators and domains the ward has.
/// Rank 1 is the most deprived; deciles as the English Indices of Deprivation (decile 1 = the
/// most deprived tenth).
///
/// The arithmetic is reproduced with numpy/pandas on Genk's wards and on Columbus to 1e-9
/// (`Tests/Fixtures/reference/composite_index_references.py`).
public enum CompositeIndex {
  /// Computes the index of every ward.
  ///
  /// - Parameters:
  ///   - specification: Indicators, domains, weights, transformation, combination, missing rule.
  ///   - input: Ward codes and one value per ward for every indicator.
  /// - Returns: Score, rank and decile per ward; unscored wards (missing figures) have `nil`.
  /// - Throws: ``CompositeIndexError`` for a specification that contradicts itself
  ///   (``CompositeIndexError/noIndicators``, ``CompositeIndexError/duplicateName(_:kind:)``,
  ///   ``CompositeIndexError/invalidWeight(name:weight:)``,
  ///   ``CompositeIndexError/unknownDomain(indicator:domain:)``,
  ///   ``CompositeIndexError/emptyDomain(_:)``) or figures that do not fit it
  ///   (``CompositeIndexError/missingIndicator(_:available:)``,
  ///   ``CompositeIndexError/lengthMismatch(indicator:count:wards:)``,
  ///   ``CompositeIndexError/nonFiniteValue(indicator:ward:value:)``,
  ///   ``CompositeIndexError/inconsistentUncertainty(indicator:ward:reason:)``,
  ///   ``CompositeIndexError/tooFewWards(scored:)``,
  ///   ``CompositeIndexError/noVariation(indicator:value:)``).
  /// - Complexity: O(k · n log n) for k indicators and n wards.
  public static func compute(
    _ specification: CompositeIndexSpecification, input: CompositeIndexInput
  ) throws(CompositeIndexError) -> CompositeIndexResult {
    let plan = try CompositePlan(specification, input)
    let scores = CompositeScoring.scores(
      plan, values: plan.scoredValues,
      weights: CompositeWeights(domain: plan.domainWeights, member: plan.memberWeights))
    let ranks = CompositeRanking.ranksFromHighest(scores.index)
    let position = Dictionary(uniqueKeysWithValues: plan.scored.enumerated().map { ($1, $0) })
    let wards = input.wards.indices.map { w in
      guard let k = position[w] else {
        return CompositeWardScore(
          ward: input.wards[w], score: nil, rank: nil, decile: nil,
          domainScores: plan.domainNames.map { _ in nil },
          domainExponential: scores.exponential.map { _ in nil }, lacking: plan.lacking[w])
      }
      return CompositeWardScore(
        ward: input.wards[w], score: scores.index[k], rank: ranks[k],
        decile: ranks[k].map { CompositeRanking.decile(rank: $0, of: plan.scored.count) },
        domainScores: scores.domains.map { $0[k] },
        domainExponential: scores.exponential.map { $0[k] }, lacking: plan.lacking[w])
    }
    return CompositeIndexResult(
      specification: specification, domains: plan.domainNames, wards: wards,
      scoredCount: plan.scored.count)
  }
}
