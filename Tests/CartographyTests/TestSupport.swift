// Fixtures and an SVG/XML inspector for the Cartography tests.

import Foundation
import Testing
import WijkCore

@testable import Cartography

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Paths of the test fixtures, relative to this file.
enum FixturePaths {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let golden = tests.appendingPathComponent("Fixtures/golden")
  static let geoData = tests.deletingLastPathComponent().appendingPathComponent("GeoData")
}

/// The wards of the fixtures.
enum Wards {
  /// A square ring of side `size` m with its lower-left corner at (x, y), counter-clockwise.
  static func square(_ x: Double, _ y: Double, _ size: Double) -> Ring {
    Ring([
      Coordinate(x: x, y: y), Coordinate(x: x + size, y: y),
      Coordinate(x: x + size, y: y + size), Coordinate(x: x, y: y + size),
    ])
  }

  /// The three 1 km squares of Tests/Fixtures/cases/09-shapefile-dbf-encoding (EPSG:31370,
  /// x from 229000 to 232000, y from 184000 to 185000), with their names as that case reads
  /// them.
  static let case09: [MapWard] = [
    MapWard(
      id: "W01", name: "Hoëvelde",
      geometry: .polygon(Polygon(exterior: square(229_000, 184_000, 1000)))),
    MapWard(
      id: "W02", name: "Sint-Ruïnehof",
      geometry: .polygon(Polygon(exterior: square(230_000, 184_000, 1000)))),
    MapWard(
      id: "W03", name: "Bèkerzand",
      geometry: .polygon(Polygon(exterior: square(231_000, 184_000, 1000)))),
  ]

  /// Two more wards north of the squares (invented): one with a hole (a 1 km square with a
  /// 400 m hole in the middle, holding a ward of its own) and one in two parts.
  static let holed = MapWard(
    id: "W04", name: "Winterslag 2 en 4",
    geometry: .polygon(
      Polygon(
        exterior: square(229_000, 185_000, 1000),
        holes: [square(229_300, 185_300, 400).reversed])),
    labelAnchor: Coordinate(x: 229_150, y: 185_500))
  static let island = MapWard(
    id: "W05", name: "Oud-Sledderlo",
    geometry: .polygon(Polygon(exterior: square(229_300, 185_300, 400))))
  static let twoParts = MapWard(
    id: "W06", name: "Zwartberg & <Noord>",
    geometry: .multiPolygon([
      Polygon(exterior: square(230_000, 185_000, 1000)),
      Polygon(exterior: square(231_500, 185_500, 500)),
    ]))

  static let all = case09 + [holed, island, twoParts]
}

/// One element of a parsed SVG or HTML-as-XML document.
struct XMLElement: Sendable {
  var name: String
  var attributes: [String: String]
  var text: String
  /// Names of the enclosing elements, outermost first.
  var ancestors: [String]
  /// `class` attributes of the enclosing elements, outermost first.
  var ancestorClasses: [String]
}

/// Parses a document with Foundation's `XMLParser` (FoundationXML on Linux) and lists every
/// element; `parsed` is false when the text is not well-formed XML.
struct XMLInspector {
  let elements: [XMLElement]
  let error: String?
  let parsed: Bool

  init(_ text: String) {
    let parser = XMLParser(data: Data(text.utf8))
    let box = Collector()
    parser.delegate = box
    parsed = parser.parse()
    elements = box.elements
    error = parser.parserError.map { "\($0)" }
  }

  func all(_ name: String, class cls: String? = nil) -> [XMLElement] {
    elements.filter { $0.name == name && (cls == nil || $0.attributes["class"] == cls) }
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [XMLElement] = []
    var open: [Int] = []
    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let ancestors = open.map { elements[$0].name }
      let classes = open.map { elements[$0].attributes["class"] ?? "" }
      elements.append(
        XMLElement(
          name: name, attributes: attributes, text: "",
          ancestors: ancestors, ancestorClasses: classes))
      open.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if let i = open.last { elements[i].text += string }
    }
    func parser(
      _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
      qualifiedName: String?
    ) { open.removeLast() }
  }
}

/// Numbers from an SVG path's `d` attribute, as (x, y) pairs.
func pathPoints(_ d: String) -> [(x: Double, y: Double)] {
  let numbers = d.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
  return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
}

/// Reads a GeoJSON FeatureCollection of polygons and multipolygons with JSONSerialization.
func readWards(geoJSON url: URL, idField: String, nameField: String) throws -> [MapWard] {
  let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  let features = root["features"] as! [[String: Any]]
  func ring(_ raw: Any) -> Ring {
    Ring((raw as! [[Double]]).map { Coordinate(x: $0[0], y: $0[1]) })
  }
  func polygon(_ raw: Any) -> Polygon {
    let rings = (raw as! [Any]).map(ring)
    return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
  }
  return features.map { f in
    let props = f["properties"] as! [String: Any]
    let g = f["geometry"] as! [String: Any]
    let geometry: Geometry =
      (g["type"] as! String) == "Polygon"
      ? .polygon(polygon(g["coordinates"]!))
      : .multiPolygon((g["coordinates"] as! [Any]).map(polygon))
    return MapWard(
      id: props[idField] as! String, name: props[nameField] as! String,
      geometry: geometry)
  }
}

/// Compares `actual` with the golden file `name`; with `WIJK_RECORD_GOLDEN=1` in the
/// environment it writes the file instead (and the test still passes).
func expectGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = FixturePaths.golden.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["WIJK_RECORD_GOLDEN"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  if expected != actual {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(a.count, e.count)
    let want: String = first < e.count ? String(e[first]) : "<end>"
    let got: String = first < a.count ? String(a[first]) : "<end>"
    let message: String =
      "\(name) differs from the golden file at line \(first + 1): "
      + "expected \(want) got \(got). Re-record with WIJK_RECORD_GOLDEN=1 if intended."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
