// The errors of the single-statistic commands' inputs: a field, a cell, an option or a weights
import WijkCore
// file that does not fit the layer. Each case carries the file, feature and field it is about.

/// A problem with what a single-statistic command was given.
public enum CommandInputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The layer has no field `field`.
  case unknownField(file: String, field: String, available: [String])
  /// A cell of `field` that should be a number (0-based feature index).
  case notANumber(file: String, feature: Int, id: String, field: String, value: String)
  /// An option value out of range or of the wrong form.
  case invalidOption(name: String, value: String, expected: String)
  /// A feature without geometry where one is needed (0-based feature index).
  case noGeometry(file: String, feature: Int, id: String, needed: String)
  /// A weights file whose unit ids differ from the layer's.
  case weightsDoNotMatch(file: String, notInLayer: [String], notInWeights: [String])
  /// A longitude/latitude point outside the area of use of the ward layer's CRS (1-based line).
  case pointOutsideAreaOfUse(
    file: String, line: Int, point: String, lon: Double, lat: Double, crs: String)

  public var description: String {
    switch self {
    case .unknownField(let file, let field, let available):
      return "\(file) has no field \"\(field)\"; its fields are: "
        + available.joined(separator: ", ") + "."
    case .notANumber(let file, let feature, let id, let field, let value):
      return "\(file), feature \(feature) (\(id)): field \(field) holds \"\(value)\", "
        + "which is not a number."
    case .noGeometry(let file, let feature, let id, let needed):
      return "\(file), feature \(feature) (\(id)) has no geometry; \(needed) needs one on every feature."
    case .invalidOption(let name, let value, let expected):
      return "--\(name) \(value) cannot be used: expected \(expected)."
    case .pointOutsideAreaOfUse(let file, let line, let point, let lon, let lat, let crs):
      return "\(file), line \(line) (\(point)): longitude \(lon), latitude \(lat) lies outside "
        + "the area of use of the ward layer's \(crs)\(lat.magnitude < lon.magnitude ? "; latitude and longitude look swapped" : ""). "
        + "Check which column holds the latitude (--lat) and which the longitude (--lon)."
    case .weightsDoNotMatch(let file, let notInLayer, let notInWeights):
      var parts: [String] = []
      if !notInLayer.isEmpty {
        parts.append("ids not in the layer: " + shortList(notInLayer))
      }
      if !notInWeights.isEmpty {
        parts.append("layer ids not in the weights: " + shortList(notInWeights))
      }
      return "The weights file \(file) does not describe the layer's units ("
        + parts.joined(separator: "; ") + ")."
    }
  }

  /// At most ten ids, then a count of the rest.
}
