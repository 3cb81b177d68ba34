import WijkCore
import WijkEngine

/// The share of a site in one ward.
public struct SiteWardShare: Sendable, Equatable, Codable {
  /// The ward code.
  public var code: String
  /// The ward's name without the municipality suffix.
  public var name: String
  /// Area of site ∩ ward in m² (0 for a point site).
  public var squareMetres: Double
  /// squareMetres / site area (1 for a point site).
  public var shareOfSite: Double
}

/// The share of one ward inside the buffer around the site.
public struct BufferWardShare: Sendable, Equatable, Codable {
  /// The ward code.
  public var code: String
  /// The ward's name without the municipality suffix.
  public var name: String
  /// Area of buffer ∩ ward in m².
  public var squareMetres: Double
  /// squareMetres / ward area: the weight of the ward's counts in the surroundings.
  public var shareOfWard: Double
}

/// Where a site lies: the ward(s) it is in with their shares, and the wards its buffer
/// overlaps.
public struct SiteLocation: Sendable, Equatable, Codable {
  /// Site area in m² (0 for a point).
  public var siteSquareMetres: Double
  /// The wards the site lies in, largest share first.
  public var wards: [SiteWardShare]
  /// The share of the site outside every ward (0 when the wards cover it).
  public var shareOutsideWards: Double
  /// Buffer radius in metres.
  public var bufferMetres: Double
  /// The wards the buffer overlaps, largest share first.
  public var surroundings: [BufferWardShare]
}

/// Locates a site among the wards with GEOS overlays (planar areas in the wards' CRS).
///
/// A polygon site's share in ward w is area(site ∩ w) / area(site); the buffer's weight of
/// ward w is area(buffer ∩ w) / area(w) (areal weighting: the ward's counts are taken as
/// spread evenly over it). A point site on a shared boundary belongs to the ward with the
/// smallest code, the rule of every point join (``WardPointIndex``).
public enum SiteLocator {
  /// - Parameters:
  ///   - site: the site in `table.crs`.
  ///   - table: the wards.
  ///   - bufferMetres: radius of the surroundings (> 0).
  /// - Throws: ``LiveabilityError/siteOutsideWards(source:nearestWard:metres:)`` when no
  ///   part of the site lies in a ward; `EngineError` for a GEOS failure.
  public static func locate(
    _ site: Site, in table: WardTable, bufferMetres: Double
  ) throws -> SiteLocation {
    let context = GEOSContext()
    let s = try GEOSGeometry(site.geometry, context: context)
    let wards = try table.geometries.map { (g) throws(EngineError) in
      try GEOSGeometry(g, context: context)
    }
    let shares =
      site.isPoint ? try pointShares(s, wards, table) : try polygonShares(s, wards, table)
    guard !shares.isEmpty else {
      let distances = try wards.map { (w) throws(EngineError) in try w.distance(to: s) }
      let nearest = distances.indices.min { distances[$0] < distances[$1] }
      throw LiveabilityError.siteOutsideWards(
        source: site.source,
        nearestWard: nearest.map { "\(table.shortName($0)) (\(table.codes[$0]))" },
        metres: nearest.map { distances[$0] })
    }
    let buffer = try s.buffer(by: bufferMetres)
    var ring: [BufferWardShare] = []
    for (i, w) in wards.enumerated() {
      let a = try w.intersection(buffer).area
      if a > 0 {
        ring.append(
          BufferWardShare(
            code: table.codes[i], name: table.shortName(i), squareMetres: a,
            shareOfWard: a / table.areaSquareMetres[i]))
      }
    }
    let siteArea = site.isPoint ? 0 : try s.area
    let inside = shares.map(\.shareOfSite).reduce(0, +)
    return SiteLocation(
      siteSquareMetres: siteArea, wards: shares,
      shareOutsideWards: site.isPoint ? 0 : max(0, 1 - inside), bufferMetres: bufferMetres,
      surroundings: ring.sorted { $0.shareOfWard > $1.shareOfWard })
  }

  /// The one ward covering a point; on a shared boundary the smallest code.
  static func pointShares(
    _ s: GEOSGeometry, _ wards: [GEOSGeometry], _ table: WardTable
  ) throws -> [SiteWardShare] {
    var covering: [Int] = []
    for (i, w) in wards.enumerated() where try w.covers(s) { covering.append(i) }
    guard let i = covering.min(by: { table.codes[$0] < table.codes[$1] }) else { return [] }
    return [
      SiteWardShare(code: table.codes[i], name: table.shortName(i), squareMetres: 0, shareOfSite: 1)
    ]
  }

  static func polygonShares(
    _ s: GEOSGeometry, _ wards: [GEOSGeometry], _ table: WardTable
  ) throws -> [SiteWardShare] {
    let total = try s.area
    var out: [SiteWardShare] = []
    for (i, w) in wards.enumerated() {
      let a = try w.intersection(s).area
      if a > 0 {
        out.append(
          SiteWardShare(
            code: table.codes[i], name: table.shortName(i), squareMetres: a, shareOfSite: a / total)
        )
      }
    }
    return out.sorted { $0.shareOfSite > $1.shareOfSite }
  }
}
