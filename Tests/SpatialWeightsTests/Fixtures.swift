// Fixture loading for the weights tests: reference JSON written by
// Tests/Fixtures/reference/spatial_references.py (libpysal 4.14.1, esda 2.9.0) and GeoJSON
// polygons read with JSONSerialization (the GDAL reader lives elsewhere).

import Foundation
import WijkCore

enum Fixtures {
  /// `Tests/Fixtures`, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static func json(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: root.appendingPathComponent(path))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
  }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// The reference JSON of a data set (`columbus`, `stl_hom`, `sids2`, `small`).
  static func reference(_ name: String) throws -> [String: Any] {
    try json("reference/spatial_\(name).json")
  }

  /// weights_references.json, written by weights_references.py (libpysal 4.14.1, shapely,
  /// esda 2.9.0): strict contiguity of the data sets and the values of cases 24 and 29.
  static func weightsReference() throws -> [String: Any] {
    try json("reference/weights_references.json")
  }

  /// The text property `field` of every feature of a GeoJSON file, in file order.
  static func codes(_ path: String, field: String = "wijkcode") throws -> [String] {
    let features = try json(path)["features"] as! [[String: Any]]
    return features.map { ($0["properties"] as! [String: Any])[field] as! String }
  }

  /// Polygon and multipolygon features of a GeoJSON file, in file order.
  static func geometries(_ path: String) throws -> [Geometry] {
    let features = try json(path)["features"] as! [[String: Any]]
    return features.map { feature in
      let g = feature["geometry"] as! [String: Any]
      switch g["type"] as! String {
      case "Polygon": return .polygon(polygon(g["coordinates"] as! [[[Double]]]))
      case "MultiPolygon":
        return .multiPolygon((g["coordinates"] as! [[[[Double]]]]).map(polygon))
      default: fatalError("unexpected geometry type in \(path)")
      }
    }
  }

  private static func polygon(_ rings: [[[Double]]]) -> Polygon {
    let r = rings.map { Ring($0.map { Coordinate(x: $0[0], y: $0[1]) }) }
    return Polygon(exterior: r[0], holes: Array(r.dropFirst()))
  }
}

/// |a − b| ≤ 1e-9 · max(|a|, |b|), with an absolute floor of 1e-12 for values at 0.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
  abs(a - b) <= relative * max(abs(a), abs(b)) || abs(a - b) <= 1e-12
}
