import Cartography
import Foundation
import SpatialWeights
import Testing
import WijkCore

@testable import WijkAnalysis
@testable import WijkIO

/// The runs the publication tests attack, and every published output rendered to text.
enum PublicationFixtures {
  /// The synthetic fixture `Tests/Fixtures/publication/` (nine wards, known small counts).
  static let syntheticConfiguration = Result {
    try ConfigurationLoader.load(path: fixture("publication/publication_synthetic.yaml").path)
  }

  static let synthetic = Result { try Analysis.run(syntheticConfiguration.get()) }

  /// The Genk main job on its real data with the threshold raised to 50, so that the rule
  /// has real counts to withhold (non-residential connections 17, 21, 35, 41 and 45), and
  /// 99 permutations to keep the reruns short.
  static let genkConfiguration = Result {
    var c = try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path)
    c.smallNumberThreshold = 50
    c.permutations = 99
    return c
  }

  static let genk = Result { try Analysis.run(genkConfiguration.get()) }

  /// `wijk housing` on Genk's wards with the synthetic register (threshold 5).
  static let housingConfiguration = Result {
    var c = try HousingConfigurationLoader.load(path: geoData("huisvesting_synthetic.yaml").path)
    c.analysis.permutations = 99
    return c
  }

  static let housing = Result { try HousingAnalysis.run(housingConfiguration.get()) }

  // MARK: - Every published output as text

  /// File name → text of every published output of `p` (the CSV in Belgian Excel and plain,
  /// the spreadsheet's cells, the codebook, the summary in Markdown and HTML, every map,
  /// every ward plan with its map and JSON), and of `extra` (housing, check).
  static func outputs(
    _ p: Publication, table: WardTable, weights: SpatialWeights,
    summaryExtra: (inout ReportDocument) throws -> Void = { _ in }
  ) throws -> [String: String] {
    var out: [String: String] = [:]
    let published = WardExport.published(p)
    out["wards.csv"] = CSVWriter.text(published.table)
    out["wards.csv (excel)"] = String(
      decoding: CSVWriter.encode(
        published.table, dialect: .excel, textColumns: published.textColumns),
      as: UTF8.self)
    let language = Language(rawValue: p.result.language) ?? .dutch
    let sheet = WardExport.sheet(published, language: language)
    out["wards.xlsx (cells)"] = sheet.features.map { f in
      f.values.map { "\($0)" }.joined(separator: "|")
    }.joined(separator: "\n")
    out["wards_codebook.csv"] = CSVWriter.text(WardExport.codebook(published, p))
    let maps = try AnalysisOutputs.drawMaps(p, table: table)
    for (name, svg) in maps { out["maps/" + name] = svg }
    out["map.html"] = try InteractiveMapPage.html(p, maps: maps, table: table)
    let summary = try SummaryReport.build(
      p, table: table, maps: maps, extraSections: summaryExtra)
    out["summary.md"] = summary.markdown()
    out["summary.html"] = summary.html()
    for w in table.codes.indices {
      let plan = WardPlanBuilder.build(
        ward: w, publication: p, table: table, neighbours: weights)
      let page = try WardPlans.page(plan, publication: p, table: table)
      out["plans/\(page.fileStem).html"] = page.html
      out["plans/\(page.fileStem).md"] = page.markdown
      out["plans/\(page.fileStem).json"] = page.json
      out["plans/\(page.fileStem)-map.svg"] = page.mapSVG ?? ""
    }
    return out
  }

  /// The housing job's published outputs: the main job's, the housing sections of the
  /// summary and the brochure.
  static func housingOutputs(_ run: HousingAnalysis.Run, _ p: Publication) throws
    -> [String: String]
  {
    var out = try outputs(p, table: run.analysis.table, weights: run.analysis.weights) { doc in
      try HousingReport.add(run, p, to: &doc)
    }
    out["huisvesting_wijken.csv"] = CSVWriter.text(HousingBrochure.table(run, p))
    return out
  }

  // MARK: - Reruns with other values of the withheld cells

  /// The exact run recomputed on `table` (same weights, specs, settings, groups).
  static func rerun(
    _ run: Analysis.Run, table: WardTable, zones: (WardTable) throws -> [ZoneResult]
  )
    throws -> Analysis.Run
  {
    var r = run.result
    var table = table
    // the composite index is computed from the other indicators, last, as Analysis.run does
    var specs = run.specs.filter { $0.kind != .score }
    r.indicators = try specs.map {
      try IndicatorAnalysis.compute($0, table: table, weights: run.weights, settings: run.settings)
    }
    r.multipleTesting = Significance.summarise(&r.indicators, run.settings)
    r.groups = try run.result.groups.map {
      try GroupComparison.compare(
        WardGroup(name: $0.name, wards: $0.wards, illustrative: $0.illustrative), table: table,
        indicators: specs)
    }
    r.zones = try zones(table)
    if let figures = run.sectorYears, let c = run.configuration {
      try Analysis.addSeries(
        to: &r, figures, codes: table.codes, weights: run.weights, configuration: c)
    }
    if let c = run.configuration, let index = c.index {
      r.illustrativeInputs = run.result.illustrativeInputs.filter { !$0.contains(index.id) }
      try Analysis.addIndex(
        index, to: &r, table: &table, specs: &specs, weights: run.weights,
        settings: run.settings, seed: c.seed, file: "the configuration")
    }
    var out = Analysis.Run(
      result: r, table: table, weights: run.weights, specs: specs, settings: run.settings)
    (out.sectorYears, out.configuration) = (run.sectorYears, run.configuration)
    return out
  }

  /// The zones of the main job's configuration carried again from `table`.
  static func zones(_ c: AnalysisConfiguration) throws -> (WardTable) throws -> [ZoneResult] {
    guard let source = c.zones else { return { _ in [] } }
    let layer = try WardLayerLoader.load(c.wards).layer
    // every indicator of the run: the sector indicators' years, then the classic ones
    let specs = try Analysis.run(c).specs.filter { $0.kind != .score }
    return { table in
      try ZoneOverlay.carry(source, onto: layer, table: table, indicators: specs)
    }
  }

  /// The first line where two texts differ, for a readable failure.
  static func firstDifference(_ a: String, _ b: String) -> String {
    let (la, lb) = (a.split(separator: "\n"), b.split(separator: "\n"))
    for k in 0..<max(la.count, lb.count) {
      let x = k < la.count ? String(la[k]) : "<end>"
      let y = k < lb.count ? String(lb[k]) : "<end>"
      if x != y { return "line \(k + 1):\n  \(x.prefix(300))\n  \(y.prefix(300))" }
    }
    return "no difference"
  }
}

/// Other values a reader cannot tell apart from the true ones: for a small cell and a value
/// of 1 … threshold − 1, values of the other withheld cells that keep every total a reader
/// knows and the bounds the markers state.
struct Completions {
  let engine: CellSuppression
  let pattern: CellSuppression.Pattern

  /// The withheld cells connected to `cell` through the relations a reader knows.
  func component(of cell: TableCell) -> [TableCell] {
    let active = engine.active(pattern)
    var seen: Set<TableCell> = [cell]
    var queue = [cell]
    while let c = queue.popLast() {
      for r in active where r.terms.contains(where: { $0.cell == c }) {
        for (other, _) in r.terms where pattern.withheld[other] != nil && !seen.contains(other) {
          seen.insert(other)
          queue.append(other)
        }
      }
    }
    return seen.sorted()
  }

  /// New values of the component of `cell` with `cell` = `value`, every active relation's
  /// sum kept, each cell inside the bounds its marker states; `nil` when there is none (the
  /// reader could rule the value out). Found by fixing the cells one by one, each to the
  /// value nearest its true one that the bounds propagated from the fixed ones still allow.
  func completion(_ cell: TableCell, _ value: Double) -> [TableCell: Double]? {
    var fixed = [cell: value]
    for q in component(of: cell) where q != cell {
      guard let range = ranges(fixed)?[q] else { return nil }
      let x = min(
        max(engine.values[q, default: 0], range.lower.rounded(.up)), range.upper.rounded(.down))
      guard x >= range.lower - 1e-9 else { return nil }
      fixed[q] = x
    }
    guard let final = ranges(fixed), final.allSatisfy({ $0.value.lower <= $0.value.upper + 1e-9 })
    else { return nil }
    return fixed
  }

  /// The bounds of every withheld cell with `fixed` cells at their values, propagated
  /// through the active relations; `nil` when they contradict each other.
  func ranges(_ fixed: [TableCell: Double]) -> [TableCell: (lower: Double, upper: Double)]? {
    var lo: [TableCell: Double] = [:]
    var hi: [TableCell: Double] = [:]
    for (c, why) in pattern.withheld {
      (lo[c], hi[c]) = fixed[c].map { ($0, $0) } ?? engine.readerBounds(c, why, pattern)
    }
    let relations = engine.active(pattern).filter { r in
      r.terms.contains { pattern.withheld[$0.cell] != nil }
    }
    for _ in 0..<200 {
      var changed = false
      for r in relations {
        let hidden = r.terms.filter { pattern.withheld[$0.cell] != nil }
        let sum = hidden.reduce(0.0) { $0 + $1.sign * engine.values[$1.cell, default: 0] }
        for term in hidden {
          var low = 0.0
          var high = 0.0
          for o in hidden where o.cell != term.cell {
            let (a, b) = (o.sign * lo[o.cell]!, o.sign * hi[o.cell]!)
            low += min(a, b)
            high += max(a, b)
          }
          let (x1, x2) = (term.sign * (sum - high), term.sign * (sum - low))
          if min(x1, x2) > lo[term.cell]! + 1e-9 {
            lo[term.cell] = min(x1, x2)
            changed = true
          }
          if max(x1, x2) < hi[term.cell]! - 1e-9 {
            hi[term.cell] = max(x1, x2)
            changed = true
          }
          if lo[term.cell]! > hi[term.cell]! + 1e-9 { return nil }
        }
      }
      if !changed { break }
    }
    return lo.reduce(into: [:]) { $0[$1.key] = ($1.value, hi[$1.key]!) }
  }
}

/// The illustrative Sledderlo scenario of `Examples/sledderlo/` (as `wijk check --scenario`
/// runs it), on any ward table of the same wards.
struct SledderloCheck {
  let inputs: CheckInputs
  let weights: SpatialWeights
  let configuration: AnalysisConfiguration
  let provenance: Provenance
  /// The sector tables' indicators per year, which the profile's rules name.
  let yearSpecs: [IndicatorSpec]

  static func make(_ run: Analysis.Run, _ c: AnalysisConfiguration) throws -> SledderloCheck {
    let examples = testsDirectory.deletingLastPathComponent().appendingPathComponent(
      "Examples/sledderlo")
    let scenario = try Scenario.load(
      path: examples.appendingPathComponent("scenario_illustrative.yaml").path)
    let profile = try RulesProfile.load(path: geoData("leefbaarheidstoets_profiel.yaml").path)
    let site = try SiteReader.file(scenario.site!, into: run.table.crs)
    let facilities = try FacilitiesReader.read(scenario.facilities!, into: run.table.crs)
    return SledderloCheck(
      inputs: CheckInputs(
        title: scenario.title, site: site, phases: scenario.phases,
        programmeFile: "scenario_illustrative.yaml", profile: profile,
        profileFile: "leefbaarheidstoets_profiel.yaml", facilities: facilities,
        facilitiesFile: scenario.facilities),
      weights: run.weights, configuration: c, provenance: run.result.provenance,
      yearSpecs: run.specs.filter { s in !c.indicators.contains { $0.id == s.id } })
  }

  func run(_ table: WardTable) throws -> LiveabilityCheck.Outcome {
    try LiveabilityCheck.check(
      inputs, table: table, weights: weights, configuration: configuration,
      provenance: provenance, yearSpecs: yearSpecs)
  }
}
