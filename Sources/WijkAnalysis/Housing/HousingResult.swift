/// How one indicator changed between the two register dates, city-wide and per ward.
public struct IndicatorChange: Sendable, Codable, Equatable {
  /// One ward's indicator at both dates.
  public struct Ward: Sendable, Codable, Equatable {
    /// The ward code.
    public var code: String
    /// The indicator at the earlier date, in its unit; `nil` when undefined (missing, base 0).
    public var from: Double?
    /// The indicator at the current date, in its unit; `nil` when undefined (missing, base 0).
    public var to: Double?
    /// `to − from` (percentage points for a share), `nil` when either is missing.
    public var change: Double?
    /// Location quotient (ward rate / city rate) at the earlier date; `nil` when undefined.
    public var locationQuotientFrom: Double?
    /// Location quotient (ward rate / city rate) at the current date; `nil` when undefined.
    public var locationQuotientTo: Double?
  }
  /// The current indicator's id and the earlier date's (`<id>_<date>`).
  public var indicator: String
  /// The earlier date's copy of the indicator, `<indicator>_<fromDate>`.
  public var earlierIndicator: String
  /// The earlier register date (``RegisterFile/date``).
  public var fromDate: String
  /// The current register date.
  public var toDate: String
  /// The city value at the earlier date (Σ numerator, or Σ numerator / Σ base × per); `nil` when
  /// undefined.
  public var cityFrom: Double?
  /// The city value at the current date; `nil` when undefined.
  public var cityTo: Double?
  /// Dissimilarity index D at both dates (how unevenly the group is spread over the wards).
  public var dissimilarityFrom: Double?
  /// D at the current date (0–1, segregation `Dissim`); `nil` without a base or when undefined.
  public var dissimilarityTo: Double?
  /// Global Moran's I at both dates.
  public var moranFrom: Double?
  /// I at the current date (esda `Moran`); `nil` when undefined (constant values, too few wards).
  public var moranTo: Double?
  /// One entry per ward, in the ward table's order.
  public var wards: [Ward]
}

/// What `wijk housing` adds to the main job's result (the working file
/// `housing_not_for_publication.json`): the registers as joined, the ward columns summed
/// from them, and the change between the two dates.
public struct HousingResult: Sendable, Codable, Equatable {
  /// The configuration's title.
  public var title: String
  /// The register dates, earlier first; the last is the current one.
  public var dates: [String]
  /// What joining each register found, in ``dates`` order.
  public var registers: [RegisterJoinReport]
  /// Ward codes, in the order of every column.
  public var wardCodes: [String]
  /// The summed register columns of the ward table (`dwellings`, `social_rental`, …, and
  /// with two dates `<column>_at_<date>` and `<column>_change`).
  public var columns: [String: [Double?]]
  /// The names of the columns of the current date, in a stable order for tables.
  public var currentColumns: [String]
  /// Each configured indicator at both dates; empty with one register.
  public var changes: [IndicatorChange]
  /// Sentences flagging synthetic or illustrative inputs.
  public var illustrativeInputs: [String]
}
