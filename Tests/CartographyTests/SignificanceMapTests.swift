// Tests of SignificanceMap: GeoDa's greens, the corrected threshold, legend order and counts.

import Foundation
import Testing
import WijkCore

@testable import Cartography

@Suite struct SignificanceMapTests {
  /// p-values and whether each passed the corrected threshold, one per fixture ward.
  static let tests: [(Double, Bool)] = [
    (0.001, true), (0.004, true), (0.03, false), (0.02, true), (0.5, false), (0.0001, true),
  ]

  static func map(_ language: Language = .dutch) throws -> SignificanceMap {
    try SignificanceMap(
      wards: Wards.all, categories: tests.map { SignificanceCategory(p: $0.0, significant: $0.1) },
      text: MapText(
        title: "Significantie", subtitle: "Fixture wards", legendTitle: "Lokale Moran",
        credits: "Fixture data, invented"),
      significanceNote: "FDR, 6 toetsen", options: MapOptions(language: language, showsLabels: false))
  }

  @Test func wardsHaveGeoDaGreens() throws {
    let doc = XMLInspector(try Self.map().svg())
    #expect(doc.parsed)
    // GeoDa Explore/AbstractMapCanvas.cpp: p 0.05 (75,255,80), 0.01 (6,196,11), 0.001
    // (3,116,6), 0.0001 (1,70,3), not significant (240,240,240)
    let fills = doc.all("path", class: "ward").map { $0.attributes["fill"]! }
    #expect(fills == ["#037406", "#06c40b", "#f0f0f0", "#4bff50", "#f0f0f0", "#014603"])
  }

  /// p = 0.03 that FDR did not pass is "not significant", not a light-green ward.
  @Test func theCorrectionDecidesNotTheRawP() {
    #expect(SignificanceCategory(p: 0.03, significant: false) == .notSignificant)
    #expect(SignificanceCategory(p: 0.03, significant: true) == .p005)
  }

  @Test func legendInDutchWithCounts() throws {
    let doc = XMLInspector(try Self.map().svg())
    let labels = doc.all("text", class: "legend-label").map(\.text)
    #expect(
      labels == ["Niet significant", "p ≤ 0,05", "p ≤ 0,01", "p ≤ 0,001", "p ≤ 0,0001"])
    let counts = doc.all("text", class: "legend-count").map { Int($0.text)! }
    #expect(counts == [2, 1, 1, 1, 1])
  }

  @Test func englishKeepsTheDecimalPoint() throws {
    let doc = XMLInspector(try Self.map(.english).svg())
    #expect(doc.all("text", class: "legend-label").map(\.text).contains("p ≤ 0.05"))
  }
}
