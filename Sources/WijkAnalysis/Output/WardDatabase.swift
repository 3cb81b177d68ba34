import Foundation
import WijkCore
import WijkIO

/// Where `wijk analyse` also writes its ward table: a table of a PostGIS database (`--out-db`
/// with `--out-db-table` and `--replace-db-table`, or the configuration's `out_db:`).
public struct DatabaseOutput: Sendable, Equatable {
  /// A GDAL connection string, e.g. `PG:dbname=genk host=gis.genk.be user=wijk` (the
  /// password best in `~/.pgpass` or a service file; it is never shown, ``DataSourceName``).
  public var connection: String
  /// The table, optionally with its schema (`wijk.wards_2021`): lower-case letters, digits
  /// and `_`, as PostgreSQL keeps unquoted names.
  public var table: String
  /// Replace the table when it exists; otherwise a run stops at it, naming it, and writes
  /// nothing.
  public var replace: Bool

  /// The table a run writes when none is named: a working table, named so, as the working
  /// files are (``WorkingFiles``).
  public static let defaultTable = "wijk_wards_not_for_publication"

  public init(connection: String, table: String = defaultTable, replace: Bool = false) {
    self.connection = connection
    self.table = table
    self.replace = replace
  }

  /// Why `table` cannot name the table, or `nil` when it can.
  public static func problem(withTable table: String) -> String? {
    let name = #"[a-z_][a-z0-9_]{0,62}"#
    guard table.range(of: "^(\(name)\\.)?\(name)$", options: .regularExpression) == nil else {
      return nil
    }
    return "'\(table.visibleInMessages)' is not a table name wijk writes: lower-case letters, "
      + "digits and _, optionally after a schema and a dot (e.g. wijk.wards_2021)"
  }
}

/// Writes the ward table of a run to a database table in one transaction
/// (``DatabaseWriter``): a working table, as the working GeoPackage is (``WorkingFiles``), with
/// the same exact figures (``WardGeoPackage/layer(_:)``: every indicator and statistic,
/// unrounded, nothing withheld, counts as integers, geometry in the analysis CRS, so the
/// table's SRID is the ward layer's; a real number is kept to the 15 significant digits GDAL's
/// PostgreSQL driver writes, `%.15g`) and a table comment that starts with
/// ``WorkingFiles/notice``. The published figures are in `wards.csv` and `wards.xlsx`.
public enum WardDatabase {
  /// - Throws: `IOError`: no connection, ``IOError/tableExists(path:table:)``, a failed
  ///   write (``IOError/writeFailed(path:message:)``); the database is unchanged after any.
  public static func write(_ run: Analysis.Run, to target: DatabaseOutput) throws {
    try DatabaseWriter.write(
      WardGeoPackage.layer(run), to: target.connection, table: target.table,
      existing: target.replace ? .replace : .refuse, description: comment(run.result))
  }

  /// The table's comment: ``WorkingFiles/notice``, then the run that wrote it.
  static func comment(_ r: AnalysisResult) -> String {
    "\(WorkingFiles.notice) \(r.title): wijk \(r.provenance.toolVersion) analyse, "
      + "\(r.provenance.createdAt)."
  }
}

extension DatabaseOutput: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case connection, table, replace }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    connection = try c.decode(String.self, forKey: .connection)
    table = try c.decodeIfPresent(String.self, forKey: .table) ?? Self.defaultTable
    replace = try c.decodeIfPresent(Bool.self, forKey: .replace) ?? false
    if let problem = Self.problem(withTable: table) {
      throw DecodingError.dataCorruptedError(forKey: .table, in: c, debugDescription: problem)
    }
  }
}
