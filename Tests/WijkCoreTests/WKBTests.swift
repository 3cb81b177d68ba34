import Testing
import WijkCore

@Suite struct WKBTests {
  let square = Polygon(
    exterior: Ring([
      Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10),
      Coordinate(x: 0, y: 10),
    ]))

  @Test func roundTripsEveryType() throws {
    let geometries: [Geometry] = [
      .point(Coordinate(x: 229465.37, y: 184465.66)),
      .lineString([Coordinate(x: 1, y: 2), Coordinate(x: 3, y: 4)]),
      .polygon(square),
      .multiPolygon([square, square]),
      .multiPoint([Coordinate(x: 1, y: 1), Coordinate(x: 2, y: 2)]),
      .collection([.point(Coordinate(x: 5, y: 5)), .polygon(square)]),
    ]
    for g in geometries { #expect(try WKB.decode(WKB.encode(g)) == g) }
  }

  @Test func pointLayoutIsISOLittleEndian() {
    let bytes = WKB.encode(.point(Coordinate(x: 1, y: 2)))
    #expect(bytes.count == 21)
    #expect(Array(bytes[0..<5]) == [1, 1, 0, 0, 0])
  }

  @Test func dropsZFromISOPointZ() throws {
    var bytes: [UInt8] = [1, 0xE9, 0x03, 0, 0]  // 1001 = Point Z
    for v in [1.0, 2.0, 3.0] { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
    #expect(try WKB.decode(bytes) == .point(Coordinate(x: 1, y: 2)))
  }

  @Test func truncatedBytesThrowWithOffset() {
    #expect(throws: WKBError.truncated(offset: 5)) { try WKB.decode([1, 1, 0, 0, 0, 0]) }
  }

  /// Collections nested `depth` deep around an empty collection, little-endian.
  func nestedCollections(_ depth: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    for level in 0...depth { bytes += [1, 7, 0, 0, 0, level < depth ? 1 : 0, 0, 0, 0] }
    return bytes
  }

  // Fuzz/WKB: 10 000 nested collections (90 kB) overflowed the stack.
  @Test func deeplyNestedCollectionsThrowInsteadOfOverflowingTheStack() {
    #expect(throws: WKBError.nestedTooDeep(offset: 9 * WKB.maxNesting + 5)) {
      try WKB.decode(nestedCollections(100_000))
    }
  }

  @Test func collectionsNestedToTheLimitDecode() throws {
    var expected = Geometry.collection([])
    for _ in 0..<WKB.maxNesting - 1 { expected = .collection([expected]) }
    #expect(try WKB.decode(nestedCollections(WKB.maxNesting - 1)) == expected)
  }

  // A header's count is checked against the bytes left before any part is read.
  @Test func countsTheBytesCannotHoldThrowTruncated() {
    let hugeCollection: [UInt8] = [1, 7, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
    #expect(throws: WKBError.truncated(offset: 9)) { try WKB.decode(hugeCollection) }
    let hugePolygon: [UInt8] = [1, 3, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 8)
    #expect(throws: WKBError.truncated(offset: 9)) { try WKB.decode(hugePolygon) }
  }

  @Test func ringClosesAndKnowsOrientation() {
    #expect(square.exterior.coordinates.count == 5)
    #expect(square.exterior.isCounterClockwise)
    #expect(!square.exterior.reversed.isCounterClockwise)
    #expect(square.exterior.signedDoubleArea == 200)
  }
}
