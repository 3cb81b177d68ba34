import CGDAL
import Foundation

/// A style of a GeoPackage layer as QGIS keeps it in the `layer_styles` table.
public struct GeoPackageStyle: Sendable, Equatable {
  /// `styleName`, as QGIS lists it under Layer Properties → Style.
  public var name: String
  /// `styleQML`: the QML document.
  public var qml: String
  /// `useAsDefault`: the style QGIS applies when the layer is opened (one per layer).
  public var isDefault: Bool
  /// `description`.
  public var description: String

  public init(name: String, qml: String, isDefault: Bool, description: String) {
    self.name = name
    self.qml = qml
    self.isDefault = isDefault
    self.description = description
  }
}

/// A row of `gpkg_data_columns` (GeoPackage 1.2.1, Schema extension `gpkg_schema`): a
/// column's short human-readable name, formal title and description.
public struct GeoPackageColumn: Sendable, Equatable {
  public var column: String
  /// `name`: unique within the GeoPackage (GDAL's table definition makes it so).
  public var name: String
  public var title: String
  public var description: String

  public init(column: String, name: String, title: String, description: String) {
    self.column = column
    self.name = name
    self.title = title
    self.description = description
  }
}

/// Adds QGIS styles and column descriptions to a layer of an existing GeoPackage, in one
/// transaction, through GDAL: `layer_styles` is created as QGIS creates it
/// (`QgsOgrProviderMetadata::saveStyle`: an attributes table with `id` key, `f_table_catalog`,
/// `f_table_schema`, `f_table_name`, `f_geometry_column`, `styleName`, `styleQML`,
/// `styleSLD`, `useAsDefault`, `description`, `owner`, `ui`, `update_time`), and QGIS finds a
/// layer's styles by `f_table_schema = ''`, its name and its geometry column.
/// `gpkg_data_columns` is created with GDAL's definition and registered in
/// `gpkg_extensions`, through SQLite SQL run by OGR on the dataset.
public enum GeoPackageStyling {
  /// - Parameters:
  ///   - styles: the layer's styles; at most one should be the default.
  ///   - columns: descriptions of the layer's columns.
  ///   - layer: the styled layer (it must exist in the file).
  ///   - path: the GeoPackage.
  /// - Throws: ``IOError/cannotOpen(path:message:)``, ``IOError/noSuchLayer(path:layer:available:)``,
  ///   ``IOError/gdalFailure(path:operation:message:)``; nothing is added after any of them.
  public static func write(
    styles: [GeoPackageStyle], columns: [GeoPackageColumn], layer: String, to path: String
  ) throws(IOError) {
    GDALSession.begin()
    let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
    guard let h = GDALOpenEx(path, flags, nil, nil, nil) else {
      throw .cannotOpen(path: path, message: GDALSession.lastErrorMessage())
    }
    let dataset = GDALDatasetHandle(h)
    guard let styled = GDALDatasetGetLayerByName(h, layer) else {
      throw .noSuchLayer(
        path: path, layer: layer,
        available: dataset.layers.map { String(cString: OGR_L_GetName($0)) })
    }
    let geometryColumn = String(cString: OGR_L_GetGeometryColumn(styled))
    guard GDALDatasetStartTransaction(h, 0) == OGRERR_NONE else {
      throw .gdalFailure(
        path: path, operation: "starting a transaction", message: GDALSession.lastErrorMessage())
    }
    do throws(IOError) {
      let table = try styleTable(h, path: path)
      for style in styles {
        try insert(style, into: table, layer: layer, geometryColumn: geometryColumn, path: path)
      }
      try describe(columns, layer: layer, in: h, path: path)
      guard GDALDatasetCommitTransaction(h) == OGRERR_NONE else {
        throw .gdalFailure(
          path: path, operation: "committing the styles", message: GDALSession.lastErrorMessage())
      }
    } catch {
      _ = GDALDatasetRollbackTransaction(h)
      throw error
    }
    dataset.close()
  }

  /// `layer_styles`, created as QGIS creates it when the file has none.
  private static func styleTable(_ h: GDALDatasetH, path: String) throws(IOError) -> OGRLayerH {
    if let existing = GDALDatasetGetLayerByName(h, "layer_styles") { return existing }
    CPLErrorReset()
    let options = CStringList([("FID", "id")])
    guard let table = GDALDatasetCreateLayer(h, "layer_styles", nil, wkbNone, options.pointer)
    else {
      throw .gdalFailure(
        path: path, operation: "creating layer_styles", message: GDALSession.lastErrorMessage())
    }
    let fields: [(String, OGRFieldType, Int32)] = [
      ("f_table_catalog", OFTString, 256), ("f_table_schema", OFTString, 256),
      ("f_table_name", OFTString, 256), ("f_geometry_column", OFTString, 256),
      ("styleName", OFTString, 30), ("styleQML", OFTString, 0), ("styleSLD", OFTString, 0),
      ("useAsDefault", OFTInteger, 0), ("description", OFTString, 0), ("owner", OFTString, 30),
      ("ui", OFTString, 30), ("update_time", OFTDateTime, 0),
    ]
    for (name, type, width) in fields {
      let definition = OGR_Fld_Create(name, type)
      // OGR_L_CreateField copies the definition; ours is destroyed right after.
      defer { OGR_Fld_Destroy(definition) }
      if width > 0 { OGR_Fld_SetWidth(definition, width) }
      if name == "useAsDefault" { OGR_Fld_SetSubType(definition, OFSTBoolean) }
      if name == "update_time" { OGR_Fld_SetDefault(definition, "CURRENT_TIMESTAMP") }
      guard OGR_L_CreateField(table, definition, 1) == OGRERR_NONE else {
        throw .gdalFailure(
          path: path, operation: "creating layer_styles.\(name)",
          message: GDALSession.lastErrorMessage())
      }
    }
    return table
  }

  private static func insert(
    _ style: GeoPackageStyle, into table: OGRLayerH, layer: String, geometryColumn: String,
    path: String
  ) throws(IOError) {
    let definition = OGR_L_GetLayerDefn(table)
    guard let h = OGR_F_Create(definition) else {
      throw .gdalFailure(
        path: path, operation: "creating a style row", message: GDALSession.lastErrorMessage())
    }
    let feature = OGRFeatureHandle(h)
    let texts = [
      ("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", layer),
      ("f_geometry_column", geometryColumn), ("styleName", style.name), ("styleQML", style.qml),
      ("styleSLD", ""), ("description", style.description), ("owner", ""),
    ]
    for (name, value) in texts {
      OGR_F_SetFieldString(feature.handle, OGR_FD_GetFieldIndex(definition, name), value)
    }
    OGR_F_SetFieldInteger(
      feature.handle, OGR_FD_GetFieldIndex(definition, "useAsDefault"), style.isDefault ? 1 : 0)
    // OGR_L_CreateFeature copies the feature; ours is destroyed by its wrapper.
    guard OGR_L_CreateFeature(table, feature.handle) == OGRERR_NONE else {
      throw .gdalFailure(
        path: path, operation: "writing the style '\(style.name)'",
        message: GDALSession.lastErrorMessage())
    }
  }

  /// Creates and registers `gpkg_data_columns` when missing (GDAL's definition), and
  /// replaces the rows of `columns`.
  private static func describe(
    _ columns: [GeoPackageColumn], layer: String, in h: GDALDatasetH, path: String
  ) throws(IOError) {
    guard !columns.isEmpty else { return }
    var statements = [
      "CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name "
        + "TEXT NOT NULL, name TEXT UNIQUE, title TEXT, description TEXT, mime_type TEXT, "
        + "constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), "
        + "CONSTRAINT gdc_tn UNIQUE (table_name, name))",
      "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
        + "SELECT 'gpkg_data_columns', NULL, 'gpkg_schema', "
        + "'http://www.geopackage.org/spec121/#extension_schema', 'read-write' WHERE NOT EXISTS "
        + "(SELECT 1 FROM gpkg_extensions WHERE table_name = 'gpkg_data_columns')",
    ]
    for c in columns {
      statements.append(
        "INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, "
          + "description) VALUES (\(quoted(layer)), \(quoted(c.column)), \(quoted(c.name)), "
          + "\(quoted(c.title)), \(quoted(c.description)))")
    }
    for sql in statements {
      CPLErrorReset()
      // DDL and INSERT return no result set (NULL); failure shows in the error state.
      let result = GDALDatasetExecuteSQL(h, sql, nil, nil)
      if let result { GDALDatasetReleaseResultSet(h, result) }
      if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
        throw .gdalFailure(
          path: path, operation: "describing the columns in gpkg_data_columns",
          message: GDALSession.lastErrorMessage())
      }
    }
  }

  /// An SQL string literal: single quotes doubled.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
