import CGDAL
import Foundation
import Testing
import WijkCore

@testable import WijkIO

/// The `.xlsx` workbook and the GeoPackage metadata, read back with GDAL (the LibreOffice
/// read-back is `make check-render`).
@Suite("Spreadsheets and metadata")
struct SpreadsheetWriterTests {
  func table() -> Layer {
    Layer(
      name: "wijken", source: "test", crs: nil,
      fields: [
        Field(name: "wijkcode", type: .text), Field(name: "aantal", type: .integer),
        Field(name: "aandeel", type: .real), Field(name: "status", type: .text),
      ],
      features: [
        Feature(
          index: 0, geometry: nil, values: [.text("01"), .integer(120), .real(9.5), .text("")]),
        Feature(index: 1, geometry: nil, values: [.text("0456"), .missing, .missing, .text("<5")]),
        Feature(
          index: 2, geometry: nil, values: [.text("710161"), .integer(7), .real(0.25), .text("x")]),
      ])
  }

  func codebook() -> Layer {
    Layer(
      name: "codeboek", source: "test", crs: nil,
      fields: [Field(name: "kolom", type: .text), Field(name: "omschrijving", type: .text)],
      features: [Feature(index: 0, geometry: nil, values: [.text("wijkcode"), .text("Code")])])
  }

  @Test("xlsx: one sheet per layer, codes stay text with their zeros, numbers are numbers")
  func xlsxRoundTrip() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.xlsx")
    try LayerWriter.write([table(), codebook()], to: path, format: .xlsx)
    let back = try LayerReader.read(path: path, layer: "wijken").layer
    #expect(back.fields.map(\.name) == ["wijkcode", "aantal", "aandeel", "status"])
    #expect(back.fields[0].type == .text)
    #expect(back.fields[1].type != .text && back.fields[2].type == .real)
    #expect(back.features.map { $0.values[0] } == [.text("01"), .text("0456"), .text("710161")])
    #expect(back.features[0].values[1].number == 120 && back.features[2].values[2].number == 0.25)
    #expect(back.features[1].values[1].isMissing && back.features[1].values[3] == .text("<5"))
    // A sheet of text only: GDAL cannot tell its header row from the data unless told.
    CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE")
    defer { CPLSetConfigOption("OGR_XLSX_HEADERS", nil) }
    let sheets = try LayerReader.read(path: path, layer: "codeboek").layer
    #expect(sheets.fields.map(\.name) == ["kolom", "omschrijving"])
    #expect(sheets.features.first?.values == [.text("wijkcode"), .text("Code")])
    #expect(folder.contents == ["wards.xlsx"])
  }

  @Test("GeoPackage: identifier, description and a metadata item on the layer")
  func geoPackageMetadata() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards_not_for_publication.gpkg")
    let layer = sampleLayer(crs: .epsg(31370), squares: [(229000, 184000, 1000)])
    try LayerWriter.write(
      layer, to: path, format: .geoPackage,
      metadata: LayerWriter.Metadata(
        identifier: "wards (not for publication)", description: "NOT FOR PUBLICATION: exact",
        items: ["not_for_publication": "NOT FOR PUBLICATION: exact"]))
    GDALSession.begin()
    let h = try #require(GDALOpenEx(path, GDALSession.readFlags, nil, nil, nil))
    defer { GDALClose(h) }
    let out = try #require(GDALDatasetGetLayer(h, 0))
    func item(_ object: UnsafeMutableRawPointer?, _ name: String) -> String? {
      GDALGetMetadataItem(object, name, nil).map { String(cString: $0) }
    }
    #expect(item(out, "not_for_publication") == "NOT FOR PUBLICATION: exact")
    #expect(item(out, "DESCRIPTION") == "NOT FOR PUBLICATION: exact")
    #expect(item(out, "IDENTIFIER") == "wards (not for publication)")
    #expect(item(h, "not_for_publication") == "NOT FOR PUBLICATION: exact")
  }

  @Test("xlsx holds several sheets; a CSV holds one table")
  func csvHoldsOneTable() throws {
    let folder = TemporaryFolder()
    #expect(throws: IOError.self) {
      try LayerWriter.write([table(), codebook()], to: folder.file("x.csv"), format: .csv)
    }
  }
}
