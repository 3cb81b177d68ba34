import Foundation
import Testing
import WijkCore

@testable import WijkEngine

/// The error plumbing itself: GEOS's own message reaches the Swift error unchanged, one call's
/// messages never leak into the next. Oracle: GEOS 3.11's parser texts.
@Suite struct GEOSContextTests {
  @Test func invalidWKTThrowsExactlyTheGEOSMessage() {
    let context = GEOSContext()
    #expect(
      throws: EngineError.geos(
        function: "GEOSWKTReader_read_r",
        messages: ["ParseException: Expected word but encountered end of stream"])
    ) { try GEOSGeometry(wkt: "POLYGON ((0 0, 1 1", context: context) }
  }

  @Test func invalidWKBThrowsExactlyTheGEOSMessage() {
    let context = GEOSContext()
    // Little-endian polygon header announcing 5 rings, then nothing.
    let truncated: [UInt8] = [1, 3, 0, 0, 0, 5]
    #expect(
      throws: EngineError.geos(
        function: "GEOSWKBReader_read_r",
        messages: ["ParseException: Unexpected EOF parsing WKB"])
    ) { try GEOSGeometry(wkb: truncated, context: context) }
  }

  @Test func messagesAreDrainedPerCall() throws {
    let context = GEOSContext()
    _ = try? GEOSGeometry(wkt: "POINT (", context: context)
    // A success in between leaves nothing behind ...
    let square = try GEOSGeometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", context: context)
    #expect(try square.area == 4)
    // ... and the next failure carries its own single message, not the earlier one.
    do {
      _ = try GEOSGeometry(wkt: "LINESTRING (0 0,", context: context)
      Issue.record("expected a parse error")
    } catch {
      guard case .geos(_, let messages) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(messages.count == 1)
    }
  }

  @Test func valueRoundTripsThroughWKB() throws {
    let context = GEOSContext()
    let polygon = Geometry.polygon(
      Polygon(
        exterior: Ring([
          Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 10),
          Coordinate(x: 0, y: 10),
        ]),
        holes: [
          Ring([
            Coordinate(x: 2, y: 2), Coordinate(x: 2, y: 4), Coordinate(x: 4, y: 4),
            Coordinate(x: 4, y: 2),
          ])
        ]))
    let g = try GEOSGeometry(polygon, context: context)
    #expect(try g.value() == polygon)
    // 10 × 10 − 2 × 2 = 96.
    #expect(try g.area == 96)
    #expect(try g.length == 40 + 8)
    #expect(
      try g.wkt() == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))")
    #expect(try g.envelope == Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10))
  }

  @Test func emptyResultsBecomeEmptyValues() throws {
    let context = GEOSContext()
    let a = try GEOSGeometry.rectangle(
      Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1), context: context)
    let b = try GEOSGeometry.rectangle(
      Envelope(minX: 5, minY: 5, maxX: 6, maxY: 6), context: context)
    let none = try a.intersection(b)
    #expect(try none.isEmpty)
    #expect(try none.value() == .collection([]))
    #expect(try none.envelope == nil)
    #expect(try none.area == 0)
  }

  /// Measures and overlays by hand: squares [0,2]² and [1,3]² overlap in [1,2]² (area 1),
  /// their union has area 4 + 4 − 1 = 7, [0,2]² and [3,4]×[0,2] are 1 apart.
  @Test func measuresOverlaysAndPredicates() throws {
    let context = GEOSContext()
    func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) throws -> GEOSGeometry {
      try GEOSGeometry.rectangle(Envelope(minX: x0, minY: y0, maxX: x1, maxY: y1), context: context)
    }
    let a = try box(0, 0, 2, 2)
    let b = try box(1, 1, 3, 3)
    let far = try box(3, 0, 4, 2)
    #expect(try a.intersection(b).area == 1)
    #expect(try a.union(b).area == 7)
    #expect(try GEOSGeometry.collection([a, b], context: context).unaryUnion().area == 7)
    #expect(try a.distance(to: far) == 1)
    #expect(try a.centroid.coordinate == Coordinate(x: 1, y: 1))
    let inside = try #require(try a.pointOnSurface.coordinate)
    #expect(inside.x > 0 && inside.x < 2 && inside.y > 0 && inside.y < 2)
    #expect(try a.intersects(b) && !a.intersects(far))
    #expect(try a.touches(box(2, 0, 3, 2)))
    let edge = try GEOSGeometry.point(Coordinate(x: 2, y: 1), context: context)
    #expect(try a.covers(edge) && !a.contains(edge))
    // A 1-unit buffer of the 2 × 2 square: 4 + 4 × 2 + a circle of radius 1 drawn with 32
    // segments, 32 × sin(2π/32) / 2 = 3.1214..., so 15.1214...
    let buffered: Double = try a.buffer(by: 1).area
    let expected: Double = 12 + 16 * sin(Double.pi / 16)
    #expect(abs(buffered - expected) < 1e-9)
  }
}
