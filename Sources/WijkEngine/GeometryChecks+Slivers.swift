import WijkCore

/// A sliver: two wards closer than a tolerance along a stretch where they do not touch, so a
/// thin strip between them belongs to neither. Points in it join no ward, and exact contiguity
/// does not see the two as neighbours. The gap check misses it when the strip is open at an
/// end (it is then no hole of the coverage).
public struct CoverageSliver: Hashable, Sendable, CustomStringConvertible {
  /// Position in `layer.features` of the earlier ward.
  public var first: Int
  /// Position in `layer.features` of the later ward (`first < second`).
  public var second: Int
  /// The smallest distance between the two wards, in metres; 0 when they touch elsewhere.
  public var separation: Double
  /// Length of the strip, in metres (half its perimeter, for a thin strip its length).
  public var length: Double
  /// Area of the strip, in m².
  public var squareMetres: Double
  /// A point inside the strip (GEOS point on surface of its largest part).
  public var location: Coordinate?

  /// A sliver between features `first` and `second`, measured as described.
  public init(
    first: Int, second: Int, separation: Double, length: Double, squareMetres: Double,
    location: Coordinate?
  ) {
    self.first = first
    self.second = second
    self.separation = separation
    self.length = length
    self.squareMetres = squareMetres
    self.location = location
  }

  /// "features 0 and 1 are 0.05 m apart along 1000 m (a 50 m² sliver)".
  public var description: String {
    "features \(first) and \(second) are \(separation.shortText) m apart along "
      + "\(length.shortText) m (a \(squareMetres.shortText) m² sliver)"
  }
}

extension GeometryChecks {
  /// Pairs of features closer than `tolerance` metres where they do not touch, with the strip
  /// between them; ordered by `first` then `second`.
  ///
  /// The strip is what a closing (grow by the tolerance, shrink back: GEOS buffers) of the two
  /// wards adds that is within the tolerance of both and covered by no feature. Two wards that
  /// do not touch are reported unless other wards fill the space between them; two that touch
  /// somewhere are reported when a strip of
  /// at least ten tolerances' length remains between them (a gap closed at one end only), as
  /// shorter strips are the rounding of the buffers at corners where wards meet. Parts of a
  /// strip narrower on average than a thousandth of the tolerance (1 mm for 1 m) are the
  /// overlay's own rounding along shared edges and are left out.
  ///
  /// - Parameter tolerance: in metres, > 0 (`wijk info` uses 1 m).
  /// - Throws: ``EngineError/geographicCRS(layer:crs:)``, ``EngineError/missingCRS(layer:)``,
  ///   ``EngineError/feature(layer:featureIndex:reason:)`` wrapping a GEOS failure (run
  ///   ``problems(in:)`` first: invalid wards make the overlays fail).
  public static func slivers(in layer: Layer, tolerance: Double = 1) throws(EngineError)
    -> [CoverageSliver]
  {
    try slivers(in: layer, tolerance: tolerance, exhaustive: false)
  }

  /// ``slivers(in:tolerance:)``, with the overlays run on every pair of wards within the
  /// tolerance when `exhaustive` (the slow search the tests compare the fast one with), or
  /// only on pairs near a common ``SliverCandidates`` part.
  static func slivers(in layer: Layer, tolerance: Double, exhaustive: Bool) throws(EngineError)
    -> [CoverageSliver]
  {
    let scale = try squareMetresPerSquareUnit(of: layer)
    let metres = scale.squareRoot()
    let r = tolerance / metres
    let context = GEOSContext()
    let (positions, geometries) = try geosGeometries(of: layer, context: context)
    guard !geometries.isEmpty else { return [] }
    let tree = try STRtree(geometries, context: context)
    let candidates = exhaustive ? nil : try SliverCandidates(geometries, r: r, context: context)
    var near: [Set<Int>?] = Array(repeating: nil, count: geometries.count)
    func nearParts(_ k: Int) throws(EngineError) -> Set<Int> {
      if let known = near[k] { return known }
      let found = try candidates!.near(geometries[k])
      near[k] = found
      return found
    }
    var grown: [GEOSGeometry?] = Array(repeating: nil, count: geometries.count)
    func grownWard(_ k: Int) throws(EngineError) -> GEOSGeometry {
      if let g = grown[k] { return g }
      let g = try perFeature(layer, positions[k]) { () throws(EngineError) in
        try geometries[k].buffer(by: r)
      }
      grown[k] = g
      return g
    }
    var found: [CoverageSliver] = []
    for k in geometries.indices {
      if candidates != nil, try nearParts(k).isEmpty { continue }
      for m in try tree.query(grownWard(k)) where m > k {
        if candidates != nil, try nearParts(k).isDisjoint(with: nearParts(m)) {
          continue
        }
        let pair = (positions[k], positions[m])
        if let sliver = try sliver(k, m, pair, layer, geometries, grownWard, tree, r) {
          found.append(sliver)
        }
      }
    }
    return found
  }

  /// The sliver between features `k` and `m` (at `pair` in the layer), or `nil` when they are
  /// farther apart than `r` or nothing with a real width lies between them.
  private static func sliver(
    _ k: Int, _ m: Int, _ pair: (Int, Int), _ layer: Layer, _ geometries: [GEOSGeometry],
    _ grownWard: (Int) throws(EngineError) -> GEOSGeometry, _ tree: STRtree, _ r: Double
  ) throws(EngineError) -> CoverageSliver? {
    let scale = try squareMetresPerSquareUnit(of: layer)
    let metres = scale.squareRoot()
    return try perFeature(layer, pair.0) { () throws(EngineError) -> CoverageSliver? in
      let separation = try geometries[k].distance(to: geometries[m])
      guard separation <= r else { return nil }
      let strip = try Self.strip(k, m, geometries, [grownWard(k), grownWard(m)], tree, r)
      let parts = try strip.value().polygons.map { (p) throws(EngineError) in
        try GEOSGeometry(.polygon(p), context: strip.context)
      }
      var kept: [(area: Double, length: Double, part: GEOSGeometry)] = []
      for part in parts {
        let (area, length) = (try part.area, try part.length / 2)
        // noise of the overlay along a shared edge: parts without a real width
        let floor = separation > 0 ? min(r / 1000, separation / 10) : r / 1000
        guard length > 0, area / length >= floor else { continue }
        if separation > 0 || length >= 10 * r { kept.append((area, length, part)) }
      }
      // nothing left between them: another ward fills the space
      guard !kept.isEmpty else { return nil }
      let largest = kept.max { $0.area < $1.area }
      return CoverageSliver(
        first: pair.0, second: pair.1, separation: separation * metres,
        length: kept.reduce(0) { $0 + $1.length } * metres,
        squareMetres: kept.reduce(0) { $0 + $1.area } * scale,
        location: try largest?.part.pointOnSurface.coordinate)
    }
  }

  /// The land between features `k` and `m`: their closing by `r`, within `r` of both, less
  /// every feature. `grown` holds the two grown by `r`.
  private static func strip(
    _ k: Int, _ m: Int, _ geometries: [GEOSGeometry], _ grown: [GEOSGeometry], _ tree: STRtree,
    _ r: Double
  ) throws(EngineError) -> GEOSGeometry {
    var strip = try grown[0].union(grown[1]).buffer(by: -r)
      .intersection(grown[0]).intersection(grown[1])
      .difference(geometries[k].union(geometries[m]))
    guard try !strip.isEmpty else { return strip }
    for o in try tree.query(strip) where o != k && o != m {
      strip = try strip.difference(geometries[o])
    }
    return strip
  }
}
