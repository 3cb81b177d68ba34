// Tests of ChoroplethMap: structure of the SVG (checked by parsing it), golden files, errors.
//
// Golden files live in Tests/Fixtures/golden/. After an intended change of the drawing, run
//   WIJK_RECORD_GOLDEN=1 swift test --filter CartographyTests
// to re-record them, then look at the diff (and at the picture, scripts/check-render).

import Foundation
import Testing
import WijkCore

@testable import Cartography

/// The six fixture wards with values 3.2, 12.5, 20, missing, 27.75, 41, classed by hand into
/// the right-closed classes (-inf, 12.5], (12.5, 25], (25, 41]: 12.5 is on a bound and so in
/// the first class; counts 2, 1, 2 (5 wards with data).
enum ChoroplethFixture {
  static let values: [Double?] = [3.2, 12.5, 20, nil, 27.75, 41]
  static let classification = MapClassification(
    method: "Handmatig", upperBounds: [12.5, 25, 41], classIndices: [0, 0, 1, nil, 2, 2],
    counts: [2, 1, 2])
  static let text = MapText(
    title: "Aandeel sociale huurwoningen", subtitle: "Testwijken, 2025",
    legendTitle: "% van de woningen",
    credits: "Wijken: © gemeentebesturen, Data & Analyse Vlaamse provincies")

  static func map(_ options: MapOptions = MapOptions()) throws -> ChoroplethMap {
    try ChoroplethMap(
      wards: Wards.all, values: values, classification: classification,
      palette: try Palette.named("YlOrRd", classes: 3), text: text, options: options)
  }
}

/// The bounding box of a path in SVG units.
func box(_ d: String) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
  let p = pathPoints(d)
  return (p.map(\.x).min()!, p.map(\.y).min()!, p.map(\.x).max()!, p.map(\.y).max()!)
}

@Suite struct ChoroplethMapTests {
  let svg: String
  let doc: XMLInspector

  init() throws {
    svg = try ChoroplethFixture.map(
      MapOptions(
        highlightedWardIDs: ["W03"],
        overlays: [
          MapOverlay(
            geometry: .polygon(
              Polygon(
                exterior:
                  Wards.square(230_400, 184_400, 200))), style: .site,
            legendLabel: "Projectzone")
        ])
    ).svg()
    doc = XMLInspector(svg)
  }

  func ward(_ id: String) -> XMLElement {
    doc.all("path", class: "ward").first { $0.attributes["data-ward"] == id }!
  }

  @Test func parsesAsXMLWithViewBoxAndOnePathPerWard() throws {
    #expect(doc.parsed, "\(doc.error ?? "")")
    let root = try #require(doc.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["viewBox"]?.hasPrefix("0 0 860 ") == true)
    let paths = doc.all("path", class: "ward")
    #expect(paths.map { $0.attributes["data-ward"]! } == Wards.all.map(\.id))
    #expect(paths.allSatisfy { $0.attributes["fill-rule"] == "evenodd" })
  }

  @Test func eachWardIsFilledWithItsClassColour() {
    // ColorBrewer YlOrRd, 3 classes: #ffeda0, #feb24c, #f03b20 (colorbrewer2.org).
    let expected = ["#ffeda0", "#ffeda0", "#feb24c", "url(#map-nodata)", "#f03b20", "#f03b20"]
    #expect(Wards.all.map { ward($0.id).attributes["fill"]! } == expected)
  }

  @Test func legendCountsSumToTheWardsWithData() {
    let rows = doc.all("g").filter { $0.attributes["class"] == "legend-entry" }
    let counts = doc.all("text", class: "legend-count")
    #expect(rows.count == 5)  // 3 classes, no data, the overlay
    let classCounts = zip(rows, counts).filter { $0.0.attributes["data-kind"] == "class" }
      .map { Int($0.1.text)! }
    #expect(classCounts == [2, 1, 2])
    #expect(classCounts.reduce(0, +) == ChoroplethFixture.values.compactMap { $0 }.count)
    #expect(counts[3].text == "1")  // the no-data row
    let labels = doc.all("text", class: "legend-label").map(\.text)
    #expect(labels == ["≤ 12,5", "12,5 – 25,0", "25,0 – 41,0", "geen gegevens", "Projectzone"])
  }

  @Test func scaleBarLabelMatchesItsDrawnLength() throws {
    // W01 is 1000 m wide, so its path width gives SVG units per metre independently of the
    // scale bar's own arithmetic.
    let w01 = box(ward("W01").attributes["d"]!)
    let unitsPerMetre = (w01.maxX - w01.minX) / 1000
    let label = try #require(doc.all("text", class: "scale-label").first?.text)
    let parts = label.split(separator: " ")
    let number = Double(parts[0].replacingOccurrences(of: ",", with: "."))!
    let metres = parts[1] == "km" ? number * 1000 : number
    let drawn = doc.all("rect", class: "scale-segment")
      .map { Double($0.attributes["width"]!)! }.reduce(0, +)
    #expect(abs(drawn / metres - unitsPerMetre) / unitsPerMetre < 0.002)
    // A round length: 1, 2 or 5 times a power of ten.
    let mantissa = metres / pow(10, floor(log10(metres)))
    #expect([1.0, 2.0, 5.0].contains(mantissa))
  }

  @Test func northIsUpAndAspectIsEqual() {
    let south = box(ward("W01").attributes["d"]!)  // y 184000-185000
    let north = box(ward("W04").attributes["d"]!)  // y 185000-186000
    let east = box(ward("W03").attributes["d"]!)
    #expect(north.maxY <= south.minY + 0.1)
    #expect(east.minX > south.maxX - 0.1)
    // A 1 km square stays square.
    #expect(abs((south.maxX - south.minX) - (south.maxY - south.minY)) <= 0.11)
  }

  @Test func holesAndPartsAreSubpaths() {
    #expect(ward("W04").attributes["d"]!.filter { $0 == "M" }.count == 2)
    #expect(ward("W06").attributes["d"]!.filter { $0 == "M" }.count == 2)
    #expect(ward("W01").attributes["d"]!.filter { $0 == "M" }.count == 1)
  }

  @Test func labelsAreEscapedAndPlacedAtTheAnchor() throws {
    #expect(svg.contains("Zwartberg &amp; &lt;Noord&gt;"))
    let labels = doc.all("text", class: "ward-label")
    // The enclave W05 (Oud-Sledderlo) sits in the hole of W04 right under W04's label: the
    // larger ward keeps its name and the enclave, whose name would overlap it, gets number 1
    // (on its anchor, where the short number fits) and a line in the key beside the map.
    #expect(labels.map(\.text) == Wards.all.map(\.name).filter { $0 != "Oud-Sledderlo" })
    let number = try #require(doc.all("text", class: "ward-number").first)
    #expect(number.attributes["data-ward"] == "W05" && number.text == "1")
    #expect(doc.all("line", class: "ward-leader").isEmpty)
    let key = doc.all("text", class: "ward-key-entry")
    #expect(key.map(\.text) == ["1 Oud-Sledderlo"] && key.first?.attributes["data-ward"] == "W05")
    #expect(doc.all("text", class: "ward-key-title").map(\.text) == ["Wijken met een nummer"])
    // No two placed labels overlap (9 px text, 0.58 em per character, 12 px high boxes).
    let boxes = labels.map { l -> Envelope in
      let x = Double(l.attributes["x"]!)!, y = Double(l.attributes["y"]!)!
      let half = Double(l.text.count) * 9 * 0.58 / 2
      return Envelope(minX: x - half, minY: y - 6, maxX: x + half, maxY: y + 6)
    }
    for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].intersects(boxes[j])) } }
    // W01 has no anchor: the envelope centre, i.e. the middle of its path's box.
    let w01 = box(ward("W01").attributes["d"]!)
    let l01 = try #require(labels.first { $0.attributes["data-ward"] == "W01" })
    #expect(abs(Double(l01.attributes["x"]!)! - (w01.minX + w01.maxX) / 2) <= 0.1)
    #expect(abs(Double(l01.attributes["y"]!)! - (w01.minY + w01.maxY) / 2) <= 0.1)
    // W04 has an anchor 150 m east of its west edge and 500 m north of its south edge.
    let w04 = box(ward("W04").attributes["d"]!)
    let l04 = try #require(labels.first { $0.attributes["data-ward"] == "W04" })
    let perMetre = (w04.maxX - w04.minX) / 1000
    #expect(abs(Double(l04.attributes["x"]!)! - (w04.minX + 150 * perMetre)) <= 0.1)
  }

  // A number whose spot is taken moves to the first free spot east, north-east, north, … of
  // its anchor (16 units away) and gets a leader line; with no free spot it stays put.
  @Test func crowdedNumbersMoveBesideTheirWard() {
    let taken = [Envelope(minX: -20, minY: -30, maxX: 20, maxY: 30)]
    let (east, movedEast) = LabelLayout.freeSpot("3", near: (0, 0), avoiding: taken)
    #expect(movedEast && east.x == 26 && east.y == 0)  // ring 16 is still inside the box
    let (here, stayed) = LabelLayout.freeSpot("3", near: (100, 0), avoiding: taken)
    #expect(!stayed && here.x == 100)
    let everywhere = [Envelope(minX: -100, minY: -100, maxX: 100, maxY: 100)]
    let (spot, moved) = LabelLayout.freeSpot("3", near: (0, 0), avoiding: everywhere)
    #expect(!moved && spot.x == 0 && spot.y == 0)
  }

  @Test func highlightAndOverlayAreDrawnOnTop() throws {
    let highlight = try #require(doc.all("path", class: "highlight").first)
    #expect(highlight.attributes["data-ward"] == "W03")
    #expect(highlight.attributes["d"] == ward("W03").attributes["d"])
    let overlay = try #require(doc.all("path", class: "overlay").first)
    #expect(overlay.attributes["stroke-dasharray"] == "6 3")
    let order = doc.elements.map { $0.attributes["class"] ?? "" }
    #expect(order.firstIndex(of: "overlay")! > order.lastIndex(of: "ward")!)
    #expect(order.firstIndex(of: "highlight")! > order.lastIndex(of: "ward")!)
  }

  @Test func englishUsesDecimalPoints() throws {
    let english = try ChoroplethFixture.map(MapOptions(language: .english)).svg()
    let labels = XMLInspector(english).all("text", class: "legend-label").map(\.text)
    #expect(labels == ["≤ 12.5", "12.5 – 25.0", "25.0 – 41.0", "no data"])
  }

  @Test func goldenFixtureMap() throws {
    try expectGolden(ChoroplethFixture.map().svg(), "choropleth_fixture_nl.svg")
  }
}

@Suite struct ChoroplethMapErrorTests {
  func make(
    values: [Double?] = ChoroplethFixture.values,
    classification: MapClassification = ChoroplethFixture.classification,
    classes: Int = 3, options: MapOptions = MapOptions()
  ) throws {
    _ = try ChoroplethMap(
      wards: Wards.all, values: values, classification: classification,
      palette: try Palette.named("Blues", classes: classes),
      text: ChoroplethFixture.text, options: options)
  }

  @Test func valueOnTheWrongSideOfABoundIsRejected() {
    // 12.6 is above the first class's upper bound 12.5 (right-closed), so class 0 is wrong.
    var values = ChoroplethFixture.values
    values[1] = 12.6
    #expect(
      throws: CartographyError.valueOutsideClass(
        ward: "W02", value: 12.6, classIndex: 0, lower: nil, upper: 12.5)
    ) { try make(values: values) }
  }

  @Test func statedCountsMustMatch() {
    var c = ChoroplethFixture.classification
    c.counts = [2, 2, 1]
    #expect(throws: CartographyError.countMismatch(classIndex: 1, stated: 2, counted: 1)) {
      try make(classification: c)
    }
  }

  @Test func missingValueWithAClassIsRejected() {
    var c = ChoroplethFixture.classification
    c.classIndices[3] = 1
    #expect(throws: CartographyError.classWithoutValue(ward: "W04")) { try make(classification: c) }
  }

  @Test func paletteMustHaveOneColourPerClass() {
    #expect(throws: CartographyError.lengthMismatch(input: "palette colours", count: 4, wards: 3)) {
      try make(classes: 4)
    }
  }

  @Test func unknownHighlightIsRejected() {
    #expect(throws: CartographyError.unknownWard(id: "W99")) {
      try make(options: MapOptions(highlightedWardIDs: ["W99"]))
    }
  }

  @Test func pointWardIsRejected() {
    let wards = [MapWard(id: "P", name: "P", geometry: .point(Coordinate(x: 0, y: 0)))]
    #expect(throws: CartographyError.nonPolygonalWard(index: 0, ward: "P", geometryType: "Point")) {
      _ = try ClusterMap(wards: wards, categories: [.noData], text: ChoroplethFixture.text)
    }
  }

  @Test func messagesNameTheEvidence() {
    #expect(
      CartographyError.valueOutsideClass(
        ward: "W02", value: 12.6, classIndex: 0, lower: nil, upper: 12.5
      ).description
        == "Ward W02 has the value 12.6, which is not in its class 1 (up to 12.5); the values "
        + "and the classification do not match.")
    #expect(
      CartographyError.lengthMismatch(input: "values", count: 5, wards: 6).description
        == "The map has 6 wards but 5 values; give exactly one per ward, in the same order.")
    #expect(
      CartographyError.unknownPalette(name: "Jet", known: ["YlOrRd", "RdBu"]).description
        == "There is no colour palette called \"Jet\"; choose one of YlOrRd, RdBu.")
    #expect(
      CartographyError.tableRowWidth(table: "Wijken", row: 2, cells: 3, columns: 4)
        .description == "Row 3 of the table \"Wijken\" has 3 cells but the table has 4 columns.")
  }
}
