import Foundation

/// Where a table comes from: a file or a database, and which part of it. Every table wijk
/// reads (ward and sector tables, lookups, point files, registers, sites, facilities, housing
/// figures, `wijk info`) is named by one of these and read by ``TableReader``.
///
/// | source | read by | `layer` |
/// | --- | --- | --- |
/// | `.csv`, `.tsv`, `.tab`, `.txt` (Statbel's pipe-separated open data) | ``CSVReader`` | — |
/// | `.zip` holding one such text file (Statbel's downloads as published) | GDAL's `/vsizip/`, then ``CSVReader`` | the member, when there are several |
/// | `.xlsx`, `.xlsm`, `.ods` workbooks | GDAL's XLSX and ODS drivers | the sheet: its name or its number (1 = the first) |
/// | `.gpkg`, `.sqlite`, `.dbf` attribute tables | GDAL | the table, or `sql:SELECT …` |
/// | a connection such as `PG:dbname=genk host=…` (``DataSourceName``) | GDAL | the table (`public.cijfers`), or `sql:SELECT …` |
public struct TableSource: Hashable, Sendable, CustomStringConvertible {
  /// The file, or a GDAL connection string.
  public var path: String
  /// The sheet of a workbook (name, or number from 1), the table of a GeoPackage or database,
  /// an SQL query as `sql:SELECT …` (``LayerQuery``), or the member of a zip archive; `nil`
  /// for the only one (a workbook's first sheet).
  public var layer: String?
  /// Workbooks: the spreadsheet row (1 = the first) holding the column names; rows above it
  /// (a title, a source line) are not read. Default 1.
  public var headerRow: Int?
  /// Workbooks: how many rows directly below the header are not data (units, a second
  /// header in English). Default 0.
  public var skipRows: Int?

  /// A source; everything but `path` defaults to "the only one" and "the first row".
  public init(_ path: String, layer: String? = nil, headerRow: Int? = nil, skipRows: Int? = nil) {
    self.path = path
    self.layer = layer
    self.headerRow = headerRow
    self.skipRows = skipRows
  }

  /// How a source is read, decided from its name.
  public enum Format: Hashable, Sendable {
    /// Delimited text (CSV, TSV, Statbel `.txt`).
    case text
    /// A zip archive holding delimited text.
    case zippedText
    /// A workbook through the GDAL driver named (`XLSX`, `ODS`).
    case workbook(driver: String)
    /// An attribute table of a GDAL data source (GeoPackage, DBF, SQLite, a database).
    case attributes
  }

  /// The format of ``path``: by connection prefix, else by extension; text for any other
  /// extension (so a `.dat` export is still read as CSV).
  public var format: Format {
    if DataSourceName.isConnection(path) { return .attributes }
    switch (path as NSString).pathExtension.lowercased() {
    case "zip": return .zippedText
    case "xlsx", "xlsm": return .workbook(driver: "XLSX")
    case "ods": return .workbook(driver: "ODS")
    case "gpkg", "sqlite", "dbf", "shp": return .attributes
    default: return .text
    }
  }

  /// Whether a file of this name is read as a table by ``TableReader`` rather than as a
  /// layer (for `wijk info`, and for registers, sites and facilities that may be either):
  /// text, zipped text, workbooks and DBF files. GeoPackages and connections can be both and
  /// are layers unless a command asks for a table.
  public static func isTableFile(_ path: String) -> Bool {
    guard !DataSourceName.isConnection(path) else { return false }
    let ext = (path as NSString).pathExtension.lowercased()
    return ["csv", "txt", "tsv", "tab", "zip", "xlsx", "xlsm", "ods", "dbf"].contains(ext)
  }

  /// The source as messages name it: the path (a connection without its password), then the
  /// sheet or table: `wijken.xlsx, sheet Cijfers`.
  public var description: String {
    let named =
      LayerQuery.sql(in: layer).map { ", query \($0)" } ?? layer.map { ", \(part) \($0)" }
    return DataSourceName.redacted(path) + (named ?? "")
  }

  /// What ``layer`` names in this format, in words: `sheet`, `member` or `table`.
  public var part: String {
    switch format {
    case .workbook: "sheet"
    case .zippedText: "member"
    case .text, .attributes: "table"
    }
  }
}

/// One sheet of a workbook, table of a GeoPackage or database, or member of a zip archive, as
/// ``TableReader/sheets(of:)`` lists it for `wijk info`.
public struct TableSheet: Hashable, Sendable, Codable {
  /// Its name, as `sheet:`/`--sheet` takes it.
  public var name: String
  /// The rows GDAL counts: a sheet's rows in use, the header and blank rows included; a
  /// table's rows; `nil` for a zip member.
  public var rows: Int?

  /// A listed part.
  public init(name: String, rows: Int?) {
    self.name = name
    self.rows = rows
  }
}
