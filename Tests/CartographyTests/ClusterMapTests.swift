// Tests of ClusterMap: GeoDa's colours, legend order and counts, golden file.

import Foundation
import Testing
import WijkCore

@testable import Cartography

@Suite struct ClusterMapTests {
  static let categories: [ClusterCategory] = [
    .highHigh, .highHigh, .notSignificant, .noData, .noNeighbours, .lowHigh,
  ]

  static func map() throws -> ClusterMap {
    try ClusterMap(
      wards: Wards.all, categories: categories,
      text: MapText(
        title: "LISA cluster map", subtitle: "Fixture wards",
        legendTitle: "Local Moran", credits: "Fixture data, invented"),
      significanceNote: "p ≤ 0.05; 999 permutations, seed 12345",
      options: MapOptions(language: .english, showsLabels: false))
  }

  @Test func wardsHaveGeoDaColours() throws {
    let doc = XMLInspector(try Self.map().svg())
    #expect(doc.parsed)
    // GeoDa Explore/LisaMapNewView.cpp: HH wxColour(255,0,0), Not Significant (240,240,240),
    // Undefined (70,70,70), Neighborless (140,140,140), Low-High (150,150,255).
    let fills = doc.all("path", class: "ward").map { $0.attributes["fill"]! }
    #expect(fills == ["#ff0000", "#ff0000", "#f0f0f0", "#464646", "#8c8c8c", "#9696ff"])
    #expect(ClusterCategory.lowLow.colour == "#0000ff")
    #expect(ClusterCategory.highLow.colour == "#ff9696")
  }

  @Test func legendFollowsGeoDaOrderWithCounts() throws {
    let doc = XMLInspector(try Self.map().svg())
    let labels = doc.all("text", class: "legend-label").map(\.text)
    #expect(
      labels == [
        "Not significant", "High-High", "Low-Low", "Low-High", "High-Low",
        "No neighbours", "No data",
      ])
    let counts = doc.all("text", class: "legend-count").map { Int($0.text)! }
    #expect(counts == [1, 2, 0, 1, 0, 1, 1])
    #expect(counts.reduce(0, +) == Wards.all.count)
  }

  @Test func noLabelsWhenSwitchedOff() throws {
    let doc = XMLInspector(try Self.map().svg())
    #expect(doc.all("g", class: "labels").isEmpty)
  }

  @Test func categoriesMustMatchWards() {
    #expect(
      throws: CartographyError.lengthMismatch(
        input: "cluster categories", count: 1,
        wards: 6)
    ) {
      _ = try ClusterMap(wards: Wards.all, categories: [.highHigh], text: ChoroplethFixture.text)
    }
  }

  @Test func goldenFixtureClusterMap() throws {
    try expectGolden(try Self.map().svg(), "cluster_fixture_en.svg")
  }
}
