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

  @Test func ringClosesAndKnowsOrientation() {
    #expect(square.exterior.coordinates.count == 5)
    #expect(square.exterior.isCounterClockwise)
    #expect(!square.exterior.reversed.isCounterClockwise)
    #expect(square.exterior.signedDoubleArea == 200)
  }
}
