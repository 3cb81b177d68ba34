import CGDAL
import WijkCore

/// Writes a `Layer` to a table of a database that GDAL writes (PostGIS through a `PG:`
/// connection), in one transaction: the table is there with every feature, or the database
/// is as it was (PostgreSQL's DDL is transactional, so a replaced table comes back too).
///
/// The table gets the layer's fields (laundered names: lower case; GDAL's `PG` driver), an
/// `fid` key, a `geom` column typed as the layer's geometry (e.g.
/// `geometry(MultiPolygon,31370)`: the SRID is the layer's CRS as found in
/// `spatial_ref_sys`), a spatial index, and `description` as the table's comment.
public enum DatabaseWriter {
  /// An existing table is replaced only when asked; otherwise the write is refused.
  public enum ExistingTable: Sendable, Equatable {
    case refuse, replace
  }

  /// - Parameters:
  ///   - layer: every feature must have one value per field.
  ///   - connection: a GDAL connection string (``DataSourceName``), e.g. `PG:dbname=genk`.
  ///   - table: the table, optionally schema-qualified (`wijk.wards_2021`).
  ///   - existing: what to do when the table exists.
  ///   - description: the table's comment (`COMMENT ON TABLE`), e.g. the run that wrote it.
  /// - Throws: ``IOError/cannotOpen(path:message:)`` (no connection),
  ///   ``IOError/tableExists(path:table:)``, ``IOError/writeFailed(path:message:)`` and the
  ///   errors of ``LayerWriter/write(_:to:format:)``; the database is unchanged after any of
  ///   them. Messages show the connection without its password.
  public static func write(
    _ layer: Layer, to connection: String, table: String, existing: ExistingTable = .refuse,
    description: String? = nil
  ) throws(IOError) {
    try write(
      layer, to: connection, table: table, existing: existing, description: description,
      failingAfter: nil)
  }

  /// As the public `write`; with `failingAfter` it throws after writing that many features,
  /// before committing (to test that a write failing half-way changes nothing).
  static func write(
    _ layer: Layer, to connection: String, table: String, existing: ExistingTable,
    description: String?, failingAfter: Int?
  ) throws(IOError) {
    GDALSession.begin()
    let shown = DataSourceName.redacted(connection) + " (table \(table))"
    let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
    // GDALOpenEx returns NULL on failure (server down, no such database, no access).
    guard let h = GDALOpenEx(connection, flags, nil, nil, nil) else {
      throw .cannotOpen(
        path: DataSourceName.redacted(connection), message: GDALSession.lastErrorMessage())
    }
    let dataset = GDALDatasetHandle(h)
    let writing = OGRLayerWriting(
      layers: [(layer, nil)], target: shown, temporary: "", format: .geoPackage)
    let geometryType = writing.geometryType(layer)
    let old = existingIndex(of: table, in: dataset)
    if old != nil && existing == .refuse {
      throw .tableExists(path: DataSourceName.redacted(connection), table: table)
    }
    guard GDALDatasetStartTransaction(h, 0) == OGRERR_NONE else {
      throw .writeFailed(path: shown, message: GDALSession.lastErrorMessage())
    }
    do throws(IOError) {
      if let old, GDALDatasetDeleteLayer(h, old) != OGRERR_NONE {
        throw .writeFailed(path: shown, message: GDALSession.lastErrorMessage())
      }
      let out = try createTable(
        layer, writing, geometryType, in: h, table: table, description: description)
      try writing.createFields(layer, out)
      for (k, feature) in layer.features.enumerated() {
        if k == failingAfter {
          throw .writeFailed(path: shown, message: "stopped after \(k) features (test)")
        }
        try writing.write(feature, of: layer, to: out, geometryType: geometryType)
      }
      guard GDALDatasetCommitTransaction(h) == OGRERR_NONE else {
        throw .writeFailed(path: shown, message: GDALSession.lastErrorMessage())
      }
    } catch {
      // ROLLBACK: nothing of this write stays, a dropped table included.
      _ = GDALDatasetRollbackTransaction(h)
      if case .writeFailed = error { throw error }
      throw .writeFailed(path: shown, message: error.description)
    }
    dataset.close()
  }

  /// The index of `table` among the dataset's layers, or `nil` when there is no such table.
  /// `GDALDatasetGetLayerByName` also finds a table the driver did not list (no geometry).
  private static func existingIndex(of table: String, in dataset: GDALDatasetHandle) -> Int32? {
    guard let h = dataset.handle, let found = GDALDatasetGetLayerByName(h, table) else {
      CPLErrorReset()
      return nil
    }
    return (0..<GDALDatasetGetLayerCount(h)).first { GDALDatasetGetLayer(h, $0) == found }
  }

  private static func createTable(
    _ layer: Layer, _ writing: OGRLayerWriting, _ geometryType: OGRwkbGeometryType,
    in h: GDALDatasetH, table: String, description: String?
  ) throws(IOError) -> OGRLayerH {
    let srs = try layer.crs.map { (crs: CRSDefinition) throws(IOError) in
      try SpatialReference.make(crs, path: writing.target)
    }
    var pairs = [("GEOMETRY_NAME", "geom"), ("FID", "fid"), ("SPATIAL_INDEX", "GIST")]
    if let description { pairs.append(("DESCRIPTION", description)) }
    let options = CStringList(pairs)
    // NULL on failure; the dataset references the SRS, ours is released by its wrapper.
    guard
      let out = GDALDatasetCreateLayer(
        h, table, srs?.handle, geometryType, options.pointer)
    else {
      throw .writeFailed(path: writing.target, message: GDALSession.lastErrorMessage())
    }
    return out
  }
}
