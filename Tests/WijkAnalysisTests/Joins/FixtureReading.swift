import Foundation
import WijkCore

// Test-only readers: WijkIO (GDAL, CSV) is built elsewhere, so the join tests read their
// fixtures with Foundation's JSON parser and a plain delimiter splitter.

/// `Tests/` (this file is `Tests/WijkAnalysisTests/Joins/FixtureReading.swift`).
let testsDirectory = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture under `Tests/Fixtures/`.
func fixture(_ path: String) -> URL {
  testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(path)
}

/// A file under the package's `GeoData/`.
func geoData(_ name: String) -> URL {
  testsDirectory.deletingLastPathComponent().appendingPathComponent("GeoData")
    .appendingPathComponent(name)
}

enum FixtureError: Error { case malformed(String) }

/// Reads a GeoJSON FeatureCollection of (multi)polygons and points; properties become text
/// fields (numbers keep their JSON text), so codes keep their leading zeros.
func readGeoJSON(_ url: URL) throws -> Layer {
  let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
  guard let root = object as? [String: Any], let features = root["features"] as? [[String: Any]]
  else { throw FixtureError.malformed(url.path) }
  var names: [String] = []
  for f in features {
    for key in ((f["properties"] as? [String: Any]) ?? [:]).keys.sorted()
    where !names.contains(key) { names.append(key) }
  }
  let out = try features.enumerated().map { i, f in
    let props = (f["properties"] as? [String: Any]) ?? [:]
    let values: [AttributeValue] = names.map { n in
      switch props[n] {
      case let s as String: .text(s)
      case let n as NSNumber: .text(n.stringValue)
      default: .missing
      }
    }
    return Feature(index: i, geometry: try geometry(f["geometry"]), values: values)
  }
  return Layer(
    name: url.deletingPathExtension().lastPathComponent, source: url.lastPathComponent,
    crs: nil, fields: names.map { Field(name: $0, type: .text) }, features: out)
}

private func geometry(_ any: Any?) throws -> Geometry? {
  guard let g = any as? [String: Any], let type = g["type"] as? String else { return nil }
  func coordinate(_ a: Any) -> Coordinate {
    let p = a as! [NSNumber]
    return Coordinate(x: p[0].doubleValue, y: p[1].doubleValue)
  }
  func polygon(_ a: Any) -> Polygon {
    let rings = (a as! [[Any]]).map { Ring($0.map(coordinate)) }
    return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
  }
  let c = g["coordinates"]!
  switch type {
  case "Point": return .point(coordinate(c))
  case "Polygon": return .polygon(polygon(c))
  case "MultiPolygon": return .multiPolygon((c as! [Any]).map(polygon))
  default: throw FixtureError.malformed("geometry type \(type)")
  }
}

/// Splits a delimited text file (no quoting) into a table of text cells; empty cells are
/// missing. Line numbers are 1-based with the header on line 1.
func readDelimited(_ url: URL, separator: Character) throws -> Table {
  let text = try String(contentsOf: url, encoding: .utf8)
  // "\r\n" is one Character in Swift, so split on both forms of line end.
  let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    .map(String.init)
  guard let header = lines.first else { throw FixtureError.malformed(url.path) }
  var rows: [[AttributeValue]] = []
  var numbers: [Int] = []
  for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
    rows.append(
      line.split(separator: separator, omittingEmptySubsequences: false).map {
        $0.isEmpty ? .missing : .text(String($0))
      })
    numbers.append(i + 1)
  }
  return Table(
    source: url.lastPathComponent,
    columns: header.split(separator: separator, omittingEmptySubsequences: false).map(String.init),
    rows: rows, lineNumbers: numbers)
}

/// The points of a `;`-separated `id;x;y` file.
func readPoints(_ url: URL) throws -> (ids: [String], points: [Coordinate]) {
  let t = try readDelimited(url, separator: ";")
  let ids = t.rows.map { $0[0].text ?? "" }
  let points = t.rows.map { r in
    Coordinate(x: Double(r[1].text ?? "") ?? .nan, y: Double(r[2].text ?? "") ?? .nan)
  }
  return (ids, points)
}
