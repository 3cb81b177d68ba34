/// Everything one ward's yearly plan shows, as numbers: written next to the page as
/// `<code>-<name>.json`.
///
/// Every analysis number is copied from the published figures of the run `wijk analyse`
/// makes (``Publication/result``: small numbers withheld, rounded), never recomputed:
/// `indicators[k].ward` is that result's ``WardIndicatorValue`` for the ward, `groups` its
/// ``GroupIndicatorValue``s. Only the comparisons in `standouts` (percent above the city,
/// change over the years) are derived, each from numbers shown alongside it.
public struct WardPlan: Sendable, Codable, Equatable {
  /// The ward code (e.g. `7101613`).
  public var code: String
  /// The name as in the ward layer ("Kolderbos (Genk)").
  public var name: String
  /// The name without the municipality suffix ("Kolderbos").
  public var shortName: String
  /// The analysis title and its period (`nil` when the tables are not filtered by period).
  public var title: String
  /// The analysed period (e.g. `2021`); `nil` when the tables are not filtered by period.
  public var period: String?
  /// `nl` or `en`: the language of the plan's texts.
  public var language: String
  /// Number of wards in the city.
  public var wardCount: Int
  /// The ward's queen neighbours (sharing a boundary or a corner), by code order.
  public var neighbours: [WardSummary]
  /// Every indicator of the analysis, in its order, for this ward.
  public var indicators: [PlanIndicator]
  /// The ward groups the ward belongs to, with the group's numbers.
  public var groups: [PlanGroup]
  /// Per indicator, per year: the ward's and the city's value (empty without `--years`).
  public var trend: [PlanTrend]
  /// The sector indicators over the years of their tables (empty without sector tables).
  public var series: [PlanSeries] = []
  /// The ward's place in the composite index, `nil` when the run has none.
  public var index: PlanIndex? = nil
  /// What stands out, most remarkable first, each with its number.
  public var standouts: [Standout]
  /// Housing figures from the optional housing table, or `nil`.
  public var housing: PlanHousing?
  /// The announcements of illustrative and synthetic inputs, in the plan's language.
  public var illustrativeInputs: [String]
  /// Lines about the data's source, printed on the page.
  public var credits: [String]
  /// α of the LISA clusters and Gi* hotspots shown (before correction).
  public var significance: Double
  /// The analysis's multiple-testing correction and its families.
  public var multipleTesting: SignificanceSummary
  /// Counts from 1 to this − 1 print as "<threshold".
  public var smallNumberThreshold: Int
  /// What was withheld, and why (``Publication/notes(_:)``), in the plan's language.
  public var publicationNotes: [String] = []
  /// Seed, permutations, input checksums: as in the working file
  /// `results_not_for_publication.json`.
  public var provenance: Provenance
}

/// One indicator for the ward, with the city's value.
public struct PlanIndicator: Sendable, Codable, Equatable {
  /// The indicator id.
  public var id: String
  /// The indicator's label in the plan's language.
  public var label: String
  /// The unit (e.g. `%`, `kWh`); `nil` when the configuration gives none.
  public var unit: String?
  /// `count`, `rate` or `mean`.
  public var kind: String
  /// "higher", "lower" or "neither": which direction is worse.
  public var worse: String
  /// The ward's entry of ``IndicatorResult/wards``, unchanged.
  public var ward: WardIndicatorValue
  /// ``IndicatorResult/city`` `.value`, `.numeratorTotal`, `.baseTotal`.
  public var cityValue: Double?
  /// Σ numerator over the wards; `nil` when undefined.
  public var cityNumeratorTotal: Double?
  /// Σ base over the wards; `nil` for an indicator without a base or when undefined.
  public var cityBaseTotal: Double?
  /// Wards with a rank (the denominator of "rank 3 of 30").
  public var rankedWards: Int
  /// ``IndicatorResult/tests``: the local Moran, Gi* and local Geary families (tests, threshold).
  public var tests: [TestFamily] = []
  /// The ward's withheld figures of the indicator; `nil` when all are published.
  public var withheld: WithheldFigures?
  /// Whether the city's totals of the indicator are withheld.
  public var cityWithheld: Bool = false
  /// The 95 % interval [lower, upper] of the ward's rate, as the ward table gives it
  /// (``RateInterval``: Wilson for a share, exact Poisson for a rate of events, from the
  /// published numerator and base, rounded as the value); `nil` for counts and means, and
  /// when the numerator or base is withheld.
  public var interval: [Double]? = nil
}

/// A ward group the ward belongs to.
public struct PlanGroup: Sendable, Codable, Equatable {
  /// The group's name (e.g. `impulswijken`).
  public var name: String
  /// Whether the group's ward list is illustrative, not the city's; said on the page.
  public var illustrative: Bool
  /// The result's ``GroupIndicatorValue``s, in indicator order, unchanged.
  public var indicators: [GroupIndicatorValue]
  /// Indicators whose group figures are withheld.
  public var withheld: [String]

  /// The group's value of indicator `id`, `nil` when the group has none (the composite
  /// index, a series' earlier years are not in a plan's rows). Looked up by id: the plan's
  /// rows are a subset of the result's indicators, so positions do not line up.
  public func value(of id: String) -> Double? {
    indicators.first { $0.indicator == id }?.value
  }
}

/// One indicator over the years.
public struct PlanTrend: Sendable, Codable, Equatable {
  /// The indicator id.
  public var indicator: String
  /// One point per trend year, oldest first.
  public var points: [TrendPoint]
}

/// One year of a trend: numbers from that year's ``AnalysisResult``.
public struct TrendPoint: Sendable, Codable, Equatable {
  /// The year, as the value of the tables' period column.
  public var year: String
  /// The ward's value, numerator and base that year.
  public var ward: Double?
  /// The ward's numerator that year; `nil` when missing.
  public var wardNumerator: Double?
  /// The ward's base that year; `nil` without a base or when missing.
  public var wardBase: Double?
  /// The city's value that year.
  public var city: Double?
  /// The ward's rank that year, among `rankedWards` wards with a value.
  public var rank: Int?
  /// Wards with a rank that year; 0 when that year's result lacks the indicator.
  public var rankedWards: Int
  /// Why the ward's value is withheld that year; `nil` when published.
  public var withheld: Withheld?
}

/// A remarkable fact about the ward, as a sentence with its number.
public struct Standout: Sendable, Codable, Equatable {
  /// `concentration`, `rank`, `city`, `cluster` (the surroundings: local Moran, Gi*) or
  /// `trend`.
  public var kind: String
  /// The id of the indicator the sentence is about.
  public var indicator: String
  /// The sentence ("highest electricity use per household of all 30 wards: 5,024 kWh, 37%
  /// above the city").
  public var text: String
  /// The main number of the sentence (in the plan's JSON rounded to 3 decimals).
  public var value: Double?
  /// How remarkable (larger first); used only to order and cut the list (in the plan's JSON
  /// rounded to 2 decimals).
  public var score: Double
}

/// The housing figures of one ward, from the housing table.
public struct PlanHousing: Sendable, Codable, Equatable {
  /// The table's file.
  public var source: String
  /// The ward's figures, in the table's column order.
  public var figures: [HousingFigure]
}

/// One housing figure of the ward, with its rank among the wards of the table.
public struct HousingFigure: Sendable, Codable, Equatable {
  /// The figure's name (the table's column, e.g. `dwellings`).
  public var name: String
  /// The ward's value; `nil` when missing.
  public var value: Double?
  /// 1 = highest of the table's wards; ties share the smaller rank.
  public var rank: Int?
  /// Wards of the table with a value for this figure.
  public var rankedWards: Int
  /// What the figure prints as when it is not published ("<5", "x"); `nil` when published.
  public var withheld: String?
}

/// A ward's place in the composite index (``IndexResult``), as published.
public struct PlanIndex: Sendable, Codable, Equatable {
  /// The index's label, and whether it is illustrative.
  public var label: String
  public var illustrative: Bool
  /// The ward's published score, rank (1 = most deprived), decile (1 = most deprived tenth)
  /// and 5–95 % rank range; `nil` when it has no published score.
  public var score: Double?
  public var rank: Int?
  public var decile: Int?
  public var rankRange: [Int]?
  /// Wards with a published score.
  public var scoredWards: Int
  /// The ward's score is withheld (a figure of it may not be published).
  public var withheld: Bool
  /// The index's indicators the ward has no figure for (by label).
  public var lacking: [String]
}
