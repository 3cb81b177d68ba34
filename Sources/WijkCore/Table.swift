/// A table read from CSV, Excel export or Statbel open data: a header and rows of typed
/// cells, plus where each row came from (for error messages naming file and line).
public struct Table: Sendable {
  /// The file it was read from.
  public var source: String
  /// The header's column names, in file order.
  public var columns: [String]
  /// One array per row, each with `columns.count` cells.
  public var rows: [[AttributeValue]]
  /// The 1-based physical line in the source on which each row starts (the header is line 1
  /// in a file without preamble).
  public var lineNumbers: [Int]

  /// A table as given; row widths and the count of `lineNumbers` are not checked.
  public init(source: String, columns: [String], rows: [[AttributeValue]], lineNumbers: [Int]) {
    self.source = source
    self.columns = columns
    self.rows = rows
    self.lineNumbers = lineNumbers
  }

  /// Index of the column called `name` (exact match first, then case-insensitive).
  public func columnIndex(_ name: String) -> Int? {
    columns.firstIndex { $0 == name }
      ?? columns.firstIndex { $0.lowercased() == name.lowercased() }
  }

  /// All cells of column `name`, in row order; `nil` if there is no such column.
  public func column(_ name: String) -> [AttributeValue]? {
    guard let i = columnIndex(name) else { return nil }
    return rows.map { $0[i] }
  }
}
