import Testing
@testable import WijkAnalysis

/// What no ward receives is said, with its figures: Genk's location-unknown sector 71016ZZZZ
/// maps to 71016ONB, which has no polygon; in 2021 it holds 51 non-residential connections
/// (Fluvius sector file, row 71016ZZZZ 2021) and nothing residential.
@Suite struct TableNoticesTests {
  @Test func theLocationUnknownWardIsReportedWithItsFigures() throws {
    let run = try GenkEndToEndTests.run.get()
    let table = try #require(run.result.tables.first)
    #expect(table.keysWithoutWard == ["71016ONB"])
    #expect(table.valuesWithoutWard["v2506_elek_nietres_n"] == 51)
    #expect(table.valuesWithoutWard["v2506_elek_res_n"] == 0)
    #expect(table.rowsRead == 216 && table.rowsKept == 54)
    let notes = SummaryReport.tableNotes(run.result, language: "en")
    #expect(notes.contains {
      $0.hasPrefix("71016ONB is not a ward of the map (e.g. location unknown)")
        && $0.hasSuffix("(`v2506_elek_nietres_n` = 51).")
    })
    #expect(notes.first == "genk_fluvius_energy_statsec2019_2018_2021.csv: 54 of 216 rows used (after the filter); numbers read with decimal point, e.g. 1234.5.")
    // The city total of non-residential connections leaves those 51 out: Σ over the 30 wards.
    let city = try #require(run.result.indicator("nonresidential_connections")?.city.value)
    #expect(city == run.table.columns["v2506_elek_nietres_n"]!.reduce(0) { $0 + $1! })
  }

  @Test func anUnknownIndicatorColumnNamesTheKeyAndTheTablesColumns() throws {
    var config = try ConfigurationLoader.load(
      path: GenkEndToEndTests.root.appendingPathComponent("GeoData/wijk-genk.yaml").path)
    config.indicators[1].numerator = "v2506_gas_res_nn"
    do {
      _ = try Analysis.run(config, configurationFile: "wijk-genk.yaml")
      Issue.record("expected an error")
    } catch let error as ConfigurationError {
      let text = error.description
      #expect(text.hasPrefix("wijk-genk.yaml: key 'indicators[1].numerator': no table has the column 'v2506_gas_res_nn' (did you mean 'v2506_gas_res_n'?)"))
      #expect(text.contains("geoitem") && text.contains("period"), "lists the table's own columns")
    }
  }
}
