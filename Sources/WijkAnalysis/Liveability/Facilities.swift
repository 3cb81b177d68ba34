import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// One facility (school, shop, park, public-transport stop…) as a point in the wards' CRS.
public struct Facility: Sendable, Equatable, Codable {
  /// The facility's id (`id` column), as a programme's `facilities.removed` names it; when the
  /// cell is empty, the 0-based feature index (layer) or the line number (CSV).
  public var id: String
  /// The kind (`kind` column, e.g. `school`), matched exactly against a rule's `facility`.
  public var kind: String
  /// The display name (`name` column); the id when there is no name.
  public var name: String
  /// Easting and northing in the wards' CRS (metres).
  public var x: Double
  /// Northing in the wards' CRS (metres).
  public var y: Double

  /// A facility at `location`, which must already be in the wards' CRS (not checked).
  public init(id: String, kind: String, name: String, location: Coordinate) {
    (self.id, self.kind, self.name, self.x, self.y) = (id, kind, name, location.x, location.y)
  }

  /// ``x`` and ``y`` as a coordinate in the wards' CRS.
  public var location: Coordinate { Coordinate(x: x, y: y) }
}

/// The distance from the site to the nearest facility of one kind.
public struct FacilityDistance: Sendable, Equatable, Codable {
  /// The facility kind measured.
  public var kind: String
  /// Metres from the site (0 inside a polygon site); `nil` when there is none of the kind.
  public var metres: Double?
  /// The nearest facility's id and name; "on the site" for one the programme adds.
  public var nearestID: String?
  /// The nearest facility's name, or the name the programme gives an added one; `nil` when there
  /// is none of the kind.
  public var nearestName: String?
}

/// Reads a facilities layer: a point layer (GeoJSON, GeoPackage, Shapefile) or a table (CSV,
/// workbook, DBF: ``TableSource``) with
/// columns `id`, `kind`, `name` and coordinates by header name (`x`/`y` in `assumeCRS`, or
/// `lat`/`lon` in WGS84). Points are brought into the wards' CRS.
public enum FacilitiesReader {
  /// - Throws: `IOError`; ``LiveabilityError/facilitiesColumnMissing(source:column:available:)``;
  ///   ``LiveabilityError/facilityWithoutLocation(source:row:id:)``; the point errors of
  ///   ``SiteReader/point(_:crs:source:row:into:)`` (a swapped or far-away facility).
  public static func read(
    _ path: String, assumeCRS: CRSDefinition = .epsg(31370), into target: CRSDefinition
  ) throws -> [Facility] {
    if TableSource.isTableFile(path) { return try csv(path, assumeCRS, target) }
    let layer = try LayerReader.read(path: path, assumeCRS: assumeCRS).layer
    let names = layer.fields.map(\.name)
    func field(_ n: String) throws -> Int {
      guard let i = layer.fieldIndex(n) else {
        throw LiveabilityError.facilitiesColumnMissing(source: path, column: n, available: names)
      }
      return i
    }
    let (id, kind) = (try field("id"), try field("kind"))
    let name = layer.fieldIndex("name")
    return try layer.features.map { f in
      let fid = f.values[id].text ?? String(f.index)
      guard case .point(let c)? = f.geometry else {
        throw LiveabilityError.facilityWithoutLocation(source: path, row: f.index, id: fid)
      }
      let p = try SiteReader.point(
        c, crs: layer.crs ?? assumeCRS, source: path, row: f.index, into: target)
      return Facility(
        id: fid, kind: f.values[kind].text ?? "", name: name.flatMap { f.values[$0].text } ?? fid,
        location: p.geometry.allCoordinates[0])
    }
  }

  static func csv(_ path: String, _ crs: CRSDefinition, _ target: CRSDefinition) throws
    -> [Facility]
  {
    let table = try TableReader.read(
      path: path,
      options: CSVOptions(textColumns: ["id"], numericColumns: SiteReader.coordinateNames)
    ).table
    func column(_ names: [String]) -> Int? {
      table.columns.firstIndex { names.contains($0.lowercased()) }
    }
    guard let id = column(["id"]) else {
      throw LiveabilityError.facilitiesColumnMissing(
        source: path, column: "id", available: table.columns)
    }
    guard let kind = column(["kind"]) else {
      throw LiveabilityError.facilitiesColumnMissing(
        source: path, column: "kind", available: table.columns)
    }
    let name = column(["name"])
    let lat = column(["lat", "latitude"])
    let lon = column(["lon", "longitude"])
    let x = column(["x"])
    let y = column(["y"])
    guard (lat != nil && lon != nil) || (x != nil && y != nil) else {
      throw LiveabilityError.facilitiesColumnMissing(
        source: path, column: "x and y (or lat and lon)", available: table.columns)
    }
    return try table.rows.enumerated().map { r, row in
      let line = table.lineNumbers[r]
      let fid = row[id].text ?? String(line)
      let point: Site
      if let lat, let lon, let la = row[lat].number, let lo = row[lon].number {
        point = try SiteReader.point(
          Coordinate(x: lo, y: la), crs: .epsg(4326), source: path, row: line, into: target)
      } else if let x, let y, let px = row[x].number, let py = row[y].number {
        point = try SiteReader.point(
          Coordinate(x: px, y: py), crs: crs, source: path, row: line, into: target)
      } else {
        throw LiveabilityError.facilityWithoutLocation(source: path, row: line, id: fid)
      }
      return Facility(
        id: fid, kind: row[kind].text ?? "", name: name.flatMap { row[$0].text } ?? fid,
        location: point.geometry.allCoordinates[0])
    }
  }
}

/// Distances from a site to the nearest facility of each kind (GEOS planar distance in the
/// wards' CRS, metres; 0 for a facility on or inside the site).
public enum FacilityDistances {
  /// - Parameters:
  ///   - kinds: the kinds to report (each gets an entry, `nil` metres when none exists).
  ///   - added: facilities the programme builds on the site (distance 0).
  ///   - removed: ids of facilities the programme removes.
  /// - Throws: `EngineError` for a GEOS failure.
  public static func nearest(
    site: Site, facilities: [Facility], kinds: [String], added: [AddedFacility] = [],
    removed: Set<String> = []
  ) throws -> [FacilityDistance] {
    let context = GEOSContext()
    let s = try GEOSGeometry(site.geometry, context: context)
    var out: [FacilityDistance] = []
    for kind in kinds {
      if let a = added.first(where: { $0.kind == kind }) {
        out.append(FacilityDistance(kind: kind, metres: 0, nearestID: nil, nearestName: a.name))
        continue
      }
      var best: (Double, Facility)?
      for f in facilities where f.kind == kind && !removed.contains(f.id) {
        let d = try s.distance(to: GEOSGeometry.point(f.location, context: context))
        if best == nil || d < best!.0 { best = (d, f) }
      }
      out.append(
        FacilityDistance(
          kind: kind, metres: best?.0, nearestID: best?.1.id, nearestName: best?.1.name))
    }
    return out
  }
}
