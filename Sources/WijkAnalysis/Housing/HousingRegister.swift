import WijkCore

/// A housing register read into memory: one position per row in the wards' CRS and the
/// row's attributes, with the line (or feature number) each row came from.
public struct HousingRegister: Sendable {
  /// The file it was read from.
  public var file: String
  /// The register date label (``RegisterFile/date``).
  public var date: String
  /// Positions in the wards' projected CRS (x easting, y northing, metres).
  public var positions: [Coordinate]
  /// The attribute table (one row per position; `lineNumbers` for messages).
  public var table: Table
  /// "transformed from EPSG:4326 …" when the register was not in the wards' CRS.
  public var transformation: String?
  /// The reader's warnings (encoding, number convention).
  public var warnings: [String]

  /// Line (CSV) or feature number of row `i`.
  public func line(_ i: Int) -> Int { table.lineNumbers[i] }
}
