/// How one indicator changed between the two register dates, city-wide and per ward.
public struct IndicatorChange: Sendable, Codable, Equatable {
  public struct Ward: Sendable, Codable, Equatable {
    public var code: String
    public var from: Double?
    public var to: Double?
    /// `to − from` (percentage points for a share), `nil` when either is missing.
    public var change: Double?
    public var locationQuotientFrom: Double?
    public var locationQuotientTo: Double?
  }
  /// The current indicator's id and the earlier date's (`<id>_<date>`).
  public var indicator: String
  public var earlierIndicator: String
  public var fromDate: String
  public var toDate: String
  public var cityFrom: Double?
  public var cityTo: Double?
  /// Dissimilarity index D at both dates (how unevenly the group is spread over the wards).
  public var dissimilarityFrom: Double?
  public var dissimilarityTo: Double?
  /// Global Moran's I at both dates.
  public var moranFrom: Double?
  public var moranTo: Double?
  public var wards: [Ward]
}

/// What `wijk housing` adds to the main job's result (`housing.json`): the registers as
/// joined, the ward columns summed from them, and the change between the two dates.
public struct HousingResult: Sendable, Codable, Equatable {
  public var title: String
  /// The register dates, earlier first; the last is the current one.
  public var dates: [String]
  public var registers: [RegisterJoinReport]
  /// Ward codes, in the order of every column.
  public var wardCodes: [String]
  /// The summed register columns of the ward table (`dwellings`, `social_rental`, …, and
  /// with two dates `<column>_at_<date>` and `<column>_change`).
  public var columns: [String: [Double?]]
  /// The names of the columns of the current date, in a stable order for tables.
  public var currentColumns: [String]
  public var changes: [IndicatorChange]
  /// Sentences flagging synthetic or illustrative inputs.
  public var illustrativeInputs: [String]
}
