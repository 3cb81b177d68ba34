import Cartography
import Foundation
import SpatialWeights

/// What a check is run on besides the analysis: the site, the phases, the profile and the
/// facilities.
public struct CheckInputs: Sendable {
  /// Report title: the scenario's title, or the programme's name.
  public var title: String
  /// The project site, already in the wards' CRS.
  public var site: Site
  /// One programme, or a scenario's phases (applied cumulatively).
  public var phases: [Programme]
  /// The programme or scenario file, for messages and provenance.
  public var programmeFile: String
  /// The rules, items and buffer radius the check applies.
  public var profile: RulesProfile
  /// The profile's file, named in errors about its rules.
  public var profileFile: String
  /// Facilities in the wards' CRS; with none and no ``facilitiesFile``, distance rules are not
  /// applicable.
  public var facilities: [Facility]
  /// The facilities layer's path, `nil` when none was given; reported as the facilities source.
  public var facilitiesFile: String?
  /// Sentences naming invented inputs, shown on every output.
  public var illustrativeInputs: [String]

  /// The inputs as given; nothing is read or checked until
  /// ``LiveabilityCheck/check(_:run:configuration:)``.
  public init(
    title: String, site: Site, phases: [Programme], programmeFile: String,
    profile: RulesProfile, profileFile: String, facilities: [Facility] = [],
    facilitiesFile: String? = nil, illustrativeInputs: [String] = []
  ) {
    self.title = title
    self.site = site
    self.phases = phases
    self.programmeFile = programmeFile
    self.profile = profile
    self.profileFile = profileFile
    self.facilities = facilities
    self.facilitiesFile = facilitiesFile
    self.illustrativeInputs = illustrativeInputs
  }
}

/// The liveability check ("leefbaarheidstoets") of a proposed project.
///
/// Locates the site (``SiteLocator``); applies each phase's programme cumulatively to the
/// ward table (``ProgrammeApplication``); recomputes every indicator on the changed table
/// with ``IndicatorAnalysis/compute(_:table:weights:settings:)`` (so LISA and Gi* are
/// recomputed with the project applied, same weights and seed); compares before and after
/// in the site's ward(s) and in the surroundings (area-weighted over the buffer); measures
/// the distance to the nearest facility of each kind; and judges each rule
/// (``RuleEvaluator``). The verdict follows ``Verdict/overall(_:)``.
public enum LiveabilityCheck {
  /// The check, with the ward table and indicator results after the last phase (for maps).
  public struct Outcome: Sendable {
    /// The check's result: where the site lies, each phase's comparisons and rules, the verdict.
    public var report: LiveabilityReport
    /// The ward table with every phase applied (the changed columns), for the maps.
    public var tableAfter: WardTable
    /// Indicator id → result after the last phase.
    public var after: [String: IndicatorResult]
    /// The ward table and the indicator results before the project (first) and after each
    /// phase, exact; ``LiveabilityPublication`` publishes each.
    public var states: [(table: WardTable, results: [String: IndicatorResult])]
    /// The indicators the check computed (those whose columns the ward table has).
    public var specs: [IndicatorSpec]
    /// The weights and settings they were computed with.
    public var weights: SpatialWeights
    /// The settings of every indicator.
    public var settings: IndicatorSettings
    /// The small-number threshold, significance, title and credits of the configuration.
    public var configuration: AnalysisConfiguration
  }

  /// - Parameters:
  ///   - inputs: site, phases, profile, facilities.
  ///   - run: the analysis (`Analysis.run`) on the configuration.
  ///   - configuration: that configuration (indicators, settings).
  /// - Throws: ``LiveabilityError`` (site outside the wards, unknown indicator, item or
  ///   ward, a count made negative), `EngineError`, and the indicator errors of
  ///   ``IndicatorAnalysis``.
  public static func check(
    _ inputs: CheckInputs, run: Analysis.Run, configuration: AnalysisConfiguration
  ) throws -> Outcome {
    let classic = Set(configuration.indicators.map(\.id))
    return try check(
      inputs, table: run.table, weights: run.weights, configuration: configuration,
      provenance: run.result.provenance,
      yearSpecs: run.specs.filter { !classic.contains($0.id) })
  }

  /// The check on a ward table and weights of one's own (tests, other front ends).
  /// `yearSpecs` are the indicators per year of the configuration's sector tables
  /// (`population_2022`, `share_65plus_2021`: ``Analysis/Run/specs``), which rules can name.
  /// - Throws: as ``check(_:run:configuration:)``.
  public static func check(
    _ inputs: CheckInputs, table baseTable: WardTable, weights: SpatialWeights,
    configuration: AnalysisConfiguration, provenance: Provenance,
    yearSpecs: [IndicatorSpec] = []
  ) throws -> Outcome {
    let run = (table: baseTable, weights: weights)
    let profile = inputs.profile
    let location = try SiteLocator.locate(
      inputs.site, in: run.table, bufferMetres: profile.bufferMetres)
    let specs = try indicatorSpecs(
      profile, configuration, yearSpecs: yearSpecs, file: inputs.profileFile)
    let applicable = specs.filter { spec in
      ([spec.numerator] + (spec.base.map { [$0] } ?? [])).allSatisfy {
        run.table.columns[$0] != nil
      }
    }
    let settings = IndicatorSettings(configuration: configuration)
    let language = Language(rawValue: configuration.language) ?? .dutch
    let before = try compute(applicable, run.table, run.weights, settings)
    let kinds = Array(Set(profile.rules.compactMap(\.facility) + inputs.facilities.map(\.kind)))
      .sorted()
    let distancesBefore = try FacilityDistances.nearest(
      site: inputs.site, facilities: inputs.facilities, kinds: kinds)
    var table = run.table
    var added: [AddedFacility] = []
    var removed = Set<String>()
    var phases: [PhaseCheck] = []
    var last = before
    var states = [(table: run.table, results: before)]
    for phase in inputs.phases {
      let applied = try ProgrammeApplication.apply(
        phase, file: inputs.programmeFile, profile: profile, location: location, to: &table,
        dutch: language == .dutch)
      added += phase.facilitiesAdded
      for id in phase.facilitiesRemoved {
        guard inputs.facilities.contains(where: { $0.id == id }) else {
          throw LiveabilityError.unknownFacility(file: inputs.programmeFile, id: id)
        }
        removed.insert(id)
      }
      let after = try compute(applicable, table, run.weights, settings)
      last = after
      states.append((table, after))
      let distancesAfter = try FacilityDistances.nearest(
        site: inputs.site, facilities: inputs.facilities, kinds: kinds, added: added,
        removed: removed)
      let context = PhaseContext(
        location: location, before: before, after: after, tableBefore: run.table, tableAfter: table,
        distancesBefore: distancesBefore, distancesAfter: distancesAfter,
        words: Words(language: language),
        hasFacilities: inputs.facilitiesFile != nil || !inputs.facilities.isEmpty)
      let words = Words(language: language)
      let rules = profile.rules.flatMap {
        context.outcomes($0, specs: specs, applicable: applicable)
      }.map { o in
        var o = o
        o.label = CheckLabels.rule(o, specs, words)
        return o
      }
      let changes = applied.changes.map { c in
        var c = c
        c.label = CheckLabels.column(c.column, specs, words)
        return c
      }
      phases.append(
        PhaseCheck(
          name: phase.name, changes: changes, notes: applied.notes,
          indicators: context.comparisons(applicable),
          facilities: kinds.indices.map {
            FacilityComparison(
              kind: kinds[$0], before: distancesBefore[$0], after: distancesAfter[$0])
          },
          rules: rules, tests: applicable.flatMap { after[$0.id]?.tests ?? [] },
          verdict: Verdict.overall(rules.map(\.verdict))))
    }
    let report = LiveabilityReport(
      title: inputs.title, language: configuration.language, profile: profile.title,
      site: inputs.site.source, siteIsPoint: inputs.site.isPoint, siteNotes: inputs.site.notes,
      location: location, illustrativeInputs: inputs.illustrativeInputs, phases: phases,
      // A scenario is judged by its worst phase: an intermediate phase that fails is not
      // undone by a later one (the city lives through every phase).
      verdict: Verdict.overall(phases.map(\.verdict)),
      overallRule:
        "any rule that fails in any phase → fail; else any rule needing attention in any phase → attention; else pass",
      facilitiesSource: inputs.facilitiesFile, provenance: provenance,
      multipleTesting: configuration.multipleTesting, significance: configuration.significance,
      testsBefore: applicable.flatMap { before[$0.id]?.tests ?? [] })
    return Outcome(
      report: report, tableAfter: table, after: last, states: states, specs: applicable,
      weights: run.weights, settings: settings, configuration: configuration)
  }

  /// The configuration's indicators and those of its sector tables per year, with the
  /// profile's added (a profile indicator with the same id replaces the configuration's);
  /// checks every rule's indicator exists.
  static func indicatorSpecs(
    _ profile: RulesProfile, _ c: AnalysisConfiguration, yearSpecs: [IndicatorSpec] = [],
    file: String
  ) throws(LiveabilityError) -> [IndicatorSpec] {
    let own = Set(profile.indicators.map(\.id))
    // Of the yearly indicators only those a rule names: the check does not recompute twelve
    // years of figures it does not judge.
    let named = Set(profile.rules.compactMap(\.indicator))
    let years = yearSpecs.filter { named.contains($0.id) }
    let specs = (c.indicators + years).filter { !own.contains($0.id) } + profile.indicators
    for (i, r) in profile.rules.enumerated() {
      if let id = r.indicator, !specs.contains(where: { $0.id == id }) {
        throw .unknownIndicator(
          file: file, key: "rules[\(i)].indicator", indicator: id, known: specs.map(\.id))
      }
    }
    return specs
  }

  static func compute(
    _ specs: [IndicatorSpec], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings
  ) throws -> [String: IndicatorResult] {
    var out: [String: IndicatorResult] = [:]
    for spec in specs {
      out[spec.id] = try IndicatorAnalysis.compute(
        spec, table: table, weights: weights, settings: settings)
    }
    return out
  }
}
