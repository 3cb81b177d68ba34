import Foundation
import WijkCore
import WijkEngine
import WijkIO

/// A layer of areal units as the single-statistic commands (`wijk moran`, `lisa`, `gistar`,
/// `classify`, `segregation`, `weights`) use it: the features, one id per feature and the
/// numeric columns.
///
/// Ids come from the `--id` field, or are the 1-based feature numbers when none is given (as
/// GeoDa numbers a layer without an id). Any field can be a column: a missing cell is a
/// missing value, a text cell that is not a number is an error naming the feature.
public struct UnitLayer: Sendable {
  /// The layer as read (not projected: the statistics need no metric CRS, kNN and distance
  /// bands use the layer's own units).
  public var layer: Layer
  /// One id per feature, in feature order.
  public var ids: [String]
  /// The field the ids come from, `nil` for feature numbers.
  public var idField: String?
  /// The reader's warnings (encoding, CRS), as sentences.
  public var warnings: [String]

  /// Reads `path` (GeoJSON, GeoPackage, Shapefile).
  ///
  /// - Throws: `IOError` (missing file, layer choice, unreadable geometry or text),
  ///   ``CommandInputError/unknownField(file:field:available:)`` for an unknown id field,
  ///   ``CommandInputError/duplicateID(file:field:id:features:)``.
  public static func read(
    path: String, layer name: String? = nil, idField: String? = nil, assumeCRS: String? = nil
  ) throws -> UnitLayer {
    let reading = try LayerReader.read(
      path: path, layer: name, assumeCRS: assumeCRS.map { CRSDefinition(authorityCode: $0) })
    let layer = reading.layer
    var ids = layer.features.indices.map { String($0 + 1) }
    if let idField {
      guard let column = layer.column(idField) else {
        throw CommandInputError.unknownField(
          file: path, field: idField, available: layer.fields.map(\.name))
      }
      ids = column.enumerated().map { $1.text ?? "feature \($0)" }
      try requireUnique(ids, file: path, field: idField)
    }
    return UnitLayer(
      layer: layer, ids: ids, idField: idField,
      warnings: reading.report.warnings.map(\.description))
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

  static func requireUnique(_ ids: [String], file: String, field: String) throws {
    var seen: [String: Int] = [:]
    for (k, id) in ids.enumerated() {
      if let first = seen[id] {
        let all = ids.indices.filter { ids[$0] == id }
        _ = first
        throw CommandInputError.duplicateID(file: file, field: field, id: id, features: all)
      }
      seen[id] = k
    }
  }
}
