import Testing
import WijkCore

@testable import WijkAnalysis

/// Every rule kind on the three squares (``LiveabilityFixtures``), with the arithmetic.
///
/// The programme adds 50 gas-free owner-occupied dwellings in W1 (the site's ward):
///   hh W1: 100 + 50 × 1 = 150; gas W1 stays 50.
///   gas share W1: before 50 / 100 × 100 = 50 %; after 50 / 150 × 100 = 33.333… %.
///   Surroundings with a 10 km buffer take every ward whole (share 1):
///   households 600 → 650; gas share 300 / 600 = 50 % → 300 / 650 = 46.1538… %.
@Suite struct RuleKindTests {
  typealias F = LiveabilityFixtures
  let addFifty = Programme(name: "p", dwellings: [DwellingLine(item: "owner_gas_free", added: 50)])

  func outcome(_ rule: Rule, _ programme: Programme? = nil, facilities: [Facility] = [])
    throws -> RuleOutcome
  {
    let o = try F.check([rule], programme: [programme ?? addFifty], facilities: facilities)
    return try #require(o.report.phases.last?.rules.first)
  }

  @Test func thresholdAbove() throws {
    // After 150 > fail 140, and the project raised it (100 → 150): fail.
    let o = try outcome(
      F.rule(
        "t", .threshold, indicator: "households", direction: "above", attention: 120, fail: 140))
    #expect(o.before == 100 && o.after == 150 && o.verdict == .fail && o.ward == "W1")
    // After 33.33 % is under attention 40 and fail 60: pass.
    let g = try outcome(
      F.rule("g", .threshold, indicator: "gas_share", direction: "above", attention: 40, fail: 60))
    #expect(abs(g.after! - 100.0 / 3) < 1e-9 && g.before == 50 && g.verdict == .pass)
  }

  @Test func thresholdBelow() throws {
    // direction below: 33.33 < attention 40 but not < fail 30 → attention (it fell from 50).
    let o = try outcome(
      F.rule("b", .threshold, indicator: "gas_share", direction: "below", attention: 40, fail: 30))
    #expect(o.verdict == .attention)
  }

  @Test func thresholdAlreadyBeyondButNotWorsened() throws {
    // 100 households > fail 50 before and after an empty programme: the project does not
    // make it worse → pass, and the explanation says it was already beyond.
    let o = try outcome(
      F.rule("t", .threshold, indicator: "households", direction: "above", fail: 50),
      Programme(name: "none"))
    #expect(o.before == 100 && o.after == 100 && o.verdict == .pass)
    #expect(o.explanation.contains("already beyond"))
  }

  @Test func maxChange() throws {
    // change = 150 − 100 = +50: increase → 50 > attention 40, ≤ fail 60 → attention.
    let up = try outcome(
      F.rule(
        "c", .maxChange, indicator: "households", direction: "increase", attention: 40, fail: 60))
    #expect(up.verdict == .attention)
    // decrease: measured −50, never above a limit → pass.
    let down = try outcome(
      F.rule(
        "c", .maxChange, indicator: "households", direction: "decrease", attention: 40, fail: 60))
    #expect(down.verdict == .pass)
    // either: |+50| > fail 45 → fail.
    let either = try outcome(
      F.rule("c", .maxChange, indicator: "households", direction: "either", fail: 45))
    #expect(either.verdict == .fail)
  }

  @Test func surroundingsAreAreaWeighted() throws {
    let o = try outcome(
      F.rule(
        "s", .threshold, indicator: "gas_share", scope: .surroundings, direction: "above", fail: 90)
    )
    #expect(o.before == 50)
    #expect(abs(o.after! - 300.0 / 650 * 100) < 1e-9)
    let h = try outcome(
      F.rule(
        "h", .maxChange, indicator: "households", scope: .surroundings, direction: "increase",
        attention: 49))
    #expect(h.before == 600 && h.after == 650 && h.verdict == .attention)
  }

  @Test func surroundingsShareOfAWardCutByTheBuffer() throws {
    // A 100 m buffer around the site [200,800]² reaches x ≤ 900: it stays inside W1, so
    // W1 is the only ward in the surroundings; its share is the buffer's area / 1 km²
    // (GEOS buffer: 600² + 4·600·100 + the four rounded corners ≈ π·100²).
    let o = try F.check([], programme: [addFifty], buffer: 100)
    let ring = o.report.location.surroundings
    #expect(ring.map(\.code) == ["W1"])
    let exact = (360_000 + 240_000 + Double.pi * 10_000) / 1e6
    #expect(abs(ring[0].shareOfWard - exact) < 1e-3)
  }

  @Test func maxDistance() throws {
    // School at (500, 1500): 700 m above the site's top edge y = 800 → attention (> 500).
    let school = Facility(
      id: "S1", kind: "school", name: "S1", location: Coordinate(x: 500, y: 1500))
    let far = Facility(id: "S2", kind: "school", name: "S2", location: Coordinate(x: 500, y: 2500))
    let rule = F.rule("d", .maxDistance, facility: "school", attention: 500, fail: 1000)
    // Unchanged: 700 m is already beyond attention 500, and the project does not make it
    // worse → pass, saying so.
    let a = try outcome(rule, Programme(name: "none"), facilities: [school, far])
    #expect(a.before == 700 && a.after == 700 && a.verdict == .pass)
    #expect(a.explanation.contains("already beyond"))
    // S1 removed with S3 at (500, 1700): 1700 − 800 = 900 m > attention 500, ≤ fail 1000,
    // and worse than 700 → attention.
    let near = Facility(id: "S3", kind: "school", name: "S3", location: Coordinate(x: 500, y: 1700))
    let worse = try outcome(
      rule, Programme(name: "r", facilitiesRemoved: ["S1"]), facilities: [school, near])
    #expect(worse.after == 900 && worse.verdict == .attention)
    // Removing S1 leaves S2 at 2500 − 800 = 1700 m > fail 1000 → fail.
    let removed = try outcome(
      rule, Programme(name: "r", facilitiesRemoved: ["S1"]), facilities: [school, far])
    #expect(removed.after == 1700 && removed.verdict == .fail)
    // A school built on the site: 0 m → pass.
    let added = try outcome(
      rule, Programme(name: "a", facilitiesAdded: [AddedFacility(kind: "school", name: "new")]),
      facilities: [school, far])
    #expect(added.after == 0 && added.verdict == .pass)
  }

  @Test func notApplicableWithoutTheRegisterColumn() throws {
    var spec = try F.configuration.indicators[1]
    spec.id = "social_share"
    spec.numerator = "social_n"
    let profile = RulesProfile(
      title: "t", bufferMetres: 500, items: F.items, indicators: [spec],
      rules: [F.rule("s", .threshold, indicator: "social_share", direction: "above", fail: 30)])
    let o = try LiveabilityCheck.check(
      CheckInputs(
        title: "t", site: F.site,
        phases: [Programme(name: "p", dwellings: [DwellingLine(item: "social_gas", added: 10)])],
        programmeFile: "p.yaml", profile: profile, profileFile: "profile.yaml"),
      table: F.table, weights: F.weights, configuration: F.configuration, provenance: F.provenance)
    let phase = try #require(o.report.phases.first)
    #expect(phase.rules[0].verdict == .notApplicable)
    #expect(phase.verdict == .pass)
    #expect(phase.notes.contains { $0.contains("social_n") })
    // gas and hh still changed (columns in name order): 50 + 10, 100 + 10.
    #expect(phase.changes.map(\.after) == [60, 110])
  }
}

/// The hotspot and concentration rules on hand-made ward values (their statistics are
/// tested in `IndicatorAnalysis`; here only the rule's reading of them).
@Suite struct FlagRuleTests {
  let evaluator = RuleEvaluator(words: Words(language: .english))

  func ward(
    _ code: String, hotspot: String? = nil, z: Double? = nil, lq: Double? = nil,
    flags: [String] = []
  )
    -> WardIndicatorValue
  {
    WardIndicatorValue(
      code: code, locationQuotient: lq, smallBase: false, lisaCategory: "not significant",
      giStarZ: z, hotspot: hotspot, undefined: [:], flags: flags)
  }

  @Test func hotspotCreatedExtendedStrengthenedOrNot() {
    let rule = LiveabilityFixtures.rule("h", .noHotspot, indicator: "x", scope: .surroundings)
    let created = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A"), ward("B")], wardsAfter: [ward("A"), ward("B", hotspot: "hotspot")])
    )
    #expect(created.0 == .fail && created.1.contains("appears in B"))
    let extended = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A", hotspot: "hotspot"), ward("B")],
        wardsAfter: [ward("A", hotspot: "hotspot"), ward("B", hotspot: "hotspot")]))
    #expect(extended.0 == .fail && extended.1.contains("extends to B"))
    let stronger = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A", hotspot: "hotspot", z: 2.0)],
        wardsAfter: [ward("A", hotspot: "hotspot", z: 2.5)]))
    #expect(stronger.0 == .attention)
    let same = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A", hotspot: "hotspot", z: 2.0)],
        wardsAfter: [ward("A", hotspot: "hotspot", z: 1.9)]))
    #expect(same.0 == .pass)
    let none = evaluator.evaluate(
      rule, RuleInput(wardsBefore: [ward("A")], wardsAfter: [ward("A", hotspot: "coldspot")]))
    #expect(none.0 == .pass)
  }

  @Test func concentrationWard() {
    let rule = LiveabilityFixtures.rule("c", .noNewConcentration, indicator: "x")
    let c = "concentration ward"
    let created = evaluator.evaluate(
      rule,
      RuleInput(wardsBefore: [ward("A", lq: 1.1)], wardsAfter: [ward("A", lq: 1.3, flags: [c])]))
    #expect(created.0 == .fail)
    let deeper = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A", lq: 1.3, flags: [c])], wardsAfter: [ward("A", lq: 1.4, flags: [c])])
    )
    #expect(deeper.0 == .attention)
    let lighter = evaluator.evaluate(
      rule,
      RuleInput(
        wardsBefore: [ward("A", lq: 1.3, flags: [c])], wardsAfter: [ward("A", lq: 1.25, flags: [c])]
      ))
    #expect(lighter.0 == .pass)
  }

  @Test func overallVerdict() {
    #expect(Verdict.overall([.pass, .attention, .notApplicable]) == .attention)
    #expect(Verdict.overall([.attention, .fail]) == .fail)
    #expect(Verdict.overall([.notApplicable]) == .pass)
  }
}
