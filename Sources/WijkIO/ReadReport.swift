import WijkCore

/// Something a reader decided on the user's behalf that the user should be told about. The
/// reader never prints; the caller (the CLI) shows these.
public enum ReadWarning: Hashable, Sendable, CustomStringConvertible {
  /// No encoding was declared and the text is not UTF-8, so `assumed` was used.
  case encodingGuessed(path: String, assumed: TextEncoding)
  /// The caller gave a CRS but the file declares `declared`, which was used instead.
  case assumedCRSIgnored(path: String, declared: String)

  /// The warning as a sentence for the user, saying what to do about it.
  public var description: String {
    switch self {
    case .encodingGuessed(let p, let e):
      "\(p) does not say how its text is encoded and it is not UTF-8; it was read as "
        + "\(e.displayName). If names look wrong, state the encoding with --encoding."
    case .assumedCRSIgnored(let p, let d):
      "\(p) declares its CRS as \(d); the CRS given on the command line was not used."
    }
  }
}

/// How a file was read: the encoding and its source, the number convention (tables), and the
/// warnings to show.
public struct ReadReport: Hashable, Sendable {
  /// The text encoding used (`nil` when the reader did not decode text itself).
  public var encoding: TextEncoding?
  /// Where that encoding came from (`nil` for formats that fix it, GeoJSON, GeoPackage).
  public var encodingSource: EncodingSource?
  /// For tables: the decimal convention used for every numeric column.
  public var numberConvention: NumberConvention?
  /// For tables: whether the convention was detected (`false` when an option forced it).
  public var numberConventionDetected: Bool?
  /// What the user should be told, in the order it happened.
  public var warnings: [ReadWarning]
  /// For layers: the GDAL driver that read the file (`GeoJSON`, `GPKG`, `ESRI Shapefile`).
  public var driver: String?
  /// For tables: the field separator used.
  public var separator: Character?
  /// For tables: whether the separator was detected (`false` when an option gave it).
  public var separatorDetected: Bool?
  /// For tables: the sheet, table, `sql:` query or zip member read (`nil` for plain text).
  public var sheet: String?

  /// A report; every part defaults to "not known, nothing to say".
  public init(
    encoding: TextEncoding? = nil, encodingSource: EncodingSource? = nil,
    numberConvention: NumberConvention? = nil, numberConventionDetected: Bool? = nil,
    warnings: [ReadWarning] = []
  ) {
    self.encoding = encoding
    self.encodingSource = encodingSource
    self.numberConvention = numberConvention
    self.numberConventionDetected = numberConventionDetected
    self.warnings = warnings
  }
}

/// A layer and how it was read.
public struct LayerReading: Sendable {
  /// The layer, features in source order.
  public var layer: Layer
  /// Encoding used and warnings to show the user.
  public var report: ReadReport
}

/// A table and how it was read.
public struct TableReading: Sendable {
  /// The table, rows in source order with their line numbers.
  public var table: Table
  /// Encoding, number convention and warnings to show the user.
  public var report: ReadReport
}
