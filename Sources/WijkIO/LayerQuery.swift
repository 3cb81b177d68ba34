import CGDAL
import Foundation

/// A layer given as an SQL query instead of a layer name: `sql:SELECT …` wherever a layer is
/// named (`--layer`, a configuration's `layer:`). The query runs in the data source's own
/// SQL: PostgreSQL's for a `PG:` connection (so a join of the ward table with a figures table
/// happens in the database), SQLite's for a GeoPackage, OGR SQL for other files (GDAL's
/// `GDALDatasetExecuteSQL` with the default dialect).
public enum LayerQuery {
  /// The prefix that marks a layer name as a query.
  public static let prefix = "sql:"

  /// The query of a layer name written as `sql:…` (trimmed), or `nil` for a plain name.
  public static func sql(in layer: String?) -> String? {
    guard let layer, layer.lowercased().hasPrefix(prefix) else { return nil }
    return String(layer.dropFirst(prefix.count)).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// The layer an SQL query returns, owned: released with `GDALDatasetReleaseResultSet` in
/// `deinit`, while the dataset it came from is still open (the result set keeps it).
final class OGRResultSet {
  let dataset: GDALDatasetHandle
  let layer: OGRLayerH

  /// Runs `sql` on `dataset`.
  /// - Throws: ``IOError/badQuery(path:sql:message:)`` with GDAL's (or the database's) message.
  init(_ dataset: GDALDatasetHandle, sql: String, path: String) throws(IOError) {
    self.dataset = dataset
    CPLErrorReset()
    // NULL when the statement fails or returns no result set (e.g. an UPDATE).
    guard let h = dataset.handle, let result = GDALDatasetExecuteSQL(h, sql, nil, nil) else {
      let message =
        CPLGetLastErrorType() == CE_None
        ? "the query returned no rows and no columns (is it a SELECT?)"
        : GDALSession.lastErrorMessage()
      throw .badQuery(path: path, sql: sql, message: message)
    }
    layer = result
  }

  deinit { if let h = dataset.handle { GDALDatasetReleaseResultSet(h, layer) } }
}
