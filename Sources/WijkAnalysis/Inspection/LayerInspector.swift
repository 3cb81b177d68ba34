import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// Builds a ``LayerInspection`` by reading a layer with GDAL and checking it with GEOS.
public enum LayerInspector {
  /// Overlaps and gaps of this size (m²) or less are rounding slivers and are not reported.
  public static let sliverSquareMetres = 1.0
  /// Wards closer than this (metres) where they do not touch are reported as slivers: a
  /// digitising gap of centimetres that no gap check sees when it is open at an end, and that
  /// makes exact contiguity miss the two as neighbours.
  public static let sliverTolerance = 1.0

  /// Reads and checks the layer.
  ///
  /// - Parameters:
  ///   - path: a GeoJSON, GeoPackage or Shapefile.
  ///   - layer: the layer to inspect, for files with several.
  ///   - idField: the field that names features in messages; default: the first text field.
  ///   - encoding: the attributes' text encoding, overriding `.cpg` and detection.
  ///   - assumeCRS: the CRS to use when the file declares none.
  ///   - sliverTolerance: in metres, > 0: wards closer than this without touching are slivers.
  /// - Throws: `IOError` when the file cannot be read (missing, no layer chosen, bad
  ///   encoding); `EngineError` when GEOS fails on a check.
  public static func inspect(
    path: String, layer: String? = nil, idField: String? = nil,
    encoding: TextEncoding? = nil, assumeCRS: CRSDefinition? = nil,
    sliverTolerance: Double = sliverTolerance
  ) throws -> LayerInspection {
    let reading = try LayerReader.read(
      path: path, layer: layer, encoding: encoding, assumeCRS: assumeCRS)
    let l = reading.layer
    let labels = labels(of: l, idField: idField)
    var result = LayerInspection(
      file: path, layer: l.name, driver: reading.report.driver, crs: l.crs?.authorityCode,
      crsName: nil, isGeographic: nil, featureCount: l.features.count,
      geometryTypes: geometryTypes(l),
      extent: l.envelope.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] },
      totalSquareKilometres: nil,
      fields: l.fields.map { .init(name: $0.name, type: $0.type.rawValue) },
      invalidFeatures: [], overlaps: [], gaps: [], skipped: [],
      warnings: reading.report.warnings.map(\.description))
    result.sliverTolerance = sliverTolerance
    if let definition = l.crs, let crs = try? CoordinateReferenceSystem(definition) {
      result.crsName = crs.name
      result.isGeographic = crs.isGeographic
      if result.crs == nil, let code = crs.epsgCode { result.crs = "EPSG:\(code)" }
    }
    guard l.features.contains(where: { $0.geometry != nil }) || l.features.isEmpty else {
      result.skipped.append(
        "every check: the layer has no geometry (an attribute table, not a ward layer)")
      return result
    }
    result.invalidFeatures = try GeometryChecks.problems(in: l).map { p in
      .init(
        index: p.featureIndex, label: labels[p.featureIndex], reason: p.problem.reason,
        x: p.problem.location?.x, y: p.problem.location?.y)
    }
    try addAreaChecks(to: &result, layer: l, labels: labels)
    return result
  }

  /// Overlaps, gaps and the total area: only for valid polygons in a projected CRS.
  static func addAreaChecks(
    to result: inout LayerInspection, layer: Layer, labels: [String?]
  ) throws {
    guard result.invalidFeatures.isEmpty else {
      result.skipped.append(
        "overlaps, gaps, slivers and area: \(result.invalidFeatures.count) invalid feature(s) first"
      )
      return
    }
    guard layer.crs != nil, result.isGeographic == false else {
      result.skipped.append(
        layer.crs == nil
          ? "overlaps, gaps, slivers and area: the layer has no CRS (give one with --crs)"
          : "overlaps, gaps, slivers and area: the CRS is geographic (degrees); "
            + "project the layer first"
      )
      return
    }
    result.overlaps = try GeometryChecks.overlaps(in: layer, minimumArea: sliverSquareMetres).map {
      .init(
        first: $0.first, second: $0.second, firstLabel: labels[$0.first],
        secondLabel: labels[$0.second], squareMetres: $0.squareMetres)
    }
    result.gaps = try GeometryChecks.gaps(in: layer, minimumArea: sliverSquareMetres).map {
      .init(squareMetres: $0.squareMetres, x: $0.location.x, y: $0.location.y)
    }
    result.slivers = try GeometryChecks.slivers(in: layer, tolerance: result.sliverTolerance).map {
      .init(
        first: $0.first, second: $0.second, firstLabel: labels[$0.first],
        secondLabel: labels[$0.second], separation: $0.separation, length: $0.length,
        squareMetres: $0.squareMetres, x: $0.location?.x, y: $0.location?.y)
    }
    result.attention = attention(result)
    result.totalSquareKilometres = try GeometryChecks.areas(of: layer).reduce(0, +) / 1e6
  }

  /// What needs a look in a layer that can be used: gaps, and slivers with the snap tolerance
  /// that makes contiguity see across them.
  static func attention(_ r: LayerInspection) -> [String] {
    var out: [String] = []
    if !r.gaps.isEmpty {
      out.append("\(r.gaps.count) gap(s) in the coverage: points there fall in no ward")
    }
    if !r.slivers.isEmpty {
      let widest = r.slivers.map(\.separation).max() ?? 0
      // the first round tolerance (1, 2 or 5 times a power of ten) clearly above the widest
      let snap =
        widest > 0
        ? (-3...3).flatMap { e in [1.0, 2, 5].map { $0 * pow(10, Double(e)) } }
          .first { $0 > widest * 1.001 } ?? widest * 2 : 0
      out.append(
        "\(r.slivers.count) sliver(s) between wards: points there fall in no ward, and exact "
          + "contiguity does not make those wards neighbours"
          + (snap > 0
            ? " (a snap tolerance of \(snap.shortText) m does: --snap, weights.snap)" : ""))
    }
    return out
  }

  /// The value of the id field for every feature: `idField`, else the first text field.
  static func labels(of layer: Layer, idField: String?) -> [String?] {
    let field = idField.flatMap(layer.fieldIndex) ?? layer.fields.firstIndex { $0.type == .text }
    guard let field else { return layer.features.map { _ in nil } }
    return layer.features.map { $0.values[field].text }
  }

  static func geometryTypes(_ layer: Layer) -> [String: Int] {
    layer.features.reduce(into: [:]) { counts, f in
      counts[f.geometry?.typeName ?? "none", default: 0] += 1
    }
  }
}
