import Foundation
import SpatialWeights
import WijkCore
import WijkEngine
import WijkIO

/// The main job: from a configuration to every number of the analysis.
///
/// Steps: load and check the wards; read each indicator table, aggregate sectors to wards and
/// join by code; build the spatial weights; compute each indicator (``IndicatorAnalysis``);
/// compare each ward group with the rest of the city; record provenance. Writing the outputs
/// is ``AnalysisOutputs``'s job.
public enum Analysis {
  /// What `run` returns: the results, and the ward table they were computed on (for maps).
  public struct Run: Sendable {
    /// Every number of the run, as written to `results_not_for_publication.json`.
    public var result: AnalysisResult
    /// The wards with their joined columns, in projected metres; maps draw its geometries.
    public var table: WardTable
    /// The spatial weights the statistics used, over `table.codes` in the same order.
    public var weights: SpatialWeights
    /// The indicators as configured, in the order of `result.indicators`; the publication
    /// step recomputes them over the published wards.
    public var specs: [IndicatorSpec]
    /// The settings every indicator was computed with.
    public var settings: IndicatorSettings
    /// The sector indicators' figures per year and the configuration of their series; the
    /// publication step rebuilds the series over the published wards.
    public var sectorYears: SectorYearFigures? = nil
    /// The configuration of the run (trend and emerging-hot-spot settings of the series).
    public var configuration: AnalysisConfiguration? = nil

    /// A run as given (every array in the order of `table.codes`).
    public init(
      result: AnalysisResult, table: WardTable, weights: SpatialWeights, specs: [IndicatorSpec],
      settings: IndicatorSettings
    ) {
      self.result = result
      self.table = table
      self.weights = weights
      self.specs = specs
      self.settings = settings
    }
  }

  /// Runs the analysis.
  ///
  /// - Parameters:
  ///   - configuration: the loaded configuration (paths already absolute).
  ///   - configurationFile: its path, for provenance.
  ///   - options: repair and overlap policy for the wards.
  ///   - progress: called with a short sentence before each step.
  /// - Throws: the first error of any step (`IOError`, `JoinError`, ``AnalysisError``,
  ///   `EngineError`, `ConcentrationError`, `WeightsError`), each naming file, row or
  ///   feature, and field.
  public static func run(
    _ configuration: AnalysisConfiguration, configurationFile: String? = nil,
    options: WardLoadingOptions = WardLoadingOptions(), progress: (String) -> Void = { _ in },
    clock: StageClock? = nil
  ) throws -> Run {
    clock?.enter("read")
    progress(
      "reading and checking the wards in \(DataSourceName.redacted(configuration.wards.file))")
    let loaded = try WardLayerGate.load(configuration.wards, options: options)
    var table = loaded.table
    let tables = try joinTables(
      configuration, layer: loaded.layer, table: &table, progress: progress)
    try requireIndicatorColumns(
      configuration, table: table, tables: tables, file: configurationFile)
    clock?.enter("prepare")
    var sectorYears: SectorYearFigures? = nil
    if !configuration.sectorIndicators.isEmpty {
      progress("aggregating \(configuration.sectorTables.count) sector tables, every year")
      let figures = try SectorYearAggregation.aggregate(configuration, table: table)
      table.columns.merge(figures.columns) { _, new in new }
      sectorYears = figures
    }
    let specs = (sectorYears?.indicatorSpecs ?? []) + configuration.indicators
    progress("building \(configuration.weights.kind.rawValue) weights for \(table.count) wards")
    let built = try makeWeights(configuration.weights, table: table, layer: loaded.layer)
    let weights = built.weights
    let settings = IndicatorSettings(configuration: configuration)
    clock?.enter("compute")
    var indicators: [IndicatorResult] = []
    for spec in specs {
      progress(
        "computing \(spec.id) (\(configuration.permutations) permutations, seed \(configuration.seed))"
      )
      do {
        indicators.append(
          try IndicatorAnalysis.compute(spec, table: table, weights: weights, settings: settings))
      } catch let error as AnalysisError {
        throw error
      } catch {
        throw AnalysisError.indicator(
          id: spec.id, numerator: spec.numerator, base: spec.base, reason: "\(error)")
      }
    }
    let groups = try configuration.groups.map {
      try GroupComparison.compare($0, table: table, indicators: specs)
    }
    var zones: [ZoneResult] = []
    if let zoneSource = configuration.zones {
      progress("carrying ward values onto the zones in \(zoneSource.file)")
      zones = try ZoneOverlay.carry(
        zoneSource, onto: loaded.layer, table: table, indicators: specs)
    }
    let significance = Significance.summarise(&indicators, settings)
    var result = AnalysisResult(
      title: configuration.title, language: configuration.language,
      provenance: try provenance(
        configuration, configurationFile: configurationFile, wards: loaded.report,
        tables: tables),
      wards: WardSummary.all(of: table),
      weights: summary(weights, configuration.weights, ties: built.ties), indicators: indicators,
      groups: groups,
      zones: zones,
      tables: tables, smallNumberThreshold: configuration.smallNumberThreshold,
      significance: configuration.significance,
      multipleTesting: significance, concentrationQuotient: configuration.concentrationQuotient,
      notices: notices(loaded.report, weights: built),
      illustrativeInputs: illustrativeInputs(configuration),
      illustrativeFiles: illustrativeFiles(configuration), credits: configuration.credits)
    if let sectorYears {
      try addSeries(
        to: &result, sectorYears, codes: table.codes, weights: weights,
        configuration: configuration)
    }
    var allSpecs = specs
    if let index = configuration.index {
      progress("computing the composite index \(index.id) (\(index.draws) draws per source)")
      try addIndex(
        index, to: &result, table: &table, specs: &allSpecs, weights: weights,
        settings: settings, seed: configuration.seed,
        file: configurationFile ?? "the configuration")
    }
    if !configuration.bivariate.isEmpty {
      progress("computing \(configuration.bivariate.count) bivariate local Moran pair(s)")
      result.bivariate = try BivariateAnalysis.compute(
        configuration.bivariate, indicators: result.indicators, weights: weights,
        settings: settings, file: configurationFile ?? "the configuration")
    }
    var run = Run(
      result: result, table: table, weights: weights, specs: allSpecs, settings: settings)
    run.sectorYears = sectorYears
    run.configuration = configuration
    return run
  }

  /// The step after every indicator is computed: each year of a sector indicator labelled
  /// with its origin, the years' map classes pooled, and the series (change, trend, emerging
  /// hot spots per ward) built from the yearly values.
  ///
  /// - Throws: `ClassificationError`, `TimeSeriesError` or `AutocorrelationError` (a
  ///   negative value in a Gi* series).
  public static func addSeries(
    to result: inout AnalysisResult, _ figures: SectorYearFigures, codes: [String],
    weights: SpatialWeights, configuration: AnalysisConfiguration
  ) throws {
    SeriesBuilder.label(&result.indicators, figures, language: configuration.language)
    let pooled = try SeriesBuilder.poolClasses(
      &result.indicators, figures, configuration.classification)
    result.series = try SeriesBuilder.build(
      figures, indicators: result.indicators, codes: codes, weights: weights,
      configuration: configuration, pooled: pooled)
  }

  /// The composite index: computed from the run's indicators and series, its score added to
  /// the ward table and analysed as the last indicator (kind `score`: map, classes, local
  /// Moran, Gi*), the global Moran family corrected again with it.
  ///
  /// - Throws: ``ConfigurationError`` for an index naming what the run does not have,
  ///   ``AnalysisError`` when the index cannot be computed on the figures.
  static func addIndex(
    _ spec: IndexSpec, to result: inout AnalysisResult, table: inout WardTable,
    specs: inout [IndicatorSpec], weights: SpatialWeights, settings: IndicatorSettings,
    seed: UInt64, file: String
  ) throws {
    let input = try IndexAnalysis.input(spec, result: result, file: file)
    let index = try IndexAnalysis.compute(
      spec, input: input, seed: seed, language: result.language,
      labels: IndexAnalysis.labels(spec, result))
    result.index = index
    table.columns[IndexAnalysis.column(spec)] = index.wards.map(\.score)
    let scoreSpec = IndexAnalysis.scoreSpec(spec)
    result.indicators.append(
      try IndicatorAnalysis.compute(scoreSpec, table: table, weights: weights, settings: settings))
    specs.append(scoreSpec)
    result.multipleTesting = Significance.summarise(&result.indicators, settings)
    if spec.illustrative {
      result.illustrativeInputs.append(
        "The composite index '\(spec.id)' is illustrative: its indicators and weights are an "
          + "example, not the city's deprivation criteria.")
    }
  }

  /// Reads and joins every table, adding its columns to `table`.
  static func joinTables(
    _ c: AnalysisConfiguration, layer: Layer, table: inout WardTable, progress: (String) -> Void
  ) throws -> [TableJoinReport] {
    let wanted = Set(c.indicators.flatMap { [$0.numerator] + ($0.base.map { [$0] } ?? []) })
    var reports: [TableJoinReport] = []
    for spec in c.tables {
      progress("joining \(spec.file)" + (spec.lookup.map { " through \($0.file)" } ?? ""))
      let joined = try IndicatorTableJoiner.join(
        spec, columns: wanted.sorted(), onto: layer, codeField: c.wards.code,
        missingValues: MissingValues.standard.adding(c.missingValues))
      table.columns.merge(joined.columns) { _, new in new }
      reports.append(joined.report)
    }
    // Numeric fields of the ward layer itself can be indicator columns too.
    for name in wanted where table.columns[name] == nil {
      if let values = layer.column(name), layer.fields[layer.fieldIndex(name)!].type != .text {
        table.columns[name] = values.map(\.number)  // typed by GDAL: no text to read here
      }
    }
    return reports
  }

  /// Every numerator and base must be a column of some table (or a numeric ward field).
  /// - Throws: ``ConfigurationError/invalid(file:key:reason:)`` naming the key, the column and
  ///   the columns the tables do have.
  static func requireIndicatorColumns(
    _ c: AnalysisConfiguration, table: WardTable, tables: [TableJoinReport], file: String?
  ) throws(ConfigurationError) {
    let available = Array(Set(tables.flatMap(\.columns) + table.columns.keys)).sorted()
    for (i, spec) in c.indicators.enumerated() {
      let needed = [("numerator", spec.numerator)] + (spec.base.map { [("base", $0)] } ?? [])
      for (key, column) in needed where table.columns[column] == nil {
        let close = closestKeys(to: column, among: available, limit: 1)
          .filter { editDistance($0.lowercased(), column.lowercased()) <= 3 }
        throw .invalid(
          file: file ?? "the configuration", key: "indicators[\(i)].\(key)",
          reason: "no table has the column '\(column)'"
            + (close.isEmpty ? "" : " (did you mean '\(close[0])'?)")
            + "; the tables have: \(available.joined(separator: ", "))")
      }
    }
  }

  /// The weights `spec` asks for over the table's wards, with what building them found.
  static func makeWeights(_ spec: WeightsSpec, table: WardTable, layer: Layer) throws
    -> BuiltWeights
  {
    switch spec.kind {
    case .queen, .rook:
      return try .contiguity(
        spec.kind == .queen ? .queen : .rook, ids: table.codes, geometries: table.geometries,
        snap: spec.snap ?? 0, method: spec.contiguity ?? .boundary)
    case .knn:
      let centroids = try GeometryChecks.centroids(of: layer).map { $0 ?? Coordinate(x: 0, y: 0) }
      return try .kNearest(ids: table.codes, points: centroids, k: spec.k ?? 4)
    }
  }

  /// The weights as `results.json` records them; `ties` are the kNN ties found building them
  /// (``BuiltWeights/ties``), `nil` when unknown (weights a caller built), and then so is
  /// ``WeightsSummary/tiedWards``.
  static func summary(
    _ w: SpatialWeights, _ spec: WeightsSpec, ties: [TiedNeighbours]? = nil
  ) -> WeightsSummary {
    let cards = w.cardinalities
    return WeightsSummary(
      kind: spec.kind == .knn ? "knn (k = \(spec.k ?? 4))" : spec.kind.rawValue,
      links: w.linkCount, meanNeighbours: Double(w.linkCount) / Double(max(w.count, 1)),
      minNeighbours: cards.min() ?? 0, maxNeighbours: cards.max() ?? 0, islands: w.islands,
      contiguity: spec.kind == .knn ? nil : (spec.contiguity ?? .boundary).rawValue,
      tiedWards: spec.kind == .knn ? ties?.map(\.unit) : nil)
  }

  /// The run's provenance; a ward layer read from a database is recorded as the gate read it
  /// (``WardLoadingReport/database``), a table or lookup read from one by its rows
  /// (``TableJoinReport/databaseInputs``), every file by its checksum.
  static func provenance(
    _ c: AnalysisConfiguration, configurationFile: String?,
    wards: WardLoadingReport = WardLoadingReport(), tables: [TableJoinReport] = []
  ) throws -> Provenance {
    var files = DataSourceName.isConnection(c.wards.file) ? [] : [c.wards.file]
    for t in c.tables {
      // A table read from a database is recorded by its rows (``TableJoinReport/databaseInputs``).
      files += ([t.file] + (t.lookup.map { [$0.file] } ?? [])).filter {
        !DataSourceName.isConnection($0)
      }
    }
    files += c.sectorTables.map(\.file)
    for v in c.sectorVintages where !files.contains(v.lookup.file) { files.append(v.lookup.file) }
    if let configurationFile { files.append(configurationFile) }
    if let groupsFile = c.groupsFile { files.append(groupsFile) }
    if let zones = c.zones { files.append(zones.file) }
    return Provenance(
      tool: "wijk", toolVersion: WijkVersion.current,
      libraries: [
        "GEOS": GEOSContext.libraryVersion, "PROJ": PROJContext.libraryVersion,
        "GDAL": LibraryVersions.gdal,
      ],
      inputs: try (wards.database.map { [$0] } ?? [])
        + tables.flatMap { $0.databaseInputs ?? [] } + Provenance.inputs(files),
      configurationFile: configurationFile.map(Provenance.displayPath), seed: c.seed,
      permutations: c.permutations, createdAt: Provenance.now())
  }

  /// Sentences about loading the wards. What the tables did not reach is in
  /// ``AnalysisResult/tables`` and said by ``SummaryReport/tableNotes(_:language:)``.
  static func notices(_ report: WardLoadingReport, weights built: BuiltWeights) -> [String] {
    let weights = built.weights
    var out = report.sentences
    if !weights.islands.isEmpty {
      out.append(
        "Ward(s) without neighbours, left out of spatial statistics: \(weights.islands.joined(separator: ", "))."
      )
    }
    return out + built.notices
  }

  static func illustrativeInputs(_ c: AnalysisConfiguration) -> [String] {
    var out: [String] = []
    for g in c.groups where g.illustrative {
      out.append("The ward group '\(g.name)' is illustrative, not the city's official list.")
    }
    for f in illustrativeFiles(c) {
      out.append(
        "\(f) is \(f.lowercased().contains("synthetic") ? "synthetic" : "illustrative") data.")
    }
    return out
  }

  /// File names of inputs that say they are illustrative or synthetic.
  static func illustrativeFiles(_ c: AnalysisConfiguration) -> [String] {
    let files =
      [DataSourceName.redacted(c.wards.file)] + c.tables.map(\.file) + c.sectorTables.map(\.file)
      + [c.groupsFile, c.zones?.file].compactMap { $0 }
    return files.map { URL(fileURLWithPath: $0).lastPathComponent }.filter {
      $0.lowercased().contains("synthetic") || $0.lowercased().contains("illustrative")
    }
  }
}

/// wijk's own version, reported in provenance and `--version`.
public enum WijkVersion {
  /// The version string (semantic versioning), recorded as ``Provenance/toolVersion``.
  public static let current = "0.1.0"
}
