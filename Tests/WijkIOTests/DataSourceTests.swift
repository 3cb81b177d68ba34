import Foundation
import Testing
import WijkCore

@testable import WijkIO

@Suite struct DataSourceNameTests {
  @Test func connectionStringsAreNotPaths() {
    #expect(DataSourceName.isConnection("PG:dbname=genk host=gis.genk.be"))
    #expect(DataSourceName.isConnection("PG:postgresql://wijk@gis/genk"))
    #expect(DataSourceName.isConnection("MSSQL:server=x;database=y"))
    #expect(!DataSourceName.isConnection("GeoData/genk_wijken_2020_2024_31370.geojson"))
    #expect(!DataSourceName.isConnection("/data/wards.gpkg"))
    #expect(!DataSourceName.isConnection(#"C:\gis\wards.shp"#))
  }

  @Test func everyFormOfPasswordIsMasked() {
    #expect(
      DataSourceName.redacted("PG:dbname=genk password=s3cret host=gis")
        == "PG:dbname=genk password=*** host=gis")
    #expect(
      DataSourceName.redacted("PG:dbname=genk password = 'with space \\' quote' host=gis")
        == "PG:dbname=genk password = *** host=gis")
    #expect(
      DataSourceName.redacted("PG:postgresql://wijk:s3cret@gis.genk.be:5432/genk")
        == "PG:postgresql://wijk:***@gis.genk.be:5432/genk")
    #expect(DataSourceName.redacted("Driver=X;PWD=s3cret;UID=me") == "Driver=X;PWD=***;UID=me")
    let plain = "GeoData/wards.gpkg: no such file."
    #expect(DataSourceName.redacted(plain) == plain)
  }

  /// GDAL's own message can quote the connection string: the error shows it without password.
  @Test func gdalMessagesInErrorsAreScrubbed() {
    let error = IOError.cannotOpen(
      path: "PG:dbname=genk password=s3cret",
      message: "`PG:dbname=genk password=s3cret' not recognized as a supported dataset name")
    #expect(!error.description.contains("s3cret"))
    #expect(error.description.contains("password=***"))
  }

  @Test func unreachableServerIsAnErrorWithoutThePassword() {
    #expect {
      try LayerReader.read(
        path: "PG:host=/nonexistent-wijk-socket port=1 dbname=x user=u password=s3cret")
    } throws: { error in
      let text = "\(error)"
      guard case .cannotOpen = error as? IOError else { return false }
      return !text.contains("s3cret") && text.contains("***")
    }
  }
}

@Suite struct LayerQueryTests {
  /// `sql:` works on a file too: SQLite SQL on a GeoPackage.
  @Test func sqlLayerOfAGeoPackage() throws {
    let folder = TemporaryFolder()
    let path = folder.file("w.gpkg")
    try LayerWriter.write(squares(["A1", "B2", "C3"]), to: path, format: .geoPackage)
    let reading = try LayerReader.read(
      path: path, layer: "sql:SELECT code, geom FROM squares WHERE code <> 'B2' ORDER BY code")
    #expect(reading.layer.column("code")?.map(\.text) == ["A1", "C3"])
    #expect(reading.layer.features.allSatisfy { $0.geometry != nil })
    #expect(reading.layer.crs?.authorityCode == "EPSG:31370")
  }

  @Test func badQueryNamesTheQueryAndTheDatabaseMessage() throws {
    let folder = TemporaryFolder()
    let path = folder.file("w.gpkg")
    try LayerWriter.write(squares(["A1"]), to: path, format: .geoPackage)
    #expect {
      try LayerReader.read(path: path, layer: "sql:SELECT nope FROM squares")
    } throws: { error in
      guard case .badQuery(_, let sql, let message) = error as? IOError else { return false }
      return sql == "SELECT nope FROM squares" && message.contains("nope")
    }
  }
}

/// Unit squares in Belgian Lambert 72, one per code, with a count field.
func squares(_ codes: [String], name: String = "squares") -> Layer {
  Layer(
    name: name, source: "test", crs: CRSDefinition(authorityCode: "EPSG:31370"),
    fields: [Field(name: "code", type: .text), Field(name: "n", type: .integer)],
    features: codes.enumerated().map { k, code in
      let x = 200_000 + Double(k) * 100
      let ring = Ring([
        Coordinate(x: x, y: 180_000), Coordinate(x: x + 100, y: 180_000),
        Coordinate(x: x + 100, y: 180_100), Coordinate(x: x, y: 180_100),
      ])
      return Feature(
        index: k, geometry: .polygon(Polygon(exterior: ring)),
        values: [.text(code), .integer(Int64(k + 1))])
    })
}
