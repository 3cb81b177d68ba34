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
  /// `boundary` or `vertex` for queen and rook (``ContiguityMethod``); `nil` otherwise.
  public var contiguity: String?
  /// Contiguity by boundary: every touching pair with its shared length; `nil` otherwise.
  public var sharedBoundaries: [BoundaryPair]?
  /// kNN: the units whose k-th nearest distance was tied; `nil` for other weights.
  public var ties: [TiedNeighbours]?
  /// kNN: how ties are broken (``BuiltWeights/tieRule``); `nil` for other weights.
  public var tieRule: String?
  /// Sentences about the weights (``BuiltWeights/notices``).
  public var notices: [String]
  /// For kNN and distance bands: what distances are measured in (``UnitLayer/distanceBasis``,
  /// e.g. "metres (EPSG:31370)"); `nil` for contiguity and weights files.
  public var distances: String?
  /// How the layer was projected before measuring ("projected from EPSG:4326 to
  /// EPSG:31370 (…)"); `nil` when it was not.
  public var projection: String?

  /// Summarises `built`, built from `units` as `request` says.
  public init(_ built: BuiltWeights, request: WeightsRequest, units layer: UnitLayer) {
    let weights = built.weights
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
    let contiguous = request.file == nil && [.queen, .rook].contains(request.kind)
    contiguity = contiguous ? request.contiguity.rawValue : nil
    sharedBoundaries = contiguous ? built.boundaries : nil
    let knn = request.file == nil && request.kind == .knn
    ties = knn ? built.ties : nil
    tieRule = knn ? BuiltWeights.tieRule : nil
    notices = built.notices
    unit = built.unit
    missed = built.missedByVertexMatching.map { "\($0.first)–\($0.second): \(built.describe($0))" }
    missedTitle =
      request.contiguity == .boundary
      ? "neighbours without a common \(request.kind == .queen ? "vertex" : "edge") "
        + "(libpysal's vertex method misses them)"
      : "pairs sharing a boundary without a common \(request.kind == .queen ? "vertex" : "edge") "
        + "(not linked here; --contiguity boundary links them)"
    tiesTitle = "ties at the \(BuiltWeights.ordinal(request.k)) nearest distance"
    joined = built.joinedByTolerance.map { "\($0.first)–\($0.second): \(built.describe($0))" }
  }

  /// Text lines of the pairs vertex matching misses and of those the tolerance joins.
  private var missed: [String] = []
  private var joined: [String] = []
  private var missedTitle = ""
  private var tiesTitle = ""
  private var unit = ""

  enum CodingKeys: String, CodingKey {
    case kind, units, links, meanNeighbours, minNeighbours, maxNeighbours, islands, s0
    case contiguity, sharedBoundaries, ties, tieRule, notices, distances, projection
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
    if let sharedBoundaries {
      lines.append(
        "shared boundaries: \(sharedBoundaries.count) touching pair(s), "
          + "\(sharedBoundaries.filter { $0.length > 0 }.count) along a line")
      lines += Self.section(missedTitle, missed)
      if !joined.isEmpty {
        lines += Self.section("neighbours only within the snap tolerance", joined)
      }
    }
    if let ties {
      lines.append("tie rule: \(tieRule ?? "")")
      lines += Self.section(
        tiesTitle,
        ties.map {
          "\($0.unit): \($0.tied.joined(separator: ", ")) at "
            + "\(BuiltWeights.number($0.distance))\(unit); "
            + "kept \($0.kept.joined(separator: ", "))"
        })
    }
    if let distances { lines.append("distances: in \(distances)") }
    if let projection { lines.append("layer: \(projection)") }
    return lines.joined(separator: "\n")
  }

  static func section(_ title: String, _ items: [String]) -> [String] {
    items.isEmpty ? ["\(title): none"] : ["\(title): \(items.count)"] + items.map { "  - \($0)" }
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
