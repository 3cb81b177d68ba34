import SpatialStats

/// The composite index of an analysis (`index:` in the configuration): which indicators of
/// the run it combines, with what direction, weight and domain, how they are put on one
/// scale and combined, and how the uncertainty of the ranks is drawn.
///
/// The arithmetic is ``CompositeIndex`` (SpatialStats), checked against a numpy/pandas
/// script (`Tests/Fixtures/reference/composite_index_references.py`); this type only names
/// its parts in the words of the configuration. Every report of the index prints them.
public struct IndexSpec: Sendable, Equatable {
  /// Identifier of the index in file and column names (`deprivation_illustrative`).
  public var id: String
  /// Its name in maps, tables and reports.
  public var label: LocalisedText
  /// True when the choice of indicators and weights is an example, not the city's own
  /// criteria: every report made from it says so at the top.
  public var illustrative: Bool
  /// How each indicator is put on one scale (`z_score`, `rank`, `min_max`).
  public var transformation: CompositeTransformation
  /// How domain scores make the index (`weighted_sum`, `exponential_domain_ranks`).
  public var combination: CompositeCombination
  /// What happens to a ward without a figure (`missing`, or `reweight` with a minimum share).
  public var missing: CompositeMissingRule
  /// The domains, empty for a flat index.
  public var domains: [IndexDomainSpec]
  /// The indicators, in the order of every report.
  public var indicators: [IndexIndicatorSpec]
  /// Draws per source of the rank intervals (weights, figures, both), ≥ 20.
  public var draws: Int
  /// Dirichlet concentration of the weight draws, > 0.
  public var concentration: Double
  /// The size of the top compared in the sensitivity table, ≥ 1.
  public var top: Int

  /// The specification ``CompositeIndex`` computes, the indicators named by
  /// ``IndexIndicatorSpec/name``.
  public var composite: CompositeIndexSpecification {
    CompositeIndexSpecification(
      indicators: indicators.map {
        CompositeIndicator(name: $0.name, worse: $0.worse, weight: $0.weight, domain: $0.domain)
      },
      domains: domains.map { CompositeDomain(name: $0.id, weight: $0.weight) },
      transformation: transformation, combination: combination, missing: missing)
  }
}

/// A domain of the index (as the English Indices of Deprivation use them).
public struct IndexDomainSpec: Sendable, Equatable {
  /// The domain's id, used by ``IndexIndicatorSpec/domain``.
  public var id: String
  /// Relative weight over the index, > 0.
  public var weight: Double
  /// Its name in reports; the id when absent.
  public var label: LocalisedText?
}

/// One indicator of the index: a figure of the run per ward.
public struct IndexIndicatorSpec: Sendable, Equatable {
  /// Where the figure comes from.
  public enum Source: Sendable, Equatable {
    /// An indicator of the run by its result id: a classic indicator (`gas_share`) or one
    /// year of a sector indicator (`share_65plus_2021`).
    case indicator(String)
    /// A sector indicator's change over its period in % of the first year (``WardSeries/
    /// changePercent``), e.g. `population`.
    case change(String)
  }

  /// How the figure could have come out otherwise (for the rank intervals), from the
  /// indicator's own numerator and base per ward.
  public enum Uncertainty: String, Sendable, Equatable, CaseIterable {
    /// Held fixed in every draw (the default).
    case none
    /// A count: drawn as Poisson(count).
    case poissonCount = "poisson_count"
    /// A rate, per × numerator / base: the numerator drawn as Poisson, the base fixed.
    case poissonRate = "poisson_rate"
    /// A share, per × numerator / base of whole numbers: drawn as Binomial(base, share).
    case binomialShare = "binomial_share"
  }

  public var source: Source
  /// The domain's id; `nil` for a flat index.
  public var domain: String?
  /// Which end is deprived.
  public var worse: WorseDirection
  /// Relative weight within the domain (or over a flat index), > 0.
  public var weight: Double
  public var uncertainty: Uncertainty

  /// The indicator's name in the index and its reports: the indicator id, or
  /// `<id>_change` for a change.
  public var name: String {
    switch source {
    case .indicator(let id): id
    case .change(let id): "\(id)_change"
    }
  }
}
