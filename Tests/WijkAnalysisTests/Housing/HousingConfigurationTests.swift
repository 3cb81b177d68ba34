import Foundation
import Testing

@testable import WijkAnalysis

/// Strict configuration: unknown keys and broken rules name the key; unmapped codes name
/// the line. The messages are what a GIS user reads.
@Suite struct HousingConfigurationTests {
  static let base = """
    wards: { file: w.geojson, code: c, name: n }
    registers: [{ file: r.csv, date: "2021" }]
    register:
      position: { x: x, y: y, crs: "EPSG:31370" }
      categories:
        tenure: { column: t, codes: { social_rental: [SH] } }
    indicators: [{ id: d, kind: count, numerator: dwellings, label: D }]
    """

  @Test func theExampleConfigurationLoads() throws {
    let c = try HousingConfigurationLoader.load(path: geoData("huisvesting_synthetic.yaml").path)
    #expect(c.registers.map(\.date) == ["2021", "2024"])
    #expect(c.layout.categories["tenure"]?.codes["social_rental"] == ["SH"])
    #expect(c.analysis.groups.first?.illustrative == true)
    #expect(c.analysis.title.contains("SYNTHETISCH"))
  }

  @Test func unknownKeyIsNamed() {
    let text = Self.base.replacingOccurrences(of: "column: t,", with: "colum: t,")
    #expect(throws: ConfigurationError.self) {
      try HousingConfigurationLoader.parse(text, file: "/x/h.yaml")
    }
    do {
      _ = try HousingConfigurationLoader.parse(text, file: "/x/h.yaml")
    } catch {
      #expect("\(error)".contains("register.categories.tenure.colum"))
    }
  }

  // The shared keys are the main job's, read by the same decoder; its `tables` and `zones` do
  // not apply to a register and are refused rather than silently ignored.
  @Test func analyseOnlyKeysAreRefused() {
    let text = Self.base + "\ntables: []"
    do {
      _ = try HousingConfigurationLoader.parse(text, file: "/x/h.yaml")
      Issue.record("accepted tables")
    } catch {
      #expect("\(error)".hasPrefix("/x/h.yaml: key 'tables': unknown key 'tables'"))
      #expect(!"\(error)".contains("zones") && "\(error)".contains("registers, register"))
    }
  }

  @Test func positionMustBeOneOrTheOther() {
    let text = Self.base.replacingOccurrences(
      of: "{ x: x, y: y, crs: \"EPSG:31370\" }", with: "{ x: x, longitude: lon, latitude: lat }")
    do {
      _ = try HousingConfigurationLoader.parse(text, file: "/x/h.yaml")
      Issue.record("accepted x with longitude")
    } catch {
      #expect(
        "\(error)"
          == "/x/h.yaml: key 'register.position.x': give either x, y and crs, or longitude and latitude, not both"
      )
    }
  }

  @Test func aColumnNameDefinedTwiceIsRefused() {
    let text =
      Self.base + "\n" + """
        x_unused: 1
        """
    #expect(throws: ConfigurationError.self) {
      try HousingConfigurationLoader.parse(text, file: "/x/h.yaml")
    }
    let twice = Self.base.replacingOccurrences(
      of: "categories:",
      with: "flags: { social_rental: { column: v, values: [\"1\"] } }\n  categories:")
    do {
      _ = try HousingConfigurationLoader.parse(twice, file: "/x/h.yaml")
      Issue.record("accepted a column defined twice")
    } catch {
      #expect("\(error)".contains("'social_rental' is defined twice"))
    }
  }

  @Test func errorMessagesNameFileLineAndValue() {
    let e = HousingError.unknownCode(
      file: "r.csv", line: 7, column: "eigendom", value: "XX", known: ["EW", "SH"])
    #expect(
      e.description
        == "r.csv, line 7: the value 'XX' in column 'eigendom' is not mapped in the configuration (known: EW, SH); add it to 'codes' or 'ignore'."
    )
    let swapped = HousingError.outsideAreaOfUse(
      file: "r.csv", line: 2, longitude: 50.9, latitude: 5.5, crs: "EPSG:31370")
    #expect(swapped.description.contains("are latitude and longitude swapped?"))
  }
}
