import ArgumentParser
import WijkIO

/// `--missing-values A,B`: further cells that mean "no value" in numeric columns, for every
/// command that reads tables (the same list as the configuration's `missing_values:`).
struct MissingValuesOption: ParsableArguments {
  @Option(
    name: .customLong("missing-values"),
    help: ArgumentHelp(
      "Further cells that mean 'no value' in numeric columns, comma-separated (e.g. geheim,onbekend).",
      discussion: """
        Always missing (compared ignoring case and surrounding spaces): an empty cell, C \
        (Statbel: confidential), x (confidential), -, –, —, ., .., ..., …, n.b., nb, NA, N/A, \
        #N/A, NaN, ? (not available), n.v.t., nvt (not applicable) and <N such as <5 or \
        < 10 (a suppressed small count). Such a cell is missing for that cell only, counted \
        and named in the report, never 0; any other text in a numeric column is an error \
        naming file, line, column and cell.
        """, valueName: "markers"))
  var missingValues: String?

  /// The extra markers as a list.
  var markers: [String] {
    (missingValues ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// The standard list with the extra markers.
  var values: MissingValues { MissingValues.standard.adding(markers) }
}
