import Foundation
import SpatialWeights
import WijkCore
import WijkIO

/// The GIS module "huisvesting": a housing register (one or two dates) mapped per ward, with
/// the concentration statistics of the main job on the indicators the configuration defines.
///
/// Steps: load and check the wards (``WardLayerGate``); read each register
/// (``RegisterReader``) and sum it per ward (``RegisterAggregation``, smallest-code rule,
/// outside and boundary rows reported); put the current date's columns, the earlier date's
/// (`<column>_at_<date>`) and the change (`<column>_change`) in the ``WardTable``; compute every
/// indicator with ``IndicatorAnalysis`` (and, with two dates, the same indicator on the
/// earlier date as `<id>_<date>`); compare ward groups with ``GroupComparison``.
public enum HousingAnalysis {
  /// What `run` returns: the main job's run value (for the shared outputs) and the housing
  /// additions.
  public struct Run: Sendable {
    /// The main job's run: its ``AnalysisResult``, the ward table with the register columns, and
    /// the weights.
    public var analysis: Analysis.Run
    /// The housing additions: the registers as joined, the summed columns and the changes.
    public var housing: HousingResult
    /// The sums between a ward's register columns that the published tables show: each
    /// category without an `ignore` list adds up to the dwellings, at every date.
    public var relations: [CountRelation]
  }

  /// - Throws: the first error of any step: `IOError`, ``HousingError``, `PointJoinError`,
  ///   ``AnalysisError``, `EngineError`, `ConcentrationError`, `WeightsError`, each naming
  ///   the file, line or ward, and the field.
  public static func run(
    _ c: HousingConfiguration, configurationFile: String? = nil,
    options: WardLoadingOptions = WardLoadingOptions(), progress: (String) -> Void = { _ in }
  ) throws -> Run {
    let ac = c.analysis
    progress("reading and checking the wards in \(DataSourceName.redacted(ac.wards.file))")
    let loaded = try WardLayerGate.load(ac.wards, options: options)
    var table = loaded.table
    var reports: [RegisterJoinReport] = []
    var perDate: [[String: [Double?]]] = []
    for file in c.registers {
      progress("reading the register of \(file.date) (\(file.file)) and placing it in the wards")
      let register = try RegisterReader.read(
        file, layout: c.layout, wardsCRS: table.crs,
        missingValues: MissingValues.standard.adding(ac.missingValues))
      let (columns, report) = try RegisterAggregation.aggregate(
        register, layout: c.layout, wards: table)
      perDate.append(columns)
      reports.append(report)
    }
    let current = perDate.last!
    table.columns = current
    if perDate.count == 2 { addEarlier(perDate[0], date: c.registers[0].date, current, &table) }
    progress("building \(ac.weights.kind.rawValue) weights for \(table.count) wards")
    let built = try Analysis.makeWeights(ac.weights, table: table, layer: loaded.layer)
    let weights = built.weights
    let specs = indicatorSpecs(c)
    let settings = IndicatorSettings(configuration: ac)
    var indicators: [IndicatorResult] = []
    for spec in specs {
      progress("computing \(spec.id) (\(ac.permutations) permutations, seed \(ac.seed))")
      indicators.append(try compute(spec, table, weights, settings))
    }
    let groups = try ac.groups.map {
      try GroupComparison.compare($0, table: table, indicators: specs)
    }
    let illustrative = Analysis.illustrativeInputs(ac) + syntheticRegisters(c)
    var provenance = try Analysis.provenance(
      ac, configurationFile: configurationFile, wards: loaded.report)
    provenance.inputs += try Provenance.inputs(c.registers.map(\.file))
    let significance = Significance.summarise(&indicators, settings)
    let result = AnalysisResult(
      title: ac.title, language: ac.language, provenance: provenance,
      wards: WardSummary.all(of: table),
      weights: Analysis.summary(weights, ac.weights, ties: built.ties), indicators: indicators,
      groups: groups,
      zones: [],
      tables: [], smallNumberThreshold: ac.smallNumberThreshold, significance: ac.significance,
      multipleTesting: significance, concentrationQuotient: ac.concentrationQuotient,
      // The registers' own sentences are in the housing section, in the report's language.
      notices: Analysis.notices(loaded.report, weights: built),
      illustrativeInputs: illustrative,
      illustrativeFiles: Analysis.illustrativeFiles(ac)
        + c.registers.map { URL(fileURLWithPath: $0.file).lastPathComponent }
        .filter { $0.lowercased().contains("synthetic") },
      credits: ac.credits)
    let housing = HousingResult(
      title: ac.title, dates: c.registers.map(\.date), registers: reports, wardCodes: table.codes,
      columns: table.columns, currentColumns: columnOrder(c.layout),
      changes: perDate.count == 2 ? changes(c, indicators) : [], illustrativeInputs: illustrative)
    return Run(
      analysis: Analysis.Run(
        result: result, table: table, weights: weights, specs: specs, settings: settings),
      housing: housing, relations: relations(c))
  }

  /// The earlier date's columns as `<name>_at_<date>` (not `<name>_<date>`, which would
  /// collide with the year columns `<series>_<year>`), and `<name>_change` = current − earlier.
  static func addEarlier(
    _ earlier: [String: [Double?]], date: String, _ current: [String: [Double?]],
    _ table: inout WardTable
  ) {
    for (name, values) in earlier {
      table.columns["\(name)_at_\(date)"] = values
      if let now = current[name] {
        table.columns["\(name)_change"] = zip(now, values).map { a, b in
          a.flatMap { a in b.map { a - $0 } }
        }
      }
    }
  }

  /// The configured indicators on the current date, then (with two dates) the same on the
  /// earlier date, labelled with their dates.
  static func indicatorSpecs(_ c: HousingConfiguration) -> [IndicatorSpec] {
    guard c.registers.count == 2 else { return c.analysis.indicators }
    let (from, to) = (c.registers[0].date, c.registers[1].date)
    func dated(_ text: LocalisedText, _ date: String) -> LocalisedText {
      LocalisedText(nl: "\(text.nl) (\(date))", en: "\(text.en) (\(date))")
    }
    let now = c.analysis.indicators.map { spec in
      var s = spec
      s.label = dated(spec.label, to)
      return s
    }
    let before = c.analysis.indicators.map { spec in
      var s = spec
      s.id = "\(spec.id)_\(from)"
      s.numerator = "\(spec.numerator)_at_\(from)"
      s.base = spec.base.map { "\($0)_at_\(from)" }
      s.label = dated(spec.label, from)
      return s
    }
    return now + before
  }

  static func compute(
    _ spec: IndicatorSpec, _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings
  ) throws -> IndicatorResult {
    do {
      return try IndicatorAnalysis.compute(spec, table: table, weights: weights, settings: settings)
    } catch let error as AnalysisError {
      throw error
    } catch {
      throw AnalysisError.indicator(
        id: spec.id, numerator: spec.numerator, base: spec.base, reason: "\(error)")
    }
  }

  /// Each configured indicator at both dates.
  static func changes(_ c: HousingConfiguration, _ results: [IndicatorResult]) -> [IndicatorChange]
  {
    let (from, to) = (c.registers[0].date, c.registers[1].date)
    return c.analysis.indicators.compactMap { spec in
      guard let now = results.first(where: { $0.id == spec.id }),
        let before = results.first(where: { $0.id == "\(spec.id)_\(from)" })
      else { return nil }
      return IndicatorChange(
        indicator: spec.id, earlierIndicator: before.id, fromDate: from, toDate: to,
        cityFrom: before.city.value, cityTo: now.city.value,
        dissimilarityFrom: before.city.dissimilarity, dissimilarityTo: now.city.dissimilarity,
        moranFrom: before.city.moran?.i, moranTo: now.city.moran?.i,
        wards: zip(before.wards, now.wards).map { b, n in
          IndicatorChange.Ward(
            code: n.code, from: b.value, to: n.value,
            change: n.value.flatMap { v in b.value.map { v - $0 } },
            locationQuotientFrom: b.locationQuotient, locationQuotientTo: n.locationQuotient)
        })
    }
  }

  /// Every category without an `ignore` list counts each dwelling once, so its columns add
  /// up to the dwellings; the same at the earlier date (`<column>_at_<date>`).
  static func relations(_ c: HousingConfiguration) -> [CountRelation] {
    let suffixes = [""] + (c.registers.count == 2 ? ["_at_\(c.registers[0].date)"] : [])
    return suffixes.flatMap { suffix in
      c.layout.categories.sorted { $0.key < $1.key }.filter { $0.value.ignore.isEmpty }.map {
        CountRelation(
          total: "dwellings" + suffix, parts: $0.value.codes.keys.sorted().map { $0 + suffix })
      }
    }
  }

  /// The current date's columns in table order: dwellings, records, categories (sorted by
  /// category, then value), flags, then per year series the total and each year.
  static func columnOrder(_ layout: RegisterLayout) -> [String] {
    var out = ["dwellings", "records"]
    for (_, m) in layout.categories.sorted(by: { $0.key < $1.key }) { out += m.codes.keys.sorted() }
    out += layout.flags.keys.sorted()
    for (name, s) in layout.years.sorted(by: { $0.key < $1.key }) {
      out.append(name)
      out += (s.from...s.to).map { "\(name)_\($0)" }
    }
    return out
  }

  /// A sentence per register whose file name says it is synthetic or illustrative.
  static func syntheticRegisters(_ c: HousingConfiguration) -> [String] {
    c.registers.compactMap { r in
      let name = URL(fileURLWithPath: r.file).lastPathComponent
      let lower = name.lowercased()
      if lower.contains("synthetic") {
        return
          "The housing register \(name) is synthetic: invented dwellings, not the city's register."
      }
      if lower.contains("illustrative") {
        return "The housing register \(name) is illustrative data."
      }
      return nil
    }
  }
}
