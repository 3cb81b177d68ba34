import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// Why `wijk join` stopped after joining (the join itself succeeded).
public enum JoinCommandError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Points outside every ward, or sectors without a ward, without `--allow-unmatched`.
  case unmatched(what: String, items: [String], report: String)

  public var description: String {
    switch self {
    case .unmatched(let what, let items, let report):
      let shown =
        items.prefix(10).joined(separator: ", ")
        + (items.count > 10 ? " and \(items.count - 10) more" : "")
      return "\(items.count) \(what): \(shown). Nothing was written; use --allow-unmatched "
        + "to write anyway and list them as a warning.\n\(report)"
    }
  }
}

/// The computation behind `wijk join`: the ward layer with the joined columns added, and a
/// report. Nothing is written here; the caller writes the layer with `LayerWriter` (atomic).
public enum JoinCommand {
  /// - Throws: `IOError` (unreadable ward layer or table, naming file, line and column),
  ///   `JoinError` (unknown column, duplicate keys, unmatched keys unless allowed, a cell that
  ///   is not a number), `PointJoinError`, `EngineError` (CRS, intersections),
  ///   ``JoinCommandError`` (points outside, unless allowed).
  public static func run(_ request: JoinRequest) throws -> (layer: Layer, report: JoinCommandReport)
  {
    let reading = try LayerReader.read(
      path: request.wards, layer: request.layer, encoding: request.encoding)
    var layer = reading.layer
    guard let codeColumn = layer.column(request.code) else {
      throw JoinError.missingColumn(request.code, source: request.wards)
    }
    let codes = codeColumn.map { $0.text ?? "" }
    var added: [(name: String, values: [AttributeValue])] = []
    var report = JoinCommandReport(
      kind: "", wards: codes.count, matched: 0, unmatchedWards: [], unmatched: [], onBoundary: [],
      outside: [], repaired: [], columns: [], notes: reading.report.warnings.map(\.description))
    switch request.source {
    case .table(let file, let key, let pad):
      added = try tableJoin(file: file, key: key, pad: pad, layer: layer, request, &report)
    case .sectors(let file, let key, let lookup, let ls, let lw, let filter, let ratios):
      added = try sectorJoin(
        file: file, key: key, lookup: lookup, lookupSector: ls, lookupWard: lw, filter: filter,
        ratios: ratios, layer: layer, request, &report)
    case .points(let file, let x, let y, let crs, let boundary, let id):
      added = try pointJoin(
        file: file, x: x, y: y, crs: crs, boundary: boundary, id: id, layer: layer, codes: codes,
        request, &report)
    case .areal(let file, let sourceLayer, let extensive, let intensive):
      added = try arealJoin(
        file: file, layer: sourceLayer, extensive: extensive, intensive: intensive, wards: layer,
        codes: codes, &report)
    }
    for column in added {
      let numeric = column.values.allSatisfy { $0.isMissing || $0.number != nil }
      let name = layer.fieldIndex(column.name) == nil ? column.name : "\(column.name)_joined"
      layer.fields.append(Field(name: name, type: numeric ? .real : .text))
      for f in layer.features.indices {
        let v = column.values[f]
        layer.features[f].values.append(numeric ? (v.number.map(AttributeValue.real) ?? v) : v)
      }
      report.columns.append(name)
    }
    return (layer, report)
  }

  /// The format `wijk join --out` writes, from the extension (`.gpkg`, `.geojson`, `.csv`).
  public static func format(of path: String) throws(CommandInputError) -> LayerWriter.Format {
    try LocalLayerExport.format(of: path)
  }

  /// The rows of `table` whose text in each filter column equals the value.
  ///
  /// - Throws: ``JoinError/missingColumn(_:source:)`` for an unknown filter column.
  static func filtered(_ table: Table, by filter: [String: String]) throws -> Table {
    for key in filter.keys where table.columnIndex(key) == nil {
      throw JoinError.missingColumn(key, source: table.source)
    }
    return IndicatorTableJoiner.filtered(table, by: filter)
  }

  /// Columns whose every present cell is a number, other than `excluded`.
  static func numericColumns(_ table: Table, excluding excluded: Set<String>) -> [String] {
    table.columns.enumerated().filter { c, name in
      !excluded.contains(name)
        && table.rows.allSatisfy { $0[c].isMissing || $0[c].number != nil }
        && table.rows.contains { $0[c].number != nil }
    }.map(\.1)
  }
}

extension JoinCommand {
  /// The ward code and the columns the join added, one row per ward: what `wijk join` prints
  /// when no `--out` is given.
  public static func addedColumns(_ layer: Layer, code: String, report: JoinCommandReport) -> Table {
    let names = [code] + report.columns.filter { layer.fieldIndex($0) != nil }
    let indices = names.compactMap(layer.fieldIndex)
    return Table(
      source: layer.source, columns: indices.map { layer.fields[$0].name },
      rows: layer.features.map { f in indices.map { f.values[$0] } },
      lineNumbers: layer.features.indices.map { $0 + 2 })
  }
}
