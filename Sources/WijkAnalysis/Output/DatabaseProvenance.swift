import Crypto
import Foundation
import WijkCore
import WijkIO

extension Provenance {
  /// The provenance record of a layer read from a database: the connection without its
  /// password (``DataSourceName/redacted(_:)``), the table or `sql:` query, the number of
  /// rows, and ``rowsChecksum(_:)`` of the rows as read (a database has no file to hash).
  public static func input(database connection: String, layer: String, rows: Layer)
    -> InputFile
  {
    let (sha256, bytes) = rowsChecksum(rows)
    return InputFile(
      path: DataSourceName.redacted(connection), sha256: sha256, bytes: bytes, layer: layer,
      rows: rows.features.count)
  }

  /// The provenance record of a table read from a database (an indicator table or lookup
  /// given as `PG:…` with its table or `sql:` query): as for a layer, the rows as read
  /// (each column typed integer, real or text from its cells) through ``rowsChecksum(_:)``.
  public static func input(database connection: String, layer: String, table: Table)
    -> InputFile
  {
    let fields = table.columns.indices.map { c -> Field in
      let cells = table.rows.map { $0[c] }
      let type: FieldType =
        cells.contains { if case .text = $0 { true } else { false } }
        ? .text : cells.contains { if case .real = $0 { true } else { false } } ? .real : .integer
      return Field(name: table.columns[c], type: type)
    }
    let rows = table.rows.enumerated().map { Feature(index: $0, geometry: nil, values: $1) }
    return input(
      database: connection, layer: layer,
      rows: Layer(name: layer, source: table.source, crs: nil, fields: fields, features: rows))
  }

  /// A SHA-256 of a layer's rows that does not depend on their order (a table read without
  /// `ORDER BY` may come back in any order): each row is serialised (its geometry as ISO WKB,
  /// little-endian, then each value: a type byte and the integer or IEEE 754 bits
  /// little-endian, or the UTF-8 text with its length), the rows' SHA-256 digests are sorted,
  /// and the hash is taken over the field names and types and the sorted digests.
  /// - Returns: the lower-case hex digest and the number of row bytes hashed.
  public static func rowsChecksum(_ layer: Layer) -> (sha256: String, bytes: Int) {
    var bytes = 0
    let digests = layer.features.map { feature -> Data in
      let row = serialised(feature)
      bytes += row.count
      return Data(SHA256.hash(data: row))
    }.sorted { $0.lexicographicallyPrecedes($1) }
    var all = Data()
    for f in layer.fields {
      all += text(f.name)
      all.append(f.type == .text ? 3 : f.type == .real ? 2 : 1)
    }
    for d in digests { all += d }
    return (sha256Hex(all), bytes)
  }

  private static func serialised(_ feature: Feature) -> Data {
    var row = Data()
    let wkb = feature.geometry.map(WKB.encode) ?? []
    row += little(UInt64(wkb.count)) + wkb
    for value in feature.values {
      switch value {
      case .missing: row.append(0)
      case .integer(let v):
        row.append(1)
        row += little(UInt64(bitPattern: v))
      case .real(let v):
        row.append(2)
        row += little(v.bitPattern)
      case .text(let s):
        row.append(3)
        row += text(s)
      }
    }
    return row
  }

  private static func little(_ v: UInt64) -> Data {
    withUnsafeBytes(of: v.littleEndian) { Data($0) }
  }

  private static func text(_ s: String) -> Data {
    let utf8 = Data(s.utf8)
    return little(UInt64(utf8.count)) + utf8
  }
}
