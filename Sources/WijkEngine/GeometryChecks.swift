import WijkCore

/// A feature whose geometry is invalid, with GEOS's reason and location.
public struct FeatureValidityProblem: Hashable, Sendable, CustomStringConvertible {
  /// Position of the feature in `layer.features`.
  public var featureIndex: Int
  /// What GEOS found; reason "Missing geometry" (no location) for a feature without one.
  public var problem: ValidityProblem

  /// The `problem` of feature `featureIndex` (position in `layer.features`).
  public init(featureIndex: Int, problem: ValidityProblem) {
    self.featureIndex = featureIndex
    self.problem = problem
  }

  /// "feature 0: Self-intersection at (229500, 184500)".
  public var description: String { "feature \(featureIndex): \(problem)" }
}

/// Two features of one layer whose interiors overlap, with the overlap's area.
public struct Overlap: Hashable, Sendable, CustomStringConvertible {
  /// Position in `layer.features` of the earlier feature.
  public var first: Int
  /// Position in `layer.features` of the later feature (`first < second`).
  public var second: Int
  /// Area of the overlap in m².
  public var squareMetres: Double

  /// An overlap of `squareMetres` m² between features `first` and `second`.
  public init(first: Int, second: Int, squareMetres: Double) {
    self.first = first
    self.second = second
    self.squareMetres = squareMetres
  }

  /// "features 0 and 1 overlap by 50000 m²".
  public var description: String {
    "features \(first) and \(second) overlap by \(squareMetres.shortText) m²"
  }
}

/// The area shared by a source feature and a target feature (one entry of the sparse
/// matrix used for areal interpolation).
public struct IntersectionArea: Hashable, Sendable {
  /// Position in the source layer's `features`.
  public var sourceIndex: Int
  /// Position in the target layer's `features`.
  public var targetIndex: Int
  /// Area of the intersection in m² (always > 0).
  public var squareMetres: Double

  /// `squareMetres` m² shared by source feature `sourceIndex` and target `targetIndex`.
  public init(sourceIndex: Int, targetIndex: Int, squareMetres: Double) {
    self.sourceIndex = sourceIndex
    self.targetIndex = targetIndex
    self.squareMetres = squareMetres
  }
}

/// Layer-level geometry checks and measures that other modules call with values only: each
/// call makes its own GEOS and PROJ contexts, so it is safe from any task.
///
/// Areas are planar, computed by GEOS in the layer's projected CRS and converted to m² with
/// the CRS's unit; a geographic CRS is refused (never square degrees).
public enum GeometryChecks {
  /// Every invalid geometry of `layer`, in feature order; empty when all are valid.
  ///
  /// Case 04's bow-tie W31 gives reason "Self-intersection" at (229500, 184500).
  ///
  /// - Throws: ``EngineError/feature(layer:featureIndex:reason:)`` wrapping a GEOS failure
  ///   (e.g. a ring with fewer than 4 points cannot even be built).
  public static func problems(in layer: Layer) throws(EngineError)
    -> [FeatureValidityProblem]
  {
    let context = GEOSContext()
    var found: [FeatureValidityProblem] = []
    for (i, feature) in layer.features.enumerated() {
      guard let g = feature.geometry else {
        found.append(
          FeatureValidityProblem(
            featureIndex: i, problem: ValidityProblem(reason: "Missing geometry", location: nil)))
        continue
      }
      let problem = try perFeature(layer, i) { () throws(EngineError) in
        try GEOSGeometry(g, context: context).validityProblem
      }
      if let problem { found.append(FeatureValidityProblem(featureIndex: i, problem: problem)) }
    }
    return found
  }

  /// The layer with every invalid geometry repaired by `GEOSMakeValid_r`, and the positions
  /// of the repaired features (say them in the output). Valid geometries are unchanged.
  ///
  /// - Throws: ``EngineError/feature(layer:featureIndex:reason:)``.
  public static func repaired(_ layer: Layer) throws(EngineError)
    -> (layer: Layer, repaired: [Int])
  {
    let context = GEOSContext()
    var out = layer
    var repaired: [Int] = []
    for (i, feature) in layer.features.enumerated() {
      guard let g = feature.geometry else { continue }
      let fixed = try perFeature(layer, i) { () throws(EngineError) -> Geometry? in
        let geos = try GEOSGeometry(g, context: context)
        return try geos.isValid ? nil : geos.makeValid().value()
      }
      if let fixed {
        out.features[i].geometry = fixed
        repaired.append(i)
      }
    }
    return (out, repaired)
  }

  /// Area of every feature in m², in feature order (0 for points and lines).
  ///
  /// - Parameters:
  ///   - layer: the features; its CRS must be known.
  ///   - crs: when given, the layer is first transformed to this CRS (which must be
  ///     projected) and measured there; when `nil`, the layer's own CRS must be projected.
  /// - Throws: ``EngineError/geographicCRS(layer:crs:)``, ``EngineError/missingCRS(layer:)``,
  ///   ``EngineError/missingGeometry(layer:featureIndex:)``,
  ///   ``EngineError/nonLinearUnit(crs:unit:)``,
  ///   ``EngineError/feature(layer:featureIndex:reason:)``.
  public static func areas(of layer: Layer, in crs: CRSDefinition? = nil) throws(EngineError)
    -> [Double]
  {
    let measured = try projected(layer, to: crs)
    let scale = try squareMetresPerSquareUnit(of: measured)
    let context = GEOSContext()
    var areas: [Double] = []
    for (i, feature) in measured.features.enumerated() {
      guard let g = feature.geometry else {
        throw .missingGeometry(layer: layer.name, featureIndex: feature.index)
      }
      areas.append(
        try perFeature(layer, i) { () throws(EngineError) in
          try GEOSGeometry(g, context: context).area * scale
        })
    }
    return areas
  }

  /// Every pair of features whose overlap exceeds `minimumArea` m², ordered by `first` then
  /// `second`. Wards must tile the city; an overlap counts points twice.
  ///
  /// Candidates come from an STRtree; the overlap is the area of the GEOS intersection.
  /// Features that merely touch (shared edge, area 0) are never reported. Features without
  /// geometry are skipped. Run ``problems(in:)`` first: an invalid ward can make the
  /// intersection fail.
  ///
  /// - Parameters:
  ///   - minimumArea: in m²; overlaps of this size or less (rounding slivers) are not
  ///     reported. Case 03's 50 000 m² overlap is reported with any value below that.
  ///   - inLayerUnits: measure in squared layer units, for a layer whose CRS (and so whose
  ///     unit) is unknown; `minimumArea` is then in those units too.
  ///   - minimumShare: an overlap is reported only when it also exceeds this share of the
  ///     smaller feature's area (a threshold that needs no unit).
  /// - Throws: ``EngineError/geographicCRS(layer:crs:)``, ``EngineError/missingCRS(layer:)``
  ///   (unless `inLayerUnits`), ``EngineError/feature(layer:featureIndex:reason:)`` wrapping
  ///   a GEOS TopologyException.
  public static func overlaps(
    in layer: Layer, minimumArea: Double = 0, inLayerUnits: Bool = false,
    minimumShare: Double = 0
  ) throws(EngineError) -> [Overlap] {
    let scale = inLayerUnits ? 1 : try squareMetresPerSquareUnit(of: layer)
    let context = GEOSContext()
    let (positions, geometries) = try geosGeometries(of: layer, context: context)
    let tree = try STRtree(geometries, context: context)
    var found: [Overlap] = []
    for (k, g) in geometries.enumerated() {
      let prepared = try perFeature(layer, positions[k]) { () throws(EngineError) in
        try PreparedGeometry(g)
      }
      for m in try tree.query(g) where m > k {
        let other = geometries[m]
        let area = try perFeature(layer, positions[k]) { () throws(EngineError) -> Double in
          guard try prepared.intersects(other) else { return 0 }
          return try g.intersection(other).area * scale
        }
        let smaller = minimumShare > 0 ? try min(g.area, other.area) * scale : 0
        if area > minimumArea && area > minimumShare * smaller {
          found.append(Overlap(first: positions[k], second: positions[m], squareMetres: area))
        }
      }
    }
    return found
  }

  /// The non-zero intersection areas between each source feature and each target feature
  /// (m²), ordered by source then target: the sparse weights of area-weighted
  /// interpolation, as tobler's `area_tables` computes them.
  ///
  /// - Parameters:
  ///   - source: e.g. statistical sectors; features without geometry are skipped.
  ///   - target: e.g. wards, in the same projected CRS as `source`.
  /// - Throws: ``EngineError/crsMismatch(layer:crs:otherLayer:otherCRS:)``,
  ///   ``EngineError/geographicCRS(layer:crs:)``, ``EngineError/missingCRS(layer:)``,
  ///   ``EngineError/feature(layer:featureIndex:reason:)`` (source feature).
  public static func intersectionAreas(source: Layer, target: Layer) throws(EngineError)
    -> [IntersectionArea]
  {
    let scale = try squareMetresPerSquareUnit(of: source)
    try requireSameCRS(source, target)
    let context = GEOSContext()
    let (targetPositions, targets) = try geosGeometries(of: target, context: context)
    let tree = try STRtree(targets, context: context)
    var entries: [IntersectionArea] = []
    for (i, feature) in source.features.enumerated() {
      guard let value = feature.geometry else { continue }
      try perFeature(source, i) { () throws(EngineError) in
        let g = try GEOSGeometry(value, context: context)
        let prepared = try PreparedGeometry(g)
        for m in try tree.query(g) where try prepared.intersects(targets[m]) {
          let area = try g.intersection(targets[m]).area * scale
          guard area > 0 else { continue }
          entries.append(
            IntersectionArea(sourceIndex: i, targetIndex: targetPositions[m], squareMetres: area))
        }
      }
    }
    return entries
  }
}

// MARK: - Helpers

extension GeometryChecks {
  /// Runs `body` for feature `position` of `layer`, wrapping a failure with the feature.
  static func perFeature<T>(_ layer: Layer, _ position: Int, _ body: () throws(EngineError) -> T)
    throws(EngineError) -> T
  {
    do {
      return try body()
    } catch {
      let index = layer.features[position].index
      throw .feature(layer: layer.name, featureIndex: index, reason: error)
    }
  }

  /// GEOS geometries of the features that have one, with their positions in the layer.
  static func geosGeometries(of layer: Layer, context: GEOSContext) throws(EngineError)
    -> (positions: [Int], geometries: [GEOSGeometry])
  {
    var positions: [Int] = []
    var geometries: [GEOSGeometry] = []
    for (i, feature) in layer.features.enumerated() {
      guard let g = feature.geometry else { continue }
      geometries.append(
        try perFeature(layer, i) { () throws(EngineError) in
          try GEOSGeometry(g, context: context)
        })
      positions.append(i)
    }
    return (positions, geometries)
  }

  /// The layer's CRS interpreted by PROJ. - Throws: `.missingCRS`, `.proj`.
  static func crs(of layer: Layer, context: PROJContext) throws(EngineError)
    -> CoordinateReferenceSystem
  {
    guard let definition = layer.crs, definition.projString != nil else {
      throw .missingCRS(layer: layer.name)
    }
    return try CoordinateReferenceSystem(definition, context: context)
  }

  /// m² per squared CRS unit for a layer in a projected CRS (1 for EPSG:31370).
  static func squareMetresPerSquareUnit(of layer: Layer) throws(EngineError) -> Double {
    let crs = try crs(of: layer, context: PROJContext())
    guard !crs.isGeographic else {
      throw .geographicCRS(layer: layer.name, crs: layer.crs?.description ?? crs.name)
    }
    let unit = try crs.axisUnit()
    guard unit.metresPerUnit > 0, !["degree", "radian", "grad"].contains(unit.name) else {
      throw .nonLinearUnit(crs: crs.name, unit: unit.name)
    }
    return unit.metresPerUnit * unit.metresPerUnit
  }

  /// `layer` in `crs` (transformed when it differs), or `layer` itself when `crs` is nil.
  static func projected(_ layer: Layer, to crs: CRSDefinition?) throws(EngineError) -> Layer {
    guard let crs, crs != layer.crs else { return layer }
    let context = PROJContext()
    let source = try self.crs(of: layer, context: context)
    let target = try CoordinateReferenceSystem(crs, context: context)
    if source.isEquivalent(to: target) { return layer }
    return try Transformer(from: source, to: target).transform(layer)
  }

  /// Throws `.crsMismatch` unless both layers are in equivalent CRSs.
  static func requireSameCRS(_ a: Layer, _ b: Layer) throws(EngineError) {
    if a.crs == b.crs { return }
    let context = PROJContext()
    let crsA = try crs(of: a, context: context)
    let crsB = try crs(of: b, context: context)
    guard crsA.isEquivalent(to: crsB) else {
      throw .crsMismatch(
        layer: a.name, crs: a.crs?.description ?? "?", otherLayer: b.name,
        otherCRS: b.crs?.description ?? "?")
    }
  }
}
