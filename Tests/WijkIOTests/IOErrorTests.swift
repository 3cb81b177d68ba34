import Testing
import WijkCore

@testable import WijkIO

// Each error's description must carry its evidence (file, line/feature, column/field, the
// text) in words a city GIS user can act on. The expected sentences are written out here.

@Suite("IOError descriptions")
struct IOErrorTests {
  static let cases: [(IOError, String)] = [
    (IOError.fileNotFound(path: "w.gpkg"), "w.gpkg: no such file."),
    (
      .noSuchLayer(path: "s.gpkg", layer: "wards", available: ["wijken", "sectoren"]),
      "s.gpkg has no layer called 'wards'; its layers are: wijken, sectoren."
    ),
    (
      .layerChoiceNeeded(
        path: "s.gpkg",
        candidates: [
          LayerInfo(name: "a", featureCount: 6, geometryType: "Polygon"),
          LayerInfo(name: "b", featureCount: 3, geometryType: "MultiPolygon"),
        ]),
      """
      s.gpkg holds several layers that could be the wards: 'a' (6 features), 'b' (3 features).\
       Choose one with --layer.
      """
    ),
    (
      .coordinatesNotDegrees(
        path: "w.geojson", feature: 4, coordinate: Coordinate(x: 229000, y: 184000.5)),
      """
      w.geojson declares no CRS, so GeoJSON says WGS84 degrees, but feature 4 has the \
      coordinate (229000, 184000.5), which cannot be longitude/latitude. Give the file's CRS \
      with --crs (for Belgian Lambert 72: --crs EPSG:31370).
      """
    ),
    (
      .undecodableText(path: "w.shp", feature: 2, field: "NAAM", encoding: .utf8),
      """
      w.shp: field 'NAAM' of feature 2 is not valid UTF-8 text; state the file's encoding with\
       --encoding.
      """
    ),
    (
      .badNumber(
        path: "i.csv", line: 3, column: "aandeel_65plus", text: "22,2,5",
        convention: .decimalComma),
      """
      i.csv, line 3, column 'aandeel_65plus': '22,2,5' is not a number in the file's \
      convention (decimal comma with dot thousands, e.g. 1.234,5). Correct the cell, or state \
      the convention with --decimal.
      """
    ),
    (
      .raggedRow(path: "i.csv", line: 7, expected: 6, found: 5),
      "i.csv, line 7: 5 cells where the header has 6 columns."
    ),
    (
      .valueCountMismatch(path: "o.gpkg", feature: 1, expected: 4, found: 3),
      "o.gpkg: feature 1 has 3 attribute values but the layer has 4 fields."
    ),
    (
      .writeFailed(path: "o.gpkg", message: "disk full"),
      "o.gpkg could not be written (any previous version is unchanged): disk full"
    ),
  ]

  @Test("each case names its evidence", arguments: cases)
  func description(error: IOError, expected: String) {
    #expect(error.description == expected)
  }

  @Test("warnings say what was assumed and how to state it")
  func warnings() {
    #expect(
      ReadWarning.encodingGuessed(path: "w.shp", assumed: .windows1252).description
        == """
        w.shp does not say how its text is encoded and it is not UTF-8; it was read as \
        Windows-1252. If names look wrong, state the encoding with --encoding.
        """
    )
  }
}
