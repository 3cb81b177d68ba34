import Foundation
import WijkIO

/// Writes the outputs of `wijk housing`, all or nothing (``OutputDirectory``): the main
/// job's files (``AnalysisOutputs``: `wards.gpkg`, `wards.csv`, `results.json`,
/// `summary.md`, `summary.html` with the housing sections, `maps/*.svg`), plus `housing.json`
/// (the registers as joined, the ward columns, the change) and the brochure table
/// `huisvesting_wijken.csv` (Belgian Excel; `huisvesting_wijken_synthetic.csv` when a
/// register is synthetic, so the file says so wherever it goes).
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
      try AnalysisOutputs.writeAll(run.analysis, out, options, progress) { doc in
        try HousingReport.add(run, to: &doc)
      }
      progress("writing housing.json and the brochure table")
      try out.write(try json(run.housing), to: "housing.json")
      try CSVWriter.write(
        HousingBrochure.table(run), to: try out.stagedURL(brochureName(run.housing)).path,
        dialect: .excel)
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

  /// `housing.json`: pretty-printed, keys sorted.
  public static func json(_ h: HousingResult) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(h), as: UTF8.self) + "\n"
  }
}
