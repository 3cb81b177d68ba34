import WijkCore

/// Where slivers can be: the land the closing of the whole coverage adds, covered by no
/// feature. Every strip ``GeometryChecks/slivers(in:tolerance:)`` reports lies in one part of
/// it, so a pair of wards without a common part nearby has no strip and needs no overlay.
///
/// Why it holds: a strip is within the closing of its two wards, which is within the closing
/// of the coverage (closing is increasing), and outside every feature; a connected piece of
/// it lies in one connected part. The closing here uses 1.05 times the tolerance, so that the
/// chords of GEOS's buffers (arcs of 8 segments per quadrant, 0.5 % short of the circle) cannot
/// leave a strip outside it (closings by growing discs only grow, Matheron's granulometry).
/// In a clean coverage the parts are the rounding at concave corners of the outer boundary,
/// so almost every ward is passed over; `SliverTests` checks the result equals the exhaustive
/// search.
struct SliverCandidates {
  /// The parts of closing(union) − union, each as a GEOS polygon.
  let parts: [GEOSGeometry]
  private let tree: STRtree
  /// How close a part must come to a ward to be near it, in layer units.
  private let reach: Double

  /// The candidate parts of the coverage of `geometries` for tolerance `r` (layer units).
  ///
  /// - Throws: ``EngineError/geos(function:messages:)`` when the union or a buffer fails.
  init(_ geometries: [GEOSGeometry], r: Double, context: GEOSContext) throws(EngineError) {
    let union = try GEOSGeometry.collection(geometries, context: context).unaryUnion()
    let closing = try union.buffer(by: 1.05 * r).buffer(by: -1.05 * r)
    let added = try closing.difference(union)
    parts = try added.value().polygons.map { (p) throws(EngineError) in
      try GEOSGeometry(.polygon(p), context: context)
    }
    tree = try STRtree(parts, context: context)
    reach = r * (1 + 1e-9)
  }

  /// The parts within the tolerance of `ward` (a strip of it is within the tolerance of it).
  func near(_ ward: GEOSGeometry) throws(EngineError) -> Set<Int> {
    guard !parts.isEmpty, let box = try ward.envelope else { return [] }
    let grown = Envelope(
      minX: box.minX - reach, minY: box.minY - reach, maxX: box.maxX + reach,
      maxY: box.maxY + reach)
    var found: Set<Int> = []
    for p in try tree.query(grown) where try parts[p].distance(to: ward) <= reach {
      found.insert(p)
    }
    return found
  }
}
