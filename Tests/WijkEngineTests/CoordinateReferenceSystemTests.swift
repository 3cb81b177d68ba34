import Testing
import WijkCore

@testable import WijkEngine

/// CRS metadata against the EPSG registry as PROJ 9.1 ships it (`projinfo EPSG:31370`).
@Suite struct CoordinateReferenceSystemTests {
  @Test func belgianLambert72() throws {
    let crs = try CoordinateReferenceSystem(epsg: 31370)
    #expect(crs.name == "BD72 / Belgian Lambert 72")
    #expect(crs.epsgCode == 31370)
    #expect(!crs.isGeographic)
    #expect(try crs.axisUnit() == ("metre", 1.0))
    #expect(crs.definition.authorityCode == "EPSG:31370")
    #expect(crs.definition.isGeographic == false)
  }

  @Test func wgs84IsGeographic() throws {
    let crs = try CoordinateReferenceSystem(.epsg(4326))
    #expect(crs.name == "WGS 84")
    #expect(crs.isGeographic)
    #expect(try crs.axisUnit().name == "degree")
    #expect(crs.areaOfUse == Envelope(minX: -180, minY: -90, maxX: 180, maxY: 90))
  }

  @Test func wktWithoutIdentifierIsIdentified() throws {
    let context = PROJContext()
    let wkt = try CoordinateReferenceSystem(epsg: 31370, context: context).wkt()
    // Strip the ID so PROJ must identify it.
    let bare = wkt.replacingOccurrences(
      of: #",\s*ID\["EPSG",31370\]"#, with: "", options: .regularExpression)
    #expect(bare != wkt)
    let crs = try CoordinateReferenceSystem(bare, context: context)
    #expect(crs.epsgCode == 31370)
    #expect(crs.isEquivalent(to: try CoordinateReferenceSystem(epsg: 31370, context: context)))
    #expect(!crs.isEquivalent(to: try CoordinateReferenceSystem(epsg: 3812, context: context)))
  }

  @Test func unknownCodeCarriesPROJsLog() {
    #expect(
      throws: EngineError.proj(
        function: "proj_create", code: 4096,
        messages: ["Unknown error (code 4096)", "proj_create: crs not found"])
    ) { try CoordinateReferenceSystem(epsg: 99999) }
  }

  @Test func missingDatabaseIsNamedInTheError() {
    let context = PROJContext(searchPaths: ["/nonexistent-proj-data"])
    do {
      _ = try CoordinateReferenceSystem(epsg: 31370, context: context)
      Issue.record("expected a failure without proj.db")
    } catch {
      guard case .proj(let function, _, let messages) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(function == "proj_create")
      #expect(messages.contains("proj_create: Cannot find proj.db"))
      #expect(error.description.contains("Cannot find proj.db"))
    }
  }

  @Test func operationIsNotACRS() {
    #expect(
      throws: EngineError.proj(
        function: "proj_create", code: 0,
        messages: ["\"+proj=merc\" is not a coordinate reference system"])
    ) { try CoordinateReferenceSystem("+proj=merc") }
  }
}
