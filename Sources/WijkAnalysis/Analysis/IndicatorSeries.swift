/// Where one year of a sector indicator comes from: the tables, the sector vintage and its
/// lookup, and the sectors that reached no ward.
public struct FigureOrigin: Sendable, Codable, Equatable {
  /// The year of the figures (population on 1 January; income year; Census reference year).
  public var year: Int
  /// The tables read, as display paths.
  public var files: [String]
  /// The vintage of sector codes (``SectorVintage/id``).
  public var vintage: String
  /// The lookup that placed the sectors in the wards (display path).
  public var lookup: String
  /// Location-unknown sectors (`xxxxxZZZZ`) with figures that year: in no ward, said in every
  /// report; they count in Statbel's city total and in no ward.
  public var notLocated: [String]
  /// Σ of each summed column over ``notLocated`` (e.g. `total`: 33 residents).
  public var notLocatedTotals: [String: Double]
}

/// The trend of one ward's series: Sen's slope with the Mann–Kendall test, on the years with
/// a value since the ward's definition last changed.
public struct WardTrend: Sendable, Codable, Equatable {
  /// The number of years the trend rests on (stated in every report).
  public var years: Int
  /// First and last of those years.
  public var firstYear: Int
  public var lastYear: Int
  /// Theil–Sen slope, in the indicator's unit per year.
  public var slopePerYear: Double
  /// Mann–Kendall S, its variance (ties corrected), z, two-sided p and Kendall's tau.
  public var s: Double
  public var varianceS: Double
  public var z: Double
  public var p: Double
  public var tau: Double
  /// `increasing`, `decreasing` (p < the trend's α) or `no trend`.
  public var direction: String
}

/// One ward's series of one sector indicator.
public struct WardSeries: Sendable, Codable, Equatable {
  /// The ward code, as in ``WardTable/codes``.
  public var code: String
  /// The ward value per year of the series (`nil`: missing, withheld, or not aggregable).
  public var values: [Double?]
  /// Per year, how the figure was made: `exact`, `estimate: …`, `missing: …` (naming the
  /// sectors), `not aggregable: …` (``FigureBasis``).
  public var basis: [String]
  /// Per year, for a not-aggregable figure of several sectors: the lowest and highest sector
  /// value (`nil` otherwise).
  public var ranges: [[Double]?]
  /// Years in which the ward's set of sectors differs from the year before (a new vintage's
  /// lookup defines it otherwise): the trend and change start after the last of them.
  public var definitionChanged: [Int]
  /// Last value − first value, over the years compared (the same definition, both present).
  public var change: Double?
  /// ``change`` in % of the first value; `nil` when the first value is 0.
  public var changePercent: Double?
  /// The first and last year of ``change``.
  public var changeYears: [Int]?
  /// Local Moran of ``changePercent`` among the wards with a change (``ChangeLISA``): I,
  /// quadrant, pseudo p and category (HH, LH, LL, HL, `not significant`, `no data`,
  /// `no neighbours`); `nil` where the series has no change.
  public var changeLocalMoranI: Double? = nil
  /// The quadrant of the change's local Moran (HH, LH, LL, HL); `nil` outside the sample.
  public var changeLisaQuadrant: String? = nil
  /// Its pseudo p (conditional permutations, the run's seed); `nil` outside the sample.
  public var changeLisaPseudoP: Double? = nil
  /// Its category after the run's correction (``LISAWards/category``).
  public var changeLisaCategory: String? = nil
  /// The trend; `nil` with the reason in ``trendNote``.
  public var trend: WardTrend?
  /// Why there is no trend, or what limits it (e.g. the definition changed).
  public var trendNote: String?
  /// The emerging-hot-spot category (``EmergingHotSpotCategory`` raw value, e.g.
  /// `persistent_hot_spot`, `no_pattern`); `nil` when not classified (``hotSpotNote``).
  public var emergingHotSpot: String?
  /// Years as a significant Gi* hot spot and cold spot.
  public var hotYears: Int?
  public var coldYears: Int?
  /// Why the ward has no category.
  public var hotSpotNote: String?
}

/// How the emerging hot spots of a series were found.
public struct HotSpotMethod: Sendable, Codable, Equatable {
  /// Years classified.
  public var years: Int
  /// α of each year's Gi* (two-sided analytic p), and the correction (`fdr` or `none`).
  public var significance: Double
  public var correction: String
  /// α of the Mann–Kendall test on each ward's z-scores.
  public var trendSignificance: Double
}

/// One sector indicator over its years: per year the indicator's results (in
/// ``AnalysisResult/indicators`` as `<id>_<year>`), and per ward the change, trend and
/// emerging-hot-spot category.
public struct IndicatorSeries: Sendable, Codable, Equatable {
  /// The indicator's id (`population`).
  public var id: String
  /// Its label in the run's language.
  public var label: String
  /// Its unit, if any.
  public var unit: String?
  /// The rule (`sum`, `ratio_of_sums`, `weighted_mean`, `not_aggregable`).
  public var aggregation: String
  /// For an estimate (weighted mean): how it was made, in the run's language; every report
  /// prints it.
  public var estimate: String?
  /// The years, oldest first.
  public var years: [Int]
  /// Per year, the id of its result in ``AnalysisResult/indicators``; `nil` for a
  /// not-aggregable indicator (no ward value, no statistics).
  public var indicators: [String?]
  /// Per year, where the figures come from.
  public var origins: [FigureOrigin]
  /// Per year, the city value (Σ/Σ over the wards with a value; `nil` when not aggregable).
  public var city: [Double?]
  /// Per ward, in the order of the ward table.
  public var wards: [WardSeries]
  /// The pooled class bounds shared by every year's map (mapclassify `Pooled`), `nil` with
  /// one year.
  public var pooledUpperBounds: [Double]?
  /// How the emerging hot spots were found; `nil` when not classified (``notes`` says why).
  public var hotSpots: HotSpotMethod?
  /// The multiple-testing family of the LISA of the change; `nil` without permutations or
  /// without a change.
  public var changeTests: TestFamily? = nil
  /// What a reader must know (too few years for a trend, no hot spots and why).
  public var notes: [String]
}
