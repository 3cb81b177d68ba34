import Foundation
import Testing
import WijkCore

@testable import WijkIO

/// A small layer with every attribute type and a missing value, in `crs`.
func sampleLayer(crs: CRSDefinition?, squares: [(Double, Double, Double)]) -> Layer {
  let features = squares.enumerated().map { i, s in
    let (x, y, size) = s
    let ring = Ring([
      Coordinate(x: x, y: y), Coordinate(x: x + size, y: y),
      Coordinate(x: x + size, y: y + size), Coordinate(x: x, y: y + size),
    ])
    return Feature(
      index: i, geometry: .polygon(Polygon(exterior: ring)),
      values: [
        .text(String(format: "%02d", i + 1)), i == 1 ? .missing : .integer(Int64(1000 + i)),
        .real(0.25 * Double(i)), .text("Hoëvelde \(i)"),
      ])
  }
  return Layer(
    name: "wijken", source: "test", crs: crs,
    fields: [
      Field(name: "wijkcode", type: .text), Field(name: "inwoners", type: .integer),
      Field(name: "aandeel", type: .real), Field(name: "naam", type: .text),
    ],
    features: features)
}

/// `geometry` (a polygon) with coordinates rounded to 7 decimals; n / 1e7 is the double
/// nearest the decimal, as parsing the 7-decimal text gives.
func rounded7(_ geometry: Geometry) -> Geometry {
  let round = { (c: Coordinate) in
    Coordinate(x: (c.x * 1e7).rounded() / 1e7, y: (c.y * 1e7).rounded() / 1e7)
  }
  return .polygon(Polygon(exterior: Ring(geometry.polygons[0].exterior.coordinates.map(round))))
}

@Suite("LayerWriter")
struct LayerWriterTests {
  @Test("GeoPackage round trip: fields, values, geometry and EPSG:31370 kept")
  func geoPackage() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.gpkg")
    let layer = sampleLayer(
      crs: .epsg(31370),
      squares: [(229000, 184000, 1000), (230000, 184000, 1000), (231000, 184000.5, 999.25)])
    try LayerWriter.write(layer, to: path, format: .geoPackage)
    // One polygon layer: loads without a layer option.
    let back = try LayerReader.read(path: path).layer
    #expect(back.name == "wijken")
    #expect(back.fields == layer.fields)
    #expect(back.features.map(\.values) == layer.features.map(\.values))
    #expect(back.features.map(\.geometry) == layer.features.map(\.geometry))
    #expect(back.crs?.authorityCode == "EPSG:31370")
    #expect(folder.contents == ["wards.gpkg"])
  }

  @Test("case 18's wijken written to a GeoPackage and read back are equal")
  func case18RoundTrip() throws {
    let folder = TemporaryFolder()
    let source = try LayerReader.read(path: LayerReaderTests.stad, layer: "wijken").layer
    let path = folder.file("wijken.gpkg")
    try LayerWriter.write(source, to: path, format: .geoPackage)
    let back = try LayerReader.read(path: path).layer
    #expect(back.features.map(\.values) == source.features.map(\.values))
    #expect(back.features.map(\.geometry) == source.features.map(\.geometry))
    #expect(back.crs?.authorityCode == source.crs?.authorityCode)
  }

  @Test("GeoJSON round trip in WGS84: values and geometry equal, EPSG:4326")
  func geoJSON() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.geojson")
    // Counter-clockwise exteriors with at most 7 decimals, which RFC 7946 output keeps.
    let layer = sampleLayer(crs: .epsg(4326), squares: [(5.5, 50.96, 0.01), (5.51, 50.96, 0.0125)])
    try LayerWriter.write(layer, to: path, format: .geoJSON)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!text.contains("\"crs\""))
    let back = try LayerReader.read(path: path).layer
    #expect(back.features.map(\.values) == layer.features.map(\.values))
    // RFC 7946 output keeps 7 decimals (GDAL's default COORDINATE_PRECISION): equal to the
    // input rounded there (50.96 + 0.0125 is 50.972500000000004 in binary).
    #expect(back.features.map(\.geometry) == layer.features.map { $0.geometry.map(rounded7) })
    #expect(back.crs?.authorityCode == "EPSG:4326")
    #expect(back.crs?.isGeographic == true)
  }

  @Test("GeoJSON output is RFC 7946: a clockwise exterior comes out counter-clockwise")
  func windingOrder() throws {
    let folder = TemporaryFolder()
    let path = folder.file("cw.geojson")
    var layer = sampleLayer(crs: .epsg(4326), squares: [(5.5, 50.96, 0.01)])
    let ccw = layer.features[0].geometry!.polygons[0].exterior
    layer.features[0].geometry = .polygon(Polygon(exterior: ccw.reversed))
    #expect(!ccw.reversed.isCounterClockwise)
    try LayerWriter.write(layer, to: path, format: .geoJSON)
    let ring = try #require(
      LayerReader.read(path: path).layer.features[0].geometry?.polygons.first?.exterior)
    #expect(ring.isCounterClockwise)
    #expect(Set(ring.coordinates) == Set(ccw.coordinates))
  }

  @Test("Lambert 72 written as GeoJSON is reprojected to lon/lat like PROJ's cs2cs")
  func reprojected() throws {
    let folder = TemporaryFolder()
    let path = folder.file("lambert.geojson")
    try LayerWriter.write(
      sampleLayer(crs: .epsg(31370), squares: [(229000, 184000, 1000)]), to: path, format: .geoJSON)
    let back = try LayerReader.read(path: path).layer
    let first = try #require(back.features[0].geometry?.polygons.first?.exterior.coordinates.first)
    // Oracle: `echo 229000 184000 | cs2cs -f %.9f EPSG:31370 EPSG:4326` (PROJ 9.1.1)
    // gives 50.960878163 5.493275659 (lat lon). RFC 7946 output keeps 7 decimals, so
    // the tolerance is half a unit in the 7th decimal plus margin: 1e-7 degrees.
    #expect(abs(first.x - 5.493275659) <= 1e-7)
    #expect(abs(first.y - 50.960878163) <= 1e-7)
    #expect(back.crs?.epsgCode == 4326)
  }

  @Test("a failed write leaves the previous file intact and no temporary file")
  func atomic() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.gpkg")
    let good = sampleLayer(crs: .epsg(31370), squares: [(229000, 184000, 1000)])
    try LayerWriter.write(good, to: path, format: .geoPackage)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    // Feature 1 is broken (one value short): GDAL has already written feature 0 to the
    // temporary file when the error is thrown.
    var bad = sampleLayer(crs: .epsg(31370), squares: [(0, 0, 1), (1, 0, 1)])
    bad.features[1].values.removeLast()
    for format in [LayerWriter.Format.geoPackage, .geoJSON, .csv] {
      let error = #expect(throws: IOError.self) {
        try LayerWriter.write(bad, to: path, format: format)
      }
      #expect(error == .valueCountMismatch(path: path, feature: 1, expected: 4, found: 3))
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
      #expect(folder.contents == ["wards.gpkg"])
    }
    #expect(try LayerReader.read(path: path).layer.features.count == 1)
  }

  @Test("writing into a folder that does not exist names the file")
  func missingFolder() {
    let path = "/nonexistent-wijk/out/wards.gpkg"
    let layer = sampleLayer(crs: .epsg(31370), squares: [(0, 0, 1)])
    let error = #expect(throws: IOError.self) {
      try LayerWriter.write(layer, to: path, format: .geoPackage)
    }
    #expect(error?.description.hasPrefix(path) == true)
  }

  @Test("CSV output of a layer is its attribute table")
  func layerCSV() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.csv")
    let layer = sampleLayer(crs: .epsg(31370), squares: [(0, 0, 1), (1, 0, 1)])
    try LayerWriter.write(layer, to: path, format: .csv)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      text == "wijkcode,inwoners,aandeel,naam\r\n01,1000,0,Hoëvelde 0\r\n02,,0.25,Hoëvelde 1\r\n")
  }
}

@Suite("CSVWriter")
struct CSVWriterTests {
  static let table = Table(
    source: "test", columns: ["wijkcode", "inwoners", "gem_inkomen", "opmerking"],
    rows: [
      [.text("01"), .integer(1234), .real(21350.75), .text("rustig; groen")],
      [.text("02"), .missing, .real(9), .text("zegt \"ja\", echt")],
    ], lineNumbers: [2, 3])

  @Test("standard: comma, decimal point, quoting, no BOM")
  func standard() throws {
    let bytes = CSVWriter.encode(Self.table, dialect: .standard)
    #expect(
      String(decoding: bytes, as: UTF8.self) == """
        wijkcode,inwoners,gem_inkomen,opmerking\r
        01,1234,21350.75,rustig; groen\r
        02,,9,"zegt ""ja"", echt"\r

        """)
  }

  @Test("excel: BOM, ';' and decimal comma; read back equal")
  func excel() throws {
    let folder = TemporaryFolder()
    let path = folder.file("excel.csv")
    try CSVWriter.write(Self.table, to: path, dialect: .excel)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(
      String(decoding: bytes.dropFirst(3), as: UTF8.self) == """
        wijkcode;inwoners;gem_inkomen;opmerking\r
        01;1234;21350,75;"rustig; groen"\r
        02;;9;"zegt ""ja"", echt"\r

        """)
    let back = try CSVReader.read(path: path)
    #expect(back.report.numberConvention == .decimalComma)
    #expect(back.table.column("wijkcode") == Self.table.rows.map { $0[0] })
    #expect(back.table.column("inwoners") == [.integer(1234), .missing])
    #expect(back.table.column("gem_inkomen") == [.real(21350.75), .real(9)])
    #expect(back.table.column("opmerking") == Self.table.rows.map { $0[3] })
  }
}

/// GeoJSON and the CRS (issue 10, items 3 and 10). Oracle: RFC 7946 (WGS84 longitude and
/// latitude), GDAL's RFC7946=NO writer for the `crs` member, and case 09 (a Shapefile
/// without `.prj` written to GeoJSON came out with empty coordinates).
@Suite("LayerWriter and the CRS of GeoJSON")
struct GeoJSONCRSTests {
  static let squares: [(Double, Double, Double)] = [(229000, 184000, 1000)]

  @Test("case 09: a layer without a CRS is refused as GeoJSON, and nothing is written")
  func case09WithoutCRSIsRefused() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.geojson")
    let layer = sampleLayer(crs: nil, squares: Self.squares)
    #expect(throws: IOError.geoJSONNeedsCRS(path: path)) {
      try LayerWriter.write(layer, to: path, format: .geoJSON)
    }
    #expect(folder.contents.isEmpty)
    #expect(IOError.geoJSONNeedsCRS(path: path).description.contains("--crs EPSG:31370"))
    // A GeoPackage keeps the coordinates as they are, without a CRS.
    try LayerWriter.write(layer, to: folder.file("wards.gpkg"), format: .geoPackage)
    let back = try LayerReader.read(path: folder.file("wards.gpkg")).layer
    #expect(back.features[0].geometry == layer.features[0].geometry)
  }

  @Test("case 09 with a CRS: WGS84 coordinates near Genk, none empty")
  func case09WithCRSHasCoordinates() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.geojson")
    try LayerWriter.write(
      sampleLayer(crs: .epsg(31370), squares: Self.squares), to: path, format: .geoJSON)
    let ring = try #require(
      LayerReader.read(path: path).layer.features[0].geometry?.polygons.first?.exterior)
    #expect(ring.coordinates.count == 5)
    // (229000, 184000) in Lambert 72 is 5.4933 E, 50.9609 N (cs2cs EPSG:31370 EPSG:4326).
    #expect(abs(ring.coordinates[0].x - 5.4933) < 0.001)
    #expect(abs(ring.coordinates[0].y - 50.9609) < 0.001)
    #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("\"crs\""))
  }

  @Test("GeoJSON in the layer's CRS names it in a crs member and keeps the metres")
  func layerCRS() throws {
    let folder = TemporaryFolder()
    let path = folder.file("wards.geojson")
    let layer = sampleLayer(crs: .epsg(31370), squares: Self.squares)
    try LayerWriter.write(layer, to: path, format: .geoJSONInLayerCRS)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("urn:ogc:def:crs:EPSG::31370"))
    let back = try LayerReader.read(path: path).layer
    #expect(back.crs?.authorityCode == "EPSG:31370")
    let xs = back.features[0].geometry?.polygons[0].exterior.coordinates.map(\.x) ?? []
    #expect(Set(xs) == [229000, 230000])
    let custom = sampleLayer(crs: CRSDefinition(wkt: "LOCAL_CS[\"x\"]"), squares: Self.squares)
    #expect(throws: IOError.crsWithoutCode(path: path, crs: "custom WKT")) {
      try LayerWriter.write(custom, to: path, format: .geoJSONInLayerCRS)
    }
  }
}
