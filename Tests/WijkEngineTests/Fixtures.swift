import Foundation
import WijkCore

/// Paths of the shared fixtures, relative to this file (`Tests/WijkEngineTests/`).
enum Fixtures {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let root = tests.deletingLastPathComponent()

  static func caseFile(_ name: String, _ file: String) -> URL {
    tests.appendingPathComponent("Fixtures/cases/\(name)/\(file)")
  }
  static func engine(_ file: String) -> URL {
    tests.appendingPathComponent("Fixtures/engine/\(file)")
  }
  static func geoData(_ file: String) -> URL {
    root.appendingPathComponent("GeoData/\(file)")
  }
}

/// A small GeoJSON reader for the tests only (the real one, over GDAL, is WijkIO's): reads
/// Point, Polygon and MultiPolygon features with their text properties and an EPSG `crs` member,
/// with Foundation's JSONSerialization.
enum TestGeoJSON {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func layer(_ url: URL) throws -> Layer {
    let data = try Data(contentsOf: url)
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let features = root["features"] as? [[String: Any]]
    else { throw Failure(description: "\(url.lastPathComponent): not a FeatureCollection") }
    var names: [String] = []
    var rows: [[String: String]] = []
    var geometries: [Geometry?] = []
    for feature in features {
      let properties = feature["properties"] as? [String: Any] ?? [:]
      var row: [String: String] = [:]
      for (key, value) in properties {
        if !names.contains(key) { names.append(key) }
        row[key] = "\(value)"
      }
      rows.append(row)
      geometries.append(try (feature["geometry"] as? [String: Any]).map(geometry))
    }
    names.sort()
    let built = rows.enumerated().map { i, row in
      Feature(
        index: i, geometry: geometries[i],
        values: names.map { row[$0].map(AttributeValue.text) ?? .missing })
    }
    return Layer(
      name: url.deletingPathExtension().lastPathComponent, source: url.path, crs: crs(root),
      fields: names.map { Field(name: $0, type: .text) }, features: built)
  }

  /// `urn:ogc:def:crs:EPSG::31370` → EPSG:31370; RFC 7946 (no member) → EPSG:4326.
  static func crs(_ root: [String: Any]) -> CRSDefinition {
    guard let member = root["crs"] as? [String: Any],
      let properties = member["properties"] as? [String: Any],
      let name = properties["name"] as? String,
      let code = name.split(separator: ":").last.flatMap({ Int($0) })
    else { return .epsg(4326) }
    return .epsg(code)
  }

  static func geometry(_ json: [String: Any]) throws -> Geometry {
    let type = json["type"] as? String
    switch type {
    case "Point":
      guard let c = json["coordinates"] as? [Double] else { throw Failure(description: "point") }
      return .point(Coordinate(x: c[0], y: c[1]))
    case "Polygon":
      return .polygon(try polygon(json["coordinates"]))
    case "MultiPolygon":
      guard let parts = json["coordinates"] as? [Any] else { throw Failure(description: "parts") }
      return .multiPolygon(try parts.map(polygon))
    default:
      throw Failure(description: "unsupported geometry type \(type ?? "nil")")
    }
  }

  static func polygon(_ json: Any?) throws -> Polygon {
    guard let rings = json as? [[[Double]]], !rings.isEmpty else {
      throw Failure(description: "malformed polygon coordinates")
    }
    let made = rings.map { Ring($0.map { Coordinate(x: $0[0], y: $0[1]) }) }
    return Polygon(exterior: made[0], holes: Array(made.dropFirst()))
  }

  /// The value of text field `name` in each feature.
  static func codes(_ layer: Layer, field name: String) -> [String] {
    layer.column(name)?.map { $0.text ?? "" } ?? []
  }
}

/// A comma-separated test file as rows of named cells (no quoting in these fixtures).
func testCSV(_ url: URL) throws -> [[String: String]] {
  let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
  let header = lines[0].split(separator: ",").map(String.init)
  return lines.dropFirst().map { line in
    Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",").map(String.init)))
  }
}
