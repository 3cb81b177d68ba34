// What a composite index is made of: indicators with a direction and a weight, optional
// domains, one transformation, a combination rule and a missing-value rule.

/// Which end of an indicator is the deprived one.
public enum WorseDirection: String, Hashable, Sendable, CaseIterable {
  /// A higher value is worse (a share of residents on benefits).
  case higher
  /// A lower value is worse (a mean income).
  case lower
}

/// How each indicator is put on a common scale before weighting. Every transformation is
/// computed over the wards the index scores (see ``CompositeMissingRule``) that have a value,
/// and is oriented so that a higher transformed value is always worse.
public enum CompositeTransformation: String, Hashable, Sendable, CaseIterable {
  /// (x − mean) / sd with the **population** standard deviation (divisor n, numpy's and
  /// `scipy.stats.zscore`'s default `ddof=0`). The sample standard deviation (divisor n − 1)
  /// would scale every z-score by √((n − 1)/n) when all indicators have the same wards, which
  /// leaves ranks unchanged; with the reweighting rule the counts can differ, so it is fixed
  /// here. A `lower` indicator is negated.
  case zScore = "z_score"
  /// The rank r of the oriented value (1 = least deprived) divided by the number of wards m,
  /// in (0, 1]. Tied values share the mean of their ranks (pandas `rank(method="average")`),
  /// so ties never decide the order.
  case rank
  /// (x − min) / (max − min) of the oriented value, in [0, 1]: 1 is the worst ward.
  case minMax = "min_max"
}

/// How domain scores become the index; the choice is the rule against cancellation.
public enum CompositeCombination: String, Hashable, Sendable, CaseIterable {
  /// Σ_d W_d · D_d, the weighted sum of domain scores (of indicator scores without domains).
  /// Full compensation: a very good figure on one domain cancels a very bad one on another.
  case weightedSum = "weighted_sum"
  /// The English Indices of Deprivation 2019 rule: each domain score is ranked over the
  /// scored wards, the rank scaled to R = r/N in (0, 1] (r = 1 least deprived, r = N most
  /// deprived, ties at their mean rank), transformed to X = −23 ln(1 − R (1 − e^(−100/23)))
  /// (0 < X ≤ 100, exponentially distributed), and the index is Σ_d W_d · X_d.
  ///
  /// What it does against cancellation: X stretches the deprived end and compresses the
  /// rest. The most deprived 10 % of wards get X from about 50 to 100 while the least
  /// deprived half share about 0 to 16, so deprivation in one domain is only partly offset by
  /// little deprivation in another: with two equally weighted domains, a ward most deprived
  /// on one and least deprived on the other scores about 50, at the 90th percentile, where
  /// averaging ranks or z-scores would put it at the 50th. Every domain also counts by its
  /// rank, not by its units. When it applies: only at the domain level. Without domains every
  /// indicator is a domain of its own. Within a domain the indicators are still added with
  /// full compensation.
  ///
  /// References: McLennan, D., Noble, S., Noble, M., Plunkett, E., Wright, G. & Gutacker, N.
  /// (2019), *The English Indices of Deprivation 2019: Technical report*, MHCLG (combining the
  /// domains into the Index of Multiple Deprivation: the exponential transformation and the
  /// domain weights); Scottish Executive (2003), *Scottish Indices of Deprivation 2003*,
  /// Appendix 5 (the same formula, with the cancellation example above). Deviation: within
  /// domains the IoD weights indicators by factor analysis and shrinks small-area scores;
  /// wijk uses the configured weights and no shrinkage.
  case exponentialDomainRanks = "exponential_domain_ranks"
}

/// What happens to a ward with no value for an indicator.
public enum CompositeMissingRule: Hashable, Sendable {
  /// The ward has no index (the default). The index is computed over the wards that have
  /// every indicator; the others are listed with the indicators they lack.
  case missingIndex
  /// The index is computed over the indicators the ward has: within a domain the available
  /// indicator weights are scaled up to the domain's, and domains without any indicator are
  /// left out the same way over the index. A ward is scored only if the configured weight of
  /// its available indicators (each indicator's share of the whole index) is at least
  /// `minimumShare`, in (0, 1] (compared to within 1e-12, so that one of two equal weights is
  /// a share of ½). The transformations run over the scored wards that have the indicator.
  /// Every reweighted ward is marked in the result.
  case reweight(minimumShare: Double)
}

/// One indicator of a composite index.
public struct CompositeIndicator: Hashable, Sendable {
  /// The indicator's name, as in ``CompositeIndexInput/values``.
  public var name: String
  /// Which end is deprived.
  public var worse: WorseDirection
  /// Relative weight, > 0: within its domain, or over the index without domains. Weights
  /// are normalised to sum to 1 at each level, so 1, 1, 2 means ¼, ¼, ½.
  public var weight: Double
  /// The domain's name, or `nil` when the specification has no domains.
  public var domain: String?

  public init(name: String, worse: WorseDirection, weight: Double = 1, domain: String? = nil) {
    self.name = name
    self.worse = worse
    self.weight = weight
    self.domain = domain
  }
}

/// A domain (as the English Indices of Deprivation use them: income, employment, health …):
/// a group of indicators combined into one domain score, weighted over the index.
public struct CompositeDomain: Hashable, Sendable {
  /// The domain's name, used by ``CompositeIndicator/domain``.
  public var name: String
  /// Relative weight over the index, > 0 (normalised to sum to 1 over the domains).
  public var weight: Double

  public init(name: String, weight: Double = 1) {
    self.name = name
    self.weight = weight
  }
}

/// A composite index: ward score = Σ_d W_d · f(D_d), D_d = Σ_{i∈d} w_i · t_i (weights
/// normalised at each level), with t_i the transformed indicator and f the identity
/// (``CompositeCombination/weightedSum``) or the exponential transformation of the domain's
/// rank (``CompositeCombination/exponentialDomainRanks``). Higher scores are worse; rank 1 is
/// the most deprived ward.
public struct CompositeIndexSpecification: Hashable, Sendable {
  /// The indicators, in the order of every report.
  public var indicators: [CompositeIndicator]
  /// The domains; empty for a flat index (every indicator weighted over the index).
  public var domains: [CompositeDomain]
  public var transformation: CompositeTransformation
  public var combination: CompositeCombination
  public var missing: CompositeMissingRule

  public init(
    indicators: [CompositeIndicator], domains: [CompositeDomain] = [],
    transformation: CompositeTransformation = .zScore,
    combination: CompositeCombination = .weightedSum,
    missing: CompositeMissingRule = .missingIndex
  ) {
    self.indicators = indicators
    self.domains = domains
    self.transformation = transformation
    self.combination = combination
    self.missing = missing
  }
}
