import Foundation
import Testing
import WijkCore
import WijkIO

@testable import WijkAnalysis

/// `wijk analyse` with its tables in other formats than CSV must give the figures it gives
/// from the CSV: field case 23 from a zipped Statbel download and a workbook lookup, and
/// Genk's Fluvius figures straight from PostGIS (when the test server runs).
@Suite struct TableFormatsTests {
  static let case23 = fixture("cases/23-statbel-confidential-cells")

  /// Case 23's sector configuration with its tables swapped for the zip and the workbook.
  static func zippedAndWorkbook(_ yaml: String) -> String {
    yaml.replacingOccurrences(
      of: "file: sectoren_statbel.txt",
      with: "file: \(fixture("tables/case23_sectoren_statbel.zip").path)"
    ).replacingOccurrences(
      of: "file: sector_wijk.csv",
      with: "file: \(fixture("tables/case23_sector_wijk.xlsx").path)\n      sheet: koppeling")
  }

  @Test("Case 23 from a zipped Statbel table and a workbook lookup: the figures of the CSVs")
  func case23FromZipAndWorkbook() throws {
    let path = Self.case23.appendingPathComponent("wijk-analyse-sector.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let edited = Self.zippedAndWorkbook(text)
    #expect(edited.contains("sheet: koppeling") && edited.contains(".zip"))
    let run = try Analysis.run(ConfigurationLoader.parse(edited, file: path))
    let plain = try Analysis.run(ConfigurationLoader.parse(text, file: path))
    let values = Dictionary(
      uniqueKeysWithValues: run.result.indicators[0].wards.map { ($0.code, $0.value) })
    #expect(values == ["W01": nil, "W02": 30, "W03": 50])
    #expect(
      run.result.indicators[0].wards.map(\.value) == plain.result.indicators[0].wards.map(\.value))
    let table = try #require(run.result.tables.first)
    #expect(table.missingCells.map(\.lines) == [[3]])
    #expect(table.missingWardValues.map(\.reason) == ["confidential: sector 71999A002"])
    #expect(run.result.provenance.inputs.contains { $0.path.hasSuffix("case23_sector_wijk.xlsx") })
  }

  @Test("sheet and layer together are refused in a table's configuration")
  func sheetAndLayerRefused() {
    let yaml = """
      wards: { file: w.geojson, code: code, name: name }
      tables:
        - { file: t.xlsx, key: code, sheet: Blad1, layer: cijfers }
      indicators:
        - { id: a, kind: count, numerator: n, label: A }
      """
    #expect(throws: (any Error).self) { try ConfigurationLoader.parse(yaml, file: "/tmp/x.yaml") }
  }

  @Test("sheet by number, header_row and skip_rows are read from a table's configuration")
  func tableKeys() throws {
    let yaml = """
      wards: { file: w.geojson, code: code, name: name }
      tables:
        - file: t.xlsx
          key: code
          sheet: 2
          header_row: 3
          skip_rows: 1
          lookup: { file: PG:dbname=genk, layer: "sql:SELECT * FROM koppeling", sector: s, ward: w }
      indicators:
        - { id: a, kind: count, numerator: n, label: A }
      """
    let c = try ConfigurationLoader.parse(yaml, file: "/tmp/x.yaml")
    let t = try #require(c.tables.first)
    #expect(t.part == TablePart(layer: "2", headerRow: 3, skipRows: 1))
    #expect(t.lookup?.part.layer == "sql:SELECT * FROM koppeling")
    #expect(t.lookup?.file == "PG:dbname=genk")
  }
}

/// Genk's Fluvius figures and the sector lookup read from the PostGIS test server
/// (scripts/with-postgis loads them from the same CSVs as tables `fluvius` and `sector_wijk`).
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["WIJK_TEST_PG"].map { !$0.isEmpty } ?? false,
    "skipped: no PostGIS test server (WIJK_TEST_PG is not set); `make test` starts one"))
struct DatabaseIndicatorTableTests {
  static let db = ProcessInfo.processInfo.environment["WIJK_TEST_PG"] ?? ""

  @Test("analyse with its tables in PostGIS gives the ward figures of the CSVs")
  func genkTablesFromTheDatabase() throws {
    let path = geoData("wijk-genk.yaml").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let edited = text.replacingOccurrences(
      of: "  - file: genk_fluvius_energy_statsec2019_2018_2021.csv",
      with: "  - file: \"\(Self.db)\"\n    layer: fluvius"
    ).replacingOccurrences(
      of: "      file: genk_statsec2024_to_wijk2024.csv",
      with: "      file: \"\(Self.db)\"\n      layer: sector_wijk")
    #expect(edited.contains("layer: fluvius") && edited.contains("layer: sector_wijk"))
    let fromDatabase = try Analysis.run(ConfigurationLoader.parse(edited, file: path))
    let fromFiles = try Analysis.run(ConfigurationLoader.parse(text, file: path))
    for (a, b) in zip(fromDatabase.result.indicators, fromFiles.result.indicators) {
      #expect(a.wards.map(\.code) == b.wards.map(\.code))
      for (x, y) in zip(a.wards, b.wards) {
        // The same cells summed in the same order; reals may differ by their last digit.
        #expect(abs((x.value ?? .nan) - (y.value ?? .nan)) <= 1e-9 * abs(y.value ?? 1) || x.value == y.value, "\(a.id) \(x.code)")
      }
    }
    let inputs = fromDatabase.result.provenance.inputs.filter { $0.layer != nil }
    #expect(inputs.map(\.layer) == ["fluvius", "sector_wijk"])
    #expect(inputs.first?.rows == 216)
    #expect(inputs.allSatisfy { $0.sha256.count == 64 })
  }
}
