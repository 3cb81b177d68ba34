import WijkCore
import WijkEngine
import WijkIO

/// A ward layer that passed ``WardLayerGate``: read, its CRS recognised, projected when it
/// was geographic, repaired, duplicates dissolved, overlaps accepted, all as the options
/// allowed, and what was done in ``report``.
public struct CheckedWardLayer: Sendable {
  /// The layer as checked: features in source order (fewer after dissolving), geometry in a
  /// projected CRS (or the file's own units when it declares no CRS).
  public var layer: Layer
  /// One code per feature of `layer`: the code field's text, or feature numbers "1", "2", ...
  public var codes: [String]
  /// The field the codes come from; `nil` for feature numbers.
  public var codeField: String?
  /// One name per feature when the request named a name field, else empty.
  public var names: [String]
  /// What the gate found and did.
  public var report: WardLoadingReport
}

/// The one way into wijk for a ward layer, in every command (`analyse`, `housing`, `plan`,
/// `check`, `join`, `info`, `weights`, `moran`, `lisa`, `gistar`, `classify`,
/// `segregation`): the same reading, CRS rules, checks, errors and options.
///
/// In order:
/// 1. read with `LayerReader` (layer choice, encoding: `--encoding`, `.cpg`, DBF byte,
///    detection; CRS: the file's, else `--crs`, else the configuration's);
/// 2. recognise a CRS declared without an EPSG code (``CRSRecognizer``: an ESRI `.prj`);
/// 3. codes: a field (must exist) or feature numbers; names, when asked for;
/// 4. duplicate codes (trimmed, NFC): an error naming the code and its features, unless
///    dissolved (`dissolveDuplicates`);
/// 5. CRS: none is an error when the command measures (``WardLayerRequest/requiresCRS``),
///    else the layer is used in its own units and the report says so; a geographic layer is
///    projected to `projectTo` (EPSG:31370 by default), refused when it lies outside that
///    CRS's area of use;
/// 6. validity (GEOS): an error naming file, feature, code and GEOS's reason and location,
///    unless repaired (`repair`, GEOS make-valid);
/// 7. duplicates dissolved (GEOS union), when asked;
/// 8. overlaps above 1 m² (``LayerInspector/sliverSquareMetres``; without a CRS, above a
///    millionth of the smaller ward): an error naming both codes and the area, unless
///    accepted (`allowOverlaps`).
///
/// ``open(_:options:)`` stops at the first fault; ``inspect(_:options:)`` (for `wijk info`)
/// goes as far as it can and lists every fault.
public enum WardLayerGate {
  /// Opens the layer for a command, stopping at the first fault the options do not allow.
  ///
  /// - Throws: `IOError` (unreadable file, layer choice, encoding),
  ///   ``AnalysisError/unknownField(file:field:available:)``,
  ///   ``AnalysisError/duplicateWardCode(file:field:code:features:)``,
  ///   ``AnalysisError/dissolveConflict(file:code:field:values:)``,
  ///   ``AnalysisError/missingCRS(file:)``, ``AnalysisError/outsideAreaOfUse(file:crs:target:)``,
  ///   ``AnalysisError/invalidWards(file:problems:)``,
  ///   ``AnalysisError/overlappingWards(file:overlaps:)``, `EngineError` (PROJ, GEOS).
  public static func open(_ request: WardLayerRequest, options: WardLoadingOptions)
    throws -> CheckedWardLayer
  {
    var pass = try GatePass(request, options: options, enforcing: true)
    try pass.run()
    return pass.checked
  }

  /// Reads and checks the layer as ``open(_:options:)`` does, but records each fault
  /// instead of stopping (a check that cannot run says why in ``WardLayerFindings/skipped``).
  ///
  /// - Throws: `IOError` when the file cannot be read,
  ///   ``AnalysisError/unknownField(file:field:available:)`` for an unknown code field,
  ///   `EngineError` when GEOS or PROJ fail on valid input.
  public static func inspect(_ request: WardLayerRequest, options: WardLoadingOptions)
    throws -> (checked: CheckedWardLayer, findings: WardLayerFindings)
  {
    var pass = try GatePass(request, options: options, enforcing: false)
    try pass.run()
    return (pass.checked, pass.findings)
  }

  /// The wards of an analysis (`analyse`, `housing`, `plan`, `check`) as a ``WardTable``
  /// with no indicator columns yet, with the checked layer the table was made from, for
  /// joins onto it, and the report.
  ///
  /// - Throws: as ``open(_:options:)``.
  public static func load(
    _ source: WardSource, options: WardLoadingOptions = WardLoadingOptions()
  ) throws -> (table: WardTable, layer: Layer, report: WardLoadingReport) {
    let wards = try open(WardLayerRequest(source), options: options)
    let layer = wards.layer
    var table = WardTable(
      source: wards.report.file, crs: layer.crs!, codes: wards.codes, names: wards.names,
      geometries: layer.features.map { $0.geometry ?? .collection([]) },
      areaSquareMetres: try GeometryChecks.areas(of: layer),
      labelPoints: try GeometryChecks.labelPoints(of: layer).map { $0 ?? Coordinate(x: 0, y: 0) })
    table.centroids = try GeometryChecks.centroids(of: layer)
    return (table, layer, wards.report)
  }

  /// The text of field `name` for every feature; a missing value is the empty string.
  ///
  /// - Throws: ``AnalysisError/unknownField(file:field:available:)``.
  static func textColumn(_ name: String, of layer: Layer) throws(AnalysisError) -> [String] {
    guard let values = layer.column(name) else {
      throw .unknownField(file: layer.source, field: name, available: layer.fields.map(\.name))
    }
    return values.map { $0.text ?? "" }
  }
}

/// The name the gate had before it checked everything, kept so that existing callers build.
@available(*, deprecated, renamed: "WardLayerGate")
public typealias WardLayerLoader = WardLayerGate
