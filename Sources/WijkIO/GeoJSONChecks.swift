import Foundation
import WijkCore

/// Looks at a GeoJSON file's top-level members, which OGR does not report.
enum GeoJSONMembers {
  /// Whether the top-level object has a `crs` member (the 2008 GeoJSON spec's, which GDAL
  /// still writes). Unreadable JSON counts as "no" (OGR has already parsed it by then).
  static func hasCRSMember(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: path),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return false }
    return object["crs"] != nil
  }
}

/// Checks that coordinates can be longitude/latitude degrees.
enum DegreeCheck {
  /// - Throws: ``IOError/coordinatesNotDegrees(path:feature:coordinate:)`` for the first
  ///   feature with |x| > 180 or |y| > 90.
  static func check(_ features: [Feature], path: String) throws(IOError) {
    for f in features {
      guard let g = f.geometry else { continue }
      if let c = g.allCoordinates.first(where: { abs($0.x) > 180 || abs($0.y) > 90 }) {
        throw .coordinatesNotDegrees(path: path, feature: f.index, coordinate: c)
      }
    }
  }
}
