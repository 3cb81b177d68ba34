// Pure-Swift geometry values. No C import: the GEOS bridge (WijkEngine) converts these to and
// from GEOS through WKB, and the statistics and maps read their coordinates directly.

/// A planar position. `x` is easting or longitude, `y` northing or latitude, always in that
/// order, whatever the CRS's authority axis order says (EPSG:4326 is lat/lon by definition;
/// wijk never stores it that way).
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
  /// Easting (or longitude), in CRS units.
  public var x: Double
  /// Northing (or latitude), in CRS units.
  public var y: Double
  /// A position, taken as given (not checked for finiteness).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
  public var description: String { "(\(x.shortText), \(y.shortText))" }
}

/// A closed ring of coordinates: the first coordinate equals the last one.
///
/// The initialiser closes an open ring rather than rejecting it; it does not check
/// simplicity (that is GEOS's job, see `WijkEngine`'s validity check).
public struct Ring: Hashable, Sendable {
  public private(set) var coordinates: [Coordinate]

  /// - Parameter coordinates: at least 3 distinct positions; closed if it is not.
  public init(_ coordinates: [Coordinate]) {
    var closed = coordinates
    if let first = closed.first, closed.last != first { closed.append(first) }
    self.coordinates = closed
  }

  /// Twice the signed shoelace area, in squared CRS units; positive when counter-clockwise.
  /// Used for orientation only: areas of wards come from GEOS in a projected CRS.
  public var signedDoubleArea: Double {
    var sum = 0.0
    for i in 0..<(coordinates.count - 1) {
      let a = coordinates[i]
      let b = coordinates[i + 1]
      sum += a.x * b.y - b.x * a.y
    }
    return sum
  }

  /// Whether the ring runs counter-clockwise (``signedDoubleArea`` above 0); `false` for a
  /// ring of zero area.
  public var isCounterClockwise: Bool { signedDoubleArea > 0 }

  /// The same ring traversed the other way.
  public var reversed: Ring { Ring(coordinates.reversed()) }
}

/// A polygon: one exterior ring and zero or more holes.
public struct Polygon: Hashable, Sendable {
  /// The outer boundary.
  public var exterior: Ring
  /// The holes, in source order; empty for none.
  public var holes: [Ring]
  /// A polygon; orientation, nesting and validity are not checked (GEOS does that).
  public init(exterior: Ring, holes: [Ring] = []) {
    self.exterior = exterior
    self.holes = holes
  }
  /// The exterior ring followed by the holes.
  public var rings: [Ring] { [exterior] + holes }
}

/// The geometries a ward layer or a point layer holds.
public enum Geometry: Hashable, Sendable {
  case point(Coordinate)
  case multiPoint([Coordinate])
  case lineString([Coordinate])
  case multiLineString([[Coordinate]])
  case polygon(Polygon)
  case multiPolygon([Polygon])
  /// A geometry collection; rare in ward layers, kept so that no input is lost.
  case collection([Geometry])

  /// The polygons of a polygonal geometry (a polygon is a one-part multipolygon); empty for
  /// points and lines.
  public var polygons: [Polygon] {
    switch self {
    case .polygon(let p): return [p]
    case .multiPolygon(let ps): return ps
    case .collection(let gs): return gs.flatMap(\.polygons)
    default: return []
    }
  }

  /// Whether every part is a polygon (and there is at least one).
  public var isPolygonal: Bool {
    switch self {
    case .polygon, .multiPolygon: return true
    case .collection(let gs): return !gs.isEmpty && gs.allSatisfy(\.isPolygonal)
    default: return false
    }
  }

  /// Every coordinate of the geometry, in storage order.
  public var allCoordinates: [Coordinate] {
    switch self {
    case .point(let c): return [c]
    case .multiPoint(let cs), .lineString(let cs): return cs
    case .multiLineString(let ls): return ls.flatMap { $0 }
    case .polygon(let p): return p.rings.flatMap(\.coordinates)
    case .multiPolygon(let ps): return ps.flatMap { $0.rings.flatMap(\.coordinates) }
    case .collection(let gs): return gs.flatMap(\.allCoordinates)
    }
  }

  /// The bounding box, or `nil` for an empty geometry.
  public var envelope: Envelope? { Envelope(allCoordinates) }

  /// OGC type name, as in WKT (`Polygon`, `MultiPolygon`, ...).
  public var typeName: String {
    switch self {
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .lineString: "LineString"
    case .multiLineString: "MultiLineString"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    case .collection: "GeometryCollection"
    }
  }
}

/// An axis-aligned bounding box in CRS units.
public struct Envelope: Hashable, Sendable {
  /// The bounds, in CRS units; `min` ≤ `max` for a box built from coordinates.
  public var minX, minY, maxX, maxY: Double
  /// A box with these bounds, taken as given (not reordered).
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
  }
  /// The box around `coordinates`; `nil` when there are none.
  public init?(_ coordinates: [Coordinate]) {
    guard let first = coordinates.first else { return nil }
    var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
    for c in coordinates.dropFirst() { e.expand(toInclude: c) }
    self = e
  }
  public mutating func expand(toInclude c: Coordinate) {
    minX = min(minX, c.x)
    maxX = max(maxX, c.x)
    minY = min(minY, c.y)
    maxY = max(maxY, c.y)
  }
  /// The smallest box holding both boxes.
  public func union(_ o: Envelope) -> Envelope {
    Envelope(
      minX: min(minX, o.minX), minY: min(minY, o.minY),
      maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
  }
  /// Closed-box test: a point on the box edge is inside.
  public func contains(_ c: Coordinate) -> Bool {
    c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
  }
  /// Closed-box test: boxes that only touch along an edge or at a corner intersect.
  public func intersects(_ o: Envelope) -> Bool {
    minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY
  }
  /// `maxX − minX`, in CRS units.
  public var width: Double { maxX - minX }
  /// `maxY − minY`, in CRS units.
  public var height: Double { maxY - minY }
}

extension Double {
  /// Shortest round-trip text ("230000" rather than "230000.0").
  public var shortText: String {
    if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
    return String(self)
  }
}
