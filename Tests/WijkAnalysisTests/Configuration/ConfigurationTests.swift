import Foundation
import SpatialStats
import Testing

@testable import WijkAnalysis

@Suite struct ConfigurationTests {
  static let geoData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("GeoData")

  @Test func genkConfigurationLoads() throws {
    let c = try ConfigurationLoader.load(
      path: Self.geoData.appendingPathComponent("wijk-genk.yaml").path)
    #expect(
      c.indicators.map(\.id) == [
        "households", "gas_share", "electricity_per_household", "gas_per_gas_household",
        "nonresidential_connections",
      ])
    #expect(c.wards.file.hasSuffix("GeoData/genk_wijken_2020_2024_31370.geojson"))
    #expect(
      c.tables.first?.lookup?.file.hasSuffix("GeoData/genk_statsec2024_to_wijk2024.csv") == true)
    #expect(c.groups.count == 1)
    #expect(c.groups.first?.illustrative == true)
    #expect(c.seed == 12345 && c.permutations == 999 && c.smallNumberThreshold == 5)
  }

  static let minimal = """
    wards: { file: w.geojson, code: code, name: name }
    indicators:
      - { id: a, kind: count, numerator: n, label: A }
    """

  @Test func defaultsAreDocumentedValues() throws {
    let c = try ConfigurationLoader.parse(ConfigurationTests.minimal, file: "/tmp/x.yaml")
    #expect(c.weights.kind == .queen && c.significance == 0.05 && c.language == "nl")
    #expect(c.wards.file == "/tmp/w.geojson")
  }

  @Test func unknownKeyIsNamed() {
    let text =
      Self.minimal
      + "\n    numerater: x\n".replacingOccurrences(of: "    numerater", with: "permutatons")
    #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(text, file: "c.yaml") }
    do {
      _ = try ConfigurationLoader.parse(text, file: "c.yaml")
    } catch {
      #expect(error.description.hasPrefix("c.yaml: key 'permutatons': unknown key 'permutatons'"))
    }
  }

  @Test func unknownNestedKeyIsNamedWithItsPath() {
    let text = """
      wards: { file: w.geojson, code: code, name: name }
      indicators:
        - { id: a, kind: rate, numerater: n, base: b, label: A }
      """
    do {
      _ = try ConfigurationLoader.parse(text, file: "c.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("key 'indicators[0].numerater': unknown key"))
    }
  }

  @Test func rateWithoutBaseIsAMissingKey() {
    let text = """
      wards: { file: w.geojson, code: code, name: name }
      indicators:
        - { id: a, kind: rate, numerator: n, label: A }
      """
    #expect(throws: ConfigurationError.missingKey(file: "c.yaml", key: "indicators[0].base")) {
      try ConfigurationLoader.parse(text, file: "c.yaml")
    }
  }

  @Test func duplicateIndicatorIdIsInvalid() {
    let text = Self.minimal + "\n  - { id: a, kind: count, numerator: m, label: B }"
    #expect(
      throws: ConfigurationError.invalid(
        file: "c.yaml", key: "indicators[1].id", reason: "'a' is used twice")
    ) { try ConfigurationLoader.parse(text, file: "c.yaml") }
  }
}

@Suite struct ConfigurationMessageTests {
  @Test func aWrongEnumValueListsTheAllowedOnes() {
    let text = """
      wards: { file: w.geojson, code: code, name: name }
      indicators:
        - { id: a, kind: rates, numerator: n, base: b, label: A }
      """
    #expect(
      throws: ConfigurationError.invalid(
        file: "c.yaml", key: "indicators[0].kind",
        reason: "'rates' is not allowed here; use one of: count, rate, mean")
    ) { try ConfigurationLoader.parse(text, file: "c.yaml") }
  }

  // The multiple-testing correction: FDR unless the configuration says otherwise; a typo is
  // an error naming the key and the allowed values, never a silent fallback.
  @Test func multipleTestingDefaultsToFDRAndRefusesOtherValues() throws {
    let plain = try ConfigurationLoader.parse(ConfigurationTests.minimal, file: "c.yaml")
    #expect(plain.multipleTesting == MultipleTestingCorrection.fdr)
    for (text, expected) in [("bonferroni", MultipleTestingCorrection.bonferroni), ("none", .none)]
    {
      let c = try ConfigurationLoader.parse(
        ConfigurationTests.minimal + "\nmultiple_testing: \(text)", file: "c.yaml")
      #expect(c.multipleTesting == expected)
    }
    #expect(
      throws: ConfigurationError.invalid(
        file: "c.yaml", key: "multiple_testing",
        reason: "'FDR' is not allowed here; use one of: fdr, bonferroni, none")
    ) {
      try ConfigurationLoader.parse(
        ConfigurationTests.minimal + "\nmultiple_testing: FDR", file: "c.yaml")
    }
    let genk = try ConfigurationLoader.load(
      path: ConfigurationTests.geoData.appendingPathComponent("wijk-genk.yaml").path)
    #expect(genk.multipleTesting == .fdr)
  }

  @Test func aYAMLSyntaxErrorSaysWhere() {
    do {
      _ = try ConfigurationLoader.parse("wards: { file: w.geojson\nindicators: [", file: "c.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("c.yaml: not valid YAML:"))
      #expect(error.description.contains("line"), "\(error.description)")
    }
  }

  @Test func aMissingFileSaysWhereToRunFrom() {
    #expect(throws: ConfigurationError.missing(file: "nope.yaml")) {
      try ConfigurationLoader.load(path: "nope.yaml")
    }
    #expect(ConfigurationError.missing(file: "nope.yaml").description.contains("--config PATH"))
  }
}
