import Foundation
import Testing
import WijkCore

@testable import WijkIO

/// Reading from and writing to the PostGIS server that `make test` starts, loaded by
/// scripts/with-postgis with the real Genk wards (`wijken`, from
/// GeoData/genk_wijken_2020_2024_31370.geojson).
@Suite(.enabled(if: PostGISServer.connection != nil, PostGISServer.skipped))
struct DatabaseWriterTests {
  let db = PostGISServer.connection ?? ""

  @Test func readsTheWardsTableWithItsCRS() throws {
    let file = try LayerReader.read(
      path: Fixture.geoData("genk_wijken_2020_2024_31370.geojson"))
    let table = try LayerReader.read(path: db, layer: "wijken")
    #expect(table.layer.features.count == 30)
    #expect(table.layer.crs?.authorityCode == "EPSG:31370")
    #expect(
      Set(table.layer.column("geoitem")!.map(\.text))
        == Set(file.layer.column("geoitem")!.map(\.text)))
    #expect(table.report.driver == "PostgreSQL")
  }

  @Test func readsAnSQLQueryAsTheLayer() throws {
    let reading = try LayerReader.read(
      path: db,
      layer: "sql:SELECT geoitem, naam, geom FROM wijken WHERE naam LIKE 'W%' ORDER BY geoitem")
    let all = try LayerReader.read(path: db, layer: "wijken").layer
    let expected = all.column("naam")!.compactMap(\.text).filter { $0.hasPrefix("W") }
    #expect(reading.layer.features.count == expected.count && !expected.isEmpty)
    #expect(reading.layer.crs?.authorityCode == "EPSG:31370")
  }

  @Test func writesATableWithTheLayersSRID() throws {
    let table = PostGISServer.freshTable("wijk_io_srid")
    try DatabaseWriter.write(squares(["A1", "B2"]), to: db, table: table)
    let back = try LayerReader.read(path: db, layer: table).layer
    #expect(back.column("code")?.compactMap(\.text).sorted() == ["A1", "B2"])
    #expect(back.column("n")?.map(\.number) == [1, 2])
    let srid = try LayerReader.read(
      path: db, layer: "sql:SELECT Find_SRID('public', '\(table)', 'geom') AS srid"
    ).layer
    #expect(srid.column("srid")?.first?.number == 31370)
  }

  @Test func refusesAnExistingTableNamingIt() throws {
    let table = PostGISServer.freshTable("wijk_io_exists")
    try DatabaseWriter.write(squares(["A1"]), to: db, table: table)
    #expect(throws: IOError.tableExists(path: db, table: table)) {
      try DatabaseWriter.write(squares(["A1", "B2"]), to: db, table: table)
    }
    #expect(try LayerReader.read(path: db, layer: table).layer.features.count == 1)
    try DatabaseWriter.write(squares(["A1", "B2"]), to: db, table: table, existing: .replace)
    #expect(try LayerReader.read(path: db, layer: table).layer.features.count == 2)
  }

  /// A write that fails half-way (after 3 of 6 rows) changes nothing: the replaced table is
  /// back with its rows, and a new table is not there at all.
  @Test func writeFailingHalfWayChangesNothing() throws {
    let table = PostGISServer.freshTable("wijk_io_half")
    try DatabaseWriter.write(squares(["A1", "B2"]), to: db, table: table)
    let six = squares(["P1", "P2", "P3", "P4", "P5", "P6"])
    #expect(throws: IOError.self) {
      try DatabaseWriter.write(
        six, to: db, table: table, existing: .replace, description: nil, failingAfter: 3)
    }
    let back = try LayerReader.read(path: db, layer: table).layer
    #expect(back.column("code")?.compactMap(\.text).sorted() == ["A1", "B2"])

    let fresh = PostGISServer.freshTable("wijk_io_never")
    #expect(throws: IOError.self) {
      try DatabaseWriter.write(
        six, to: db, table: fresh, existing: .refuse, description: nil, failingAfter: 3)
    }
    let found = try LayerReader.read(
      path: db,
      layer: "sql:SELECT count(*) AS n FROM pg_tables WHERE tablename = '\(fresh)'"
    ).layer
    #expect(found.column("n")?.first?.number == 0)
  }
}
