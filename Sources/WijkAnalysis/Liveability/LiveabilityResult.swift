/// A rule's verdict. The overall verdict of a check is the worst applicable one: any fail →
/// fail; else any attention → attention; else pass.
public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
  case pass, attention, fail
  /// The rule's columns are not in the ward table (e.g. no housing register configured).
  case notApplicable = "not applicable"

  /// The overall verdict of `verdicts` by the documented rule; pass when all are
  /// not applicable.
  public static func overall(_ verdicts: [Verdict]) -> Verdict {
    if verdicts.contains(.fail) { return .fail }
    if verdicts.contains(.attention) { return .attention }
    return .pass
  }
}

/// One indicator before and after the project, in one ward or in the surroundings.
public struct IndicatorComparison: Sendable, Equatable, Codable {
  public var indicator: String
  public var label: String
  public var unit: String?
  /// `count`, `rate` or `mean` (counts print without decimals).
  public var kind: String
  /// `ward` or `surroundings`.
  public var scope: String
  /// The ward code for scope `ward`.
  public var ward: String?
  public var before: Double?
  public var after: Double?
  public var locationQuotientBefore: Double?
  public var locationQuotientAfter: Double?
  /// LISA category (HH, LL, HL, LH, not significant…) before and after (ward scope).
  public var lisaBefore: String?
  public var lisaAfter: String?
  /// Gi* `hotspot`/`coldspot` before and after (ward scope).
  public var hotspotBefore: String?
  public var hotspotAfter: String?
  public var concentrationBefore: Bool
  public var concentrationAfter: Bool
}

/// One rule's outcome.
public struct RuleOutcome: Sendable, Equatable, Codable {
  public var rule: String
  public var kind: String
  /// Indicator id, or facility kind for `max_distance`.
  public var subject: String
  public var scope: String
  /// The ward code for a ward-scope rule.
  public var ward: String?
  /// The measured value before and after (the indicator value; hotspot or concentration
  /// wards counted for those kinds; metres for distances).
  public var before: Double?
  public var after: Double?
  /// The limits as text, e.g. "attention > 80, fail > 90".
  public var threshold: String
  public var verdict: Verdict
  /// One sentence saying why.
  public var explanation: String
}

/// The distance to the nearest facility of a kind before and after.
public struct FacilityComparison: Sendable, Equatable, Codable {
  public var kind: String
  public var before: FacilityDistance
  public var after: FacilityDistance
}

/// The check after one phase (cumulative: every earlier phase applied too).
public struct PhaseCheck: Sendable, Equatable, Codable {
  public var name: String
  /// Column changes of this phase alone.
  public var changes: [ColumnChange]
  public var notes: [String]
  public var indicators: [IndicatorComparison]
  public var facilities: [FacilityComparison]
  public var rules: [RuleOutcome]
  public var verdict: Verdict
}

/// The result of `wijk check`: where the site is, each phase's indicators and rules, and
/// the verdict (the worst phase's: every phase is lived through).
public struct LiveabilityReport: Sendable, Equatable, Codable {
  public var title: String
  public var language: String
  public var profile: String
  public var site: String
  public var siteIsPoint: Bool
  public var siteNotes: [String]
  public var location: SiteLocation
  /// Files whose contents are invented (illustrative or synthetic), said on every output.
  public var illustrativeInputs: [String]
  public var phases: [PhaseCheck]
  public var verdict: Verdict
  /// The overall-verdict rule, in words.
  public var overallRule: String
  public var facilitiesSource: String?
  public var provenance: Provenance
}
