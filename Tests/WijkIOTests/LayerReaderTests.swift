import Foundation
import Testing
import WijkCore

@testable import WijkIO

// Oracles: the field cases' case.md values, the Genk data's README (31 wards, EPSG:31370,
// fields geoitem/naam) and ogrinfo's view of the same files.

@Suite("LayerReader")
struct LayerReaderTests {
  static let stad = Fixture.case("18-geopackage-with-several-layers", "stad.gpkg")

  @Test("case 18: layers(in:) lists both polygon layers and the attribute table")
  func listsLayers() throws {
    let infos = try LayerReader.layers(in: Self.stad)
    #expect(infos.map(\.name) == ["statistische_sectoren", "wijken", "bron_metadata"])
    #expect(infos.map(\.featureCount).prefix(2) == [6, 3])
    #expect(infos.map(\.isPolygonal) == [true, true, false])
    #expect(infos[2].hasGeometry == false)
  }

  @Test("case 18: no layer chosen is an error listing the polygon layers with counts")
  func severalPolygonLayers() {
    let error = #expect(throws: IOError.self) { try LayerReader.read(path: Self.stad) }
    #expect(
      error
        == .layerChoiceNeeded(
          path: Self.stad,
          candidates: [
            LayerInfo(name: "statistische_sectoren", featureCount: 6, geometryType: "Polygon"),
            LayerInfo(name: "wijken", featureCount: 3, geometryType: "Polygon"),
          ]))
    let text = error?.description ?? ""
    #expect(text.contains("'statistische_sectoren' (6 features)"))
    #expect(text.contains("'wijken' (3 features)"))
    #expect(!text.contains("bron_metadata"))
    #expect(text.contains("--layer"))
  }

  @Test("case 18: layer wijken gives W01-W03 in EPSG:31370 from the GeoPackage")
  func chosenLayer() throws {
    let layer = try LayerReader.read(path: Self.stad, layer: "wijken").layer
    #expect(layer.column("wijkcode") == [.text("W01"), .text("W02"), .text("W03")])
    #expect(layer.column("wijknaam")?.map(\.text) == ["Hoëvelde", "Sint-Ruïnehof", "Bèkerzand"])
    #expect(layer.crs?.authorityCode == "EPSG:31370")
    #expect(layer.crs?.isGeographic == false)
    #expect(layer.crs?.wkt?.contains("Belge 1972") == true)
    #expect(layer.features.allSatisfy { $0.geometry?.isPolygonal == true })
  }

  @Test("an unknown layer name is an error listing the layers")
  func unknownLayer() {
    let error = #expect(throws: IOError.self) {
      try LayerReader.read(path: Self.stad, layer: "wards")
    }
    #expect(
      error
        == .noSuchLayer(
          path: Self.stad, layer: "wards",
          available: ["statistische_sectoren", "wijken", "bron_metadata"]))
  }

  @Test("a missing file names the file")
  func missingFile() {
    let error = #expect(throws: IOError.self) {
      try LayerReader.read(path: "/nonexistent/wijken.gpkg")
    }
    #expect(error == .fileNotFound(path: "/nonexistent/wijken.gpkg"))
  }

  @Test("a file GDAL cannot open carries GDAL's message")
  func notAVectorFile() {
    let path = Fixture.case("11-csv-semicolon-decimal-comma", "case.md")
    let error = #expect(throws: IOError.self) { try LayerReader.read(path: path) }
    guard case .cannotOpen(let p, let message) = error else {
      Issue.record("expected cannotOpen, got \(String(describing: error))")
      return
    }
    #expect(p == path)
    #expect(message.contains("not recognized"))
  }

  @Test("Genk's 2025 wards: 31 features, EPSG:31370, fields geoitem and naam")
  func genk() throws {
    let layer = try LayerReader.read(path: Fixture.geoData("genk_wijken_2025_31370.geojson"))
      .layer
    #expect(layer.features.count == 31)
    #expect(layer.crs?.authorityCode == "EPSG:31370")
    #expect(
      layer.fields == [Field(name: "geoitem", type: .text), Field(name: "naam", type: .text)])
    #expect(layer.features[0].values == [.text("71016W01"), .text("Bokrijk (Genk)")])
    // ogrinfo: Extent (221381.954, 178697.289) - (236126.764, 190648.036).
    let e = try #require(layer.envelope)
    #expect(e == Envelope(minX: 221381.954, minY: 178697.289, maxX: 236126.764, maxY: 190648.036))
  }

  @Test("case 13: ward codes in GeoJSON stay text with their leading zeros")
  func codesStayText() throws {
    let layer = try LayerReader.read(
      path: Fixture.case("13-ward-code-leading-zeros", "wards.geojson")
    )
    .layer
    #expect(layer.column("wijkcode") == ["01", "02", "03", "10", "11"].map(AttributeValue.text))
    #expect(layer.crs?.epsgCode == 31370)
  }

  @Test("GeoJSON without crs in metres is an error naming file, feature 1 and --crs")
  func lambertWithoutCRS() {
    let path = Fixture.io("synthetic_lambert_without_crs.geojson")
    let error = #expect(throws: IOError.self) { try LayerReader.read(path: path) }
    #expect(
      error
        == .coordinatesNotDegrees(
          path: path, feature: 1, coordinate: Coordinate(x: 229000, y: 184000)))
    let text = error?.description ?? ""
    #expect(text.contains(path) && text.contains("feature 1") && text.contains("--crs"))
  }

  @Test("GeoJSON without crs is read with a CRS the caller assumes")
  func assumedCRS() throws {
    let path = Fixture.io("synthetic_lambert_without_crs.geojson")
    let reading = try LayerReader.read(path: path, assumeCRS: .epsg(31370))
    #expect(reading.layer.crs == .epsg(31370))
    #expect(reading.layer.features.count == 2)
  }

  @Test("Blank and '*'-filled DBF numbers are missing, a real 0 stays 0")
  func blankNumbers() throws {
    let layer = try LayerReader.read(path: Fixture.io("synthetic_blank_numbers.shp")).layer
    #expect(layer.fields.map(\.type) == [.text, .integer, .real])
    #expect(layer.column("inwoners") == [.integer(1200), .missing, .integer(0)])
    #expect(layer.column("aandeel") == [.real(18.5), .real(22.25), .missing])
    #expect(layer.crs?.epsgCode == 31370)
  }
}

@Suite("LayerReader: case 09, Shapefile text encoding")
struct ShapefileEncodingTests {
  static let names = ["Hoëvelde", "Sint-Ruïnehof", "Bèkerzand"]

  static func read(_ variant: String, encoding: TextEncoding? = nil) throws -> LayerReading {
    try LayerReader.read(
      path: Fixture.case("09-shapefile-dbf-encoding", "wards_\(variant).shp"), encoding: encoding)
  }

  /// The names' UTF-8 bytes are those of NFC (precomposed ë U+00EB etc.), no U+FFFD.
  static func checkNames(_ layer: Layer) {
    let names = layer.column("WIJKNAAM")?.compactMap(\.text) ?? []
    #expect(names == Self.names)
    #expect(
      names.map { Array($0.unicodeScalars).map(\.value) }
        == Self.names.map {
          Array($0.precomposedStringWithCanonicalMapping.unicodeScalars).map(\.value)
        })
    #expect(!names.joined().unicodeScalars.contains("\u{FFFD}"))
    #expect(!names.joined().contains("Ã"))
  }

  @Test(
    "declared encodings read without warning",
    arguments: [
      ("cp1252_cpg", TextEncoding.windows1252, EncodingSource.cpgFile),
      ("cp1252_ldid_only", .windows1252, .dbfLanguageDriver),
      ("utf8_cpg", .utf8, .cpgFile),
    ])
  func declared(variant: String, encoding: TextEncoding, source: EncodingSource) throws {
    let reading = try Self.read(variant)
    Self.checkNames(reading.layer)
    #expect(reading.report.encoding == encoding)
    #expect(reading.report.encodingSource == source)
    #expect(reading.report.warnings.isEmpty)
  }

  @Test("no declaration and not UTF-8: Windows-1252 with a warning returned, not printed")
  func guessed() throws {
    let reading = try Self.read("cp1252_no_info")
    Self.checkNames(reading.layer)
    #expect(reading.report.encodingSource == .fallback)
    let path = Fixture.case("09-shapefile-dbf-encoding", "wards_cp1252_no_info.shp")
    #expect(reading.report.warnings == [.encodingGuessed(path: path, assumed: .windows1252)])
    #expect(reading.report.warnings[0].description.contains("--encoding"))
  }

  @Test("a forced encoding overrides the .cpg file")
  func forced() throws {
    // Forcing Latin-1 on the UTF-8 file decodes each UTF-8 byte pair as two Latin-1
    // characters: ë (C3 AB) becomes "Ã«". The override is obeyed, .cpg ignored.
    let reading = try Self.read("utf8_cpg", encoding: .latin1)
    #expect(reading.report.encodingSource == .user)
    #expect(reading.layer.column("WIJKNAAM")?.first == .text("HoÃ«velde"))
    // And forcing the right one on the undeclared file gives the names with no warning.
    let right = try Self.read("cp1252_no_info", encoding: .windows1252)
    Self.checkNames(right.layer)
    #expect(right.report.warnings.isEmpty)
  }

  @Test("a forced encoding the bytes are not valid in is an error naming feature and field")
  func forcedInvalid() {
    let path = Fixture.case("09-shapefile-dbf-encoding", "wards_cp1252_cpg.shp")
    let error = #expect(throws: IOError.self) {
      try LayerReader.read(path: path, encoding: .utf8)
    }
    #expect(error == .undecodableText(path: path, feature: 0, field: "WIJKNAAM", encoding: .utf8))
  }

  @Test("missing .prj gives no CRS, never WGS84")
  func noPrj() throws {
    let layer = try Self.read("cp1252_cpg").layer
    #expect(layer.crs == nil)
    #expect(layer.features.count == 3)
    // 1 km squares in Lambert 72 metres, as case.md says.
    #expect(layer.features[0].geometry?.envelope?.width == 1000)
    // The caller supplies the CRS the user gave (--crs).
    let given = try LayerReader.read(
      path: Fixture.case("09-shapefile-dbf-encoding", "wards_cp1252_cpg.shp"),
      assumeCRS: .epsg(31370))
    #expect(given.layer.crs == .epsg(31370))
    #expect(given.report.warnings.isEmpty)
  }
}

@Suite("LayerReader: unreadable DBF numbers")
struct UnreadableNumberTests {
  @Test("'abc' and '12,5' in numeric DBF cells are missing, not OGR's 0 and 12")
  func unreadable() throws {
    let layer = try LayerReader.read(path: Fixture.io("synthetic_unreadable_numbers.shp")).layer
    #expect(
      layer.column("inwoners") == [
        .integer(1200), .missing(reason: "unreadable number 'abc'"), .integer(0),
      ])
    #expect(
      layer.column("aandeel") == [
        .missing(reason: "unreadable number '12,5'"), .real(22.25), .missing,
      ])
  }
}
