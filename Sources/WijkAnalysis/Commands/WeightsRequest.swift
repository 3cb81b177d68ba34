import Foundation
import SpatialWeights
import WijkCore
import WijkEngine

/// The kinds of spatial weights a command can build from a layer.
public enum WeightsKind: String, Hashable, Sendable, CaseIterable, Codable {
  /// Boundaries that share a point (``ContiguityMethod``: by boundary, or libpysal
  /// `Queen.from_dataframe`'s shared vertex).
  case queen
  /// Boundaries that share a piece of positive length (by boundary, or libpysal
  /// `Rook.from_dataframe`'s shared edge).
  case rook
  /// The k nearest centroids (libpysal `KNN.from_dataframe`).
  case knn
  /// Centroids within a distance (libpysal `DistanceBand`, binary).
  case distance
}

/// Which weights a command uses: built from the layer, or read from a GAL or GWT file.
public struct WeightsRequest: Hashable, Sendable {
  /// How the weights are built from the layer (default queen); ignored when ``file`` is set.
  public var kind: WeightsKind
  /// Neighbours per unit for ``WeightsKind/knn``.
  public var k: Int
  /// Distance in metres for ``WeightsKind/distance`` (in the layer's own units when it
  /// declares no CRS; see ``UnitLayer/distanceBasis``).
  public var threshold: Double?
  /// Snap tolerance in layer units for contiguity (0 = exact): boundaries this close touch.
  public var snap: Double
  /// How contiguity is found: shared boundaries (default) or shared vertices (libpysal).
  public var contiguity: ContiguityMethod
  /// A `.gal` or `.gwt` file; overrides `kind`.
  public var file: String?

  /// A request as given, unchecked: a missing distance threshold, a bad `k` or a file that does
  /// not match the layer is an error of ``UnitLayer/weights(_:)``.
  public init(
    kind: WeightsKind = .queen, k: Int = 4, threshold: Double? = nil, snap: Double = 0,
    contiguity: ContiguityMethod = .boundary, file: String? = nil
  ) {
    self.contiguity = contiguity
    self.kind = kind
    self.k = k
    self.threshold = threshold
    self.snap = snap
    self.file = file
  }

  /// "queen", "rook (vertex, snap 0.1)", "knn (k = 4)", "distance (≤ 1500)" or
  /// "file columbus.gal".
  public var label: String {
    if let file { return "file \(file)" }
    switch kind {
    case .queen, .rook:
      let notes = (contiguity == .vertex ? ["vertex"] : []) + (snap > 0 ? ["snap \(snap)"] : [])
      return notes.isEmpty ? kind.rawValue : "\(kind.rawValue) (\(notes.joined(separator: ", ")))"
    case .knn: return "knn (k = \(k))"
    case .distance: return "distance (≤ \(threshold.map { "\($0)" } ?? "?"))"
    }
  }
}

extension UnitLayer {
  /// Builds the weights `request` asks for, over ``ids`` in feature order (binary, original
  /// transformation; each statistic transforms them itself). kNN and distance bands measure
  /// between centroids in metres: the gate projected a geographic layer, and a projected
  /// CRS's unit (a US foot, say) is converted; only a layer without a CRS is measured in its
  /// own units.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` (distance without a
  ///   threshold), ``CommandInputError/weightsDoNotMatch(file:notInLayer:notInWeights:)``,
  ///   `WeightsError` (bad k, malformed file), `EngineError` (centroids), `IOError`-free file
  ///   reading errors as Foundation's.
  public func weights(_ request: WeightsRequest) throws -> SpatialWeights {
    try builtWeights(request).weights
  }

  /// ``weights(_:)`` with what building them found (kNN ties, shared boundaries).
  ///
  /// - Throws: as ``weights(_:)``.
  public func builtWeights(_ request: WeightsRequest) throws -> BuiltWeights {
    if let file = request.file { return BuiltWeights(weights: try weights(fromFile: file)) }
    let geometries = layer.features.map { $0.geometry ?? .collection([]) }
    var built: BuiltWeights
    switch request.kind {
    case .queen, .rook:
      built = try .contiguity(
        request.kind == .queen ? .queen : .rook, ids: ids, geometries: geometries,
        snap: request.snap, method: request.contiguity)
    case .knn:
      guard request.k < ids.count else {
        throw CommandInputError.invalidOption(
          name: "k", value: String(request.k),
          expected: "fewer neighbours than units: 1 to \(ids.count - 1), the layer has \(ids.count) units")
      }
      built = try .kNearest(ids: ids, points: try centroidsInMetres(), k: request.k)
    case .distance:
      guard let threshold = request.threshold else {
        throw CommandInputError.invalidOption(
          name: "threshold", value: "(none)",
          expected: "a distance in metres for --kind distance")
      }
      built = BuiltWeights(
        weights: try .distanceBand(ids: ids, points: try centroidsInMetres(), threshold: threshold))
    }
    // Boundary lengths are in layer units; kNN distances are metres whenever there is a CRS.
    built.unit = request.kind == .knn ? (layer.crs == nil ? "" : " m") : lengthUnit
    return built
  }

  /// " m" when the layer's CRS is in metres, else "" (lengths in layer units).
  var lengthUnit: String {
    guard let crs = layer.crs.flatMap({ try? CoordinateReferenceSystem($0) }), !crs.isGeographic,
      let unit = try? crs.axisUnit(), unit.metresPerUnit == 1
    else { return "" }
    return " m"
  }

  /// What distances between units are measured in, for reports: "metres (EPSG:31370)",
  /// "metres (EPSG:31370; the layer was projected from EPSG:4326)", or "the layer's own
  /// units (it declares no CRS)".
  public var distanceBasis: String {
    guard let crs = layer.crs else { return "the layer's own units (it declares no CRS)" }
    let from = report.projectedFrom.map { "; the layer was projected from \($0)" } ?? ""
    return "metres (\(crs)\(from))"
  }

  /// ``WeightsRequest/label``, with ``distanceBasis`` for kNN and distance bands.
  public func weightsLabel(_ request: WeightsRequest) -> String {
    guard request.file == nil, request.kind == .knn || request.kind == .distance else {
      return request.label
    }
    return "\(request.label), distances in \(distanceBasis)"
  }

  /// Centroids in metres: the layer's coordinates times its CRS's metres per unit (as they
  /// are when it has no CRS).
  func centroidsInMetres() throws -> [Coordinate] {
    let points = try centroids()
    guard let crs = layer.crs else { return points }
    let unit = try CoordinateReferenceSystem(crs).axisUnit().metresPerUnit
    return unit == 1 ? points : points.map { Coordinate(x: $0.x * unit, y: $0.y * unit) }
  }

  /// Centroids by GEOS; a feature without geometry is an error naming it.
  func centroids() throws -> [Coordinate] {
    let points = try GeometryChecks.centroids(of: layer)
    return try points.enumerated().map { k, p in
      guard let p else {
        throw CommandInputError.noGeometry(
          file: report.file, feature: k, id: ids[k], needed: "a centroid for kNN or distance weights")
      }
      return p
    }
  }

  /// Reads a GAL or GWT file and puts its units in the layer's order.
  func weights(fromFile file: String) throws -> SpatialWeights {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let read =
      file.lowercased().hasSuffix(".gwt")
      ? try SpatialWeights.readGWT(text, ids: nil) : try SpatialWeights.readGAL(text)
    let original = read.transformed(.original)
    let position = Dictionary(
      original.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let layerIDs = Set(ids)
    let notInLayer = original.ids.filter { !layerIDs.contains($0) }
    let notInWeights = ids.filter { position[$0] == nil && !file.lowercased().hasSuffix(".gwt") }
    guard notInLayer.isEmpty, notInWeights.isEmpty else {
      throw CommandInputError.weightsDoNotMatch(
        file: file, notInLayer: notInLayer, notInWeights: notInWeights)
    }
    let layerPosition = Dictionary(
      ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    var neighbours: [[Int]] = []
    var values: [[Double]] = []
    for id in ids {
      guard let i = position[id] else {  // a GWT file does not list islands
        neighbours.append([])
        values.append([])
        continue
      }
      neighbours.append(original.neighbours(of: i).map { layerPosition[original.ids[$0]]! })
      values.append(Array(original.weights(of: i)))
    }
    return try SpatialWeights(ids: ids, neighbours: neighbours, weights: values)
  }
}
