import WijkCore

/// Why a layer or a table could not be read or written. Each case carries the evidence (file,
/// line or feature, column or field, the offending text) and its `description` is a sentence
/// a city GIS user can act on.
public enum IOError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file does not exist.
  case fileNotFound(path: String)
  /// GDAL could not open the file as a vector data source; `message` is GDAL's text.
  case cannotOpen(path: String, message: String)
  /// The file has no layer called `layer`; `available` lists the layers it does have.
  case noSuchLayer(path: String, layer: String, available: [String])
  /// Several layers could be meant and none was chosen; `candidates` are the layers offered
  /// (the polygon layers when there are several, else every layer with geometry).
  case layerChoiceNeeded(path: String, candidates: [LayerInfo])
  /// The file holds no layer with geometry (only attribute tables, or nothing).
  case noSpatialLayer(path: String)
  /// A GeoJSON file without a `crs` member (so WGS84 degrees by RFC 7946) has a coordinate
  /// that cannot be degrees; `feature` is the 0-based index of the first such feature.
  case coordinatesNotDegrees(path: String, feature: Int, coordinate: Coordinate)
  /// A feature's geometry could not be converted (`message` says why).
  case unreadableGeometry(path: String, feature: Int, message: String)
  /// Text in `field` of `feature` is not valid in `encoding` (only when the encoding was
  /// stated by the user or the file, so that guessing on would hide the problem).
  case undecodableText(path: String, feature: Int, field: String, encoding: TextEncoding)
  /// A `.cpg` file or DBF language-driver byte names a code page wijk cannot decode.
  case unsupportedEncoding(path: String, name: String)
  /// GDAL could not use a CRS definition (building an SRS for writing or checking).
  case unusableCRS(path: String, crs: String, message: String)
  /// GeoJSON (RFC 7946, WGS84 longitude/latitude) was asked for a layer without a CRS, so
  /// its coordinates cannot be transformed to WGS84.
  case geoJSONNeedsCRS(path: String)
  /// GeoJSON in the layer's own CRS was asked for, but that CRS has no authority code for
  /// the `crs` member to name.
  case crsWithoutCode(path: String, crs: String)
  /// A GDAL call failed while reading or writing; `operation` names what was being done.
  case gdalFailure(path: String, operation: String, message: String)
  /// A feature to write has a different number of values than the layer has fields.
  case valueCountMismatch(path: String, feature: Int, expected: Int, found: Int)
  /// Writing the file failed; the previous file (if any) is left untouched.
  case writeFailed(path: String, message: String)
  /// The CSV file holds no header line.
  case emptyTable(path: String)
  /// A CSV row has more or fewer cells than the header.
  case raggedRow(path: String, line: Int, expected: Int, found: Int)
  /// A quoted CSV field is not closed before the end of the file; `line` is where it opens.
  case unterminatedQuote(path: String, line: Int)
  /// A cell in a numeric column looks like a number but does not parse under the file's
  /// number convention (e.g. `22,2,5` with decimal commas).
  case badNumber(
    path: String, line: Int, column: String, text: String,
    convention: NumberConvention)
  /// A cell of a column that must be numeric is neither a number in the file's convention
  /// nor a marker of a missing value (``MissingValues``); `markers` lists the markers.
  case notANumber(
    path: String, line: Int, column: String, text: String, convention: NumberConvention,
    markers: String)
  /// An option names a column that the table does not have.
  case unknownColumn(path: String, column: String, available: [String])
  /// Two header cells carry the same name, so a column could not be told apart.
  case duplicateColumn(path: String, column: String)
  /// The SQL query given as a layer (`sql:…`, ``LayerQuery``) failed; `message` is the
  /// database's or GDAL's text.
  case badQuery(path: String, sql: String, message: String)
  /// A database table to write already exists and replacing it was not asked for.
  case tableExists(path: String, table: String)
  /// A data source holds several tables (or an archive several members) and none was named.
  case tableChoiceNeeded(path: String, part: String, available: [String])
  /// A workbook's code stored as a number lost its leading zeros: shorter than the column's
  /// zero-padded codes (``CodeWidths``); `example` is the widest of those.
  case codeLostZeros(
    path: String, line: Int, column: String, text: String, width: Int, example: String)
  /// A sheet's header row has no name above a column that holds data (`column` in letters).
  case unnamedColumn(path: String, row: Int, column: String)
  /// A table option (`sheet`, `header_row`, `skip_rows`) was given for a format without it.
  case optionNotApplicable(path: String, option: String)

  /// A sentence for the user naming the file and, where known, line or feature, column or
  /// field, and the offending text. A connection string's password shows as `***`
  /// (``DataSourceName/redacted(_:)``), also inside GDAL's own messages.
  public var description: String { DataSourceName.redacted(sentence) }

  private var sentence: String {
    switch self {
    case .fileNotFound(let p):
      "\(p): no such file."
    case .cannotOpen(let p, let m) where DataSourceName.isConnection(p):
      "\(p) could not be opened as a GDAL data source (check the connection string, that "
        + "the server runs, and the user's access): \(m)"
    case .cannotOpen(let p, let m):
      "\(p) could not be opened as a vector layer file (GeoJSON, GeoPackage, Shapefile): \(m)"
    case .noSuchLayer(let p, let l, let a):
      "\(p) has no layer called '\(l)'; its layers are: \(a.joined(separator: ", "))."
    case .layerChoiceNeeded(let p, let c):
      "\(p) holds several layers that could be the wards: "
        + c.map { "'\($0.name)' (\($0.featureCount) features)" }.joined(separator: ", ")
        + ". Choose one with --layer."
    case .noSpatialLayer(let p):
      "\(p) holds no layer with geometry, only attribute tables."
    case .coordinatesNotDegrees(let p, let f, let c):
      "\(p) declares no CRS, so GeoJSON says WGS84 degrees, but feature \(f) has the "
        + "coordinate \(c), which cannot be longitude/latitude. Give the file's CRS with "
        + "--crs (for Belgian Lambert 72: --crs EPSG:31370)."
    case .unreadableGeometry(let p, let f, let m):
      "\(p): the geometry of feature \(f) cannot be read: \(m)"
    case .undecodableText(let p, let f, let field, let e):
      "\(p): field '\(field)' of feature \(f) is not valid \(e.displayName) text; "
        + "state the file's encoding with --encoding."
    case .unsupportedEncoding(let p, let n):
      "\(p) declares the text encoding '\(n)', which wijk cannot read; convert the file to "
        + "UTF-8 or state another encoding with --encoding."
    case .unusableCRS(let p, let c, let m):
      "\(p): the coordinate reference system \(c) cannot be used: \(m)"
    case .geoJSONNeedsCRS(let p):
      "\(p): GeoJSON is written in WGS84 longitude/latitude (RFC 7946), but the layer "
        + "declares no coordinate reference system to transform from. Give the ward layer's "
        + "CRS with --crs (for Belgian Lambert 72: --crs EPSG:31370), or write a GeoPackage."
    case .crsWithoutCode(let p, let c):
      "\(p): GeoJSON in the layer's own CRS names that CRS by its code, but \(c) has none; "
        + "write a GeoPackage, or GeoJSON in WGS84 (the default)."
    case .gdalFailure(let p, let o, let m):
      "\(p): \(o) failed: \(m)"
    case .valueCountMismatch(let p, let f, let e, let n):
      "\(p): feature \(f) has \(n) attribute values but the layer has \(e) fields."
    case .writeFailed(let p, let m):
      "\(p) could not be written (any previous version is unchanged): \(m)"
    case .emptyTable(let p):
      "\(p) is empty: a header line with column names is needed."
    case .raggedRow(let p, let l, let e, let n):
      "\(Self.place(p, l)): \(n) cells where the header has \(e) columns."
    case .unterminatedQuote(let p, let l):
      "\(p), line \(l): a quoted cell is never closed."
    case .badNumber(let p, let l, let c, let t, let conv):
      "\(Self.place(p, l)), column '\(c)': '\(t.visibleInMessages)' is not a number in the file's "
        + "convention (\(conv.summary)). Correct the cell, or state the convention with --decimal."
    case .notANumber(let p, let l, let c, let t, let conv, let markers):
      "\(Self.place(p, l)), column '\(c)': '\(t.visibleInMessages)' is neither a number "
        + "(\(conv.summary)) nor a marker of a missing value (\(markers)). Correct the cell, "
        + "or declare the marker with missing_values in the configuration or --missing-values."
    case .unknownColumn(let p, let c, let a):
      "\(p) has no column '\(c)'; its columns are: \(a.joined(separator: ", "))."
        + (p.contains(", sheet ")
          ? " A sheet's column names are read from its header row: row 1 unless header_row "
            + "(--header-row) names another; skip_rows (--skip-rows) skips rows below it."
          : "")
    case .duplicateColumn(let p, let c):
      "\(p): the column name '\(c)' appears more than once in the header."
    case .badQuery(let p, let q, let m):
      "\(p): the layer query '\(q)' failed: \(m)"
    case .tableExists(let p, let t):
      "\(p): the table '\(t)' already exists and was left as it is; replace it with "
        + "--replace-db-table (or out_db.replace: true), or write to another table with "
        + "--out-db-table."
    case .tableChoiceNeeded(let p, let part, let a):
      "\(p) holds several tables: \(a.joined(separator: ", ")). Name the \(part) with "
        + "`\(part == "sheet" ? "sheet" : "layer"):` in the configuration or --sheet."
    case .codeLostZeros(let p, let l, let c, let t, let w, let e):
      "\(Self.place(p, l)), column '\(c)': the code \(t.visibleInMessages) is shorter than the "
        + "column's codes such as \(e.visibleInMessages) (\(w) digits): it was stored as a "
        + "number and lost its leading zeros, which no reader can give back. Format the "
        + "column as Text in the workbook and type the code again with its zeros, or let the "
        + "join pad the codes with zeros (pad_keys: \(w) in the configuration, --pad-keys \(w))."
    case .unnamedColumn(let p, let r, let c):
      "\(p), row \(r): column \(c) holds data but has no name in this row, which is read as "
        + "the header. If the column names are on another row (below a title), give it with "
        + "header_row in the configuration or --header-row; else name the column."
    case .optionNotApplicable(let p, let o):
      "\(p): \(o) applies to workbooks (.xlsx, .ods)"
        + (o == "sheet" ? ", GeoPackages, databases and zip archives" : "")
        + ", not to this file."
    }
  }

  /// `file, line N` for text; `file, sheet S, row N` for a sheet or table (its source names
  /// the sheet or table, ``TableSource/description``).
  static func place(_ path: String, _ line: Int) -> String {
    let gdal = [", sheet ", ", table ", ", query "].contains { path.contains($0) }
    return "\(path), \(gdal ? "row" : "line") \(line)"
  }
}
