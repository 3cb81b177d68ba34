// Tests of Palette against matplotlib's copy of ColorBrewer (an independent transcription).

import Foundation
import Testing

@testable import Cartography

@Suite struct PaletteTests {
  /// Written by Tests/Fixtures/golden/make_cartography_reference.py from matplotlib._cm.
  struct Reference: Decodable {
    let matplotlib: String
    let palettes: [String: [String]]
  }

  @Test(arguments: Palette.names)
  func largestSchemeMatchesMatplotlib(name: String) throws {
    let url = FixturePaths.golden.appendingPathComponent("colorbrewer_matplotlib.json")
    let ref = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    let expected = try #require(ref.palettes[name])
    let maximum = try #require(Palette.maximumClasses(name))
    #expect(try Palette.named(name, classes: maximum).colours == expected)
  }

  @Test func schemesHaveOneColourPerClass() throws {
    for name in Palette.names {
      for n in 1...Palette.maximumClasses(name)! {
        let p = try Palette.named(name, classes: n)
        #expect(p.colours.count == n)
        #expect(Set(p.colours).count == n)
        #expect(p.colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
      }
    }
  }

  @Test func fiveClassYlOrRdIsColorBrewers() throws {
    // colorbrewer2.org, YlOrRd, 5 classes.
    #expect(
      try Palette.named("ylorrd", classes: 5).colours
        == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"])
  }

  @Test func reversedDivergingPutsRedOnTop() throws {
    let p = try Palette.named("RdBu", classes: 5, reversed: true)
    #expect(p.kind == .diverging)
    #expect(p.colours.first == "#0571b0")
    #expect(p.colours.last == "#ca0020")
  }

  /// colorbrewer2.org RdBu with 4 classes is #ca0020 #f4a582 #92c5de #0571b0: the centre lies
  /// between the second and third, whatever the classes each side.
  @Test func divergingAroundACentreKeepsTheColoursNextToTheMiddle() throws {
    #expect(
      try Palette.diverging("RdBu", below: 2, above: 2).colours
        == ["#ca0020", "#f4a582", "#92c5de", "#0571b0"])
    #expect(try Palette.diverging("RdBu", below: 1, above: 2).colours == ["#f4a582", "#92c5de", "#0571b0"])
    #expect(try Palette.diverging("RdBu", below: 2, above: 1).colours == ["#ca0020", "#f4a582", "#92c5de"])
    #expect(throws: CartographyError.self) { try Palette.diverging("Blues", below: 1, above: 1) }
  }

  @Test func fewerThanThreeClassesComeFromTheThreeClassScheme() throws {
    #expect(try Palette.named("Blues", classes: 1).colours == ["#9ecae1"])
    #expect(try Palette.named("Blues", classes: 2).colours == ["#deebf7", "#3182bd"])
  }

  @Test func unknownNamesAndTooManyClassesThrow() {
    #expect(throws: CartographyError.unknownPalette(name: "Jet", known: Palette.names)) {
      try Palette.named("Jet", classes: 5)
    }
    #expect(
      throws: CartographyError.tooManyClasses(
        palette: "Purples", requested: 10,
        maximum: 9)
    ) {
      try Palette.named("Purples", classes: 10)
    }
  }
}
