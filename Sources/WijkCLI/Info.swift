import ArgumentParser
import Foundation
import WijkAnalysis
import WijkCore
import WijkIO

/// `wijk info`: describe and check a ward layer or a table.
struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Describe and check a ward layer (CRS, fields, invalid, overlapping wards) or a table (columns, types, duplicate keys).",
    discussion: """
      A layer (GeoJSON, GeoPackage, Shapefile): reads it through the same gate as every \
      other command and prints its driver, CRS, feature count, extent and fields, then lists \
      what the gate would stop at, where the other commands stop at the first: duplicate \
      codes in the --id field (default: the first text field) with their features, invalid \
      polygons (with GEOS's reason and location), wards that overlap (with the overlap in \
      m²), and gaps inside the outer boundary that no ward covers. Overlaps and gaps of \
      1 m² or less are rounding slivers and are not listed. A geographic layer is projected \
      first (--project-to), as every command does.

      Then slivers: two wards closer than --sliver-tolerance (1 m) where they do not touch, \
      with the distance, the length and the area of the strip between them ("W01 and W02 are \
      0.05 m apart along 1000 m (a 50 m² sliver)"), also when the strip is open at its ends \
      and no gap; points there fall in no ward and exact contiguity does not make the two \
      neighbours. Gaps and slivers leave the layer usable but the verdict says it needs \
      attention.

      A .prj without an EPSG code (ESRI WKT as ArcGIS writes it, or a WKT with TOWGS84) is \
      recognised as the EPSG code PROJ identifies, when PROJ is certain (confidence 100) or \
      when both agree within 1 cm over the code's area of use (a grid of 121 points, \
      through WGS 84 and back); the CRS line says which code, PROJ's confidence and the \
      agreement. Otherwise the file's own definition is used and the reason is given. The \
      verdict says whether the commands accept the layer with the options given (--repair, \
      --allow-overlaps, --dissolve-duplicates).

      A table (.csv, .txt, .tsv, a Statbel .zip, .xlsx, .ods, .dbf; a GeoPackage or PG:… \
      connection with --sheet naming its table): lists a workbook's sheets (a data \
      source's tables, an archive's members) with their rows and says which was read \
      (--sheet, --header-row, --skip-rows), prints the separator, decimal mark and encoding \
      a text was read with (state them with --separator, --decimal, --encoding if they are \
      wrong) or the GDAL driver that read the rest, then per \
      column its type (integer, real, code with leading zeros, text, or mixed: numbers with \
      some text that no statistic can read until it is corrected or declared missing), how \
      many cells are numbers, the missing-value markers it holds (C, x, -, n.b., NA, <5, …) \
      per kind with their lines, and for a mixed column the first non-numeric cells as \
      written (invisible characters shown, e.g. <U+00A0>). The key column (--key, or the \
      column that looks most like a code) is checked for duplicate values with their lines, \
      invisible characters and empty cells: what a join would refuse. In a workbook, a code \
      column whose codes were partly stored as numbers (102 beside 0101) lists the codes \
      that lost their zeros.

      Exit 0 when the file is readable, whatever the checks find; non-zero with a message \
      when it is not. Use --json for scripts.
      """)

  @Argument(
    help:
      "A GeoJSON, GeoPackage or Shapefile, or a table (.csv, .txt, .tsv, .zip, .xlsx, .ods, .dbf).")
  var file: String

  @Option(help: "The layer to check, for a GeoPackage with several.")
  var layer: String?

  @Option(
    help: """
      The ward-code field: it names features in messages and is checked for duplicates \
      (default: the first text field).
      """)
  var id: String?

  @OptionGroup var wardLayer: WardLayerOptions

  @Option(help: "Wards closer than this many metres without touching are reported as slivers.")
  var sliverTolerance = LayerInspector.sliverTolerance

  @Flag(help: "Print the result as JSON.")
  var json = false

  @Option(
    help: "Tables: the key column to check for duplicates (default: the most code-like column).")
  var key: String?

  @Option(help: "Tables: the decimal mark, point or comma (default: comma for a ;-separated file).")
  var decimal: NumberConvention?

  @Option(help: "Tables: the separator, e.g. ';' or tab (default: detected from the header).")
  var separator: String?

  @OptionGroup var missing: MissingValuesOption

  @OptionGroup(title: "Tables in workbooks, GeoPackages and databases")
  var tableSource: TableSourceOptions

  func run() throws {
    try reportingErrors {
      // A GeoPackage or database is a layer unless --sheet names one of its tables.
      if TableInspector.isTable(file) || tableSource.sheet != nil {
        let sep: Character? = separator.map { $0.lowercased() == "tab" ? "\t" : Character($0) }
        let part = tableSource.part
        let inspection = try TableInspector.inspect(
          path: file, sheet: part.layer, headerRow: part.headerRow, skipRows: part.skipRows,
          key: key, separator: sep, convention: decimal,
          encoding: wardLayer.encoding, missingValues: missing.values)
        try printInspection(inspection, text: InfoText.render(inspection))
        return
      }
      let inspection = try LayerInspector.inspect(
        path: file, layer: layer, idField: id, options: wardLayer.loading,
        sliverTolerance: sliverTolerance)
      try printInspection(inspection, text: InfoText.render(inspection))
    }
  }

  func printInspection<T: Encodable>(_ inspection: T, text: String) throws {
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
    } else {
      print(text)
    }
  }

  func validate() throws {
    if let separator, separator.lowercased() != "tab", separator.count != 1 {
      throw ValidationError("--separator takes one character, or tab.")
    }
    guard sliverTolerance.isFinite, sliverTolerance > 0 else {
      throw ValidationError("--sliver-tolerance must be a distance in metres above 0.")
    }
  }
}
