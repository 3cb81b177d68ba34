import Foundation
import WijkCore
import WijkIO

/// Writes a layer with the local statistics added as columns, for `wijk lisa --out` and
/// `wijk gistar --out`.
public enum LocalLayerExport {
  /// The format named by `path`'s extension: `.gpkg`, `.geojson`/`.json` or `.csv`.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)``.
  public static func format(of path: String) throws(CommandInputError) -> LayerWriter.Format {
    switch (path as NSString).pathExtension.lowercased() {
    case "gpkg": return .geoPackage
    case "geojson", "json": return .geoJSON
    case "csv": return .csv
    default:
      throw .invalidOption(name: "out", value: path, expected: "a .gpkg, .geojson or .csv file")
    }
  }

  /// `units`' layer plus the columns `<prefix>_stat`, `_z`, `_p`, `_psim`, `_quad` (LISA),
  /// `_sig` (1/0) and `_cluster`, written atomically with `LayerWriter`.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` for an unknown
  ///   extension, `IOError` from the writer (the target is unchanged after any error).
  public static func write(
    _ report: LocalReport, units: UnitLayer, prefix: String, to path: String
  ) throws {
    let format = try format(of: path)
    var layer = units.layer
    let rows = report.units
    func real(_ name: String, _ get: (LocalUnitResult) -> Double?) {
      layer.fields.append(Field(name: "\(prefix)_\(name)", type: .real))
      for f in layer.features.indices {
        layer.features[f].values.append(
          get(rows[f]).map(AttributeValue.real) ?? .missing(reason: nil))
      }
    }
    func text(_ name: String, _ get: (LocalUnitResult) -> String?) {
      layer.fields.append(Field(name: "\(prefix)_\(name)", type: .text))
      for f in layer.features.indices {
        layer.features[f].values.append(
          get(rows[f]).map(AttributeValue.text) ?? .missing(reason: nil))
      }
    }
    real("stat") { $0.statistic }
    real("z") { $0.z }
    real("p") { $0.p }
    real("psim") { $0.pseudoP }
    if report.star == nil { text("quad") { $0.quadrant } }
    layer.fields.append(Field(name: "\(prefix)_sig", type: .integer))
    for f in layer.features.indices {
      layer.features[f].values.append(
        rows[f].significant.map { AttributeValue.integer($0 ? 1 : 0) } ?? .missing(reason: nil))
    }
    text("cluster") { $0.cluster ?? $0.status }
    try LayerWriter.write(layer, to: path, format: format)
  }
}
