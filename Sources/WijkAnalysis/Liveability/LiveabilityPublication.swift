import Cartography

/// A liveability check as it may be published (`check.md`, `check.html`, the site map and
/// what `wijk check` prints).
public struct PublishedCheck: Sendable {
  /// The report with withheld figures `nil` (their markers in `withheldBefore`/`After`),
  /// every number rounded, LISA and Gi* from the published figures; verdicts unchanged.
  public var report: LiveabilityReport
  /// What was withheld, and why: the rule, then per state (before, after each phase).
  public var notes: [String]
  /// The published figures after the last phase (for the site map).
  public var after: Publication
  /// The publications of every state (before, after each phase).
  var states: [Publication]
}

/// The publication step of `wijk check`: each state of the ward table (before the project,
/// after each phase) is published with ``Publication``, and the report reads from them.
///
/// A site ward's figure before or after is withheld as in `wards.csv` for that state; the
/// surroundings' figure, an area-weighted sum over the wards in the buffer, is withheld when
/// any of them is (their published area shares would give it back); a rule whose figures
/// are withheld keeps its verdict, which is computed from the exact figures (a check must
/// decide), and tells only on which side of the rule's limit the figure lies.
public enum LiveabilityPublication {
  /// - Throws: the errors of ``Publication/make(_:extraColumns:relations:)``.
  public static func publish(_ outcome: LiveabilityCheck.Outcome) throws -> PublishedCheck {
    try publish(outcome, patterns: nil)
  }

  /// The check published with the given withheld cells per state (for the leak tests).
  static func publish(_ outcome: LiveabilityCheck.Outcome, patterns: [CellSuppression.Pattern]?)
    throws -> PublishedCheck
  {
    let pubs = try outcome.states.indices.map {
      try publication(outcome.states[$0].table, outcome.states[$0].results, outcome, patterns?[$0])
    }
    var report = outcome.report
    report.smallNumberThreshold = pubs[0].threshold
    for k in report.phases.indices {
      let (before, after) = (pubs[0], pubs[k + 1])
      var phase = report.phases[k]
      phase.indicators = phase.indicators.map {
        comparison($0, before, after, outcome.report.location)
      }
      phase.rules = phase.rules.map { rule($0, phase.indicators, before) }
      phase.changes = phase.changes.map { change($0, pubs[k], after) }
      report.phases[k] = phase
    }
    let language = Language(rawValue: report.language) ?? .dutch
    let t = Words(language: language)
    var notes = [pubs[0].rule(language)]
    let names = [t("Voor het project", "Before the project")] + report.phases.map(\.name)
    for (name, p) in zip(names, pubs) { notes.append(name + ". " + p.withheldList(language)) }
    return PublishedCheck(report: report, notes: notes, after: pubs.last!, states: pubs)
  }

  /// One state published: the check's indicators on its ward table.
  static func publication(
    _ table: WardTable, _ results: [String: IndicatorResult], _ o: LiveabilityCheck.Outcome,
    _ pattern: CellSuppression.Pattern?
  ) throws -> Publication {
    let c = o.configuration
    let result = AnalysisResult(
      title: o.report.title, language: c.language, provenance: o.report.provenance,
      wards: WardSummary.all(of: table), weights: Analysis.summary(o.weights, c.weights),
      indicators: o.specs.compactMap { results[$0.id] }, groups: [], zones: [], tables: [],
      smallNumberThreshold: c.smallNumberThreshold, significance: c.significance, notices: [],
      illustrativeInputs: [], illustrativeFiles: [], credits: c.credits)
    let specs = o.specs.filter { results[$0.id] != nil }
    return try Publication.make(
      Analysis.Run(
        result: result, table: table, weights: o.weights, specs: specs, settings: o.settings),
      extraColumns: [], relations: [], pattern: pattern)
  }

  static func comparison(
    _ c: IndicatorComparison, _ before: Publication, _ after: Publication, _ location: SiteLocation
  ) -> IndicatorComparison {
    var out = c
    guard let bi = before.result.indicator(c.indicator),
      let ai = after.result.indicator(c.indicator)
    else { return out }
    let d = PublishedPrecision.value(ai)
    if c.scope == "ward", let code = c.ward, let w = bi.wards.firstIndex(where: { $0.code == code })
    {
      let (b, a) = (bi.wards[w], ai.wards[w])
      (out.before, out.after) = (b.value, a.value)
      out.withheldBefore =
        b.value == nil ? before.withheld(c.indicator, ward: w)?.value(kind: bi.kind) : nil
      out.withheldAfter =
        a.value == nil ? after.withheld(c.indicator, ward: w)?.value(kind: ai.kind) : nil
      (out.locationQuotientBefore, out.locationQuotientAfter) = (
        b.locationQuotient, a.locationQuotient
      )
      (out.lisaBefore, out.lisaAfter) = (b.lisaCategory, a.lisaCategory)
      (out.hotspotBefore, out.hotspotAfter) = (b.hotspot, a.hotspot)
      out.concentrationBefore = b.flags.contains("concentration ward")
      out.concentrationAfter = a.flags.contains("concentration ward")
      return out
    }
    let buffer = Set(location.surroundings.map(\.code) + location.wards.map(\.code))
    func hidden(_ p: Publication, _ i: IndicatorResult) -> Bool {
      i.wards.indices.contains {
        buffer.contains(i.wards[$0].code) && p.withheld(i.id, ward: $0) != nil
      }
    }
    out.before = hidden(before, bi) ? nil : PublishedPrecision.round(c.before, d)
    out.after = hidden(after, ai) ? nil : PublishedPrecision.round(c.after, d)
    out.withheldBefore = hidden(before, bi) ? .derived : nil
    out.withheldAfter = hidden(after, ai) ? .derived : nil
    out.concentrationBefore = bi.wards.contains {
      buffer.contains($0.code) && $0.flags.contains("concentration ward")
    }
    out.concentrationAfter = ai.wards.contains {
      buffer.contains($0.code) && $0.flags.contains("concentration ward")
    }
    return out
  }

  /// A rule on a withheld figure keeps its verdict and loses its numbers.
  static func rule(_ o: RuleOutcome, _ comparisons: [IndicatorComparison], _ before: Publication)
    -> RuleOutcome
  {
    var out = o
    let c = comparisons.first {
      $0.indicator == o.subject && $0.scope == o.scope && (o.scope != "ward" || $0.ward == o.ward)
    }
    let decimals = before.result.indicator(o.subject).map(PublishedPrecision.value) ?? 0
    guard let c, c.withheldBefore != nil || c.withheldAfter != nil else {
      out.before = PublishedPrecision.round(o.before, decimals)
      out.after = PublishedPrecision.round(o.after, decimals)
      return out
    }
    let t = Words(language: Language(rawValue: before.result.language) ?? .dutch)
    (out.before, out.after, out.figuresWithheld) = (nil, nil, true)
    out.explanation = t(
      "Cijfers niet gepubliceerd (kleine aantallen); het oordeel volgt uit de exacte cijfers.",
      "Figures not published (small numbers); the verdict follows from the exact figures.")
    return out
  }

  /// A column change with its before and after withheld as the states' cells are.
  static func change(_ c: ColumnChange, _ before: Publication, _ after: Publication) -> ColumnChange
  {
    var out = c
    guard let w = before.result.wards.firstIndex(where: { $0.code == c.ward }) else { return out }
    func marker(_ p: Publication, _ v: Double) -> Withheld? {
      p.withheld(column: c.column, ward: w)
        ?? (SmallNumbers.isSmall(v, threshold: p.threshold) ? .smallCount : nil)
    }
    out.withheldBefore = marker(before, c.before)
    out.withheldAfter = marker(after, c.after)
    out.before = PublishedPrecision.round(out.withheldBefore == nil ? c.before : 0, 0)
    out.after = PublishedPrecision.round(out.withheldAfter == nil ? c.after : 0, 0)
    return out
  }
}
