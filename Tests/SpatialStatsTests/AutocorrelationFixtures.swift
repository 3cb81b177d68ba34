// Fixture loading for the autocorrelation tests: reference JSON written by
// Tests/Fixtures/reference/spatial_references.py (libpysal 4.14.1, esda 2.9.0).

import Foundation
import SpatialWeights

enum AutocorrelationFixtures {
  /// `Tests/AutocorrelationFixtures`, found from this file's path.
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

  /// Polygon and multipolygon features of a GeoJSON file, in file order.

}

/// |a − b| ≤ 1e-9 · max(|a|, |b|), with an absolute floor of 1e-12 for values at 0.
func closeRelative(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
  abs(a - b) <= relative * max(abs(a), abs(b)) || abs(a - b) <= 1e-12
}

extension AutocorrelationFixtures {
  /// Weights from reference neighbour lists (binary, ids "0"..."n-1").
  static func weights(_ lists: [[Int]]) throws -> SpatialWeights {
    try SpatialWeights(ids: lists.indices.map(String.init), neighbours: lists)
  }
}

/// Collects every mismatch against a reference so that one failure shows them all.
struct ReferenceComparison {
  var mismatches: [String] = []

  mutating func value(_ label: String, _ got: Double, _ expected: Any?) {
    guard let e = expected as? Double else {
      // the reference has null where esda gives NaN
      if !got.isNaN { mismatches.append("\(label): got \(got), expected NaN") }
      return
    }
    if !closeRelative(got, e) { mismatches.append("\(label): got \(got), expected \(e)") }
  }

  mutating func array(_ label: String, _ got: [Double], _ expected: Any?) {
    let e = expected as! [Any]
    guard got.count == e.count else {
      mismatches.append("\(label): got \(got.count) values, expected \(e.count)")
      return
    }
    for k in got.indices { value("\(label)[\(k)]", got[k], e[k] is NSNull ? nil : e[k]) }
  }
}
