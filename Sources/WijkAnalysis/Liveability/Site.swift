import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// A project site in the ward table's projected CRS: a polygon (or multipolygon), or a
/// point when only a location is known.
public struct Site: Sendable, Equatable {
  /// Where it came from: a file path, or `--site-point`.
  public var source: String
  /// The site in the wards' CRS (metres).
  public var geometry: Geometry
  /// What was done to get there (e.g. the transformation used).
  public var notes: [String]

  /// A site as given: `geometry` must already be in the wards' CRS (``SiteReader`` transforms and
  /// checks; this does not).
  public init(source: String, geometry: Geometry, notes: [String] = []) {
    self.source = source
    self.geometry = geometry
    self.notes = notes
  }

  /// Whether the site is a point (no area).
  public var isPoint: Bool { if case .point = geometry { true } else { false } }
}

/// Reads a site from a file or a point, checks it and brings it into the wards' CRS.
///
/// A WGS84 point is checked against the area of use of the target CRS before it is
/// transformed, because PROJ transforms swapped latitude/longitude without complaint
/// (case 05): outside the area but inside once swapped → "latitude and longitude look
/// swapped"; outside either way → "outside the area of use".
public enum SiteReader {
  /// A point site.
  ///
  /// - Parameters:
  ///   - coordinate: x = easting or longitude, y = northing or latitude (in `crs`).
  ///   - crs: the point's CRS (e.g. `EPSG:4326`, `EPSG:31370`).
  ///   - source: what to name in messages (`--site-point`, or the file).
  ///   - row: the file row, for messages.
  ///   - target: the wards' CRS.
  /// - Throws: ``LiveabilityError/latitudeLongitudeSwapped(source:row:latitude:longitude:)``,
  ///   ``LiveabilityError/outsideAreaOfUse(source:row:latitude:longitude:crs:)``,
  ///   `EngineError` for an unknown CRS.
  public static func point(
    _ coordinate: Coordinate, crs: CRSDefinition, source: String, row: Int? = nil,
    into target: CRSDefinition
  ) throws -> Site {
    let g = try transformChecked(
      .point(coordinate), crs: crs, source: source, row: row, into: target)
    return Site(source: source, geometry: g.geometry, notes: g.notes)
  }

  /// A site from a file: a polygon layer (GeoJSON, GeoPackage, Shapefile; every polygon
  /// feature together is the site), or a table (CSV, workbook, DBF: ``TableSource``) with
  /// one row and coordinate columns chosen by header name (`lat`/`lon`,
  /// `latitude`/`longitude` → WGS84; `x`/`y` → `assumeCRS`).
  ///
  /// - Throws: `IOError` reading the file; ``LiveabilityError/noSiteGeometry(source:found:)``,
  ///   ``LiveabilityError/invalidSitePolygon(source:feature:reason:)``,
  ///   ``LiveabilityError/siteCRSUnknown(source:)``,
  ///   ``LiveabilityError/noCoordinateColumns(source:columns:)``,
  ///   ``LiveabilityError/oneSiteExpected(source:rows:)`` and the errors of
  ///   ``point(_:crs:source:row:into:)``.
  public static func file(
    _ path: String, assumeCRS: CRSDefinition? = nil, into target: CRSDefinition
  ) throws -> Site {
    if TableSource.isTableFile(path) { return try csvPoint(path, assumeCRS, target) }
    let layer = try LayerReader.read(path: path, assumeCRS: assumeCRS).layer
    guard let crs = layer.crs else { throw LiveabilityError.siteCRSUnknown(source: path) }
    let context = GEOSContext()
    var polygons: [Polygon] = []
    var points: [Coordinate] = []
    for f in layer.features {
      guard let g = f.geometry else { continue }
      if g.isPolygonal {
        let geos = try GEOSGeometry(g, context: context)
        if let problem = try geos.validityProblem {
          throw LiveabilityError.invalidSitePolygon(
            source: path, feature: f.index, reason: problem.description)
        }
        polygons += g.polygons
      } else if case .point(let c) = g {
        points.append(c)
      }
    }
    let geometry: Geometry
    if !polygons.isEmpty {
      geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons)
    } else if points.count == 1 {
      geometry = .point(points[0])
    } else {
      let found = layer.features.compactMap { $0.geometry?.typeName }
      throw LiveabilityError.noSiteGeometry(
        source: path,
        found: found.isEmpty ? "no geometry" : Set(found).sorted().joined(separator: ", "))
    }
    let g = try transformChecked(geometry, crs: crs, source: path, row: nil, into: target)
    return Site(source: path, geometry: g.geometry, notes: g.notes)
  }

  /// The coordinate columns a site or facilities file may have: read numeric by the
  /// ``CellPolicy``, so a cell that is not a number is an error naming it.
  static let coordinateNames: Set<String> = [
    "lat", "latitude", "lon", "lng", "longitude", "x", "easting", "y", "northing",
  ]

  /// One CSV row with coordinate columns chosen by name, never by position.
  static func csvPoint(
    _ path: String, _ assumeCRS: CRSDefinition?, _ target: CRSDefinition
  ) throws -> Site {
    let table = try TableReader.read(
      path: path, options: CSVOptions(numericColumns: coordinateNames))
      .table
    guard table.rows.count == 1 else {
      throw LiveabilityError.oneSiteExpected(source: path, rows: table.rows.count)
    }
    func column(_ names: [String]) -> Int? {
      table.columns.firstIndex { names.contains($0.lowercased()) }
    }
    let row = table.rows[0]
    let line = table.lineNumbers.first ?? 2
    if let lat = column(["lat", "latitude"]), let lon = column(["lon", "lng", "longitude"]),
      let y = row[lat].number, let x = row[lon].number
    {
      return try point(
        Coordinate(x: x, y: y), crs: .epsg(4326), source: path, row: line, into: target)
    }
    if let xi = column(["x", "easting"]), let yi = column(["y", "northing"]),
      let x = row[xi].number, let y = row[yi].number
    {
      guard let crs = assumeCRS else { throw LiveabilityError.siteCRSUnknown(source: path) }
      return try point(Coordinate(x: x, y: y), crs: crs, source: path, row: line, into: target)
    }
    throw LiveabilityError.noCoordinateColumns(source: path, columns: table.columns)
  }

  /// Transforms `geometry` from `crs` to `target`, checking geographic input against the
  /// target's area of use first.
  static func transformChecked(
    _ geometry: Geometry, crs: CRSDefinition, source: String, row: Int?,
    into target: CRSDefinition
  ) throws -> (geometry: Geometry, notes: [String]) {
    let context = PROJContext()
    let from = try CoordinateReferenceSystem(crs, context: context)
    let to = try CoordinateReferenceSystem(target, context: context)
    if from.isEquivalent(to: to) { return (geometry, []) }
    if from.isGeographic, let area = to.areaOfUse, let e = geometry.envelope {
      let inside = { (x: Double, y: Double) in area.contains(Coordinate(x: x, y: y)) }
      if !(inside(e.minX, e.minY) && inside(e.maxX, e.maxY)) {
        let c = Coordinate(x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2)
        if inside(c.y, c.x) {
          throw LiveabilityError.latitudeLongitudeSwapped(
            source: source, row: row, latitude: c.y, longitude: c.x)
        }
        throw LiveabilityError.outsideAreaOfUse(
          source: source, row: row, latitude: c.y, longitude: c.x, crs: to.name)
      }
    }
    let transformer = try Transformer(from: from, to: to)
    let out = try transformer.transform(geometry)
    let how = transformer.operationName.map { " (\($0))" } ?? ""
    return (out, ["The site was transformed from \(crs) to \(target)\(how)."])
  }
}
