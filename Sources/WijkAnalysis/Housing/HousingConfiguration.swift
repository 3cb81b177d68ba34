/// The configuration of `wijk housing` (the GIS module "huisvesting"): the wards, one or two
/// housing registers (points), how the registers' columns and codes read, the indicators
/// computed from the aggregated columns, and the analysis settings shared with
/// `wijk analyse`.
///
/// Read from strict YAML by ``HousingConfigurationLoader`` (unknown keys are errors); the
/// documented example is `GeoData/huisvesting_synthetic.yaml`. Relative paths are relative
/// to the configuration file's folder.
///
/// The ward table gets these columns per register date, from which `indicators` choose:
/// `dwellings`, `records` (register rows), one column per category value name (e.g.
/// `social_rental`, in dwellings), one per flag (e.g. `vacant`, in dwellings), and per year
/// series `<name>` (records with a year in the range) and `<name>_<year>`. With two
/// registers the earlier date's columns are also there as `<column>_at_<date>`, and
/// `<column>_change` is the later minus the earlier.
public struct HousingConfiguration: Sendable, Equatable {
  /// The wards, indicators, groups and statistics settings, read from the same top-level
  /// keys and by the same rules as `wijk analyse` (default title "wijk housing"); it has no
  /// `tables` or `zones`, since the register columns are joined to the wards by points.
  /// ``IndicatorSettings`` and the analysis helpers apply to it unchanged.
  public var analysis: AnalysisConfiguration
  /// One register, or two (different dates) for the change; the last is the current one.
  public var registers: [RegisterFile]
  /// How every register's columns and value codes read (YAML `register`).
  public var layout: RegisterLayout
}

/// One housing register file and the date it describes.
public struct RegisterFile: Sendable, Equatable {
  /// A table with position columns (CSV, Statbel text, zipped, workbook, DBF:
  /// ``TableSource/isTableFile(_:)``), or any point layer GDAL reads (GeoPackage, GeoJSON,
  /// Shapefile, a database).
  public var file: String
  /// The register date as a label (`2021`, `2024-01-01`); used in column names and reports.
  public var date: String
  /// The sheet of a workbook, the layer of a GeoPackage with several, header row and rows to
  /// skip (`sheet:`/`layer:`, `header_row:`, `skip_rows:`).
  public var part = TablePart()
  /// The sheet or layer name (``TablePart/layer``).
  public var layer: String? {
    get { part.layer }
    set { part.layer = newValue }
  }

  /// A register file as given.
  public init(file: String, date: String, layer: String? = nil) {
    self.file = file
    self.date = date
    self.part = TablePart(layer: layer)
  }
}

/// Where a CSV register keeps its positions: projected x/y in a named CRS, or WGS84
/// longitude/latitude. Columns are chosen by header name, never by position.
public enum RegisterPosition: Sendable, Equatable {
  /// Easting and northing columns in `crs` (e.g. `EPSG:31370`).
  case projected(x: String, y: String, crs: String)
  /// WGS84 longitude and latitude columns (degrees); checked against the wards' CRS area of
  /// use before transforming, so swapped columns are caught.
  case geographic(longitude: String, latitude: String)
}

/// The columns and value codes of a register, mapped in the configuration, never
/// hard-coded.
public struct RegisterLayout: Sendable, Equatable {
  /// A column identifying the row in messages (e.g. a building id); line numbers otherwise.
  public var id: String?
  /// Positions of a CSV register (ignored for a point layer, which carries its own CRS).
  public var position: RegisterPosition?
  /// The dwelling count of a row (a building with several dwellings); `nil` = one per row.
  public var dwellings: String?
  /// Categorical attributes (tenure, landlord, type), each value name a ward column.
  public var categories: [String: CategoryMapping]
  /// Yes/no attributes counted in dwellings (vacancy).
  public var flags: [String: FlagMapping]
  /// Year attributes counted in records per year (subsidies, permits).
  public var years: [String: YearSeries]
}

/// A categorical column and which codes make up each value (e.g. `social_rental: [SH]`).
public struct CategoryMapping: Sendable, Equatable {
  /// The register column holding the codes (read as text, so leading zeros stay).
  public var column: String
  /// Value name (a ward column name) → the register codes that mean it.
  public var codes: [String: [String]]
  /// Codes counted in no value (e.g. an empty landlord for owner-occupied dwellings). Any
  /// other code not in `codes` is an error naming the row.
  public var ignore: [String]
}

/// A yes/no column: the row's dwellings count when the cell is one of `values`.
public struct FlagMapping: Sendable, Equatable {
  /// The register column holding the flag (read as text).
  public var column: String
  /// Cell texts that mean yes, matched exactly (e.g. `["J", "1"]`); any other cell means no.
  public var values: [String]
}

/// A year column: records are counted per year from `from` to `to` (inclusive); an empty
/// cell means "none"; a year outside the range is reported, not counted.
public struct YearSeries: Sendable, Equatable {
  /// The register column holding the year (a number, or text holding one).
  public var column: String
  /// First year counted (inclusive).
  public var from: Int
  /// Last year counted (inclusive); the loader rejects a `to` before `from`.
  public var to: Int
}
