import Cartography
import Foundation
import WijkIO

/// Output choices.
public struct OutputOptions: Sendable, Equatable {
  /// Write `wards.csv` for Belgian Excel (`;`, decimal commas, BOM).
  public var excel: Bool
  /// Defaults to a plain comma-separated, decimal-point `wards.csv`.
  public init(excel: Bool = false) { self.excel = excel }
}

/// Writes the outputs of a run, all or nothing (``OutputDirectory``):
/// `wards.gpkg`, `wards.csv`, `results.json`, `summary.md`, `summary.html`, and per
/// indicator `maps/<id>.svg` and `maps/<id>-lisa.svg`.
public enum AnalysisOutputs {
  /// With `database`, the ward table is also written to that table, after every file is
  /// staged and before they are moved into place: a run that fails anywhere changes neither
  /// the folder nor the database (``WardDatabase``).
  /// - Returns: the paths written.
  /// - Throws: ``OutputError`` or `IOError` when a file or the table cannot be written
  ///   (earlier outputs are left as they were); `CartographyError` on an inconsistent map (a
  ///   bug).
  @discardableResult
  public static func write(
    _ run: Analysis.Run, to folder: String, options: OutputOptions = OutputOptions(),
    database: DatabaseOutput? = nil, progress: (String) -> Void = { _ in }
  ) throws -> [String] {
    let out = try OutputDirectory(path: folder)
    do {
      try writeAll(run, out, options, progress)
      if let database {
        progress(
          "writing the ward table to \(DataSourceName.redacted(database.connection)), table \(database.table)"
        )
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
  static func writeAll(
    _ run: Analysis.Run, _ out: OutputDirectory, _ options: OutputOptions,
    _ progress: (String) -> Void,
    extraSections: (inout ReportDocument) throws -> Void = { _ in }
  ) throws {
    let r = run.result
    progress("writing wards.gpkg and wards.csv")
    let geoPackage = try out.stagedURL("wards.gpkg").path
    try LayerWriter.write(WardGeoPackage.layer(run), to: geoPackage, format: .geoPackage)
    try WardGeoPackage.addStyles(run, to: geoPackage)
    try CSVWriter.write(
      WardExport.table(r), to: try out.stagedURL("wards.csv").path,
      dialect: options.excel ? .excel : .standard)
    progress("writing results.json")
    try out.write(try json(r), to: "results.json")
    progress("drawing \(r.indicators.count * 2) maps")
    let maps = try drawMaps(run)
    for (name, svg) in maps { try out.write(svg, to: "maps/\(name)") }
    progress("writing summary.md and summary.html")
    let report = try SummaryReport.build(
      r, table: run.table, maps: maps, extraSections: extraSections)
    try out.write(report.markdown(), to: "summary.md")
    try out.write(report.html(), to: "summary.html")
  }

  /// `results.json`: pretty-printed, keys sorted, so two runs diff cleanly.
  public static func json(_ result: AnalysisResult) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
  }

  /// File name → SVG, in indicator order: `<id>.svg` then `<id>-lisa.svg`.
  static func drawMaps(_ run: Analysis.Run) throws -> [(String, String)] {
    let r = run.result
    let language = Language(rawValue: r.language) ?? .dutch
    let credits = SummaryReport.credits(r)
    var maps: [(String, String)] = []
    for i in r.indicators {
      if let svg = try IndicatorMaps.choropleth(
        i, table: run.table, credits: credits, language: language)
      {
        maps.append(("\(i.id).svg", svg))
      }
      maps.append(
        (
          "\(i.id)-lisa.svg",
          try IndicatorMaps.clusters(
            i, table: run.table, credits: credits, language: language,
            significance: r.significance, permutations: r.provenance.permutations,
            seed: r.provenance.seed)
        ))
    }
    return maps
  }
}
