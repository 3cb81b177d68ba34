// Geometry to SVG path data.

import WijkCore

/// Writes geometries as SVG path data in SVG units of a ``ViewTransform``, rounded to 0.1 unit
/// (at the default 560-unit map width that is about 1 m on a 5 km city), dropping points that
/// round onto the previous one. Every ring becomes its own closed subpath, so with
/// `fill-rule="evenodd"` holes stay empty and every part of a multipolygon is filled.
enum SVGPath {
  /// Path data for the rings of every polygon of `geometry` (points and lines give none).
  static func polygons(_ geometry: Geometry, _ t: ViewTransform) -> String {
    var parts: [String] = []
    for polygon in geometry.polygons {
      for ring in polygon.rings { parts.append(line(ring.coordinates, t, closed: true)) }
    }
    return parts.joined()
  }

  /// Path data for the lines of `geometry`: linestrings, and the rings of polygons.
  static func lines(_ geometry: Geometry, _ t: ViewTransform) -> String {
    switch geometry {
    case .lineString(let cs): return line(cs, t, closed: false)
    case .multiLineString(let ls): return ls.map { line($0, t, closed: false) }.joined()
    case .collection(let gs): return gs.map { lines($0, t) }.joined()
    default: return polygons(geometry, t)
    }
  }

  static func line(_ coordinates: [Coordinate], _ t: ViewTransform, closed: Bool) -> String {
    var out = ""
    var last: (String, String)? = nil
    var written = 0
    var ring = coordinates
    if closed, ring.count > 1, ring.first == ring.last { ring.removeLast() }
    for c in ring {
      let p = t.apply(c)
      let xy = (p.x.svg, p.y.svg)
      if let l = last, l == xy { continue }
      // "M x y L x y x y ...": one L suffices, later pairs repeat it implicitly.
      out += (written == 0 ? "M" : written == 1 ? "L" : " ") + xy.0 + " " + xy.1
      last = xy
      written += 1
    }
    if closed && !out.isEmpty { out += "Z" }
    return out
  }
}
