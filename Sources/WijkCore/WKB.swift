import Foundation

/// Reading and writing ISO well-known binary (2D; Z and M are read and dropped).
///
/// WKB is the neutral format between GDAL/OGR, GEOS and wijk's values: no pointer ownership
/// crosses a library boundary, only bytes.
public enum WKB {
  /// Encodes `geometry` as little-endian ISO WKB (2D).
  public static func encode(_ geometry: Geometry) -> [UInt8] {
    var w = Writer()
    w.write(geometry)
    return w.bytes
  }

  /// Decodes WKB (either byte order, ISO or EWKB-style Z/M flags) into a 2D geometry.
  /// - Throws: ``WKBError`` when the bytes are truncated (including a count of parts, rings or
  ///   points that the remaining bytes cannot hold), hold an unsupported type, or nest
  ///   collections deeper than ``maxNesting``.
  public static func decode(_ bytes: [UInt8]) throws(WKBError) -> Geometry {
    var r = Reader(bytes: bytes)
    return try r.readGeometry()
  }

  /// How many multi-geometries and collections may nest inside one another. Real layers nest
  /// one or two; the limit keeps a hostile blob from overflowing the stack (found by
  /// Fuzz/WKB: ten thousand nested collections, 90 kB, crashed the reader).
  public static let maxNesting = 32
}

/// Why a WKB blob could not be decoded.
public enum WKBError: Error, Hashable, Sendable, CustomStringConvertible {
  case truncated(offset: Int)
  case unsupportedType(UInt32)
  case badByteOrder(UInt8)
  /// Collections nested deeper than ``WKB/maxNesting``; `offset` is the part that is too deep.
  case nestedTooDeep(offset: Int)

  public var description: String {
    switch self {
    case .truncated(let o): "WKB ends early at byte \(o)"
    case .unsupportedType(let t): "WKB geometry type \(t) is not supported"
    case .badByteOrder(let b): "WKB byte-order flag \(b) is neither 0 nor 1"
    case .nestedTooDeep(let o):
      "WKB collections nest deeper than \(WKB.maxNesting) levels at byte \(o)"
    }
  }
}

private struct Writer {
  var bytes: [UInt8] = []

  mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
  mutating func f64(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
  mutating func header(_ type: UInt32) {
    bytes.append(1)
    u32(type)
  }
  mutating func points(_ cs: [Coordinate]) {
    u32(UInt32(cs.count))
    for c in cs {
      f64(c.x)
      f64(c.y)
    }
  }
  mutating func polygon(_ p: Polygon) {
    header(3)
    u32(UInt32(p.rings.count))
    for r in p.rings { points(r.coordinates) }
  }

  mutating func write(_ g: Geometry) {
    switch g {
    case .point(let c):
      header(1)
      f64(c.x)
      f64(c.y)
    case .lineString(let cs):
      header(2)
      points(cs)
    case .polygon(let p): polygon(p)
    case .multiPoint(let cs):
      header(4)
      u32(UInt32(cs.count))
      for c in cs {
        header(1)
        f64(c.x)
        f64(c.y)
      }
    case .multiLineString(let ls):
      header(5)
      u32(UInt32(ls.count))
      for l in ls {
        header(2)
        points(l)
      }
    case .multiPolygon(let ps):
      header(6)
      u32(UInt32(ps.count))
      for p in ps { polygon(p) }
    case .collection(let gs):
      header(7)
      u32(UInt32(gs.count))
      for part in gs { write(part) }
    }
  }
}

private struct Reader {
  let bytes: [UInt8]
  var offset = 0
  var littleEndian = true
  var dimensions = 2
  /// Collections open around the geometry being read.
  var depth = 0

  mutating func take(_ n: Int) throws(WKBError) -> ArraySlice<UInt8> {
    guard offset + n <= bytes.count else { throw .truncated(offset: offset) }
    defer { offset += n }
    return bytes[offset..<(offset + n)]
  }
  mutating func u32() throws(WKBError) -> UInt32 {
    let s = try take(4)
    var v: UInt32 = 0
    for (i, b) in s.enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
    return littleEndian ? v : v.byteSwapped
  }
  mutating func f64() throws(WKBError) -> Double {
    let s = try take(8)
    var v: UInt64 = 0
    for (i, b) in s.enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
    return Double(bitPattern: littleEndian ? v : v.byteSwapped)
  }
  mutating func coordinate() throws(WKBError) -> Coordinate {
    let x = try f64()
    let y = try f64()
    for _ in 2..<dimensions { _ = try f64() }
    return Coordinate(x: x, y: y)
  }
  mutating func coordinates() throws(WKBError) -> [Coordinate] {
    let n = try count(minimumSize: 16)
    var cs: [Coordinate] = []
    cs.reserveCapacity(n)
    for _ in 0..<n { cs.append(try coordinate()) }
    return cs
  }
  /// A count of items of at least `minimumSize` bytes each, checked against the bytes left
  /// before anything is allocated or looped over.
  mutating func count(minimumSize: Int) throws(WKBError) -> Int {
    let n = Int(try u32())
    guard n <= (bytes.count - offset) / minimumSize else { throw .truncated(offset: offset) }
    return n
  }
  mutating func polygonBody() throws(WKBError) -> Polygon {
    let n = try count(minimumSize: 4)  // a ring is at least its point count
    var rings: [Ring] = []
    for _ in 0..<n { rings.append(Ring(try coordinates())) }
    guard let exterior = rings.first else { return Polygon(exterior: Ring([])) }
    return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
  }

  mutating func readGeometry() throws(WKBError) -> Geometry {
    let order = try take(1).first!
    guard order <= 1 else { throw .badByteOrder(order) }
    littleEndian = order == 1
    var type = try u32()
    // EWKB flags (Z 0x80000000, M 0x40000000, SRID 0x20000000) and ISO thousands (Z, M, ZM).
    var dims = 2
    if type & 0x8000_0000 != 0 { dims += 1 }
    if type & 0x4000_0000 != 0 { dims += 1 }
    if type & 0x2000_0000 != 0 { _ = try u32() }
    type &= 0x0FFF_FFFF
    switch type / 1000 {
    case 1, 2: dims += 1
    case 3: dims += 2
    default: break
    }
    type %= 1000
    dimensions = dims
    switch type {
    case 1: return .point(try coordinate())
    case 2: return .lineString(try coordinates())
    case 3: return .polygon(try polygonBody())
    case 4, 5, 6, 7:
      guard depth < WKB.maxNesting else { throw .nestedTooDeep(offset: offset) }
      let n = try count(minimumSize: 9)  // a part is at least byte order, type and a count
      depth += 1
      defer { depth -= 1 }
      var parts: [Geometry] = []
      for _ in 0..<n { parts.append(try readGeometry()) }
      return assemble(type: type, parts)
    default: throw .unsupportedType(type)
    }
  }

  func assemble(type: UInt32, _ parts: [Geometry]) -> Geometry {
    switch type {
    case 4: return .multiPoint(parts.flatMap(\.allCoordinates))
    case 5:
      return .multiLineString(
        parts.compactMap { if case .lineString(let l) = $0 { l } else { nil } })
    case 6: return .multiPolygon(parts.flatMap(\.polygons))
    default: return .collection(parts)
    }
  }
}
