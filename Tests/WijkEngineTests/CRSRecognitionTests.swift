import Foundation
import Testing
import WijkCore

@testable import WijkEngine

/// Case 30: Lambert 72 `.prj` files as ArcGIS and older tools write them. Oracle: the case's
/// `compute_expected.py` (pyproj 3.7, PROJ 9.5: `list_authority` gives EPSG:31370 at 25 %,
/// 90 % and 100 %); this machine's PROJ 9.1 gives the same. The agreement is measured here
/// and must be within the documented 1 cm: the ArcGIS false origin differs from EPSG's by
/// 0.4 mm (OSGeo/PROJ#1781), the TOWGS84 clause from EPSG's "BD72 to WGS 84 (3)" by rounding.
@Suite struct CRSRecognitionTests {
  static func prj(_ name: String) throws -> CRSDefinition {
    let url = Fixtures.caseFile("30-shapefile-prj-esri-lambert72", "\(name).prj")
    return CRSDefinition(wkt: try String(contentsOf: url, encoding: .utf8))
  }

  @Test func case30ArcGISFalseOriginIsEquivalentToEPSG31370() throws {
    let r = try #require(try CRSRecognizer.recognise(Self.prj("wards_arcgis")))
    #expect(r.name == "Belge_1972_Belgian_Lambert_72")
    #expect(r.epsg == 31370)
    #expect(r.confidence == 25)
    #expect(r.outcome == .equivalent)
    let deviation = try #require(r.deviationMetres)
    #expect(deviation <= CRSRecognizer.toleranceMetres)
    #expect(deviation > 0.0001)  // the 0.4 mm of the false origin is really measured
    #expect(r.definition(replacing: try Self.prj("wards_arcgis")).authorityCode == "EPSG:31370")
  }

  @Test func case30TOWGS84IsEquivalentToEPSG31370() throws {
    let r = try #require(try CRSRecognizer.recognise(Self.prj("wards_towgs84")))
    #expect(r.epsg == 31370)
    #expect(r.confidence == 90)
    #expect(r.outcome == .equivalent)
    #expect(try #require(r.deviationMetres) <= 0.01)
  }

  @Test func case30GDALsESRIWKTIsIdentified() throws {
    let r = try #require(try CRSRecognizer.recognise(Self.prj("wards_gdal_esri")))
    #expect(r.epsg == 31370)
    #expect(r.confidence == 100)
    #expect(r.outcome == .identified)
  }

  // Another form of the kind: a false easting 1 m off is not Lambert 72, whatever the name.
  @Test func aMetreOffIsRefusedAndTheOwnDefinitionKept() throws {
    let wkt = try String(
      contentsOf: Fixtures.tests.appendingPathComponent(
        "Fixtures/io/synthetic_lambert72_false_easting_1m_off.prj"), encoding: .utf8)
    let declared = CRSDefinition(wkt: wkt)
    let r = try #require(try CRSRecognizer.recognise(declared))
    #expect(r.outcome == .refused)
    #expect(r.epsg == 31370)
    #expect(abs(try #require(r.deviationMetres) - 1.0) < 0.01)
    #expect(r.definition(replacing: declared) == declared)
    #expect(r.sentence(file: "x.prj").contains("differs by up to 1.00 m"))
    #expect(r.sentence(file: "x.prj").contains("'Belge_1972_Belgian_Lambert_72'"))
  }

  // A TOWGS84 that is not EPSG's default shift (BD72 to WGS 84 (1), 1 m or more away) keeps
  // its own datum shift rather than being replaced by EPSG:31370's.
  @Test func aDifferentDatumShiftIsRefused() throws {
    let text = try String(
      contentsOf: Fixtures.caseFile("30-shapefile-prj-esri-lambert72", "wards_towgs84.prj"),
      encoding: .utf8
    ).replacingOccurrences(
      of: "TOWGS84[-106.869,52.2978,-103.724,0.3366,-0.457,1.8422,-1.2747]",
      with: "TOWGS84[-99.059,53.322,-112.486,0.419,-0.83,1.885,-1]")
    let r = try #require(try CRSRecognizer.recognise(CRSDefinition(wkt: text)))
    #expect(r.outcome == .refused)
    #expect(try #require(r.deviationMetres) > 0.01)
  }

  @Test func aCodeAlreadyGivenNeedsNoRecognition() throws {
    #expect(try CRSRecognizer.recognise(.epsg(31370)) == nil)
  }

  @Test func lengthsReadAsPeopleWriteThem() {
    #expect(CRSRecognition.length(0.00044) == "0.4 mm")
    #expect(CRSRecognition.length(0.032) == "3.2 cm")
    #expect(CRSRecognition.length(0.99999) == "1.00 m")
  }
}
