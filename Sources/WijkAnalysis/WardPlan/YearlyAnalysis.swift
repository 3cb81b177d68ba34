/// The analysis run once per year, for a ward plan's trend.
///
/// Each year's run is ``Analysis/run(_:configurationFile:options:progress:)`` on the same
/// configuration with every table's period `filter` set to that year (the Fluvius sector
/// file has 2018–2021 under `period`), so a year's numbers are exactly those `wijk analyse`
/// writes for a configuration filtered on that year. A year equal to the configuration's own
/// period reuses the main run instead of running again.
public enum YearlyAnalysis {
  /// The period the configuration analyses (the first table filter on `column`), or `nil`.
  public static func period(of configuration: AnalysisConfiguration, column: String = "period")
    -> String?
  {
    configuration.tables.lazy.compactMap { $0.filter?[column] }.first
  }

  /// `configuration` with every table filter on `column` set to `year`, and the title's
  /// year replaced when it ends with the configured period.
  /// - Throws: ``WardPlanError/noPeriodFilter(column:)`` when no table filters on `column`.
  public static func configuration(
    _ configuration: AnalysisConfiguration, year: String, column: String = "period"
  ) throws(WardPlanError) -> AnalysisConfiguration {
    guard let current = period(of: configuration, column: column) else {
      throw .noPeriodFilter(column: column)
    }
    var c = configuration
    for t in c.tables.indices where c.tables[t].filter?[column] != nil {
      c.tables[t].filter?[column] = year
    }
    if c.title.hasSuffix(current) { c.title = String(c.title.dropLast(current.count)) + year }
    return c
  }

  /// One run per year, in the order of `years` (each published by the ward plans with
  /// ``Publication``, so each year's small numbers are withheld in that year).
  ///
  /// - Parameters:
  ///   - main: the run of `configuration` itself, reused for its own period.
  ///   - permutations: permutations of the extra years' runs; the trend shows values only,
  ///     which do not depend on permutations, so the CLI passes the configuration's own
  ///     number (same results as `wijk analyse`) unless told otherwise.
  /// - Throws: ``WardPlanError/noPeriodFilter(column:)``,
  ///   ``WardPlanError/noRowsForYear(year:file:)``, and the errors of `Analysis.run`.
  public static func results(
    _ configuration: AnalysisConfiguration, years: [String], main: Analysis.Run,
    column: String = "period", configurationFile: String? = nil,
    options: WardLoadingOptions = WardLoadingOptions(), progress: (String) -> Void = { _ in }
  ) throws -> [(year: String, run: Analysis.Run)] {
    let own = period(of: configuration, column: column)
    return try years.map { year in
      if year == own { return (year, main) }
      progress("analysing \(year) for the trend")
      let c = try Self.configuration(configuration, year: year, column: column)
      let run = try Analysis.run(c, configurationFile: configurationFile, options: options)
      for (spec, report) in zip(c.tables, run.result.tables)
      where spec.filter?[column] != nil && report.rowsKept == 0 {
        throw WardPlanError.noRowsForYear(year: year, file: report.file)
      }
      return (year, run)
    }
  }
}
