import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// Builds a ``LayerInspection``: what ``WardLayerGate`` finds in a layer (read with GDAL,
/// CRS recognised with PROJ, checked with GEOS), listed instead of stopping at the first
/// fault, plus the gaps in the coverage and the slivers between wards.
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
  ///   - idField: the field that names features in messages and is checked for duplicate
  ///     codes; default: the first text field.
  ///   - options: the ward layer options every command takes (`--crs`, `--encoding`,
  ///     `--repair`, ...): the verdict says whether the commands accept the layer with them.
  ///   - sliverTolerance: in metres, > 0: wards closer than this without touching are slivers.
  /// - Throws: `IOError` when the file cannot be read (missing, no layer chosen, bad
  ///   encoding); ``AnalysisError/unknownField(file:field:available:)`` for an unknown
  ///   `idField`; `EngineError` when GEOS fails on a check.
  public static func inspect(
    path: String, layer: String? = nil, idField: String? = nil,
    options: WardLoadingOptions = WardLoadingOptions(),
    sliverTolerance: Double = sliverTolerance
  ) throws -> LayerInspection {
    if LayerQuery.sql(in: layer) == nil {
      let header = try LayerHeader.read(path: path, layer: layer)
      if header.holdsNoWards { return described(header, path: path) }
    }
    let (checked, found) = try WardLayerGate.inspect(
      WardLayerRequest(
        file: path, layer: layer, codes: idField.map(WardCodes.field) ?? .firstTextField,
        requiresCRS: true),
      options: options)
    let l = checked.layer
    let labels: [String?] =
      checked.codeField == nil
      ? l.features.map { _ in nil } : checked.codes.map { $0.isEmpty ? nil : $0 }
    var result = LayerInspection(
      file: path, layer: l.name, driver: found.reading.driver, crs: l.crs?.authorityCode,
      crsRecognition: found.recognition, crsName: nil, isGeographic: nil,
      featureCount: l.features.count, geometryTypes: geometryTypes(l),
      extent: l.envelope.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] },
      totalSquareKilometres: nil,
      fields: l.fields.map { .init(name: $0.name, type: $0.type.rawValue) },
      codeField: checked.codeField, duplicateCodes: found.duplicates,
      invalidFeatures: [], overlaps: [], gaps: [], skipped: found.skipped,
      warnings: found.reading.warnings,
      notes: notes(checked.report),
      isUsableAsWards: false)
    result.sliverTolerance = sliverTolerance
    if let definition = l.crs, let crs = try? CoordinateReferenceSystem(definition) {
      result.crsName = crs.name
      result.isGeographic = crs.isGeographic
      if result.crs == nil, let code = crs.epsgCode { result.crs = "EPSG:\(code)" }
    }
    guard l.features.contains(where: { $0.geometry != nil }) || l.features.isEmpty else {
      result.skipped = [
        "every check: the layer has no geometry (an attribute table, not a ward layer)"
      ]
      result.invalidFeatures = []
      return result
    }
    result.invalidFeatures = found.invalid.map { p in
      .init(
        index: p.featureIndex, label: labels[p.featureIndex], reason: p.problem.reason,
        x: p.problem.location?.x, y: p.problem.location?.y)
    }
    if found.overlapsInLayerUnits {
      result.skipped.append(
        "overlaps, gaps, slivers and area: the layer has no CRS (give one with --crs)")
    }
    if result.skipped.isEmpty {
      result.overlaps = found.overlaps.map {
        .init(
          first: $0.first, second: $0.second, firstLabel: labels[$0.first],
          secondLabel: labels[$0.second], squareMetres: $0.squareMetres)
      }
      try addAreaChecks(to: &result, layer: l, labels: labels)
    }
    result.isUsableAsWards =
      (result.invalidFeatures.isEmpty || options.repair)
      && (result.overlaps.isEmpty || options.allowOverlaps)
      && (result.duplicateCodes.isEmpty || options.dissolveDuplicates)
      && result.skipped.isEmpty && l.crs != nil
      && result.geometryTypes.keys.contains { $0.hasSuffix("Polygon") }
    return result
  }

  /// A layer of points or lines described from its header alone: the ward checks (validity,
  /// overlaps, gaps, slivers, duplicate codes) are about polygons and are skipped, saying so.
  static func described(_ h: LayerHeader, path: String) -> LayerInspection {
    var result = LayerInspection(
      file: path, layer: h.name, driver: h.driver, crs: h.crs?.authorityCode,
      crsRecognition: nil, crsName: nil, isGeographic: h.crs?.isGeographic,
      featureCount: h.featureCount, geometryTypes: [h.geometryType: h.featureCount],
      extent: h.extent, totalSquareKilometres: nil,
      fields: h.fields.map { .init(name: $0.name, type: $0.type.rawValue) },
      codeField: nil, duplicateCodes: [], invalidFeatures: [], overlaps: [], gaps: [],
      skipped: [
        "the ward checks (validity, overlaps, gaps, slivers, duplicate codes): a "
          + "\(h.geometryType) layer holds no wards; its features were counted, not read"
      ],
      warnings: [], notes: [], isUsableAsWards: false)
    if let definition = h.crs, let crs = try? CoordinateReferenceSystem(definition) {
      result.crsName = crs.name
      result.isGeographic = crs.isGeographic
      if result.crs == nil, let code = crs.epsgCode { result.crs = "EPSG:\(code)" }
    }
    return result
  }

  /// Gaps, slivers and the total area: only for valid polygons in a projected CRS (the gate has
  /// projected a geographic layer already and checked the rest).
  ///
  /// A check GEOS cannot finish (a TopologyException in its overlay on valid input) is named
  /// in `attention` with GEOS's message, and the others still run: `wijk info` describes a
  /// readable layer whatever its checks find, and never leaves a check silently out. (The
  /// gate of the other commands does not run these two checks, so the layer stays usable.)
  static func addAreaChecks(
    to result: inout LayerInspection, layer: Layer, labels: [String?]
  ) throws {
    var unfinished: [String] = []
    func attempt<T>(_ check: String, _ body: () throws -> [T]) -> [T] {
      attempting(check, body, unfinished: &unfinished)
    }
    result.gaps = attempt("gaps") {
      try GeometryChecks.gaps(in: layer, minimumArea: sliverSquareMetres).map {
        .init(squareMetres: $0.squareMetres, x: $0.location.x, y: $0.location.y)
      }
    }
    let tolerance = result.sliverTolerance
    result.slivers = attempt("slivers") {
      try GeometryChecks.slivers(in: layer, tolerance: tolerance).map {
        .init(
          first: $0.first, second: $0.second, firstLabel: labels[$0.first],
          secondLabel: labels[$0.second], separation: $0.separation, length: $0.length,
          squareMetres: $0.squareMetres, x: $0.location?.x, y: $0.location?.y)
      }
    }
    result.attention = attention(result) + unfinished
    result.totalSquareKilometres = try GeometryChecks.areas(of: layer).reduce(0, +) / 1e6
  }

  /// What `body` finds, or nothing and a sentence in `unfinished` that names the check and
  /// GEOS's message when it throws (a TopologyException on valid wards): `wijk info` goes on.
  static func attempting<T>(
    _ check: String, _ body: () throws -> [T], unfinished: inout [String]
  ) -> [T] {
    do { return try body() } catch {
      unfinished.append("\(check) not checked: GEOS could not finish the check (\(error))")
      return []
    }
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

  /// The gate's sentences other than the reader's warnings and "no CRS" (which `wijk info`
  /// shows in its own lines).
  static func notes(_ report: WardLoadingReport) -> [String] {
    var r = report
    r.readerWarnings = []
    r.unitsUnknown = false
    return r.sentences
  }

  static func geometryTypes(_ layer: Layer) -> [String: Int] {
    layer.features.reduce(into: [:]) { counts, f in
      counts[f.geometry?.typeName ?? "none", default: 0] += 1
    }
  }
}
