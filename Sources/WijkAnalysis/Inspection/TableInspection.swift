import WijkCore
import WijkIO

/// What `wijk info` says about a table (CSV, Excel export, Statbel text file, zipped or not,
/// a workbook sheet, an attribute table, a database table): how it was
/// read, each column's type, and what would break a join or a statistic: cells of a numeric
/// column that are not numbers, missing-value markers, duplicate keys, invisible characters.
///
/// Encodes to JSON (`wijk info --json`) with these property names.
public struct TableInspection: Sendable, Codable, Equatable {
  /// Some cells of a column that the ``CellPolicy`` does not read as numbers.
  public struct TextCells: Sendable, Codable, Equatable {
    /// How many.
    public var count: Int
    /// The first lines holding one (at most ``MissingCellCount/shownLines``).
    public var lines: [Int]
    /// Those cells as written, invisible characters shown (`visibleInMessages`).
    public var cells: [String]
  }
  /// One column.
  public struct ColumnSummary: Sendable, Codable, Equatable {
    /// The name, as the header writes it (invisible characters shown).
    public var name: String
    /// `integer`, `real`, `code` (digits with leading zeros: kept as text), `text`, or `mixed`
    /// (numbers and other text: not usable as numbers until those cells are corrected or
    /// declared missing), `empty`.
    public var type: String
    /// Cells that are numbers in the file's convention.
    public var numbers: Int
    /// Missing cells per kind, with the markers as written.
    public var missing: [MissingCellCount]
    /// For a `mixed` column, the cells that are neither numbers nor markers.
    public var nonNumeric: TextCells?
    /// Distinct values (of the trimmed cells, empty ones left out).
    public var distinct: Int
    /// Workbooks: codes stored as numbers that lost their leading zeros, shorter than the
    /// column's zero-padded codes (``CodeWidths``); a join refuses them unless it pads.
    public var lostZeros: TextCells? = nil
  }
  /// A key value that occurs on more than one line.
  public struct DuplicateKey: Sendable, Codable, Equatable {
    /// The key as written (invisible characters shown).
    public var key: String
    /// The 1-based lines holding it.
    public var lines: [Int]
  }
  /// A key column's check.
  public struct KeyCheck: Sendable, Codable, Equatable {
    /// The column checked.
    public var column: String
    /// Whether it was given with `--key` (`false`: it looks like a key).
    public var given: Bool
    /// Keys on more than one line (compared as a join compares them, ``KeyNormalisation``).
    public var duplicates: [DuplicateKey]
    /// What would tell the copies apart, e.g. a `filter` on a year column.
    public var hint: String?
    /// Keys that hold invisible characters (a join removes them, with a note).
    public var invisibleCharacters: [DuplicateKey]
    /// Rows with an empty key.
    public var emptyLines: [Int]
  }

  /// The path as given (a connection without its password).
  public var file: String
  /// The separator, as a word (`;`, `|`, `tab`, `,`); empty for a table GDAL read.
  public var separator: String
  /// Whether it was detected from the header line.
  public var separatorDetected: Bool
  /// The decimal convention, as a phrase.
  public var numberConvention: String
  /// Whether it was detected (from the separator) rather than given with `--decimal`.
  public var numberConventionDetected: Bool
  /// The text encoding used.
  public var encoding: String
  /// Data rows.
  public var rowCount: Int
  /// The columns in file order.
  public var columns: [ColumnSummary]
  /// The key check (of `--key`, else of the column that looks most like a key).
  public var keys: [KeyCheck]
  /// The markers that count as missing (the standard list and `--missing-values`).
  public var missingMarkers: String
  /// Reader warnings (a guessed encoding).
  public var warnings: [String]
  /// The GDAL driver that read it (`XLSX`, `ODS`, `GPKG`, `ESRI Shapefile`, `PostgreSQL`);
  /// `nil` for delimited text, which wijk reads itself (then `separator` and `encoding` say
  /// how).
  public var driver: String? = nil
  /// The sheet, table or zip member read, as `--sheet` names it; `nil` for plain text.
  public var sheet: String? = nil
  /// Every sheet of the workbook, table of the data source or member of the archive, with
  /// its rows; empty for plain text.
  public var sheets: [TableSheet] = []
  /// What ``sheets`` are: `sheet`, `table` or `member`.
  public var sheetKind: String? = nil

  /// Whether nothing above stops a join: no duplicate keys, no mixed column, no code that
  /// lost its zeros.
  public var isUsable: Bool {
    keys.allSatisfy { $0.duplicates.isEmpty }
      && !columns.contains { $0.type == "mixed" || $0.lostZeros != nil }
  }
}
