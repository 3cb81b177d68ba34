// Checks shared by every map: each ward has a finite polygonal geometry.

import WijkCore

enum WardValidation {
  /// - Throws: ``CartographyError/missingGeometry(index:ward:)``,
  ///   ``CartographyError/nonPolygonalWard(index:ward:geometryType:)``,
  ///   ``CartographyError/nonFiniteValue(ward:what:)``, ``CartographyError/nothingToDraw``,
  ///   ``CartographyError/unknownWard(id:)`` for a highlighted id that is not a ward.
  static func check(_ wards: [MapWard], options: MapOptions) throws {
    guard !wards.isEmpty else { throw CartographyError.nothingToDraw }
    for (i, w) in wards.enumerated() {
      guard w.geometry.isPolygonal, !w.geometry.polygons.isEmpty else {
        throw CartographyError.nonPolygonalWard(
          index: i, ward: w.id, geometryType: w.geometry.typeName)
      }
      let finite = w.geometry.allCoordinates.allSatisfy { $0.x.isFinite && $0.y.isFinite }
      guard finite else { throw CartographyError.nonFiniteValue(ward: w.id, what: "coordinate") }
      if let a = w.labelAnchor, !(a.x.isFinite && a.y.isFinite) {
        throw CartographyError.nonFiniteValue(ward: w.id, what: "label anchor")
      }
    }
    let ids = Set(wards.map(\.id))
    for id in options.highlightedWardIDs where !ids.contains(id) {
      throw CartographyError.unknownWard(id: id)
    }
  }

  /// Legend rows for overlays that have a legend label.
  static func overlayLegend(_ options: MapOptions) -> [LegendEntry] {
    options.overlays.enumerated().compactMap { i, o in
      o.legendLabel.map {
        LegendEntry(
          kind: "overlay", key: String(i), label: $0, count: nil, fill: nil,
          overlay: o.style)
      }
    }
  }
}
