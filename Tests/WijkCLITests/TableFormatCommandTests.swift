import Foundation
import Testing

/// Tables in workbooks, GeoPackages and Statbel's zipped downloads through the command line:
/// `wijk info` lists the sheets and names what a join would refuse; `wijk join` gives from a
/// zip and a workbook what it gives from the CSVs (the synthetic fixtures of
/// Tests/Fixtures/tables/make_tables.sh, and field case 23).
@Suite struct TableFormatCommandTests {
  static let tables = "Tests/Fixtures/tables"
  static let case23 = "Tests/Fixtures/cases/23-statbel-confidential-cells"

  @Test func infoOnALibreOfficeWorkbookNamesTheLostZeroAndTheFormulaError() throws {
    let r = try CLIRunner.run([
      "info", "\(Self.tables)/synthetic_wards_libreoffice.xlsx", "--header-row", "3",
      "--skip-rows", "1",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    for line in [
      "sheets:    synthetic_wards_libreoffice (9 rows) ← read",
      "table:     4 rows, 5 columns",
      "read by:   GDAL's XLSX driver, every cell as stored (formulas as their results)",
      "  code: code, 4 distinct",
      "      lost zeros: 1 code stored as a number, shorter than the others: row 6 '102'",
      "      missing: 1 cell confidential (C), row 6",
      "  dubbel: mixed, 3 numbers\n      not a number: 1 cell: row 6 '#VALUE!'",
      "verdict:   fix the problems above",
    ] {
      #expect(r.stdout.contains(line), "\(line)")
    }
  }

  @Test func infoListsTheSheetsOfAGDALWorkbookAsJSON() throws {
    let r = try CLIRunner.run([
      "info", "\(Self.tables)/synthetic_wards_gdal.xlsx", "--sheet", "sectoren", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    #expect(sheets.compactMap { $0["name"] as? String } == ["wijken", "sectoren"])
    #expect(json["sheet"] as? String == "sectoren")
    #expect(json["driver"] as? String == "XLSX")
    #expect(json["rowCount"] as? Int == 2)
  }

  @Test func infoOnAGeoPackageTableNeedsItsName() throws {
    let r = try CLIRunner.run(["info", "\(Self.tables)/synthetic_wards.gpkg", "--sheet", "cijfers"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("tables:    cijfers (3 rows) ← read, punten (1 row)"))
    #expect(r.stdout.contains("      missing: 1 cell confidential (C), row 2"))
  }

  @Test func joinFromAZipAndAWorkbookEqualsTheJoinFromTheCSVs() throws {
    let common = ["join", "\(Self.case23)/wards.geojson", "--code", "wijkcode", "--sector-key", "CD_SECTOR",
      "--lookup-sector", "sectorcode", "--lookup-ward", "wijkcode"]
    let files = try CLIRunner.run(
      common + [
        "--sectors", "\(Self.case23)/sectoren_statbel.txt", "--lookup",
        "\(Self.case23)/sector_wijk.csv",
      ])
    let formats = try CLIRunner.run(
      common + [
        "--sectors", "\(Self.tables)/case23_sectoren_statbel.zip", "--lookup",
        "\(Self.tables)/case23_sector_wijk.xlsx", "--lookup-sheet", "koppeling",
      ])
    #expect(files.status == 0 && formats.status == 0, "\(formats.stderr)")
    #expect(!formats.stdout.isEmpty && formats.stdout == files.stdout)
    #expect(formats.stderr.contains("W01 has no value for MS_NBR_LEEFLOON (confidential: sector 71999A002)"))
  }

  @Test func aCodeThatLostItsZeroStopsTheJoinNamingTheCell() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case23)/wards.geojson", "--code", "wijkcode", "--table",
      "\(Self.tables)/synthetic_wards_libreoffice.xlsx", "--key", "code", "--header-row", "3",
      "--skip-rows", "1",
    ])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "synthetic_wards_libreoffice.xlsx, sheet synthetic_wards_libreoffice, row 6, column 'code': the code 102"
      ), "\(r.stderr)")
    #expect(r.stderr.contains("--pad-keys 4"))
  }
}
