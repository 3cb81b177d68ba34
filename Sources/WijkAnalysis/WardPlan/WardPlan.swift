/// Everything one ward's yearly plan shows, as numbers: written next to the page as
/// `<code>-<name>.json`.
///
/// Every analysis number is copied from an ``AnalysisResult`` (the one `wijk analyse`
/// writes to `results.json`), never recomputed: `indicators[k].ward` is that result's
/// ``WardIndicatorValue`` for the ward, `groups` its ``GroupIndicatorValue``s. Only the
/// comparisons in `standouts` (percent above the city, change over the years) are derived,
/// each from numbers shown alongside it.
public struct WardPlan: Sendable, Codable, Equatable {
  /// The ward code (e.g. `7101613`).
  public var code: String
  /// The name as in the ward layer ("Kolderbos (Genk)").
  public var name: String
  /// The name without the municipality suffix ("Kolderbos").
  public var shortName: String
  /// The analysis title and its period (`nil` when the tables are not filtered by period).
  public var title: String
  public var period: String?
  public var language: String
  /// Number of wards in the city.
  public var wardCount: Int
  /// The ward's queen neighbours (sharing a boundary or a corner), by code order.
  public var neighbours: [WardSummary]
  public var indicators: [PlanIndicator]
  /// The ward groups the ward belongs to, with the group's numbers.
  public var groups: [PlanGroup]
  /// Per indicator, per year: the ward's and the city's value (empty without `--years`).
  public var trend: [PlanTrend]
  /// What stands out, most remarkable first, each with its number.
  public var standouts: [Standout]
  /// Housing figures from the optional housing table, or `nil`.
  public var housing: PlanHousing?
  /// The announcements of illustrative and synthetic inputs, in the plan's language.
  public var illustrativeInputs: [String]
  public var credits: [String]
  public var significance: Double
  public var smallNumberThreshold: Int
  /// Seed, permutations, input checksums: as in `results.json`.
  public var provenance: Provenance
}

/// One indicator for the ward, with the city's value.
public struct PlanIndicator: Sendable, Codable, Equatable {
  public var id: String
  public var label: String
  public var unit: String?
  public var kind: String
  public var worse: String
  /// The ward's entry of ``IndicatorResult/wards``, unchanged.
  public var ward: WardIndicatorValue
  /// ``IndicatorResult/city`` `.value`, `.numeratorTotal`, `.baseTotal`.
  public var cityValue: Double?
  public var cityNumeratorTotal: Double?
  public var cityBaseTotal: Double?
  /// Wards with a rank (the denominator of "rank 3 of 30").
  public var rankedWards: Int
}

/// A ward group the ward belongs to.
public struct PlanGroup: Sendable, Codable, Equatable {
  public var name: String
  public var illustrative: Bool
  /// The result's ``GroupIndicatorValue``s, in indicator order, unchanged.
  public var indicators: [GroupIndicatorValue]
}

/// One indicator over the years.
public struct PlanTrend: Sendable, Codable, Equatable {
  public var indicator: String
  public var points: [TrendPoint]
}

/// One year of a trend: numbers from that year's ``AnalysisResult``.
public struct TrendPoint: Sendable, Codable, Equatable {
  public var year: String
  /// The ward's value, numerator and base that year.
  public var ward: Double?
  public var wardNumerator: Double?
  public var wardBase: Double?
  /// The city's value that year.
  public var city: Double?
  /// The ward's rank that year, among `rankedWards` wards with a value.
  public var rank: Int?
  public var rankedWards: Int
}

/// A remarkable fact about the ward, as a sentence with its number.
public struct Standout: Sendable, Codable, Equatable {
  /// `rank`, `city`, `hotspot`, `cluster` or `trend`.
  public var kind: String
  public var indicator: String
  /// The sentence ("highest electricity use per household of all 30 wards: 5,024 kWh, 37%
  /// above the city").
  public var text: String
  /// The main number of the sentence, unrounded.
  public var value: Double?
  /// How remarkable (larger first); used only to order and cut the list.
  public var score: Double
}

/// The housing figures of one ward, from the housing table.
public struct PlanHousing: Sendable, Codable, Equatable {
  /// The table's file.
  public var source: String
  public var figures: [HousingFigure]
}

/// One housing figure of the ward, with its rank among the wards of the table.
public struct HousingFigure: Sendable, Codable, Equatable {
  public var name: String
  public var value: Double?
  /// 1 = highest of the table's wards; ties share the smaller rank.
  public var rank: Int?
  public var rankedWards: Int
}
