import WijkCore
import WijkIO

/// The points of `wijk join --points`: their coordinates, the columns to sum, and each
/// point's line in the file, however the file was read. A plain CSV without an id column is
/// read by ``CSVColumns`` (one array per column: about 60 bytes a point at the peak instead of
/// about 350 for a table of typed cells); anything else through ``TableReader``, as before.
struct PointFile {
  /// The file, as in messages.
  var source: String
  /// x and y of every point, in file order.
  var points: [Coordinate]
  /// Per summed column, one value per point; NaN where missing.
  var sums: [[Double]]
  /// Per summed column, the points without a value.
  var sumMissing: [Int]
  /// The physical line of each point.
  var lines: [Int32]
  /// The id column's text per point, when one was given.
  var ids: [String]?

  /// The name of point `k` in messages: its id, else "line N".
  func label(_ k: Int) -> String { ids?[k] ?? "line \(lines[k])" }

  /// The values of summed column `k`, `nil` where missing, without copying them.
  func sum(_ k: Int) -> LazyMapSequence<[Double], Double?> {
    sums[k].lazy.map { $0.isNaN ? nil : $0 }
  }

  /// Reads the file with x, y and the summed columns numeric.
  /// - Throws: `IOError` as the readers do; ``JoinError/missingColumn(_:source:)`` and
  ///   ``JoinError/notANumber(source:line:column:value:)`` for a coordinate without a number.
  static func read(
    _ file: String, x: String, y: String, sums: [String], id: String?, _ request: JoinRequest
  ) throws -> PointFile {
    let textColumns: Set<String> = id.map { [$0] } ?? []
    let options = request.csvOptions(
      textColumns: textColumns, numericColumns: Set([x, y] + sums).subtracting(textColumns))
    if id == nil,
      let columns = try CSVColumns.read(
        request.part.source(file), columns: [x, y] + sums, options: options)
    {
      return try PointFile(columns, x: x, y: y)
    }
    let table = try request.readTable(file, options: options).table
    return try PointFile(table, x: x, y: y, sums: sums, id: id)
  }

  /// From the columns read: the first point (in file order) without a number for x or y
  /// stops, naming its line.
  init(_ c: CSVColumns, x: String, y: String) throws {
    let bad = [0, 1].compactMap { k in c.missing[k].keys.min().map { (row: $0, column: k) } }
      .min { ($0.row, $0.column) < ($1.row, $1.column) }
    if let bad {
      throw JoinError.notANumber(
        source: c.source, line: Int(c.lineNumbers[bad.row]),
        column: bad.column == 0 ? x : y, value: c.missing[bad.column][bad.row]!)
    }
    source = c.source
    points = zip(c.values[0], c.values[1]).map { Coordinate(x: $0, y: $1) }
    sums = Array(c.values.dropFirst(2))
    sumMissing = c.missing.dropFirst(2).map(\.count)
    lines = c.lineNumbers
  }

  /// From a table (any format ``TableReader`` reads).
  init(_ table: Table, x: String, y: String, sums names: [String], id: String?) throws {
    source = table.source
    points = try JoinCommand.coordinates(table, x: x, y: y)
    lines = table.lineNumbers.map { Int32($0) }
    sums = try names.map { column in
      guard let c = table.columnIndex(column) else {
        throw JoinError.missingColumn(column, source: table.source)
      }
      return table.rows.map { $0[c].number ?? .nan }
    }
    sumMissing = sums.map { $0.filter(\.isNaN).count }
    if let id {
      guard let c = table.columnIndex(id) else {
        throw JoinError.missingColumn(id, source: table.source)
      }
      ids = table.rows.enumerated().map { r, row in
        row[c].text ?? "line \(table.lineNumbers[r])"
      }
    }
  }
}
