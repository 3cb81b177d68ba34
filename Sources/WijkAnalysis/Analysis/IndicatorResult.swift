/// One indicator's numbers for one ward. Every statistic that is undefined is `nil`, with
/// its reason in `undefined` (statistic name → reason); nothing is NaN and nothing missing
/// is 0.
public struct WardIndicatorValue: Sendable, Codable, Equatable {
  public var code: String
  /// Σ numerator (the count, or the rate's numerator) over the ward's sectors.
  public var numerator: Double?
  /// Σ base (denominator), when the indicator has one.
  public var base: Double?
  /// The indicator: the count; numerator/base × per for a rate; numerator/base for a mean.
  public var value: Double?
  /// The ward's share of the city total of the numerator (0–1).
  public var shareOfCity: Double?
  /// Count per km² of ward area (counts only).
  public var densityPerSquareKilometre: Double?
  /// Empirical Bayes (Marshall 1991, global prior) smoothed rate, rates only.
  public var smoothedRate: Double?
  /// Location quotient: ward rate / city rate (numerator/base against Σ/Σ).
  public var locationQuotient: Double?
  /// 1 = the highest value; ties share the smaller rank.
  public var rank: Int?
  /// (value − mean of the wards) / population standard deviation of the wards.
  public var zScore: Double?
  /// The base is above 0 and below the small-number threshold.
  public var smallBase: Bool
  /// Local Moran: I, quadrant (HH, LH, LL, HL), conditional-permutation pseudo p.
  public var localMoranI: Double?
  public var lisaQuadrant: String?
  public var lisaPseudoP: Double?
  /// HH, LH, LL, HL when significant; otherwise "not significant", "not tested" (0
  /// permutations), "no neighbours", "no data".
  public var lisaCategory: String
  /// Getis-Ord Gi* (binary weights, the ward itself included): z and pseudo p.
  public var giStarZ: Double?
  public var giStarPseudoP: Double?
  /// "hotspot" (Gi* z > 0, significant), "coldspot" (z < 0, significant), or `nil`.
  public var hotspot: String?
  /// Statistic → why it is undefined for this ward.
  public var undefined: [String: String]
  /// Short tags: `concentration ward`, `small base`, `hotspot`, `coldspot`, `HH cluster`,
  /// `spatial outlier (HL)`…
  public var flags: [String]
}

/// Global Moran's I of an indicator over the wards, as esda `Moran` reports it.
public struct MoranSummary: Sendable, Codable, Equatable {
  public var i: Double
  public var expectedI: Double
  public var zRandomisation: Double
  public var pNormality: Double
  public var pRandomisation: Double
  /// Folded permutation pseudo p (esda `p_sim`); `nil` with 0 permutations.
  public var pseudoP: Double?
  public var permutations: Int
  public var seed: UInt64
  /// Wards the statistic could not use (missing values, no neighbours).
  public var excluded: [String]
}

/// City-level statistics of one indicator.
public struct CityIndicatorStatistics: Sendable, Codable, Equatable {
  public var numeratorTotal: Double?
  public var baseTotal: Double?
  /// The city value: Σ numerator for a count, Σ numerator / Σ base (× per) otherwise.
  public var value: Double?
  /// Segregation of the numerator group within the base (rates and counts with a base):
  /// dissimilarity D, isolation, Theil's entropy index H, Gini segregation
  /// (segregation 2.5 singlegroup `Dissim`, `Isolation`, `Entropy`, `GiniSeg`).
  public var dissimilarity: Double?
  public var isolation: Double?
  public var theilH: Double?
  public var giniSegregation: Double?
  /// Gini inequality of the ward values (inequality 1.1 `Gini`).
  public var giniInequality: Double?
  /// Share of the city numerator held by the top 20 % of wards (by numerator).
  public var topFifthShare: Double?
  public var moran: MoranSummary?
  /// Moran's I of the empirical Bayes standardised rate (esda `Moran_Rate`), rates only.
  public var moranEmpiricalBayes: MoranSummary?
  /// Statistic → why it is undefined for the city.
  public var undefined: [String: String]
}

/// The map classes of an indicator.
public struct ClassesSummary: Sendable, Codable, Equatable {
  public var method: String
  public var upperBounds: [Double]
  public var counts: [Int]
  /// Class of each ward (index into `upperBounds`), `nil` without a value.
  public var classOfWard: [Int?]
  public var notes: [String]
}

/// Everything computed for one indicator.
public struct IndicatorResult: Sendable, Codable, Equatable {
  public var id: String
  public var label: String
  public var kind: String
  public var unit: String?
  /// "higher", "lower" or "neither": which direction is worse.
  public var worse: String
  /// The rate multiplier (100 = percent), rates only.
  public var per: Double?
  public var city: CityIndicatorStatistics
  /// One entry per ward, in the order of the ward table.
  public var wards: [WardIndicatorValue]
  public var classes: ClassesSummary?
  /// What a reader must know (excluded wards, merged classes…).
  public var warnings: [String]
}
