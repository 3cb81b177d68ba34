import Crypto
import Foundation

/// Where a result came from: every input file with its SHA-256, the configuration, the
/// seed, the versions of wijk and of the C libraries, and the date. Written into
/// `results_not_for_publication.json` so that a number in a report can be traced back and
/// reproduced.
public struct Provenance: Sendable, Codable, Equatable {
  /// One input file.
  public struct InputFile: Sendable, Codable, Equatable {
    /// The path relative to the folder wijk ran in when the file lies inside it, else absolute.
    public var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// File size in bytes; for a database layer, the bytes of its rows as hashed.
    public var bytes: Int
    /// For a database layer: the table, or the query as `sql:…` (``path`` is the connection
    /// without its password); `nil` for a file.
    public var layer: String? = nil
    /// For a database layer: the number of rows read.
    public var rows: Int? = nil
  }

  /// The program that made the result: `wijk`.
  public var tool: String
  /// ``WijkVersion/current`` of the build that ran.
  public var toolVersion: String
  /// Library name → version (e.g. `GEOS` → `3.11.1`).
  public var libraries: [String: String]
  /// Every input file: ward layer, tables and lookups, configuration, groups and zones; a
  /// ward layer read from a database (``InputFile/layer``, ``InputFile/rows``).
  public var inputs: [InputFile]
  /// The configuration's path (relative to the working folder when inside it); `nil` when
  /// the run had none.
  public var configurationFile: String?
  /// Seed of every permutation test of the run.
  public var seed: UInt64
  /// Permutations behind every pseudo p-value of the run.
  public var permutations: Int
  /// ISO 8601 UTC time of the run.
  public var createdAt: String

  /// Hashes each file in `paths`.
  /// - Throws: ``ProvenanceError/unreadable(path:)`` when a file cannot be read.
  public static func inputs(_ paths: [String]) throws -> [InputFile] {
    try paths.map { path in
      guard let data = FileManager.default.contents(atPath: path) else {
        throw ProvenanceError.unreadable(path: path)
      }
      return InputFile(path: displayPath(path), sha256: sha256Hex(data), bytes: data.count)
    }
  }

  /// `path` relative to the current folder when it lies inside it (reports are shared; the
  /// machine's absolute paths mean nothing to their readers), else unchanged.
  public static func displayPath(_ path: String) -> String {
    let here = FileManager.default.currentDirectoryPath
    let prefix = here.hasSuffix("/") ? here : here + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// Lower-case hex SHA-256 of `data` (FIPS 180-4, through swift-crypto).
  public static func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }

  /// The current time as ISO 8601 UTC, seconds precision.
  public static func now() -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date())
  }
}

/// Why provenance could not be recorded.
public enum ProvenanceError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String)
  public var description: String {
    switch self {
    case .unreadable(let p): "\(p): cannot be read to compute its checksum"
    }
  }
}
