import ArgumentParser
import WijkAnalysis
import WijkIO

/// `--sheet`, `--header-row`, `--skip-rows`: which part of a table file a command reads, for
/// the commands that read a table named on the command line (the same keys as a
/// configuration's `sheet:`/`layer:`, `header_row:`, `skip_rows:`; ``TablePart``).
struct TableSourceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The table's sheet (a workbook's, by name or number from 1) or table (a GeoPackage's or database's, or sql:SELECT …).",
      discussion: """
        Tables are read from CSV and Statbel's pipe-separated .txt (also zipped, as \
        published), .xlsx and .ods workbooks, GeoPackage and DBF attribute tables, and \
        databases (PG:dbname=… host=…). Default: a workbook's first sheet, a GeoPackage's \
        only table.
        """, valueName: "name"))
  var sheet: String?

  @Option(help: "Workbooks: the row holding the column names (1 = the first; default 1).")
  var headerRow: Int?

  @Option(help: "Workbooks: rows directly below the header that are not data (default 0).")
  var skipRows: Int?

  /// The options as a table part.
  var part: TablePart { TablePart(layer: sheet, headerRow: headerRow, skipRows: skipRows) }

  func validate() throws {
    if let headerRow, headerRow < 1 {
      throw ValidationError("--header-row counts rows from 1.")
    }
    if let skipRows, skipRows < 0 {
      throw ValidationError("--skip-rows cannot be negative.")
    }
  }
}
