import WijkCore

/// Reads Statbel open-data text files (e.g. `TF_PSNL_INC_TAX_SECTOR`, population per
/// statistical sector): pipe-separated, decimal point, UTF-8, column names such as
/// `CD_REFNIS`, `CD_SECTOR`, `TX_SECTOR_DESCR_NL`, `MS_NBR_NON_ZERO_INC` kept as published.
///
/// A preset of ``CSVReader`` and its ``CellPolicy``: Statbel's naming convention decides the
/// types. `CD_*` (codes: REFNIS, sector, year) and `TX_*` (labels) stay text, so `71016A00-`
/// and `01` keep their form; `MS_*` (measures) are numeric cell by cell, so Statbel's `C`
/// (a figure withheld for confidentiality) is `.missing(reason: "confidential (C)")`, never
/// 0, and any other text is an error naming the cell.
public enum StatbelReader {
  /// The missing-value reason of Statbel's `C`.
  public static let confidentialReason = MissingValues.reason(.confidential, marker: "C")!

  /// The options of the preset, with `missingValues` (default: the standard list) for the
  /// `MS_` columns.
  public static func options(missingValues: MissingValues = .standard) -> CSVOptions {
    CSVOptions(
      separator: "|", numberConvention: .decimalPoint, textColumnPrefixes: ["CD_", "TX_"],
      numericColumnPrefixes: ["MS_"], missingValues: missingValues)
  }

  /// Whether `path` looks like a Statbel open-data file: a `|`-separated header whose columns
  /// all follow Statbel's `CD_`/`TX_`/`MS_` naming.
  public static func recognises(header: [String], separator: Character) -> Bool {
    separator == "|" && !header.isEmpty
      && header.allSatisfy { c in ["CD_", "TX_", "MS_"].contains { c.uppercased().hasPrefix($0) } }
  }

  /// - Throws: as ``CSVReader/read(path:options:)``.
  public static func read(path: String, missingValues: MissingValues = .standard)
    throws(IOError) -> TableReading
  {
    try CSVReader.read(path: path, options: options(missingValues: missingValues))
  }
}
