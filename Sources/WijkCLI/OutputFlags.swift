import ArgumentParser
import WijkAnalysis

/// The output flags of the commands that write the main job's files (`analyse`, `housing`).
struct OutputFlags: ParsableArguments {
  @Flag(
    help:
      "Write wards.csv for Belgian Excel (; separator, decimal commas, BOM, codes kept as text); the default with language: nl."
  )
  var excel = false

  @Flag(
    name: .customLong("plain-csv"),
    help:
      "Write wards.csv as plain CSV (, separator, decimal points, no BOM) for scripts; the default with language: en."
  )
  var plainCSV = false

  @Flag(name: .shortAndLong, help: "Print no progress, only errors.")
  var quiet = false

  func validate() throws {
    if excel && plainCSV { throw ValidationError("Give --excel or --plain-csv, not both.") }
  }

  /// The output options these flags ask for.
  var options: OutputOptions {
    OutputOptions(csv: excel ? .excel : plainCSV ? .plain : .byLanguage)
  }

  /// Prints a progress line unless quiet.
  func progress(_ text: String) { note(text, quiet: quiet) }
}

/// Tells the user, after a run, what the reader of its outputs must know (illustrative inputs,
/// what no ward received) and where the files are.
func announce(
  _ result: AnalysisResult, written: [String], to out: String, quiet: Bool, notes: [String] = []
) {
  for warning in SummaryReport.headlineWarnings(result, language: "en") {
    note(warning, quiet: quiet)
  }
  let tables = SummaryReport.tableNotes(result, language: "en")
  for notice in result.illustrativeInputs + tables + result.notices + notes {
    note("note: \(notice)", quiet: quiet)
  }
  note("wrote \(written.count) files to \(out)/ (open summary.html)", quiet: quiet)
}
