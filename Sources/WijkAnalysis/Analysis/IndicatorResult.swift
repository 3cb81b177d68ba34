import SpatialStats

/// One indicator's numbers for one ward. Every statistic that is undefined is `nil`, with
/// its reason in `undefined` (statistic name → reason); nothing is NaN and nothing missing
/// is 0.
public struct WardIndicatorValue: Sendable, Codable, Equatable {
  /// The ward's code, as in ``WardTable/codes`` (text, leading zeros kept).
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
  /// Spatial empirical Bayes smoothed rate (esda `Spatial_Empirical_Bayes`: shrunk towards
  /// the rate of the ward and its neighbours), rates only.
  public var spatialSmoothedRate: Double? = nil
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
  /// Moran scatterplot quadrant (`HH`, `LH`, `LL`, `HL`; esda `q`), significant or not;
  /// `nil` when the ward is not in the sample (no value, no neighbours) or local Moran is
  /// undefined.
  public var lisaQuadrant: String?
  /// The Moran scatterplot's point: the ward's value standardised over local Moran's sample
  /// (``LocalMoran/z``) and the row-standardised mean of its neighbours' (``LocalMoran/lag``);
  /// `nil` where ``lisaQuadrant`` is.
  public var lisaZ: Double? = nil
  public var lisaLag: Double? = nil
  /// Folded conditional-permutation pseudo p of local Moran, ties counted on both tails (on
  /// untied data esda's `Moran_Local.p_sim`); `nil` with 0 permutations or when the ward has
  /// no statistic (no value, no neighbours, no variance: the reason is in `undefined`).
  public var lisaPseudoP: Double?
  /// HH, LH, LL, HL when significant after the run's multiple-testing correction; otherwise
  /// "not significant", "not tested" (0 permutations), "no neighbours", "no data", or
  /// "undefined" (the indicator has no variance). The letters are esda's quadrant: the ward's
  /// value and its neighbours' against the mean of the wards.
  public var lisaCategory: String
  /// Getis-Ord Gi* (binary weights, the ward itself included): the analytic z, which weighs
  /// the ward's own value too; it does not decide ``hotspot`` (the permutation tail does).
  public var giStarZ: Double?
  /// Folded conditional-permutation pseudo p of Gi* (esda `G_Local.p_sim`, `star=True`, ties
  /// on both tails); `nil` with 0 permutations or when the ward has no statistic.
  public var giStarPseudoP: Double?
  /// "hotspot" or "coldspot": Gi* significant after the correction, its statistic in the upper
  /// (neighbours high) or lower (neighbours low) tail of its conditional permutations; `nil`
  /// otherwise. A statement about the ward's surroundings, not its own value.
  public var hotspot: String?
  /// Local Geary c (Anselin 2019; esda `Geary_Local`: row-standardised weights, the values
  /// standardised with the population standard deviation): the weighted mean squared
  /// difference from the neighbours, small when the ward is like them. `nil` when the ward is
  /// not in the sample or the statistic is undefined (the reason is in `undefined`).
  public var localGearyC: Double? = nil
  /// Folded conditional-permutation pseudo p of local Geary (esda `Geary_Local.p_sim`, ties
  /// on both tails); `nil` with 0 permutations or without a statistic.
  public var localGearyPseudoP: Double? = nil
  /// esda's `labels` for a ward significant after the run's correction, in the tail the label
  /// implies: `HH` or `LL` (like its neighbours, c below the mean of c and in the lower tail of
  /// its permutations; high or low value), `other positive` (likewise, the value at the mean),
  /// `negative` (unlike its neighbours: c above the mean, upper tail); otherwise
  /// `not significant`, `not tested` (0 permutations); `nil` without a statistic.
  public var localGearyCategory: String? = nil
  /// Local join count of the indicator's concentration wards (``ConcentrationJoinCounts``):
  /// for a concentration ward, its neighbours that are concentration wards too; 0 for the
  /// others; `nil` outside the sample or when the indicator has no concentration ward.
  public var concentrationJoinCount: Int? = nil
  /// Its upper-tail conditional-permutation pseudo p; `nil` where the count is 0 (esda: NaN).
  public var concentrationJoinPseudoP: Double? = nil
  /// Significant after the run's correction: one of a cluster of concentration wards.
  public var concentrationCluster: Bool? = nil
  /// Statistic → why it is undefined for this ward.
  public var undefined: [String: String]
  /// Short tags: `concentration ward` (its own value: LQ at or above the configured quotient,
  /// rank in the top fifth),
  /// `small base`, and the spatial ones, statements about the surroundings: `hotspot`,
  /// `coldspot` (Gi*), `HH cluster`, `LL cluster`, `spatial outlier (HL)`, `(LH)` (local Moran),
  /// `concentration cluster` (local join counts of the concentration wards).
  public var flags: [String]
}

/// Global Moran's I of an indicator over the wards, as esda `Moran` reports it.
public struct MoranSummary: Sendable, Codable, Equatable {
  /// Moran's I on row-standardised weights (esda `Moran.I`; `Moran_Rate.I` for EB rates).
  public var i: Double
  /// E[I] = −1 / (n − 1), n the wards used (esda `EI`).
  public var expectedI: Double
  /// z of I under the randomisation assumption (esda `z_rand`).
  public var zRandomisation: Double
  /// Two-tailed p under normality (esda `p_norm`).
  public var pNormality: Double
  /// Two-tailed p under randomisation (esda `p_rand`).
  public var pRandomisation: Double
  /// Folded permutation pseudo p (esda `p_sim` on untied data, ties on both tails); `nil` with
  /// 0 permutations.
  public var pseudoP: Double?
  /// `upper` (more alike than chance: similar values cluster) or `lower` (neighbours differ),
  /// the tail of the permutation test that gave ``pseudoP``; `nil` with 0 permutations.
  public var tail: String?
  /// Significant after the run's correction over the indicators' global Moran's I
  /// (``SignificanceSummary/globalMoran``); `nil` when not decided (no permutations, or the
  /// empirical Bayes version, which is reported but not tested).
  public var significant: Bool?
  /// Permutations behind ``pseudoP``, from the configuration (0 = no permutation test).
  public var permutations: Int
  /// Seed of the permutation test; the same seed reproduces ``pseudoP``.
  public var seed: UInt64
  /// Wards the statistic could not use (missing values, no neighbours).
  public var excluded: [String]
}

/// The spatial Gini of an indicator over the wards, as inequality's `Gini_Spatial` reports it:
/// how much of the Gini comes from pairs of wards that are not neighbours.
public struct SpatialGiniSummary: Sendable, Codable, Equatable {
  /// The Gini (`g`), equal to ``CityIndicatorStatistics/giniInequality``.
  public var gini: Double
  /// The part of the Gini due to non-neighbour pairs (`wcg_share`): near the Gini when
  /// neighbours are alike, so the inequality is one between parts of the city.
  public var nonNeighbourShare: Double
  /// (non-neighbour differences / neighbour differences) · (neighbour pairs / non-neighbour
  /// pairs) (`polarization`): above 1 when wards differ more from distant wards than from
  /// their neighbours; `nil` when a part has no pairs.
  public var polarization: Double?
  /// Folded permutation pseudo p of the non-neighbour differences (`p_sim`, ties on both
  /// tails), the upper tail meaning neighbours are more alike than chance; `nil` with 0
  /// permutations.
  public var pseudoP: Double?
  /// `upper` or `lower`, the tail of ``pseudoP``; `nil` with 0 permutations.
  public var tail: String?
  public var permutations: Int
  /// Wards left out (no value).
  public var excluded: [String]
}

/// Geary's C of an indicator over the wards, as esda `Geary` reports it: below 1 neighbours
/// are alike, above 1 they differ.
public struct GearySummary: Sendable, Codable, Equatable {
  /// C on row-standardised weights (esda `Geary.C`), its expectation 1 (`EC`).
  public var c: Double
  public var expectedC: Double
  /// z and two-tailed p under randomisation (`z_rand`, `p_rand`), p under normality
  /// (`p_norm`).
  public var zRandomisation: Double
  public var pRandomisation: Double
  public var pNormality: Double
  /// Folded permutation pseudo p; `nil` with 0 permutations.
  public var pseudoP: Double?
  public var permutations: Int
  /// Wards left out (missing values, no neighbours).
  public var excluded: [String]
}

/// Getis–Ord General G of an indicator over the wards, as esda `G` reports it: above its
/// expectation high values lie together.
public struct GeneralGSummary: Sendable, Codable, Equatable {
  /// G on binary weights (esda `G.G`) and its expectation (`EG`).
  public var g: Double
  public var expectedG: Double
  /// z and two-tailed p under normality (`z_norm`, `p_norm`).
  public var z: Double
  public var p: Double
  /// Folded permutation pseudo p; `nil` with 0 permutations.
  public var pseudoP: Double?
  public var permutations: Int
  /// Wards left out (missing values, no neighbours).
  public var excluded: [String]
}

/// City-level statistics of one indicator.
public struct CityIndicatorStatistics: Sendable, Codable, Equatable {
  /// Σ numerator, in the numerator column's unit: over the wards with a value, or, when the
  /// indicator has a base, over the wards with both (so that Σ/Σ is the city rate).
  public var numeratorTotal: Double?
  /// Σ base over the wards with both a numerator and a base; `nil` without a base column.
  public var baseTotal: Double?
  /// The city value: Σ numerator for a count, Σ numerator / Σ base (× per) otherwise.
  public var value: Double?
  /// Segregation of the numerator group within the base (rates and counts with a base):
  /// dissimilarity D, isolation, Theil's entropy index H, Gini segregation
  /// (segregation 2.5 singlegroup `Dissim`, `Isolation`, `Entropy`, `GiniSeg`).
  public var dissimilarity: Double?
  /// Isolation index xPx*: the group's share in the ward of its average member (0–1;
  /// segregation `Isolation`); `nil` when undefined (reason in `undefined`).
  public var isolation: Double?
  /// Theil's entropy index H (0–1; segregation `Entropy`); `nil` when undefined.
  public var theilH: Double?
  /// Gini segregation index (0–1; segregation `GiniSeg`); `nil` when undefined.
  public var giniSegregation: Double?
  /// Morrill's spatially adjusted D over the run's weights, used binary (segregation 2.5
  /// `SpatialDissim`): D less the mean share difference across neighbouring wards; `nil`
  /// when undefined (reason under "spatial dissimilarity" in `undefined`).
  public var spatialDissimilarity: Double? = nil
  /// White's spatial proximity index SP with Massey & Denton's decay exp(−d / 1 km) between
  /// ward centroids (d_ii = (0.6 area)^0.5): 1 when the group lives as close to the others as
  /// to itself, above 1 when its members cluster (``spatialProximity(group:total:centroids:areas:decay:unitIDs:)``).
  public var spatialProximity: Double? = nil
  /// Whether D exceeds what random allocation of the same people gives: the evenness null
  /// (each resident in the group with the city's share), the run's permutations as draws and
  /// its seed, one-sided pseudo p (segregation 2.5 `SingleValueTest`, p as esda's). `nil`
  /// for counts that are not whole numbers of people or without permutations.
  public var dissimilarityTest: DissimilarityTest? = nil
  /// Gini inequality of the ward values (inequality 1.1 `Gini`).
  public var giniInequality: Double?
  /// Share of the city numerator held by the top 20 % of wards (by numerator).
  public var topFifthShare: Double?
  /// The Gini of the ward values split over neighbouring and non-neighbouring pairs (Rey &
  /// Smith 2013; inequality 1.1 `Gini_Spatial`, binary queen weights); `nil` for scores,
  /// negative values or an undefined Gini, with the reason in `undefined`.
  public var spatialGini: SpatialGiniSummary? = nil
  /// Global Moran's I of the ward values; `nil` when undefined (constant values, too few
  /// wards with a value and a neighbour), with the reason in `undefined`.
  public var moran: MoranSummary?
  /// Moran's I of the empirical Bayes standardised rate (esda `Moran_Rate`), rates only.
  public var moranEmpiricalBayes: MoranSummary?
  /// Geary's C of the ward values (esda `Geary`, row-standardised weights); `nil` when
  /// undefined, with the reason in `undefined`. Not part of any multiple-testing family.
  public var geary: GearySummary? = nil
  /// Getis–Ord General G of the ward values (esda `G`, binary weights); `nil` when undefined
  /// (a negative value, constant values), with the reason in `undefined`.
  public var generalG: GeneralGSummary? = nil
  /// Statistic → why it is undefined for the city.
  public var undefined: [String: String]
}

/// The map classes of an indicator.
public struct ClassesSummary: Sendable, Codable, Equatable {
  /// The classifier and class count, e.g. `quantiles (5 classes)` (mapclassify `Quantiles`,
  /// `EqualInterval`, `FisherJenks`).
  public var method: String
  /// Upper bound of each class, non-decreasing, right-closed, in the indicator's unit
  /// (mapclassify `bins`).
  public var upperBounds: [Double]
  /// Wards per class (mapclassify `counts`); wards without a value are in no class.
  public var counts: [Int]
  /// Class of each ward (index into `upperBounds`), `nil` without a value.
  public var classOfWard: [Int?]
  /// What differs from the request, e.g. classes merged because values tie.
  public var notes: [String]
}

/// Everything computed for one indicator.
public struct IndicatorResult: Sendable, Codable, Equatable {
  /// The indicator's `id` from the configuration (`gas_share`); names its maps and columns.
  public var id: String
  /// The indicator's label in the run's language.
  public var label: String
  /// `count`, `rate` or `mean` (``IndicatorKind``).
  public var kind: String
  /// The unit in the run's language (e.g. "per 100 aansluitingen"); `nil` when the
  /// configuration gives none.
  public var unit: String?
  /// "higher", "lower" or "neither": which direction is worse.
  public var worse: String
  /// The rate multiplier (100 = percent), rates only.
  public var per: Double?
  /// City totals and value, segregation, inequality and global Moran's I.
  public var city: CityIndicatorStatistics
  /// One entry per ward, in the order of the ward table.
  public var wards: [WardIndicatorValue]
  /// Map classes of the ward values; `nil` when no ward has a value or the classifier
  /// cannot class them (the reason is in `warnings`).
  public var classes: ClassesSummary?
  /// What a reader must know (excluded wards, merged classes…).
  public var warnings: [String]
  /// The multiple-testing families of the indicator's local statistics: local Moran, Gi*, local Geary
  /// and the local join counts of its concentration wards,
  /// each over the wards with a pseudo p; empty with 0 permutations or an undefined statistic.
  public var tests: [TestFamily] = []
  /// For one year of a sector indicator: the series' id (`population`), else `nil`.
  public var series: String? = nil
  /// The year of the figures, for a sector indicator.
  public var year: Int? = nil
  /// The aggregation rule of a sector indicator (`sum`, `ratio_of_sums`, `weighted_mean`).
  public var aggregation: String? = nil
  /// Where the figures come from, in words: year, tables, vintage and lookup.
  public var origin: String? = nil
  /// For an estimate: how it was made (every report prints it); `nil` for exact figures.
  public var estimate: String? = nil
}
