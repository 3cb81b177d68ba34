import SpatialStats

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
  /// The indicator id.
  public var indicator: String
  /// The indicator's label in the report's language.
  public var label: String
  /// The indicator's unit (e.g. `%`, `kWh`); `nil` when the configuration gives none.
  public var unit: String?
  /// `count`, `rate` or `mean` (counts print without decimals).
  public var kind: String
  /// `ward` or `surroundings`.
  public var scope: String
  /// The ward code for scope `ward`.
  public var ward: String?
  /// The value before the project: the ward's, or in scope `surroundings` the buffer's
  /// area-weighted value; `nil` when undefined (a missing value, a base of 0).
  public var before: Double?
  /// The value with this phase and every earlier one applied; `nil` as for ``before``.
  public var after: Double?
  /// Location quotient before (ward rate / city rate); `nil` in scope `surroundings` or when
  /// undefined.
  public var locationQuotientBefore: Double?
  /// Location quotient after; `nil` in scope `surroundings` or when undefined.
  public var locationQuotientAfter: Double?
  /// LISA category (HH, LL, HL, LH, not significant…) before and after (ward scope).
  public var lisaBefore: String?
  /// The LISA category after; `nil` in scope `surroundings`.
  public var lisaAfter: String?
  /// Gi* `hotspot`/`coldspot` before and after (ward scope).
  public var hotspotBefore: String?
  /// `hotspot` or `coldspot` after, `nil` when neither or in scope `surroundings`.
  public var hotspotAfter: String?
  /// Whether the ward was a concentration ward before (its own LQ at or above the configured
  /// quotient and a rank in the top fifth); in scope `surroundings`, whether any ward in the
  /// buffer was.
  public var concentrationBefore: Bool
  /// The same as ``concentrationBefore``, after the phase.
  public var concentrationAfter: Bool
  /// What the significant local tests said about the ward's neighbours before, in the report's
  /// language (``SpatialWording``); `nil` when nothing was significant or in scope
  /// `surroundings`.
  public var surroundingsBefore: String? = nil
  /// The same after the phase.
  public var surroundingsAfter: String? = nil
  /// Why ``before`` is withheld in the published report; `nil` when published.
  public var withheldBefore: Withheld?
  /// Why ``after`` is withheld in the published report; `nil` when published.
  public var withheldAfter: Withheld?
}

/// One rule's outcome.
public struct RuleOutcome: Sendable, Equatable, Codable {
  /// The rule's id in the profile.
  public var rule: String
  /// The rule's kind (``Rule/Kind`` raw value, e.g. `max_change`).
  public var kind: String
  /// Indicator id, or facility kind for `max_distance`.
  public var subject: String
  /// `ward` or `surroundings` (``Rule/Scope``).
  public var scope: String
  /// The ward code for a ward-scope rule.
  public var ward: String?
  /// The measured value before and after (the indicator value; hotspot or concentration
  /// wards counted for those kinds; metres for distances).
  public var before: Double?
  /// The measured value after the phase; `nil` when not applicable or undefined.
  public var after: Double?
  /// The limits as text, e.g. "attention > 80, fail > 90".
  public var threshold: String
  /// The rule's verdict after the phase; `notApplicable` when the ward table lacks its columns
  /// or no facilities layer was given for a distance rule.
  public var verdict: Verdict
  /// One sentence saying why.
  public var explanation: String
  /// In the published report: the rule's figures are withheld (small numbers), the verdict
  /// is the exact one.
  public var figuresWithheld: Bool?
  /// What the rule is about in words, in the report's language (the indicator's label,
  /// "Afstand tot de dichtstbijzijnde school"); `nil` when unknown, the id is shown then.
  public var label: String? = nil
}

/// The distance to the nearest facility of a kind before and after.
public struct FacilityComparison: Sendable, Equatable, Codable {
  /// The facility kind.
  public var kind: String
  /// The nearest facility of the kind before the project.
  public var before: FacilityDistance
  /// The nearest after the phase: facilities the programme adds at 0 m, removed ones left out.
  public var after: FacilityDistance
}

/// The check after one phase (cumulative: every earlier phase applied too).
public struct PhaseCheck: Sendable, Equatable, Codable {
  /// The phase's (programme's) name.
  public var name: String
  /// Column changes of this phase alone.
  public var changes: [ColumnChange]
  /// Notes of applying the programme (e.g. a column the ward table lacks, so not changed).
  public var notes: [String]
  /// Each indicator whose columns exist, in each site ward, then in the surroundings.
  public var indicators: [IndicatorComparison]
  /// The nearest facility of each kind (the profile's and the layer's, sorted), before and after.
  public var facilities: [FacilityComparison]
  /// Every rule's outcome: one per site ward for a ward-scope value rule, else one.
  public var rules: [RuleOutcome]
  /// The local tests after the phase: per indicator, local Moran, Gi* and local Geary over the wards,
  /// with the threshold of the run's correction.
  public var tests: [TestFamily] = []
  /// The worst verdict of ``rules`` (``Verdict/overall(_:)``).
  public var verdict: Verdict
}

/// The result of `wijk check`: where the site is, each phase's indicators and rules, and
/// the verdict (the worst phase's: every phase is lived through).
public struct LiveabilityReport: Sendable, Equatable, Codable {
  /// Report title: the scenario's title, or the programme's name.
  public var title: String
  /// `nl` or `en`: the configuration's language.
  public var language: String
  /// The rules profile's title.
  public var profile: String
  /// Where the site came from: a file path, or `--site-point`.
  public var site: String
  /// Whether the site is a point (no area: its ward share is 1 and its area 0).
  public var siteIsPoint: Bool
  /// What was done to the site on reading (e.g. the CRS transformation used).
  public var siteNotes: [String]
  /// The ward(s) the site lies in and the wards its buffer overlaps.
  public var location: SiteLocation
  /// Files whose contents are invented (illustrative or synthetic), said on every output.
  public var illustrativeInputs: [String]
  /// One check per phase, in order, each with every earlier phase applied.
  public var phases: [PhaseCheck]
  /// The worst verdict of ``phases``.
  public var verdict: Verdict
  /// The overall-verdict rule, in words.
  public var overallRule: String
  /// The facilities layer's path, `nil` when none was given.
  public var facilitiesSource: String?
  /// Seed, permutations and input checksums of the analysis, as in the working file
  /// `results_not_for_publication.json`.
  public var provenance: Provenance
  /// The multiple-testing correction of every local test (`multiple_testing`).
  public var multipleTesting: MultipleTestingCorrection = .fdr
  /// α before correction (`significance`).
  public var significance: Double = 0.05
  /// The local tests before the project (as ``PhaseCheck/tests``).
  public var testsBefore: [TestFamily] = []
  /// The small-number threshold the published report was made with; `nil` in the exact one.
  public var smallNumberThreshold: Int?
}
