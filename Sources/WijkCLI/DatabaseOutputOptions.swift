import ArgumentParser
import WijkAnalysis

/// `--out-db`, `--out-db-table`, `--replace-db-table`: the ward table also into a database.
struct DatabaseOutputOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Also write the ward table (every indicator and statistic, exact: a working table, "
        + "not for publication, as its comment says) to a PostGIS database, in one "
        + "transaction, e.g. 'PG:dbname=genk host=gis.genk.be user=wijk' "
        + "(keep the password in ~/.pgpass or PGPASSWORD; it is never shown). Overrides the "
        + "configuration's out_db.", valueName: "connection"))
  var outDb: String?

  @Option(
    help: ArgumentHelp(
      "The table to write (schema.table allowed; default: the configuration's, else "
        + "\(DatabaseOutput.defaultTable)).", valueName: "table"))
  var outDbTable: String?

  @Flag(
    help: """
      Replace the table when it exists (dropped and written anew in the same transaction). \
      Without it an existing table is left as it is and the run stops, naming it.
      """)
  var replaceDbTable = false

  func validate() throws {
    if let table = outDbTable, let problem = DatabaseOutput.problem(withTable: table) {
      throw ValidationError("--out-db-table: \(problem).")
    }
  }

  /// The target these options and the configuration's `out_db` give, or `nil` for none.
  func target(configured: DatabaseOutput?) throws -> DatabaseOutput? {
    guard let connection = outDb ?? configured?.connection else {
      if outDbTable != nil || replaceDbTable {
        throw ValidationError("--out-db-table and --replace-db-table need --out-db (or out_db:).")
      }
      return nil
    }
    return DatabaseOutput(
      connection: connection,
      table: outDbTable ?? configured?.table ?? DatabaseOutput.defaultTable,
      replace: replaceDbTable || (configured?.replace ?? false))
  }
}
