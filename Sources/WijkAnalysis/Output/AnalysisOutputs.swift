import Cartography
import Foundation
import WijkIO

/// Output choices.
public struct OutputOptions: Sendable, Equatable {
  /// The kind of `wards.csv`.
  public enum CSVFlavour: String, Sendable, Equatable {
    /// Belgian Excel for `language: nl`, plain for `en`.
    case byLanguage
    /// Belgian Excel: `;`, decimal commas, BOM, codes as `="…"`.
    case excel
    /// RFC 4180: `,`, decimal points, no BOM, codes as they are (for scripts).
    case plain
  }

  /// The kind of `wards.csv` (and `wards_codebook.csv`).
  public var csv: CSVFlavour
  /// Defaults to the run's language: Belgian Excel for Dutch, plain for English.
  public init(csv: CSVFlavour = .byLanguage) { self.csv = csv }

  /// The dialect for a run in `language` (`nl` or `en`).
  public func dialect(language: String) -> CSVWriter.Dialect {
    switch csv {
    case .excel: .excel
    case .plain: .standard
    case .byLanguage: language == "en" ? .standard : .excel
    }
  }
}

/// Writes the outputs of a run, all or nothing (``OutputDirectory``).
///
/// Published (through ``Publication``): `wards.csv` (Belgian Excel for `language: nl`),
/// `wards.xlsx` (the same table and a codebook sheet), `wards_codebook.csv`, `summary.md`,
/// `summary.html`, `map.html` (``InteractiveMapPage``), and per indicator `maps/<id>.svg` and
/// `maps/<id>-lisa.svg` (and per sector indicator with a change over its years
/// `maps/<series>-change.svg`). Working files,
/// exact and marked not for publication (``WorkingFiles``): `wards_not_for_publication.gpkg`
/// and `results_not_for_publication.json`.
public enum AnalysisOutputs {
  /// With `database`, the ward table is also written to that table, after every file is
  /// staged and before they are moved into place: a run that fails anywhere changes neither
  /// the folder nor the database (``WardDatabase``).
  /// - Returns: the paths written.
  /// - Throws: ``OutputError`` or `IOError` when a file or the table cannot be written
  ///   (earlier outputs are left as they were); `CartographyError` on an inconsistent map (a
  ///   bug); the errors of ``Publication/make(_:extraColumns:relations:)``.
  @discardableResult
  public static func write(
    _ run: Analysis.Run, to folder: String, options: OutputOptions = OutputOptions(),
    database: DatabaseOutput? = nil, progress: (String) -> Void = { _ in }
  ) throws -> [String] {
    let out = try OutputDirectory(path: folder)
    do {
      try writeAll(run, try Publication.make(run), out, options, progress)
      if let database {
        progress(
          "writing the working table \(database.table) to "
            + DataSourceName.redacted(database.connection))
        try WardDatabase.write(run, to: database)
      }
      return try out.commit()
    } catch {
      out.discard()
      throw error
    }
  }

  /// Stages every output of `run` in `out`; `extraSections` lets another module (`wijk
  /// housing`) add its sections to the summary report.
  /// - Returns: the maps drawn (file name → SVG), for pages built on them.
  @discardableResult
  static func writeAll(
    _ run: Analysis.Run, _ publication: Publication, _ out: OutputDirectory,
    _ options: OutputOptions, _ progress: (String) -> Void,
    extraSections: (inout ReportDocument) throws -> Void = { _ in }
  ) throws -> [(String, String)] {
    let r = run.result
    progress("writing the working files \(WorkingFiles.wards) and \(WorkingFiles.results)")
    // The exact analysts' file, styled for QGIS with the exact figures' classes.
    let geoPackage = try out.stagedURL(WorkingFiles.wards).path
    try LayerWriter.write(
      WardGeoPackage.layer(run), to: geoPackage, format: .geoPackage,
      metadata: WorkingFiles.geoPackageMetadata)
    try WardGeoPackage.addStyles(run, to: geoPackage)
    try out.write(try WorkingFiles.json(r), to: WorkingFiles.results)
    progress("writing wards.csv, wards.xlsx and wards_codebook.csv")
    try writeTable(publication, out, options)
    progress("drawing \(r.indicators.count * 2) maps")
    let maps = try drawMaps(publication, table: run.table)
    for (name, svg) in maps { try out.write(svg, to: "maps/\(name)") }
    progress("writing map.html (the interactive map)")
    try out.write(try InteractiveMapPage.html(publication, maps: maps, table: run.table), to: "map.html")
    progress("writing summary.md and summary.html")
    let report = try SummaryReport.build(
      publication, table: run.table, maps: maps, extraSections: extraSections)
    try out.write(report.markdown(), to: "summary.md")
    try out.write(report.html(), to: "summary.html")
    return maps
  }

  /// `wards.csv`, `wards_codebook.csv` and `wards.xlsx` (sheets: the table, the codebook).
  static func writeTable(_ p: Publication, _ out: OutputDirectory, _ options: OutputOptions)
    throws
  {
    let language = Language(rawValue: p.result.language) ?? .dutch
    let published = WardExport.published(p)
    let codebook = WardExport.codebook(published, p)
    let dialect = options.dialect(language: p.result.language)
    try CSVWriter.write(
      published.table, to: try out.stagedURL("wards.csv").path, dialect: dialect,
      textColumns: published.textColumns)
    try CSVWriter.write(
      codebook, to: try out.stagedURL("wards_codebook.csv").path, dialect: dialect)
    try LayerWriter.write(
      [
        WardExport.sheet(published, language: language),
        WardExport.codebookSheet(codebook, language: language),
      ], to: try out.stagedURL("wards.xlsx").path, format: .xlsx)
  }

  /// The working file `results_not_for_publication.json`: every exact number, keys sorted so
  /// two runs diff cleanly, with the top-level field `not_for_publication`.
  public static func json(_ result: AnalysisResult) throws -> String {
    try WorkingFiles.json(result)
  }

  /// The significance map `<id>-lisa-p.svg` (with permutations) and the Moran scatterplot
  /// `<id>-moran.svg` (with a local Moran) of a published indicator.
  static func lisaFigures(
    _ i: IndicatorResult, _ r: AnalysisResult, table: WardTable, credits: [String],
    language: Language
  ) throws -> [(String, String)] {
    let note = IndicatorMaps.significanceNote(
      i, language: language, significance: r.significance,
      correction: r.multipleTesting.correction, permutations: r.provenance.permutations,
      seed: r.provenance.seed)
    var figures: [(String, String)] = []
    if let svg = try LISAFigures.significanceMap(
      i, table: table, credits: credits, language: language, note: note,
      permutations: r.provenance.permutations)
    {
      figures.append(("\(i.id)-lisa-p.svg", svg))
    }
    if let svg = try LISAFigures.scatterplot(i, table: table, language: language) {
      figures.append(("\(i.id)-moran.svg", svg))
    }
    return figures
  }

  /// File name → SVG, in indicator order: `<id>.svg`, `<id>-lisa.svg`, `<id>-lisa-p.svg` and
  /// `<id>-moran.svg`, from the
  /// published figures (a withheld ward is grey, "not published").
  static func drawMaps(_ p: Publication, table: WardTable) throws -> [(String, String)] {
    let r = p.result
    let language = Language(rawValue: r.language) ?? .dutch
    let credits = SummaryReport.credits(r)
    var maps: [(String, String)] = []
    for i in r.indicators {
      if let svg = try IndicatorMaps.choropleth(
        i, publication: p, table: table, credits: credits, language: language)
      {
        maps.append(("\(i.id).svg", svg))
      }
      maps.append(
        (
          "\(i.id)-lisa.svg",
          try IndicatorMaps.clusters(
            i, table: table, credits: credits, language: language,
            significance: r.significance, correction: r.multipleTesting.correction,
            permutations: r.provenance.permutations,
            seed: r.provenance.seed)
        ))
      maps += try lisaFigures(i, r, table: table, credits: credits, language: language)
    }
    return maps + (try ChangeMaps.draw(p, table: table, credits: credits, language: language))
      + (try BivariateSection.maps(p, table: table, credits: credits, language: language))
  }
}
