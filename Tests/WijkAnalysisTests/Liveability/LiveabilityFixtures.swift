import Foundation
import SpatialWeights
import WijkCore

@testable import WijkAnalysis

/// Three 1 km squares in a row (EPSG:31370 metres), hand-checkable:
/// W1 = [0,1000]×[0,1000], W2 = [1000,2000]×[0,1000], W3 = [2000,3000]×[0,1000].
/// households (hh) = 100, 200, 300; gas = 50, 100, 150 (gas share 50 % everywhere).
enum LiveabilityFixtures {
  static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
    .polygon(
      Polygon(
        exterior: Ring([
          Coordinate(x: x0, y: y0), Coordinate(x: x1, y: y0), Coordinate(x: x1, y: y1),
          Coordinate(x: x0, y: y1), Coordinate(x: x0, y: y0),
        ])))
  }

  static let table = WardTable(
    source: "squares", crs: .epsg(31370), codes: ["W1", "W2", "W3"],
    names: ["One", "Two", "Three"],
    geometries: [
      square(0, 0, 1000, 1000), square(1000, 0, 2000, 1000), square(2000, 0, 3000, 1000),
    ],
    areaSquareMetres: [1e6, 1e6, 1e6],
    labelPoints: [
      Coordinate(x: 500, y: 500), Coordinate(x: 1500, y: 500), Coordinate(x: 2500, y: 500),
    ],
    columns: ["hh": [100, 200, 300], "gas": [50, 100, 150]])

  static var weights: SpatialWeights {
    get throws { try .queen(ids: table.codes, geometries: table.geometries) }
  }

  /// No permutations: nothing is significant, so no ward is a hotspot on these tables.
  static var configuration: AnalysisConfiguration {
    get throws {
      try ConfigurationLoader.parse(
        """
        title: squares
        language: en
        wards: { file: squares.geojson, code: code, name: name }
        tables: []
        indicators:
          - { id: households, kind: count, numerator: hh, label: households }
          - { id: gas_share, kind: rate, numerator: gas, base: hh, per: 100, label: gas share, unit: "%" }
        weights: { kind: queen }
        small_number_threshold: 5
        seed: 1
        permutations: 0
        significance: 0.05
        concentration_quotient: 1.2
        classification: { method: quantiles, classes: 2 }
        credits: []
        """, file: "/tmp/squares.yaml")
    }
  }

  static let provenance = Provenance(
    tool: "wijk", toolVersion: "test", libraries: [:], inputs: [], configurationFile: nil,
    seed: 1, permutations: 0, createdAt: "2026-01-01T00:00:00Z")

  static let items: [String: [String: Double]] = [
    "owner_gas_free": ["hh": 1],
    "social_gas": ["hh": 1, "gas": 1, "social_n": 1],
  ]

  static func profile(_ rules: [Rule], buffer: Double = 10_000) -> RulesProfile {
    RulesProfile(title: "test", bufferMetres: buffer, items: items, indicators: [], rules: rules)
  }

  static func rule(
    _ id: String, _ kind: Rule.Kind, indicator: String? = nil, facility: String? = nil,
    scope: Rule.Scope = .ward, direction: String? = nil, attention: Double? = nil,
    fail: Double? = nil
  ) -> Rule {
    Rule(
      id: id, kind: kind, indicator: indicator, facility: facility, scope: scope,
      direction: direction, fail: fail, attention: attention, note: nil)
  }

  /// The site [200,800]² (36 ha) inside W1.
  static let site = Site(source: "site", geometry: square(200, 200, 800, 800))

  static func check(
    _ rules: [Rule], programme: [Programme], site: Site = site, facilities: [Facility] = [],
    buffer: Double = 10_000
  ) throws -> LiveabilityCheck.Outcome {
    try LiveabilityCheck.check(
      CheckInputs(
        title: "test", site: site, phases: programme, programmeFile: "programme.yaml",
        profile: profile(rules, buffer: buffer), profileFile: "profile.yaml",
        facilities: facilities),
      table: table, weights: weights, configuration: configuration, provenance: provenance)
  }

  static var fixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures")
  }
}
