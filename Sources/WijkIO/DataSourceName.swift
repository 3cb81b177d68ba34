import Foundation

/// The name of a GDAL data source that may be a database connection rather than a file, and
/// the one way wijk shows such a name: without its password.
///
/// A connection string is what GDAL opens with a driver prefix instead of a path:
/// `PG:dbname=genk host=gis.genk.be user=wijk` (PostgreSQL/PostGIS, libpq's keyword=value
/// form), `PG:postgresql://wijk@gis.genk.be/genk` (a libpq URI), `MySQL:…`, `MSSQL:…`,
/// `OCI:…`, `ODBC:…`. wijk never resolves it as a path and never checks that it exists as a
/// file; GDAL opens it (GDAL's `PG` driver documentation, "Connecting to a database").
///
/// A password may be in the string (`password=…`, or `user:secret@` in a URI); better is
/// libpq's `~/.pgpass`, a service file (`PG:service=genk`) or `PGPASSWORD`, which keep it out
/// of configuration files. Either way, every message, report, log and provenance record
/// shows the string through ``redacted(_:)``.
public enum DataSourceName {
  /// Whether `source` is a connection string: a driver prefix of two or more letters, digits
  /// or underscores (so not a Windows drive letter) and a colon, and no file of that name.
  public static func isConnection(_ source: String) -> Bool {
    guard let colon = source.firstIndex(of: ":") else { return false }
    let prefix = source[..<colon]
    guard prefix.count >= 2, prefix.first!.isLetter,
      prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    else { return false }
    return !FileManager.default.fileExists(atPath: source)
  }

  /// The password shown in place of a real one.
  public static let mask = "***"

  /// `text` with every password of a connection string replaced by ``mask``: the values of
  /// `password=` and `pwd=` (bare or single-quoted, as libpq and ODBC write them) and the
  /// password of a URI's `user:password@`. Any text may be given (a sentence quoting a
  /// connection, GDAL's own error message); text without a password is returned unchanged.
  public static func redacted(_ text: String) -> String {
    var out = text
    for (pattern, template) in patterns {
      out = pattern.stringByReplacingMatches(
        in: out, options: [], range: NSRange(out.startIndex..., in: out), withTemplate: template)
    }
    return out
  }

  /// libpq keyword=value passwords (quoted values may contain `\'` and spaces), and URI
  /// userinfo passwords (`scheme://user:secret@host`).
  nonisolated(unsafe) private static let patterns: [(NSRegularExpression, String)] = [
    (
      try! NSRegularExpression(
        pattern: #"(?i)\b(password|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s;'"]*)"#),
      "$1$2\(mask)"
    ),
    (try! NSRegularExpression(pattern: #"(://[^/\s:@]*):[^@\s/]*@"#), "$1:\(mask)@"),
  ]
}
