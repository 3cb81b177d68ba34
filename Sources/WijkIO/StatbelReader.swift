import WijkCore

/// Reads Statbel open-data text files (e.g. `TF_PSNL_INC_TAX_SECTOR`, population per
/// statistical sector): pipe-separated, decimal point, UTF-8, column names such as
/// `CD_REFNIS`, `CD_SECTOR`, `TX_SECTOR_DESCR_NL`, `MS_NBR_NON_ZERO_INC` kept as published.
///
/// Statbel's naming convention decides the types: `CD_*` (codes: REFNIS, sector, year) and
/// `TX_*` (labels) stay text, so `71016A00-` and `01` keep their form; `MS_*` (measures) are
/// numeric. A cell `C` marks a figure withheld for confidentiality and is read as
/// `.missing(reason: "confidential (Statbel C)")`, never 0.
public enum StatbelReader {
  /// The missing-value reason for Statbel's `C`.
  public static let confidentialReason = "confidential (Statbel C)"

  /// - Throws: as ``CSVReader/read(path:options:)``.
  public static func read(path: String) throws(IOError) -> TableReading {
    try CSVReader.read(
      path: path,
      options: CSVOptions(
        separator: "|", numberConvention: .decimalPoint, textColumnPrefixes: ["CD_", "TX_"],
        suppressedMarkers: ["C": confidentialReason]))
  }
}
