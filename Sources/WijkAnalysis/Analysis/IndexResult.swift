/// The composite index of a run, as written to `results_not_for_publication.json` and read by
/// every report: its specification in words, per ward the score, rank, decile and the
/// 5–95 % range of the rank, and the sensitivity table.
///
/// The score's map, local Moran and Gi* are those of the indicator with the index's id in
/// ``AnalysisResult/indicators`` (kind `score`).
public struct IndexResult: Sendable, Codable, Equatable {
  /// The index's id and label.
  public var id: String
  public var label: String
  /// True when indicators and weights are an example, not the city's criteria.
  public var illustrative: Bool
  /// `z_score`, `rank` or `min_max`.
  public var transformation: String
  /// `weighted_sum` or `exponential_domain_ranks`.
  public var combination: String
  /// `missing`, or `reweight (minimum share 0.5)`.
  public var missing: String
  /// The domains with their share of the index (weights normalised to sum to 1).
  public var domains: [IndexDomainSummary]
  /// The indicators with their share of the index.
  public var indicators: [IndexIndicatorSummary]
  /// Wards with a score.
  public var scoredCount: Int
  /// One entry per ward, in ward-table order.
  public var wards: [IndexWardValue]
  /// Draws per source, Dirichlet concentration and seed of the rank intervals.
  public var draws: Int
  public var concentration: Double
  public var seed: UInt64
  /// The index's own top (ties at its edge make it longer) and, per variant, what it does.
  public var top: [String]
  public var sensitivity: [IndexSensitivityRow]
  /// What a reader must know (wards without a score and what they lack).
  public var notes: [String]
}

/// A domain of the index.
public struct IndexDomainSummary: Sendable, Codable, Equatable {
  public var id: String
  public var label: String
  /// Its share of the index, in (0, 1].
  public var share: Double
}

/// An indicator of the index.
public struct IndexIndicatorSummary: Sendable, Codable, Equatable {
  /// The name in the index (`share_65plus_2021`, `population_change`).
  public var name: String
  /// Its label in the run's language (for a change: the series' label and "change").
  public var label: String
  public var domain: String?
  /// `higher` or `lower`: which end is deprived.
  public var worse: String
  /// Its share of the whole index, in (0, 1].
  public var share: Double
  /// `none`, `poisson_count`, `poisson_rate` or `binomial_share`.
  public var uncertainty: String
}

/// One ward's index.
public struct IndexWardValue: Sendable, Codable, Equatable {
  public var code: String
  /// Higher is more deprived; `nil` when the ward has no score (``lacking`` says why).
  public var score: Double?
  /// 1 = most deprived.
  public var rank: Int?
  /// 1 = the most deprived tenth (as the English Indices of Deprivation number them).
  public var decile: Int?
  /// The 5 % and 95 % quantile of the rank when weights and figures vary together;
  /// `[lower, upper]`.
  public var rankRange: [Int]?
  /// The same when only the weights vary, and when only the figures do (`nil` when no
  /// indicator has an uncertainty model).
  public var rankRangeWeights: [Int]?
  public var rankRangeFigures: [Int]?
  /// Indicators without a figure for the ward.
  public var lacking: [String]
  /// Scored on fewer indicators, their weights scaled up (`missing: reweight`).
  public var reweighted: Bool
}

/// One variant of the sensitivity table.
public struct IndexSensitivityRow: Sendable, Codable, Equatable {
  /// `indicator` or `domain`, and its name.
  public var kind: String
  public var name: String
  /// `left_out`, `doubled` or `halved`.
  public var change: String
  public var entering: [String]
  public var leaving: [String]
  public var largestRankChange: Int
  public var wardsWithLargestChange: [String]
}
