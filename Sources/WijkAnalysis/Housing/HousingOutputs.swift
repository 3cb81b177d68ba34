import Foundation
import WijkIO

/// Writes the outputs of `wijk housing`, all or nothing (``OutputDirectory``): the main
/// job's files (``AnalysisOutputs``: `wards.csv`, `wards.xlsx`, `wards_codebook.csv`,
/// `summary.md`, `summary.html` with the housing sections, `maps/*.svg`, and the working
/// files), plus the working file `housing_not_for_publication.json` (the registers as
/// joined, the exact ward columns, the change) and the brochure table
/// `huisvesting_wijken.csv` (Belgian Excel; `huisvesting_wijken_synthetic.csv` when a
/// register is synthetic, so the file says so wherever it goes), and the online brochure
/// `online/index.html` (``HousingOnline``: the interactive map and the brochure table, one
/// self-contained page for the city's website). Every published file reads
/// the same ``Publication``.
public enum HousingOutputs {
  /// - Returns: the paths written.
  /// - Throws: ``OutputError`` or `IOError` when a file cannot be written (earlier outputs are
  ///   left as they were); `CartographyError` on an inconsistent map (a bug).
  @discardableResult
  public static func write(
    _ run: HousingAnalysis.Run, to folder: String, options: OutputOptions = OutputOptions(),
    progress: (String) -> Void = { _ in }
  ) throws -> [String] {
    let out = try OutputDirectory(path: folder)
    do {
      let publication = try run.publication()
      let maps = try AnalysisOutputs.writeAll(run.analysis, publication, out, options, progress) {
        doc in try HousingReport.add(run, publication, to: &doc)
      }
      progress("writing the online brochure online/index.html")
      try out.write(try HousingOnline.html(run, publication, maps: maps), to: "online/index.html")
      progress("writing \(WorkingFiles.housing) and the brochure table")
      try out.write(try json(run.housing), to: WorkingFiles.housing)
      try CSVWriter.write(
        HousingBrochure.table(run, publication),
        to: try out.stagedURL(brochureName(run.housing)).path, dialect: .excel,
        textColumns: ["wijkcode"])
      return try out.commit()
    } catch {
      out.discard()
      throw error
    }
  }

  /// The brochure file name; it carries "synthetic" when an input is synthetic.
  public static func brochureName(_ h: HousingResult) -> String {
    h.illustrativeInputs.contains { $0.contains("synthetic") }
      ? "huisvesting_wijken_synthetic.csv" : "huisvesting_wijken.csv"
  }

  /// The working file `housing_not_for_publication.json`: pretty-printed, keys sorted, with
  /// the top-level field `not_for_publication`.
  public static func json(_ h: HousingResult) throws -> String {
    try WorkingFiles.json(h)
  }
}
