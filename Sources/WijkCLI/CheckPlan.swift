import Foundation
import WijkAnalysis

/// What `wijk check` runs: one programme, or a scenario's phases, with the scenario's site
/// and facilities when it names them.
struct CheckPlan {
  var title: String
  var file: String
  var phases: [Programme]
  var site: String?
  var facilities: String?
  var illustrative: Bool

  static func make(programme: String?, scenario: String?) throws -> CheckPlan {
    if let scenario {
      let s = try Scenario.load(path: scenario)
      return CheckPlan(
        title: s.title, file: scenario, phases: s.phases, site: s.site, facilities: s.facilities,
        illustrative: s.illustrative)
    }
    let path = programme ?? ""
    let p = try Programme.load(path: path)
    return CheckPlan(
      title: p.name, file: path, phases: [p], site: nil, facilities: nil, illustrative: false)
  }

  /// A sentence for each input whose file name says it is illustrative or synthetic, in
  /// Dutch or English (the report's language).
  static func invented(_ files: [String], scenarioSaysSo: Bool, dutch: Bool) -> [String] {
    var out: [String] = []
    for f in files {
      let name = URL(fileURLWithPath: f).lastPathComponent
      let lower = name.lowercased()
      if lower.contains("synthetic") {
        out.append(
          dutch
            ? "\(name) bevat synthetische gegevens, verzonnen voor het voorbeeld."
            : "\(name) is synthetic data, invented for the example.")
      } else if lower.contains("illustrative") {
        out.append(
          dutch
            ? "\(name) is illustratief: de cijfers en vormen zijn niet die van de stad."
            : "\(name) is illustrative: its numbers and shapes are not the city's.")
      }
    }
    if scenarioSaysSo && out.isEmpty {
      out.append(dutch ? "Het scenario is illustratief." : "The scenario is illustrative.")
    }
    return out
  }
}

/// The lines `wijk check` prints on stdout: the verdict per phase and each rule.
enum CheckSummary {
  static func text(_ r: LiveabilityReport) -> String {
    var lines = ["verdict: \(r.verdict.rawValue)"]
    let wards = r.location.wards.map {
      "\($0.name) (\($0.code)) \(String(format: "%.1f", $0.shareOfSite * 100)) %"
    }
    lines.append("site: " + wards.joined(separator: "; "))
    for p in r.phases {
      lines.append("phase \(p.name): \(p.verdict.rawValue)")
      for o in p.rules {
        lines.append(
          "  \(o.verdict.rawValue): \(o.rule)\(o.ward.map { " [\($0)]" } ?? "") - \(o.explanation)")
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// The site map of a check: the first indicator a rule names, after the whole project.
enum CheckMap {
  static func svg(
    _ outcome: LiveabilityCheck.Outcome, _ published: PublishedCheck, site: Site,
    run: Analysis.Run, profile: RulesProfile
  ) throws -> String? {
    guard let id = profile.rules.compactMap(\.indicator).first(where: { outcome.after[$0] != nil })
    else { return nil }
    return try LiveabilityOutputs.siteMap(
      published, indicator: id, site: site, table: outcome.tableAfter,
      credits: SummaryReport.credits(run.result))
  }
}
