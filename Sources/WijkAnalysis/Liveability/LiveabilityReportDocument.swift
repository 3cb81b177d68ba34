import Cartography
import SpatialStats
import WijkCore
import WijkEngine

/// The report of a liveability check (`check.md`, `check.html`): the verdict, where the site
/// lies, a map of the site and its surroundings, per phase the rules and the indicators
/// before and after, facility distances, and how it was computed; from the published check
/// (``LiveabilityPublication``): a withheld figure prints "<5" or "x", and the method says
/// what was withheld and why.
public enum LiveabilityReportDocument {
  /// - Parameters:
  ///   - published: the published check.
  ///   - mapSVG: the site map
  ///     (``LiveabilityOutputs/siteMap(_:indicator:site:table:credits:)``), or `nil`.
  /// - Throws: `CartographyError` when a table is malformed (a bug).
  public static func build(_ published: PublishedCheck, mapSVG: String?) throws -> ReportDocument {
    let report = published.report
    let language = Language(rawValue: report.language) ?? .dutch
    let t = Words(language: language)
    var doc = ReportDocument(
      title: report.title,
      subtitle: report.profile + " · " + t.date(report.provenance.createdAt),
      language: language)
    for line in report.illustrativeInputs { doc.addNote(t("Let op: ", "Note: ") + line) }
    doc.addSection(t("Oordeel: ", "Verdict: ") + verdictWord(report.verdict, t))
    doc.addParagraph(
      t(
        "Regel voor het eindoordeel: één regel die faalt, in welke fase ook → falen; anders één regel die aandacht vraagt → aandacht; anders in orde. Niet van toepassing telt niet mee.",
        "Overall rule: any rule that fails, in any phase → fail; else any rule needing attention → attention; else pass. Not applicable does not count."
      ))
    addLocation(report, &doc, t)
    if let mapSVG {
      doc.addFigure(
        svg: mapSVG,
        caption: t(
          "Projectzone (gestreept), buffer van \(Int(report.location.bufferMetres)) m en de wijken van het project (omlijnd)",
          "Site (dashed), \(Int(report.location.bufferMetres)) m buffer and the site's wards (outlined)"
        ),
        markdownPath: "site-map.svg")
    }
    if report.phases.count > 1 { try addTrajectory(report, &doc, t) }
    for phase in report.phases { try addPhase(phase, report, &doc, t) }
    doc.addSection(t("Werkwijze", "Method"))
    doc.addParagraph(
      t(
        "Na elke fase worden alle indicatoren opnieuw berekend op de gewijzigde wijktabel (zelfde buren, \(report.provenance.permutations) permutaties, seed \(report.provenance.seed)), dus ook lokale Moran en Gi*. De omgeving telt elke wijk mee naar het aandeel van haar oppervlakte binnen de buffer. Afstanden zijn vlakke afstanden in Lambert 72 vanaf de rand van de projectzone.",
        "After each phase every indicator is recomputed on the changed ward table (same neighbours, \(report.provenance.permutations) permutations, seed \(report.provenance.seed)), local Moran and Gi* included. The surroundings count each ward by the share of its area inside the buffer. Distances are planar, in Lambert 72, from the edge of the site."
      ))
    for n in published.notes { doc.addParagraph(n) }
    for n in report.siteNotes { doc.addNote(n) }
    return doc
  }

  static func verdictWord(_ v: Verdict, _ t: Words) -> String {
    switch v {
    case .pass: t("in orde", "pass")
    case .attention: t("aandacht", "attention")
    case .fail: t("faalt", "fail")
    case .notApplicable: t("niet van toepassing", "not applicable")
    }
  }

  static func addLocation(_ r: LiveabilityReport, _ doc: inout ReportDocument, _ t: Words) {
    let style = NumberStyle(t.language)
    let wards = r.location.wards.map {
      "\($0.name) (\($0.code))"
        + (r.siteIsPoint ? "" : ": " + style.percent($0.shareOfSite, decimals: 1))
    }
    var text = t("Projectzone: ", "Site: ") + wards.joined(separator: "; ") + "."
    if !r.siteIsPoint {
      text +=
        t(" Oppervlakte ", " Area ")
        + style.format(r.location.siteSquareMetres / 10_000, decimals: 2) + " ha."
    }
    if r.location.shareOutsideWards > 1e-6 {
      text +=
        t(" Buiten elke wijk: ", " Outside every ward: ")
        + style.percent(r.location.shareOutsideWards, decimals: 1) + "."
    }
    let ring = r.location.surroundings.map {
      "\($0.name) \(style.percent($0.shareOfWard, decimals: 1))"
    }
    text +=
      t(
        " Binnen \(Int(r.location.bufferMetres)) m (aandeel van de wijk): ",
        " Within \(Int(r.location.bufferMetres)) m (share of the ward): ")
      + ring.joined(separator: ", ") + "."
    doc.addParagraph(text)
  }

  static func addTrajectory(_ r: LiveabilityReport, _ doc: inout ReportDocument, _ t: Words) throws
  {
    doc.addSection(t("Traject over de fasen", "Trajectory over the phases"))
    let first = r.phases[0]
    let rows: [[ReportCell]] =
      first.indicators.filter { $0.scope == "ward" }.map { c in
        let d = c.kind == "count" ? 0 : 1
        var row: [ReportCell] = [
          .text(c.label + " (\(c.ward ?? ""))"), value(c.before, c.withheldBefore, d, r),
        ]
        for p in r.phases {
          let a = p.indicators.first { $0.indicator == c.indicator && $0.ward == c.ward }
          row.append(value(a?.after, a?.withheldAfter, d, r))
        }
        return row
      } + [
        [.text(t("Oordeel", "Verdict")), .empty]
          + r.phases.map { .text(verdictWord($0.verdict, t)) }
      ]
    doc.addTable(
      try ReportTable(
        caption: t(
          "Indicatoren van de wijk na elke fase (cumulatief)",
          "The ward's indicators after each phase (cumulative)"),
        columns: [ReportColumn("Indicator"), ReportColumn(t("Voor", "Before"), alignment: .right)]
          + r.phases.map { ReportColumn($0.name, alignment: .right) },
        rows: rows))
  }

  static func addPhase(
    _ p: PhaseCheck, _ r: LiveabilityReport, _ doc: inout ReportDocument, _ t: Words
  ) throws {
    doc.addPageBreak()
    doc.addSection(p.name + ": " + verdictWord(p.verdict, t))
    if !p.changes.isEmpty {
      doc.addParagraph(
        t("Wijzigingen in de wijktabel: ", "Changes to the ward table: ")
          + p.changes.map {
            "\($0.label ?? "`\($0.column)`") in \($0.ward): \(changeText($0.before, $0.withheldBefore, r, t)) → \(changeText($0.after, $0.withheldAfter, r, t))"
          }.joined(separator: "; ") + ".")
    }
    for n in p.notes { doc.addNote(n) }
    doc.addTable(
      try ReportTable(
        caption: t("Regels", "Rules"),
        columns: [
          ReportColumn(t("Regel", "Rule")), ReportColumn(t("Waar", "Where")),
          ReportColumn(t("Voor", "Before"), alignment: .right),
          ReportColumn(t("Na", "After"), alignment: .right),
          ReportColumn(t("Grens", "Threshold")), ReportColumn(t("Oordeel", "Verdict")),
          ReportColumn(t("Waarom", "Why")),
        ],
        rows: p.rules.map {
          [
            .text($0.label ?? $0.rule), .text($0.ward ?? t("omgeving", "surroundings")),
            $0.figuresWithheld == true ? x : num($0.before, decimals(for: $0, p)),
            $0.figuresWithheld == true ? x : num($0.after, decimals(for: $0, p)),
            .text($0.threshold), .text(verdictWord($0.verdict, t)),
            .text($0.explanation),
          ]
        }))
    doc.addTable(
      try ReportTable(
        caption: t("Indicatoren voor en na", "Indicators before and after"),
        columns: [
          ReportColumn("Indicator"), ReportColumn(t("Waar", "Where")),
          ReportColumn(t("Voor", "Before"), alignment: .right),
          ReportColumn(t("Na", "After"), alignment: .right),
          ReportColumn(t("Buren (lokale Moran, Gi*)", "Neighbours (local Moran, Gi*)")),
        ],
        rows: p.indicators.map { c in
          [
            .text(c.label + (c.unit.map { " (\($0))" } ?? "")),
            .text(c.ward ?? t("omgeving", "surroundings")),
            value(c.before, c.withheldBefore, c.kind == "count" ? 0 : 1, r),
            value(c.after, c.withheldAfter, c.kind == "count" ? 0 : 1, r),
            .text(c.scope == "ward" ? surroundings(c, t) : ""),
          ]
        }))
    doc.addParagraph(testsNote(p, r, t))
    if !p.facilities.isEmpty {
      doc.addTable(
        try ReportTable(
          caption: t(
            "Afstand tot de dichtstbijzijnde voorziening (m)", "Distance to the nearest facility (m)")
            + (r.facilitiesSource.map { " · " + t("bron: ", "source: ") + fileName($0) } ?? ""),
          columns: [
            ReportColumn(t("Soort", "Kind")), ReportColumn(t("Voor", "Before"), alignment: .right),
            ReportColumn(t("Na", "After"), alignment: .right),
            ReportColumn(t("Dichtstbijzijnde na", "Nearest after")),
          ],
          rows: p.facilities.map {
            [
              .text(FacilityKindName.name($0.kind, t.language)), num($0.before.metres, 0),
              num($0.after.metres, 0),
              .text($0.after.nearestName ?? "–"),
            ]
          }))
    }
  }

  /// What the significant local tests said about the ward's neighbours, before → after; "not
  /// published" where the ward's figures are withheld (it is in no published family).
  static func surroundings(_ c: IndicatorComparison, _ t: Words) -> String {
    func said(_ phrase: String?, _ lisa: String?) -> String {
      if lisa == PublishedIndicator.notPublished { return t("niet gepubliceerd", "not published") }
      return phrase ?? t("geen significant patroon", "no significant pattern")
    }
    let (b, a) = (
      said(c.surroundingsBefore, c.lisaBefore), said(c.surroundingsAfter, c.lisaAfter)
    )
    return b == a ? b : "\(b) → \(a)"
  }

  /// How many local tests the phase made, the correction and the thresholds.
  static func testsNote(_ p: PhaseCheck, _ r: LiveabilityReport, _ t: Words) -> String {
    let name = SignificanceWording.correction(r.multipleTesting, t.language)
    let count = p.tests.reduce(0) { $0 + $1.tests }
    var thresholds: [String] = []
    var seen = Set<String>()
    for id in p.tests.compactMap(\.indicator) where seen.insert(id).inserted {
      let label = p.indicators.first { $0.indicator == id }?.label ?? id
      let values = p.tests.filter { $0.indicator == id }.map {
        SignificanceWording.threshold($0.threshold, t.language)
      }
      thresholds.append("\(label) " + Array(Set(values)).sorted().joined(separator: " / "))
    }
    let alpha = NumberStyle(t.language).format(r.significance, decimals: 2)
    return t(
      "Lokale toetsen na deze fase: \(count) (lokale Moran, Gi* en lokale Geary, per indicator elk over de wijken), gecorrigeerd met \(name) bij α = \(alpha); drempels: \(thresholds.joined(separator: "; ")). Een concentratiewijk volgt uit haar eigen locatiequotiënt en rang, zonder toets.",
      "Local tests after this phase: \(count) (local Moran, Gi* and local Geary, per indicator each over the wards), corrected with \(name) at α = \(alpha); thresholds: \(thresholds.joined(separator: "; ")). A concentration ward follows from its own location quotient and rank, without a test."
    )
  }

  /// No decimals for counts, distances and numbers of wards; means by magnitude (as
  /// ``PublishedPrecision/magnitude(_:)``: EUR 24 298, not 24 297,7); one otherwise.
  static func decimals(for o: RuleOutcome, _ p: PhaseCheck) -> Int {
    if ["max_distance", "no_hotspot", "no_new_concentration"].contains(o.kind) { return 0 }
    switch p.indicators.first(where: { $0.indicator == o.subject })?.kind {
    case "count": return 0
    case "mean": return PublishedPrecision.magnitude(o.before ?? o.after ?? 0)
    default: return 1
    }
  }

  static let x = ReportCell.text(SmallNumbers.notPublished)

  /// A published value, or its marker.
  static func value(_ v: Double?, _ withheld: Withheld?, _ decimals: Int, _ r: LiveabilityReport)
    -> ReportCell
  {
    withheld.map { .text(SmallNumbers.marker($0, threshold: threshold(r))) } ?? num(v, decimals)
  }

  static func changeText(_ v: Double, _ withheld: Withheld?, _ r: LiveabilityReport, _ t: Words)
    -> String
  {
    withheld.map { SmallNumbers.marker($0, threshold: threshold(r)) }
      ?? t.number(v, v.rounded() == v ? 0 : 1)
  }

  /// The small-number threshold the report was published with.
  static func threshold(_ r: LiveabilityReport) -> Int { r.smallNumberThreshold ?? 5 }

  static func num(_ v: Double?, _ decimals: Int = 1) -> ReportCell {
    v.map { .number($0, decimals: decimals) } ?? .empty
  }

  static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
