import WijkCore
import WijkEngine
import WijkIO

/// Options for turning a ward layer into the wards of an analysis.
public struct WardLoadingOptions: Sendable, Equatable {
  /// Repair invalid wards with GEOS make-valid instead of stopping; repaired wards are
  /// reported.
  public var repair: Bool
  /// Accept overlapping wards (each point is still counted once, by the smallest-code rule)
  /// instead of stopping; overlaps are reported.
  public var allowOverlaps: Bool
  /// The projected CRS a geographic layer is projected to (Belgian Lambert 72 by default).
  public var projectTo: CRSDefinition

  /// Defaults: stop on invalid or overlapping wards; project a geographic layer to
  /// EPSG:31370 (Belgian Lambert 72). Checks nothing itself.
  public init(
    repair: Bool = false, allowOverlaps: Bool = false, projectTo: CRSDefinition = .epsg(31370)
  ) {
    self.repair = repair
    self.allowOverlaps = allowOverlaps
    self.projectTo = projectTo
  }
}

/// What loading the wards found and did, for the run's report.
public struct WardLoadingReport: Sendable, Equatable {
  /// Warnings of the file reader (a guessed encoding, an assumed CRS), as sentences.
  public var readerWarnings: [String] = []
  /// Codes of wards repaired by make-valid.
  public var repaired: [String] = []
  /// Overlaps accepted with `allowOverlaps`, as sentences.
  public var acceptedOverlaps: [String] = []
  /// "projected from EPSG:4326 to EPSG:31370 (operation …)" when the layer was geographic.
  public var projection: String?
}

/// Reads a ward layer and checks it: the fields exist, codes are unique, the CRS is known
/// and projected (a geographic layer is projected), every polygon is valid, no two wards
/// overlap. Then it measures areas and label points with GEOS.
public enum WardLayerLoader {
  /// - Returns: a ``WardTable`` with no indicator columns yet, the checked (projected,
  ///   repaired) layer the table was made from, for joins onto it, and the loading report.
  /// - Throws: `IOError` (unreadable file, layer choice), ``AnalysisError`` (unknown field,
  ///   duplicate code, missing CRS, invalid or overlapping wards), `EngineError`.
  public static func load(
    _ source: WardSource, options: WardLoadingOptions = WardLoadingOptions()
  ) throws -> (table: WardTable, layer: Layer, report: WardLoadingReport) {
    let reading = try LayerReader.read(
      path: source.file, layer: source.layer,
      assumeCRS: source.crs.map { CRSDefinition(authorityCode: $0) })
    var report = WardLoadingReport(readerWarnings: reading.report.warnings.map(\.description))
    var layer = reading.layer
    let codes = try textColumn(source.code, of: layer)
    let names = try textColumn(source.name, of: layer)
    try requireUniqueCodes(codes, file: source.file)
    layer = try projected(layer, to: options.projectTo, report: &report)
    layer = try checkedValidity(layer, codes: codes, repair: options.repair, report: &report)
    try checkOverlaps(layer, codes: codes, allow: options.allowOverlaps, report: &report)
    let table = WardTable(
      source: source.file, crs: layer.crs!, codes: codes, names: names,
      geometries: layer.features.map { $0.geometry ?? .collection([]) },
      areaSquareMetres: try GeometryChecks.areas(of: layer),
      labelPoints: try GeometryChecks.labelPoints(of: layer).map { $0 ?? Coordinate(x: 0, y: 0) })
    return (table, layer, report)
  }

  /// The text of field `name` for every feature; a missing value is an error naming the
  /// feature.
  static func textColumn(_ name: String, of layer: Layer) throws(AnalysisError) -> [String] {
    guard let values = layer.column(name) else {
      throw .unknownField(file: layer.source, field: name, available: layer.fields.map(\.name))
    }
    return values.map { $0.text ?? "" }
  }

  static func requireUniqueCodes(_ codes: [String], file: String) throws(AnalysisError) {
    var seen = Set<String>()
    for code in codes where !seen.insert(code).inserted {
      throw .duplicateWardCode(file: file, code: code)
    }
  }

  /// The layer itself when projected; projected to `target` when geographic.
  static func projected(
    _ layer: Layer, to target: CRSDefinition, report: inout WardLoadingReport
  ) throws -> Layer {
    guard let definition = layer.crs else { throw AnalysisError.missingCRS(file: layer.source) }
    let crs = try CoordinateReferenceSystem(definition)
    guard crs.isGeographic else { return layer }
    // Both CRSs must live in one PROJ context (the transformer requires it).
    let transformer = try Transformer(
      from: crs, to: CoordinateReferenceSystem(target, context: crs.context))
    let result = try transformer.transform(layer)
    report.projection =
      "projected from \(definition) to \(target) (\(transformer.operationName ?? "PROJ default operation"))"
    return result
  }

  static func checkedValidity(
    _ layer: Layer, codes: [String], repair: Bool, report: inout WardLoadingReport
  ) throws -> Layer {
    let problems = try GeometryChecks.problems(in: layer)
    guard !problems.isEmpty else { return layer }
    guard repair else {
      throw AnalysisError.invalidWards(
        file: layer.source,
        problems: problems.map {
          "feature \($0.featureIndex) (\(codes[$0.featureIndex])): \($0.problem)"
        })
    }
    let (fixed, repaired) = try GeometryChecks.repaired(layer)
    report.repaired = repaired.map { codes[$0] }
    return fixed
  }

  static func checkOverlaps(
    _ layer: Layer, codes: [String], allow: Bool, report: inout WardLoadingReport
  ) throws {
    let overlaps = try GeometryChecks.overlaps(
      in: layer, minimumArea: LayerInspector.sliverSquareMetres)
    let sentences = overlaps.map {
      "\(codes[$0.first]) and \(codes[$0.second]) overlap by \(Int($0.squareMetres.rounded())) m²"
    }
    guard sentences.isEmpty || allow else {
      throw AnalysisError.overlappingWards(file: layer.source, overlaps: sentences)
    }
    report.acceptedOverlaps = sentences
  }
}
