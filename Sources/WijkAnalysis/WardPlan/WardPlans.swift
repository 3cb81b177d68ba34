import Foundation

/// Which plans to make, and with what.
public struct WardPlanRequest: Sendable {
  /// Ward names or codes as typed (``WardNameMatcher``); empty means every ward.
  public var wards: [String]
  /// Years for the trend (e.g. 2018…2021); fewer than two means no trend section.
  public var years: [String]
  /// The column the tables' `filter` uses for the year.
  public var periodColumn: String
  /// Housing figures per ward, when available.
  public var housing: HousingFigures?

  /// A request as given; wards are matched and years analysed by
  /// ``WardPlans/make(_:configurationFile:request:options:progress:)``.
  public init(
    wards: [String] = [], years: [String] = [], periodColumn: String = "period",
    housing: HousingFigures? = nil
  ) {
    self.wards = wards
    self.years = years
    self.periodColumn = periodColumn
    self.housing = housing
  }
}

/// One ward's plan, rendered.
public struct WardPlanPage: Sendable {
  /// The plan's numbers.
  public var plan: WardPlan
  /// `<code>-<name>`, e.g. `7101616-nieuw-sledderlo`: the file names without extension.
  public var fileStem: String
  /// The page as a standalone HTML document (`<stem>.html`).
  public var html: String
  /// The page as Markdown (`<stem>.md`), linking to the map SVG.
  public var markdown: String
  /// The map SVG the Markdown links to (`<stem>-map.svg`), `nil` without a map.
  public var mapSVG: String?
  /// The charts of the years the Markdown links to (`<stem>-<series>.svg`).
  public var charts: [(file: String, svg: String)] = []
  /// The plan's numbers (`<stem>.json`).
  public var json: String
}

/// `wijk plan`: one analysis, then one page per ward.
public enum WardPlans {
  /// Runs the analysis of `configuration` (and one per trend year), finds the wards and
  /// renders their plans.
  ///
  /// - Throws: the errors of ``Analysis/run(_:configurationFile:options:progress:)``;
  ///   ``WardPlanError/unknownWard(query:suggestions:)``,
  ///   ``WardPlanError/ambiguousWard(query:candidates:)``,
  ///   ``WardPlanError/noPeriodFilter(column:)``, ``WardPlanError/noRowsForYear(year:file:)``.
  public static func make(
    _ configuration: AnalysisConfiguration, configurationFile: String? = nil,
    request: WardPlanRequest, options: WardLoadingOptions = WardLoadingOptions(),
    progress: (String) -> Void = { _ in }
  ) throws -> [WardPlanPage] {
    let run = try Analysis.run(
      configuration, configurationFile: configurationFile, options: options, progress: progress)
    let publication = try Publication.make(run)
    let matcher = WardNameMatcher(run.table)
    let chosen =
      request.wards.isEmpty
      ? Array(run.table.codes.indices)
      : try unique(request.wards.map { (q) throws(WardPlanError) in try matcher.index(of: q) })
    let column = request.periodColumn
    let years =
      request.years.count > 1
      ? try YearlyAnalysis.results(
        configuration, years: request.years, main: run, column: column,
        configurationFile: configurationFile, options: options, progress: progress
      ).map { y in
        (
          year: y.year,
          publication: y.run.result == run.result ? publication : try Publication.make(y.run)
        )
      }
      : []
    let neighbours = try WardPlanBuilder.queenNeighbours(run, configuration: configuration)
    let period = YearlyAnalysis.period(of: configuration, column: column)
    progress("writing \(chosen.count) ward plan(s)")
    return try chosen.map { w in
      let plan = WardPlanBuilder.build(
        ward: w, publication: publication, table: run.table, neighbours: neighbours,
        years: years, housing: request.housing, period: period)
      return try page(plan, publication: publication, table: run.table)
    }
  }

  /// Renders one plan: HTML, Markdown, map and JSON (the plan's published numbers).
  public static func page(_ plan: WardPlan, publication: Publication, table: WardTable) throws
    -> WardPlanPage
  {
    let stem = fileStem(plan)
    let svg = try WardPlanMap.svg(plan, publication: publication, table: table)
    let charts = try WardPlanReport.charts(plan, stem: stem)
    let ids = WardPlanReport.charted(plan).map(\.id)
    let doc = try WardPlanReport.build(
      plan, map: svg.map { ($0, "\(stem)-map.svg") },
      chartFiles: Dictionary(uniqueKeysWithValues: zip(ids, charts.map(\.file))))
    return WardPlanPage(
      plan: plan, fileStem: stem, html: doc.html(), markdown: doc.markdown(), mapSVG: svg,
      charts: charts, json: try json(plan))
  }

  /// Writes every page all or nothing (``OutputDirectory``): `<stem>.html`, `<stem>.md`,
  /// `<stem>-map.svg`, `<stem>.json`.
  /// - Returns: the paths written.
  /// - Throws: ``OutputError/cannotCreate(path:reason:)``; earlier files stay as they were.
  @discardableResult
  public static func write(_ pages: [WardPlanPage], to folder: String) throws -> [String] {
    let out = try OutputDirectory(path: folder)
    do {
      for p in pages {
        try out.write(p.html, to: "\(p.fileStem).html")
        try out.write(p.markdown, to: "\(p.fileStem).md")
        if let svg = p.mapSVG { try out.write(svg, to: "\(p.fileStem)-map.svg") }
        for chart in p.charts { try out.write(chart.svg, to: chart.file) }
        try out.write(p.json, to: "\(p.fileStem).json")
      }
      return try out.commit()
    } catch {
      out.discard()
      throw error
    }
  }

  /// `<code>-<name>`: the code, then the short name in lower-case ASCII with hyphens
  /// ("7101616-nieuw-sledderlo", "7101628-winterslag-2-en-4").
  public static func fileStem(_ plan: WardPlan) -> String {
    let name = WardNameMatcher.normalised(plan.shortName).map { c -> Character in
      c.isASCII && (c.isLetter || c.isNumber) ? c : "-"
    }
    let slug = String(name).split(separator: "-").joined(separator: "-")
    let code = plan.code.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
    return String(code) + (slug.isEmpty ? "" : "-" + slug)
  }

  static func json(_ plan: WardPlan) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(plan), as: UTF8.self) + "\n"
  }

  /// Indices in first-seen order, each once (a ward typed twice gets one plan).
  static func unique(_ indices: [Int]) -> [Int] {
    var seen = Set<Int>()
    return indices.filter { seen.insert($0).inserted }
  }
}
