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
      let shown = shortList(items, limit: 10)
      return "\(items.count) \(what): \(shown). Nothing was written; use --allow-unmatched "
        + "to write anyway and list them as a warning.\n\(report)"
    }
  }
}

/// The computation behind `wijk join`: the ward layer with the joined columns added, and a
/// report. The ward layer comes through ``WardLayerGate``, as in every command (CRS rules,
/// validity, overlaps, duplicate codes, encoding). Nothing is written here but by
/// ``write(_:to:format:report:)`` (atomic).
public enum JoinCommand {
  /// - Throws: the gate's errors (``WardLayerGate/open(_:options:)``: `IOError`,
  ///   ``AnalysisError`` for an unknown code field, duplicate codes, invalid or overlapping
  ///   wards), `JoinError` (unknown column, duplicate keys, unmatched keys unless allowed, a
  ///   cell that is not a number), `PointJoinError`, `EngineError` (CRS, intersections),
  ///   ``CommandInputError`` (an option that cannot be honoured), ``JoinCommandError``
  ///   (points outside, unless allowed).
  public static func run(_ request: JoinRequest) throws -> (layer: Layer, report: JoinCommandReport)
  {
    request.clock?.enter("read")
    var options = request.wardOptions
    if options.encoding == nil { options.encoding = request.encoding }
    let wards = try WardLayerGate.open(
      WardLayerRequest(
        file: request.wards, layer: request.layer, codes: .field(request.code),
        requiresCRS: false),
      options: options)
    var layer = wards.layer
    let codes = wards.codes
    var added: [(name: String, values: [AttributeValue])] = []
    var report = JoinCommandReport(
      kind: "", wards: codes.count, matched: 0, unmatchedWards: [], unmatched: [], onBoundary: [],
      outside: [], repaired: wards.report.repaired, columns: [],
      notes: wards.report.sentences)
    switch request.source {
    case .table(let file, let key, let pad):
      added = try tableJoin(file: file, key: key, pad: pad, layer: layer, request, &report)
    case .sectors(let file, let key, let lookup, let ls, let lw, let filter, let ratios):
      added = try sectorJoin(
        file: file, key: key, lookup: lookup, lookupSector: ls, lookupWard: lw, filter: filter,
        ratios: ratios, layer: layer, request, &report)
    case .points(let file, let x, let y, let crs, let boundary, let id, let sums):
      added = try pointJoin(
        file: file, x: x, y: y, crs: crs, boundary: boundary, id: id, sums: sums, layer: layer,
        codes: codes, request, &report)
    case .areal(let file, let sourceLayer, let extensive, let intensive, let ratios, let id):
      added = try arealJoin(
        ArealRequest(
          file: file, layer: sourceLayer, id: id, extensive: extensive, intensive: intensive,
          ratios: ratios),
        wards: layer, codes: codes, options: options, &report)
    }
    request.clock?.enter("prepare")
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

  /// Writes the joined wards atomically and says in `report` what was written: GeoJSON is
  /// WGS84 longitude/latitude (RFC 7946) unless `format` is
  /// `LayerWriter.Format.geoJSONInLayerCRS`.
  ///
  /// - Throws: `IOError` from ``LayerWriter`` (e.g. ``IOError/geoJSONNeedsCRS(path:)`` for a
  ///   layer without a CRS); the target is unchanged after any error.
  public static func write(
    _ layer: Layer, to path: String, format: LayerWriter.Format, report: inout JoinCommandReport
  ) throws {
    try LayerWriter.write(layer, to: path, format: format)
    let crs = layer.crs?.description ?? "no CRS"
    report.output =
      switch format {
      case .geoJSON:
        "wrote \(path): GeoJSON in WGS84 longitude/latitude (RFC 7946), transformed from the "
          + "wards' \(crs); --geojson-crs source keeps \(crs)"
      case .geoJSONInLayerCRS:
        "wrote \(path): GeoJSON in the wards' \(crs), named in its crs member"
      case .geoPackage: "wrote \(path): GeoPackage in the wards' \(crs)"
      case .csv: "wrote \(path): the attribute table (CSV, no geometry)"
      case .xlsx: "wrote \(path): the attribute table (spreadsheet, no geometry)"
      }
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
  public static func addedColumns(_ layer: Layer, code: String, report: JoinCommandReport) -> Table
  {
    let names = [code] + report.columns.filter { layer.fieldIndex($0) != nil }
    let indices = names.compactMap(layer.fieldIndex)
    return Table(
      source: layer.source, columns: indices.map { layer.fields[$0].name },
      rows: layer.features.map { f in indices.map { f.values[$0] } },
      lineNumbers: layer.features.indices.map { $0 + 2 })
  }
}
