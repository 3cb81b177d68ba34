import Foundation
import SpatialWeights

/// What `wijk weights` prints: the size and shape of a weights matrix.
public struct WeightsReport: Codable, Sendable, Equatable {
  /// ``WeightsRequest/label``.
  public var kind: String
  /// Number of units (features) the weights cover.
  public var units: Int
  /// Directed links (each neighbour pair counts twice for symmetric weights), as libpysal's
  /// `W.nonzero`.
  public var links: Int
  /// Mean neighbours per unit, `links / units` (islands count as 0).
  public var meanNeighbours: Double
  /// Fewest neighbours of any unit (0 when there are islands or no units).
  public var minNeighbours: Int
  /// Most neighbours of any unit (0 when there are no units).
  public var maxNeighbours: Int
  /// Ids of units without neighbours.
  public var islands: [String]
  /// S0 = Σ w_ij of the weights as built (binary unless read from a GWT file).
  public var s0: Double
  /// For kNN and distance bands: what distances are measured in (``UnitLayer/distanceBasis``,
  /// e.g. "metres (EPSG:31370)"); `nil` for contiguity and weights files.
  public var distances: String?
  /// How the layer was projected before measuring ("projected from EPSG:4326 to
  /// EPSG:31370 (…)"); `nil` when it was not.
  public var projection: String?

  /// Summarises `weights`, built from `units` as `request` says.
  public init(_ weights: SpatialWeights, request: WeightsRequest, units layer: UnitLayer) {
    let cards = weights.cardinalities
    kind = request.label
    let measured = request.file == nil && (request.kind == .knn || request.kind == .distance)
    distances = measured ? layer.distanceBasis : nil
    projection = layer.report.projection
    units = weights.count
    links = weights.linkCount
    meanNeighbours = Double(weights.linkCount) / Double(max(weights.count, 1))
    minNeighbours = cards.min() ?? 0
    maxNeighbours = cards.max() ?? 0
    islands = weights.islands
    s0 = weights.s0
  }

  /// The lines `wijk weights` prints.
  public var text: String {
    var lines = [
      "weights: \(kind), \(units) units, \(links) links",
      "neighbours: mean \(Self.format(meanNeighbours)), min \(minNeighbours), max \(maxNeighbours)",
    ]
    lines.append(
      islands.isEmpty
        ? "islands: none"
        : "islands (\(islands.count), no neighbours): " + islands.joined(separator: ", "))
    if let distances { lines.append("distances: in \(distances)") }
    if let projection { lines.append("layer: \(projection)") }
    return lines.joined(separator: "\n")
  }

  static func format(_ x: Double) -> String { String(format: "%.3f", x) }
}

/// The file formats `wijk weights --out` writes.
public enum WeightsFileFormat: String, Sendable, CaseIterable {
  /// GeoDa/libpysal neighbour lists (binary).
  case gal
  /// GeoDa/libpysal weighted links "from to weight".
  case gwt
  /// One row per link: focal, neighbour, weight.
  case csv

  /// The format named by `path`'s extension.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)``.
  public static func of(path: String) throws(CommandInputError) -> WeightsFileFormat {
    let ext = (path as NSString).pathExtension.lowercased()
    guard let f = WeightsFileFormat(rawValue: ext) else {
      throw .invalidOption(
        name: "out", value: path, expected: "a file ending in .gal, .gwt or .csv")
    }
    return f
  }
}

extension SpatialWeights {
  /// The text of these weights in `format`; `source` and `idField` go into the GWT header.
  public func text(_ format: WeightsFileFormat, source: String, idField: String) -> String {
    switch format {
    case .gal: return galText()
    case .gwt: return gwtText(shapefile: source, idField: idField)
    case .csv:
      var out = "focal,neighbour,weight\n"
      for i in 0..<count {
        for k in offsets[i]..<offsets[i + 1] {
          out += "\(csvField(ids[i])),\(csvField(ids[neighbourIndices[k]])),\(values[k])\n"
        }
      }
      return out
    }
  }

  private func csvField(_ s: String) -> String {
    s.contains(",") || s.contains("\"")
      ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}

/// Writes a text file all or nothing (a temporary file renamed over the target).
///
/// - Throws: ``OutputError`` when the file cannot be written.
public func writeTextAtomically(_ text: String, to path: String) throws {
  do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw OutputError.cannotCreate(path: path, reason: error.localizedDescription)
  }
}
