import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// A layer of areal units as the single-statistic commands (`wijk moran`, `lisa`, `gistar`,
/// `classify`, `segregation`, `weights`) use it: the features, one id per feature and the
/// numeric columns.
///
/// Read through ``WardLayerGate`` like every ward layer (same CRS rules, validity, overlap,
/// duplicate and encoding checks, same options), except that a CRS is not required: a layer
/// without one is used in its own units and the report says so. Ids come from the `--id`
/// field, or are the 1-based feature numbers when none is given (as GeoDa numbers a layer
/// without an id). Any field can be a column: a missing cell is a missing value, a text cell
/// that is not a number is an error naming the feature.
public struct UnitLayer: Sendable {
  /// The layer as checked: projected to metres when it was geographic, else as read.
  public var layer: Layer
  /// One id per feature, in feature order.
  public var ids: [String]
  /// The field the ids come from, `nil` for feature numbers.
  public var idField: String?
  /// What the gate found and did (projection, CRS recognition, repairs, reader warnings).
  public var report: WardLoadingReport

  /// The gate's sentences for the user (reader warnings, CRS, projection, repairs).
  public var warnings: [String] { report.sentences }

  /// Reads `path` (GeoJSON, GeoPackage, Shapefile) through ``WardLayerGate``.
  ///
  /// - Throws: as ``WardLayerGate/open(_:options:)``: `IOError`,
  ///   ``AnalysisError/unknownField(file:field:available:)`` for an unknown id field,
  ///   ``AnalysisError/duplicateWardCode(file:field:code:features:)`` for an id on several
  ///   features, invalid or overlapping units, `EngineError`.
  public static func read(
    path: String, layer name: String? = nil, idField: String? = nil,
    options: WardLoadingOptions = WardLoadingOptions()
  ) throws -> UnitLayer {
    let checked = try WardLayerGate.open(
      WardLayerRequest(
        file: path, layer: name, codes: idField.map(WardCodes.field) ?? .featureNumbers,
        requiresCRS: false),
      options: options)
    return UnitLayer(
      layer: checked.layer, ids: checked.codes, idField: idField, report: checked.report)
  }

  /// The numbers of field `field`, one per feature, read by the one ``CellPolicy`` (decimal
  /// point, as layer attributes are written): `nil` where the cell is empty, missing or a
  /// marker of a missing value (`C`, `NA`, `<5`, …, see ``MissingValues``).
  ///
  /// - Parameter missingValues: the markers (default: the standard list).
  /// - Throws: ``CommandInputError/unknownField(file:field:available:)``,
  ///   ``CommandInputError/notANumber(file:feature:id:field:value:)`` for other text.
  public func numbers(_ field: String, missingValues: MissingValues = .standard)
    throws(CommandInputError) -> [Double?]
  {
    guard let column = layer.column(field) else {
      throw .unknownField(file: layer.source, field: field, available: layer.fields.map(\.name))
    }
    let policy = CellPolicy(convention: .decimalPoint, missing: missingValues)
    var out: [Double?] = []
    out.reserveCapacity(column.count)
    for (k, cell) in column.enumerated() {
      switch policy.number(cell) {
      case .number(let x, _): out.append(x)
      case .missing: out.append(nil)
      case .notANumber(let text):
        throw .notANumber(
          file: layer.source, feature: k, id: ids[k], field: field, value: text.visibleInMessages)
      }
    }
    return out
  }

  /// The ids of the features whose value is `nil`.
  public func ids(where values: [Double?], isMissing: Bool = true) -> [String] {
    values.indices.filter { (values[$0] == nil) == isMissing }.map { ids[$0] }
  }
}
