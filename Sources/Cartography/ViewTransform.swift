// From projected map coordinates (metres) to SVG user units, north up.

import WijkCore

/// An affine map from a projected CRS (x easting, y northing, in metres) to SVG user units
/// (x right, y down): `svgX = offsetX + scale * (x - world.minX)`,
/// `svgY = offsetY + scale * (world.maxY - y)`. One scale for both axes keeps the aspect equal;
/// the y flip puts north at the top.
public struct ViewTransform: Hashable, Sendable {
  /// The projected box that is shown.
  public let world: Envelope
  /// SVG units per metre.
  public let scale: Double
  /// SVG x of `world.minX`: the box's left edge plus half the spare width.
  public let offsetX: Double
  /// SVG y of `world.maxY` (north): the box's top edge plus half the spare height.
  public let offsetY: Double

  /// The largest transform that fits `world` into a `width` × `height` box at
  /// (`originX`, `originY`), centred along the axis with room to spare.
  ///
  /// - Parameters:
  ///   - world: the area to show; a zero width or height is widened to 1 m.
  ///   - width, height: the box in SVG units, both positive.
  public init(
    fitting world: Envelope, originX: Double, originY: Double, width: Double,
    height: Double
  ) {
    var w = world
    if w.width <= 0 {
      w.minX -= 0.5
      w.maxX += 0.5
    }
    if w.height <= 0 {
      w.minY -= 0.5
      w.maxY += 0.5
    }
    self.world = w
    let s = min(width / w.width, height / w.height)
    scale = s
    offsetX = originX + (width - s * w.width) / 2
    offsetY = originY + (height - s * w.height) / 2
  }

  /// The SVG position of a projected coordinate.
  public func apply(_ c: Coordinate) -> (x: Double, y: Double) {
    (offsetX + scale * (c.x - world.minX), offsetY + scale * (world.maxY - c.y))
  }

  /// A length in metres as SVG units.
  public func svgLength(metres: Double) -> Double { metres * scale }
}
