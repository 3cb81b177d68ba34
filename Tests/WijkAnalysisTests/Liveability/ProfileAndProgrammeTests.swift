import Foundation
import Testing

@testable import WijkAnalysis

@Suite struct ProfileAndProgrammeTests {
  typealias F = LiveabilityFixtures
  static let root = F.fixtures.deletingLastPathComponent().deletingLastPathComponent()

  func write(_ text: String, _ name: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lv-\(UUID().uuidString)-\(name)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func exampleProfileAndScenarioLoad() throws {
    let profile = try RulesProfile.load(
      path: Self.root.appendingPathComponent("GeoData/leefbaarheidstoets_profiel.yaml").path)
    #expect(profile.bufferMetres == 500)
    #expect(Set(profile.rules.map(\.kind)) == Set(Rule.Kind.allCases))
    let scenario = try Scenario.load(
      path: Self.root.appendingPathComponent("Examples/sledderlo/scenario_illustrative.yaml").path)
    #expect(scenario.phases.count == 2 && scenario.illustrative)
    #expect(scenario.site?.hasSuffix("Examples/sledderlo/site_illustrative.geojson") == true)
  }

  @Test func unknownKeyIsNamed() throws {
    let path = try write(
      "buffer_metres: 500\nrules:\n  - { id: a, kind: threshold, indicator: x, direction: above, fial: 3 }\n",
      "p.yaml")
    #expect(throws: LiveabilityError.self) { try RulesProfile.load(path: path) }
    do { _ = try RulesProfile.load(path: path) } catch let e as LiveabilityError {
      guard case .invalid(_, let key, let reason) = e else {
        Issue.record("\(e)")
        return
      }
      #expect(key == "rules[0].fial" && reason.contains("unknown key 'fial'"))
    }
  }

  @Test func crossKeyChecks() throws {
    let noDirection = try write(
      "rules:\n  - { id: a, kind: threshold, indicator: x, fail: 3 }\n", "p.yaml")
    #expect(
      throws: LiveabilityError.invalid(
        file: noDirection, key: "rules[0].direction", reason: "must be one of above, below")
    ) {
      try RulesProfile.load(path: noDirection)
    }
    let order = try write(
      "rules:\n  - { id: a, kind: threshold, indicator: x, direction: above, attention: 9, fail: 3 }\n",
      "p.yaml")
    #expect(
      throws: LiveabilityError.invalid(
        file: order, key: "rules[0].attention",
        reason: "the attention limit must come before the fail limit")
    ) {
      try RulesProfile.load(path: order)
    }
    let noFacility = try write("rules:\n  - { id: a, kind: max_distance, fail: 3 }\n", "p.yaml")
    #expect(
      throws: LiveabilityError.invalid(
        file: noFacility, key: "rules[0].facility", reason: "required")
    ) {
      try RulesProfile.load(path: noFacility)
    }
  }

  @Test func programmeKeys() throws {
    let path = try write(
      "name: x\nward: W1\ndwellings:\n  - { item: a, added: 3, removed: 1 }\nfacilities:\n  added: [{ kind: shop, name: s }]\n  removed: [F1]\n",
      "prog.yaml")
    let p = try Programme.load(path: path)
    #expect(p.dwellings == [DwellingLine(item: "a", added: 3, removed: 1)] && p.ward == "W1")
    #expect(
      p.facilitiesAdded == [AddedFacility(kind: "shop", name: "s")] && p.facilitiesRemoved == ["F1"]
    )
    let bad = try write("dwellings:\n  - { item: a, added: -3 }\n", "prog.yaml")
    #expect(throws: LiveabilityError.self) { try Programme.load(path: bad) }
  }

  /// A programme that changes nothing: every indicator is equal before and after, every
  /// rule passes.
  @Test func unchangedProjectPassesWithBeforeEqualAfter() throws {
    let rules = [
      F.rule("t", .threshold, indicator: "gas_share", direction: "above", attention: 60, fail: 70),
      F.rule("c", .maxChange, indicator: "households", direction: "either", attention: 1),
      F.rule(
        "s", .maxChange, indicator: "gas_share", scope: .surroundings, direction: "either",
        fail: 0.5),
      F.rule("h", .noHotspot, indicator: "households", scope: .surroundings),
      F.rule("k", .noNewConcentration, indicator: "gas_share"),
    ]
    let o = try F.check(
      rules,
      programme: [
        Programme(
          name: "nothing", dwellings: [DwellingLine(item: "owner_gas_free", added: 5, removed: 5)])
      ])
    let phase = try #require(o.report.phases.first)
    #expect(phase.indicators.allSatisfy { $0.before == $0.after })
    #expect(phase.rules.allSatisfy { $0.verdict == .pass && $0.before == $0.after })
    #expect(o.report.verdict == .pass)
  }

  /// Removing more than a ward has is an error, never a clamp: W1 has 100 households.
  @Test func negativeCountIsAnError() throws {
    #expect(
      throws: LiveabilityError.negativeColumn(column: "hh", ward: "W1", before: 100, change: -150)
    ) {
      try F.check(
        [],
        programme: [
          Programme(name: "p", dwellings: [DwellingLine(item: "owner_gas_free", removed: 150)])
        ])
    }
    #expect(
      LiveabilityError.negativeColumn(column: "hh", ward: "W1", before: 100, change: -150)
        .description
        == "The programme changes hh in ward W1 by -150, but the ward has only 100: it cannot go below 0."
    )
  }

  /// Phases are cumulative: phase 2's after includes phase 1 (hh W1 100 → 150 → 170).
  @Test func phasesAreCumulative() throws {
    let o = try F.check(
      [F.rule("c", .maxChange, indicator: "households", direction: "increase", attention: 60)],
      programme: [
        Programme(name: "1", dwellings: [DwellingLine(item: "owner_gas_free", added: 50)]),
        Programme(name: "2", dwellings: [DwellingLine(item: "owner_gas_free", added: 20)]),
      ])
    let r = o.report.phases.map { $0.rules[0] }
    #expect(r.map(\.before) == [100, 100] && r.map(\.after) == [150, 170])
    #expect(r.map(\.verdict) == [.pass, .attention])
    #expect(
      o.report.phases[1].changes == [
        ColumnChange(
          ward: "W1", column: "hh", before: 150, after: 170, label: "households")  // the count's label
      ])
    #expect(o.report.verdict == .attention)
  }

  @Test func unknownItemAndIndicatorAreNamed() throws {
    #expect(
      throws: LiveabilityError.unknownItem(
        file: "programme.yaml", key: "dwellings[0].item", item: "villa",
        known: ["owner_gas_free", "social_gas"])
    ) {
      try F.check(
        [], programme: [Programme(name: "p", dwellings: [DwellingLine(item: "villa", added: 1)])])
    }
    #expect(
      throws: LiveabilityError.unknownIndicator(
        file: "profile.yaml", key: "rules[0].indicator", indicator: "nope",
        known: ["households", "gas_share"])
    ) {
      try F.check(
        [F.rule("x", .threshold, indicator: "nope", direction: "above", fail: 1)], programme: [])
    }
  }
}
