import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// Reads a housing register (a table with position columns, in any format ``TableReader``
/// reads, or a point layer) and puts its positions in the wards' CRS.
///
/// A CSV register's coordinates come from the columns named in ``RegisterPosition``, by
/// header name. WGS84 positions are checked against the area of use of the wards' CRS
/// before they are transformed, because PROJ transforms swapped latitude/longitude without
/// complaint (case 05). Every transformation uses ``Transformer`` (PROJ; x = lon/easting).
public enum RegisterReader {
  /// - Parameters:
  ///   - register: the file and date.
  ///   - layout: the columns (text columns are read as text, so codes keep leading zeros).
  ///   - wardsCRS: the projected CRS the wards are in (positions end up there).
  ///   - missingValues: the markers of a missing value; the coordinate and dwelling columns
  ///     are read by the ``CellPolicy`` (a marker there is a missing coordinate, an error).
  /// - Throws: `IOError` (unreadable file), ``HousingError`` (missing column or coordinate,
  ///   position outside the area of use, a non-point feature), `EngineError` (PROJ).
  public static func read(
    _ register: RegisterFile, layout: RegisterLayout, wardsCRS: CRSDefinition,
    missingValues: MissingValues = .standard
  ) throws -> HousingRegister {
    // A table file (CSV, Statbel text, zipped, workbook, DBF) has position columns; any
    // other source is a point layer.
    if TableSource.isTableFile(register.file) {
      return try readCSV(register, layout: layout, wardsCRS: wardsCRS, missingValues: missingValues)
    }
    return try readLayer(register, wardsCRS: wardsCRS)
  }

  /// The columns that must stay text: codes and flags.
  static func textColumns(_ layout: RegisterLayout) -> Set<String> {
    var out = Set(layout.categories.values.map(\.column) + layout.flags.values.map(\.column))
    if let id = layout.id { out.insert(id) }
    return out
  }

  static func readCSV(
    _ register: RegisterFile, layout: RegisterLayout, wardsCRS: CRSDefinition,
    missingValues: MissingValues
  ) throws -> HousingRegister {
    guard let position = layout.position else {
      throw HousingError.missingPosition(file: register.file)
    }
    let (xName, yName, crs): (String, String, CRSDefinition) =
      switch position {
      case .projected(let x, let y, let crs): (x, y, CRSDefinition(authorityCode: crs))
      case .geographic(let lon, let lat): (lon, lat, .epsg(4326))
      }
    let numeric = Set([xName, yName] + (layout.dwellings.map { [$0] } ?? []))
    let reading = try TableReader.read(
      register.part.source(register.file),
      options: CSVOptions(
        textColumns: textColumns(layout), numericColumns: numeric.subtracting(textColumns(layout)),
        missingValues: missingValues))
    let table = reading.table
    let xs = try numbers(table, xName, file: register.file)
    let ys = try numbers(table, yName, file: register.file)
    var points = zip(xs, ys).map { Coordinate(x: $0, y: $1) }
    var transformation: String?
    if !same(crs, wardsCRS) {
      let transformer = try Transformer(from: crs, to: wardsCRS)
      if case .geographic = position {
        try checkAreaOfUse(points, table: table, file: register.file, target: transformer.target)
      }
      points = try points.map { try transformer.transform($0) }
      transformation =
        "transformed from \(crs) to \(wardsCRS)"
        + (transformer.operationName.map { " (\($0))" } ?? "")
    }
    return HousingRegister(
      file: register.file, date: register.date, positions: points, table: table,
      transformation: transformation, warnings: reading.report.warnings.map(\.description))
  }

  /// Whether two declarations name the same CRS: the same EPSG code when both have one,
  /// else the same text (then no transformation is needed).
  static func same(_ a: CRSDefinition, _ b: CRSDefinition) -> Bool {
    if let x = a.epsgCode, let y = b.epsgCode { return x == y }
    return a.authorityCode == b.authorityCode && a.wkt == b.wkt
  }

  /// A numeric column, every cell present.
  static func numbers(_ table: Table, _ name: String, file: String) throws(HousingError) -> [Double]
  {
    guard let column = table.column(name) else {
      throw .unknownColumn(file: file, column: name, available: table.columns)
    }
    var out: [Double] = []
    out.reserveCapacity(column.count)
    for (i, v) in column.enumerated() {
      guard let x = v.number, x.isFinite else {
        throw .missingCoordinate(file: file, line: table.lineNumbers[i], column: name)
      }
      out.append(x)
    }
    return out
  }

  /// Stops at the first longitude/latitude outside the target CRS's area of use (degrees).
  static func checkAreaOfUse(
    _ points: [Coordinate], table: Table, file: String, target: CoordinateReferenceSystem
  ) throws(HousingError) {
    guard let area = target.areaOfUse else { return }
    for (i, p) in points.enumerated()
    where p.x < area.minX || p.x > area.maxX || p.y < area.minY || p.y > area.maxY {
      throw .outsideAreaOfUse(
        file: file, line: table.lineNumbers[i], longitude: p.x, latitude: p.y,
        crs: target.definition.description)
    }
  }

  /// A point layer: its features' points, transformed to the wards' CRS when needed; its
  /// attributes become the table ("line" = feature number, first = 1).
  static func readLayer(_ register: RegisterFile, wardsCRS: CRSDefinition) throws -> HousingRegister
  {
    let reading = try LayerReader.read(path: register.file, layer: register.layer)
    var layer = reading.layer
    var transformation: String?
    if let crs = layer.crs, !same(crs, wardsCRS) {
      let transformer = try Transformer(from: crs, to: wardsCRS)
      layer = try transformer.transform(layer)
      transformation =
        "transformed from \(crs) to \(wardsCRS)"
        + (transformer.operationName.map { " (\($0))" } ?? "")
    }
    var points: [Coordinate] = []
    for f in layer.features {
      guard case .point(let p) = f.geometry else {
        throw HousingError.notAPoint(
          file: register.file, feature: f.index, type: f.geometry?.typeName ?? "none")
      }
      points.append(p)
    }
    let table = Table(
      source: register.file, columns: layer.fields.map(\.name),
      rows: layer.features.map(\.values), lineNumbers: layer.features.map { $0.index + 1 })
    return HousingRegister(
      file: register.file, date: register.date, positions: points, table: table,
      transformation: transformation, warnings: reading.report.warnings.map(\.description))
  }
}
