// The choropleth of the 31 real Genk wards (GeoData/genk_wijken_2025_31370.geojson), classed
// by mapclassify 2.10 Quantiles(k=5) on ward area, with label anchors from GEOS
// point-on-surface (shapely `representative_point`); both computed by
// Tests/Fixtures/golden/make_cartography_reference.py.
//
// Set WIJK_CARTO_OUT=/some/dir to also write genk_area.svg and genk_report.html there, for
// scripts/check-render.

import Foundation
import Testing
import WijkCore

@testable import Cartography

@Suite struct GenkMapTests {
  struct Reference: Decodable {
    let ids: [String]
    let names: [String]
    let area_km2: [Double]
    let anchors: [[Double]]
    let bins: [Double]
    let yb: [Int]
    let counts: [Int]
    let min: Double
  }
  struct Site: Decodable {
    let site: [[[Double]]]
    let ring: [[[Double]]]
  }

  static func load<T: Decodable>(_ name: String) throws -> T {
    let url = FixturePaths.golden.appendingPathComponent(name)
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
  }

  static func polygon(_ rings: [[[Double]]]) -> Geometry {
    let r = rings.map { Ring($0.map { Coordinate(x: $0[0], y: $0[1]) }) }
    return .polygon(Polygon(exterior: r[0], holes: Array(r.dropFirst())))
  }

  static func render() throws -> (ChoroplethMap, String) {
    let ref: Reference = try load("genk_quantiles.json")
    let site: Site = try load("genk_site_overlay.json")
    var wards = try readWards(
      geoJSON: FixturePaths.geoData.appendingPathComponent("genk_wijken_2025_31370.geojson"),
      idField: "geoitem", nameField: "naam")
    #expect(wards.map(\.id) == ref.ids)
    for i in wards.indices {
      wards[i].name = wards[i].name.replacingOccurrences(of: " (Genk)", with: "")
      wards[i].labelAnchor = Coordinate(x: ref.anchors[i][0], y: ref.anchors[i][1])
    }
    let classification = MapClassification(
      method: "Kwantielen (mapclassify)", upperBounds: ref.bins, classIndices: ref.yb,
      counts: ref.counts, minimum: ref.min)
    let map = try ChoroplethMap(
      wards: wards, values: ref.area_km2, classification: classification,
      palette: try Palette.named("YlGnBu", classes: 5),
      text: MapText(
        title: "Oppervlakte per wijk", subtitle: "Genk, wijken 2025",
        legendTitle: "Oppervlakte (km²)",
        credits: "Wijken: © gemeentebesturen, Data & Analyse Vlaamse provincies "
          + "(Modellicentie Gratis Hergebruik)\nProjectzone en buffer: illustratief, verzonnen"),
      options: MapOptions(
        highlightedWardIDs: [ref.ids[12]],
        overlays: [
          MapOverlay(
            geometry: polygon(site.ring), style: .bufferRing,
            legendLabel: "Buffer 500 m"),
          MapOverlay(geometry: polygon(site.site), style: .site, legendLabel: "Projectzone"),
        ]))
    return (map, map.svg())
  }

  @Test func mapclassifyClassesAreAcceptedAndDrawn() throws {
    // validate() in init re-checks every mapclassify yb against the right-closed bins.
    let (map, svg) = try Self.render()
    let doc = XMLInspector(svg)
    #expect(doc.parsed)
    let paths = doc.all("path", class: "ward")
    #expect(paths.count == 31)
    for (i, p) in paths.enumerated() {
      #expect(p.attributes["fill"] == map.palette.colours[map.classification.classIndices[i]!])
    }
    let counts = doc.all("text", class: "legend-count").prefix(5).map { Int($0.text)! }
    #expect(counts == [7, 6, 6, 6, 6])
    #expect(svg.utf8.count < 120_000)
    if let dir = ProcessInfo.processInfo.environment["WIJK_CARTO_OUT"] {
      var report = ReportDocument(
        title: "Wijkanalyse Genk", subtitle: "Testrapport",
        language: .dutch)
      report.addSection("Oppervlakte")
      report.addParagraph("De kaart toont de oppervlakte van de 31 wijken van Genk.")
      report.addFigure(svg: svg, caption: "Oppervlakte per wijk (km²), kwantielen")
      report.addNote("Projectzone en buffer zijn verzonnen, ter illustratie.")
      try svg.write(toFile: dir + "/genk_area.svg", atomically: true, encoding: .utf8)
      try report.html().write(
        toFile: dir + "/genk_report.html", atomically: true,
        encoding: .utf8)
    }
  }
}
