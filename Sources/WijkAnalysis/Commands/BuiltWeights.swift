import Foundation
import SpatialWeights
import WijkCore

/// Two units that touch, by id, with the boundary they share (contiguity by boundary).
public struct BoundaryPair: Codable, Sendable, Equatable {
  /// Id of the first unit (the earlier feature).
  public var first: String
  /// Id of the second unit.
  public var second: String
  /// Length of shared boundary in layer units (metres in a projected CRS); 0 when they meet
  /// only at points.
  public var length: Double
  /// Smallest distance between them; above 0 only when the snap tolerance joined them.
  public var separation: Double
  /// Whether they have a vertex with identical coordinates.
  public var sharesVertex: Bool
  /// Whether they have an identical edge (the same two consecutive vertices).
  public var sharesEdge: Bool
  /// Whether vertex matching (libpysal's `Queen`/`Rook.from_dataframe`, wijk's
  /// `--contiguity vertex`) misses this link: a T-junction, or edges split at other points.
  public var missedByVertexMatching: Bool
}

/// A unit whose k-th nearest distance was shared by more units than places were left.
public struct TiedNeighbours: Codable, Sendable, Equatable {
  /// The unit's id.
  public var unit: String
  /// The tied distance between centroids: metres, or layer units when the layer declares no
  /// CRS (``UnitLayer/distanceBasis``).
  public var distance: Double
  /// Every unit at that distance, in code-point order.
  public var tied: [String]
  /// The ones kept as neighbours: the first of `tied`.
  public var kept: [String]
}

/// Spatial weights with what building them found that a user must be told: kNN ties broken
/// by the tie rule, neighbours that vertex matching would miss, neighbours only the snap
/// tolerance joins.
public struct BuiltWeights: Sendable {
  /// The weights (binary, original transformation).
  public var weights: SpatialWeights
  /// Contiguity: every pair whose boundaries touch (within the snap tolerance for the
  /// boundary method, exactly for the vertex method), ordered by id; empty otherwise.
  public var boundaries: [BoundaryPair] = []
  /// kNN: the units whose k-th neighbour was a tie, ordered by id; empty otherwise.
  public var ties: [TiedNeighbours] = []
  /// Contiguity: queen or rook, and how it was found.
  public var contiguity: (criterion: ContiguityCriterion, method: ContiguityMethod)?
  /// k for kNN, to say "2nd nearest".
  public var k: Int?
  /// " m" when the lengths and distances are in metres, "" otherwise (layer units).
  public var unit = " m"

  /// The tie rule of kNN, as the reports state it.
  public static let tieRule =
    "units tied at the k-th nearest distance: the smaller ids (Unicode code-point order) are kept"

  /// Queen or rook contiguity by `method`, with every touching pair and its shared length.
  ///
  /// With the vertex method the boundaries are compared too (exactly), to name the pairs
  /// that share a boundary the vertices do not show: those weights leave them unlinked.
  ///
  /// - Throws: `WeightsError` (a bad tolerance, mismatched arrays).
  public static func contiguity(
    _ criterion: ContiguityCriterion, ids: [String], geometries: [Geometry], snap: Double,
    method: ContiguityMethod
  ) throws -> BuiltWeights {
    let units = geometries.map(\.polygons)
    let boundary = BoundaryContiguity(
      criterion: criterion, tolerance: method == .boundary ? snap : 0)
    let pairs = try boundary.sharedBoundaries(of: units)
    let weights =
      method == .boundary
      ? try SpatialWeights(ids: ids, neighbours: boundary.neighbours(pairs, count: ids.count))
      : try SpatialWeights.contiguity(
        ids: ids, units: units,
        source: VertexContiguity(criterion: criterion, snapTolerance: snap))
    let listed = pairs.map { p in
      let linked = criterion == .queen || p.length > 0
      let missed =
        method == .boundary
        ? linked && p.isMissedByVertexMatching(criterion)
        : linked && weights.weight(from: p.first, to: p.second) == 0
      let (a, b) =
        ids[p.first].precedesByCodePoints(ids[p.second]) ? (p.first, p.second) : (p.second, p.first)
      return BoundaryPair(
        first: ids[a], second: ids[b], length: p.length, separation: p.separation,
        sharesVertex: p.sharesVertex, sharesEdge: p.sharesEdge, missedByVertexMatching: missed)
    }
    var built = BuiltWeights(
      weights: weights,
      boundaries: listed.sorted {
        $0.first != $1.first
          ? $0.first.precedesByCodePoints($1.first) : $0.second.precedesByCodePoints($1.second)
      })
    built.contiguity = (criterion, method)
    return built
  }

  /// k nearest neighbours with the ties the rule decided.
  ///
  /// - Throws: `WeightsError` (k out of range, mismatched arrays).
  public static func kNearest(ids: [String], points: [Coordinate], k: Int) throws
    -> BuiltWeights
  {
    let built = try SpatialWeights.kNearestNeighbours(ids: ids, points: points, k: k)
    let ties = built.ties.map { t in
      TiedNeighbours(
        unit: ids[t.unit], distance: t.distance, tied: t.tied.map { ids[$0] },
        kept: t.kept.map { ids[$0] })
    }
    return BuiltWeights(
      weights: built.weights, ties: ties.sorted { $0.unit.precedesByCodePoints($1.unit) }, k: k)
  }

  /// Pairs that are neighbours only because boundaries are compared, not vertices.
  public var missedByVertexMatching: [BoundaryPair] {
    boundaries.filter { $0.missedByVertexMatching && $0.separation == 0 }
  }

  /// Pairs that are neighbours only within the snap tolerance.
  public var joinedByTolerance: [BoundaryPair] { boundaries.filter { $0.separation > 0 } }

  /// One sentence per kind of finding, for notices and stderr; empty when there is none.
  public var notices: [String] {
    var out: [String] = []
    if !ties.isEmpty, let k {
      out.append(
        "\(ties.count) unit(s) had more units than places at their \(Self.ordinal(k)) nearest "
          + "distance; the smaller ids (code-point order) were kept, so the weights do not "
          + "depend on the order of the features: "
          + shortList(ties.map { "\($0.unit) (\($0.tied.joined(separator: ", ")))" }) + ".")
    }
    let missed = missedByVertexMatching
    if !missed.isEmpty, let (criterion, method) = contiguity {
      let list = shortList(missed.map { "\($0.first)–\($0.second) (\(describe($0)))" })
      let what = criterion == .queen ? "a common vertex" : "a common edge"
      out.append(
        method == .boundary
          ? "\(missed.count) pair(s) share a boundary without \(what) (a T-junction, or edges "
            + "split at other points) and are neighbours only because boundaries are compared, "
            + "not vertices (libpysal's \(criterion == .queen ? "Queen" : "Rook").from_dataframe "
            + "would miss them): \(list)."
          : "\(missed.count) pair(s) share a boundary without \(what) (a T-junction, or edges "
            + "split at other points), so vertex contiguity does not link them; "
            + "--contiguity boundary does: \(list).")
    }
    let joined = joinedByTolerance
    if !joined.isEmpty {
      out.append(
        "\(joined.count) pair(s) do not touch and are neighbours only within the snap "
          + "tolerance: "
          + shortList(joined.map { "\($0.first)–\($0.second) (\(describe($0)))" }) + ".")
    }
    return out
  }

  /// "1000 m of shared boundary", "0.05 m apart along 1000 m", "a corner".
  public func describe(_ p: BoundaryPair) -> String {
    let length = p.length > 0 ? Self.number(p.length) + unit : nil
    if p.separation > 0 {
      return Self.number(p.separation) + "\(unit) apart" + (length.map { " along \($0)" } ?? "")
    }
    return length.map { "\($0) of shared boundary" } ?? "a corner"
  }

  /// Up to 3 significant decimals below 10, whole numbers above.
  static func number(_ x: Double) -> String {
    x >= 10 ? String(Int64(x.rounded())) : String(format: "%.3g", x)
  }

  /// "1st", "2nd", "3rd", "4th", "11th", "22nd".
  static func ordinal(_ k: Int) -> String {
    guard !(11...13).contains(k % 100) else { return "\(k)th" }
    switch k % 10 {
    case 1: return "\(k)st"
    case 2: return "\(k)nd"
    case 3: return "\(k)rd"
    default: return "\(k)th"
    }
  }
}
