import WijkIO

/// The configuration keys that say which part of a table source is read, for every table of
/// a configuration (`tables:` and their `lookup:`): `sheet:` (a workbook's sheet, by name or
/// number from 1) or `layer:` (a GeoPackage's or database's table, or `sql:SELECT …`) — one
/// of the two —, `header_row:` (the workbook row with the column names, default 1) and
/// `skip_rows:` (rows below the header that are not data, default 0). See ``TableSource``.
public struct TablePart: Sendable, Equatable, Codable {
  /// The sheet, table, query or zip member; `nil` for the only (or first) one.
  public var layer: String?
  /// The workbook row holding the column names (1 = the first).
  public var headerRow: Int?
  /// Rows directly below the header that are not data.
  public var skipRows: Int?

  /// A part as given; unchecked.
  public init(layer: String? = nil, headerRow: Int? = nil, skipRows: Int? = nil) {
    self.layer = layer
    self.headerRow = headerRow
    self.skipRows = skipRows
  }

  /// The table source of `file` with this part.
  public func source(_ file: String) -> TableSource {
    TableSource(file, layer: layer, headerRow: headerRow, skipRows: skipRows)
  }

  /// The key names, for the strict containers of the tables that carry them.
  static var keyNames: [String] { Keys.allCases.map(\.stringValue) }

  /// The keys in the containers that carry them.
  enum Keys: String, CodingKey, CaseIterable {
    case sheet, layer
    case headerRow = "header_row"
    case skipRows = "skip_rows"
  }

  /// Decodes the keys from the table's own mapping (they sit beside `file:`).
  /// - Throws: `DecodingError` for both `sheet` and `layer`, a row below 1 or a negative skip.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    // A sheet by number (`sheet: 2`) or by name (`sheet: Cijfers`).
    var sheet: String? = nil
    if let n = try? c.decode(Int.self, forKey: .sheet) {
      sheet = String(n)
    } else {
      sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
    }
    let layer = try c.decodeIfPresent(String.self, forKey: .layer)
    if sheet != nil && layer != nil {
      throw DecodingError.dataCorruptedError(
        forKey: .layer, in: c,
        debugDescription: "give sheet (a workbook's sheet) or layer (a table), not both")
    }
    self.layer = sheet ?? layer
    headerRow = try c.decodeIfPresent(Int.self, forKey: .headerRow)
    skipRows = try c.decodeIfPresent(Int.self, forKey: .skipRows)
    if let h = headerRow, h < 1 {
      throw DecodingError.dataCorruptedError(
        forKey: .headerRow, in: c, debugDescription: "\(h) is not a row (the first row is 1)")
    }
    if let s = skipRows, s < 0 {
      throw DecodingError.dataCorruptedError(
        forKey: .skipRows, in: c, debugDescription: "\(s) rows cannot be skipped")
    }
  }

  /// Encodes `layer` as `layer:` (a sheet name reads back the same way).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encodeIfPresent(layer, forKey: .layer)
    try c.encodeIfPresent(headerRow, forKey: .headerRow)
    try c.encodeIfPresent(skipRows, forKey: .skipRows)
  }
}
