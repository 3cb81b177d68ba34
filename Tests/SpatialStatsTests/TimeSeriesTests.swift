import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

/// The reference file written by `Tests/Fixtures/reference/timeseries_references.py`:
/// pymannkendall 1.4.3, scipy 1.17, mapclassify 2.10, esda 2.9 (Genk wards' population
/// 2011–2022 and a synthetic lattice panel).
struct TimeSeriesReference: Decodable {
  struct TrendCase: Decodable {
    var values: [Double?]
    var times: [Double]
    var n: Int
    var s, var_s, z, p, p_sf, tau: Double
    var trend_05: String
    var theil_slope, theil_intercept, mk_sens_slope, mk_sens_intercept: Double
  }
  struct Pooled: Decodable {
    struct Column: Decodable {
      var counts: [Int]
      var yb: [Int]
    }
    var bins: [Double]
    var global_counts: [Int]
    var columns: [Column]
  }
  struct PooledSet: Decodable {
    var Y: [[Double]]
    var quantiles: Pooled
    var equal_interval: Pooled?
    var fisher_jenks: Pooled?
  }
  struct Unit: Decodable {
    var category: String
    var hot_years, cold_years: Int
    var trend_s, trend_z, trend_p, trend_tau: Double
  }
  struct Rule: Decodable {
    var significant: [[Bool]]
    var units: [Unit]
  }
  struct Panel: Decodable {
    var codes: [String]
    var neighbours: [[Int]]
    var panel: [[Double]]
    var z: [[Double]]
    var p: [[Double]]
    var uncorrected: Rule
    var fdr: Rule
  }
  var years: [Int]
  var trends: [String: TrendCase]
  var pooled: [String: PooledSet]
  var ehsa_genk_population: Panel
  var ehsa_synthetic_lattice: Panel

  static let shared: TimeSeriesReference = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/reference/timeseries.json")
    return try! JSONDecoder().decode(TimeSeriesReference.self, from: Data(contentsOf: url))
  }()
}

@Suite("Mann-Kendall and Sen's slope")
struct TrendTests {
  static let names = TimeSeriesReference.shared.trends.keys.sorted()

  @Test("matches pymannkendall original_test and scipy theilslopes", arguments: names)
  func matchesReference(name: String) throws {
    let r = TimeSeriesReference.shared.trends[name]!
    let test = try #require(try mannKendall(r.values).value)
    #expect(test.count == r.n)
    #expect(test.s == r.s)
    #expect(close(test.varianceS, r.var_s), "\(name) var")
    #expect(close(test.z, r.z), "\(name) z")
    #expect(close(test.p, r.p_sf), "\(name) p")
    #expect(abs(test.p - r.p) <= 1e-14, "\(name) p vs pymannkendall's 2(1 − cdf)")
    #expect(close(test.tau, r.tau), "\(name) tau")
    #expect(test.direction(at: 0.05).rawValue == r.trend_05)
    let theil = try #require(try sensSlope(r.values, times: r.times).value)
    #expect(close(theil.slope, r.theil_slope), "\(name) slope")
    #expect(close(theil.intercept, r.theil_intercept), "\(name) intercept")
    let positions = r.values.indices.map(Double.init)
    let sen = try #require(try sensSlope(r.values, times: positions).value)
    #expect(close(sen.slope, r.mk_sens_slope), "\(name) pymannkendall slope")
    #expect(close(sen.intercept, r.mk_sens_intercept), "\(name) pymannkendall intercept")
    let both = try #require(try trend(r.values, times: r.times).value)
    #expect(both.count == r.n && both.test == test && both.slope == theil)
  }

  @Test("Genk's population grows: Genk-Centrum-Noord 2011–2022, 12 years")
  func genkCentrumNoord() throws {
    let r = TimeSeriesReference.shared.trends["genk_710167"]!
    let t = try #require(try trend(r.values, times: r.times).value)
    #expect(t.count == 12)
    #expect(t.times.first == 2011 && t.times.last == 2022)
    #expect(t.test.direction(at: 0.05) == .increasing)
  }

  @Test("One year is too few; a constant series has no trend; bad times are refused")
  func edges() throws {
    #expect(try mannKendall([5, nil]).reason == .tooFewYears(count: 1, needed: 2))
    #expect(
      try sensSlope([nil, 3], times: [2020, 2021]).reason == .tooFewYears(count: 1, needed: 2))
    let flat = try #require(try mannKendall([4, 4, 4, 4]).value)
    #expect(flat.s == 0 && flat.z == 0 && flat.p == 1 && flat.varianceS == 0)
    #expect(throws: TimeSeriesError.timesNotIncreasing(index: 2, time: 2012)) {
      _ = try sensSlope([1, 2, 3], times: [2011, 2012, 2012])
    }
    #expect(throws: TimeSeriesError.countMismatch(what: "times", expected: 3, got: 2)) {
      _ = try sensSlope([1, 2, 3], times: [2011, 2012])
    }
    #expect(throws: TimeSeriesError.nonFiniteValue(index: 1, value: .infinity)) {
      _ = try mannKendall([1, .infinity])
    }
  }
}

@Suite("Pooled classification")
struct PooledClassificationTests {
  func compare(
    _ outcome: StatisticOutcome<PooledClassification>, _ r: TimeSeriesReference.Pooled,
    _ label: String
  ) {
    guard let p = outcome.value else {
      Issue.record("\(label): \(outcome)")
      return
    }
    #expect(p.pooled.bins == r.bins, "\(label) bins")
    #expect(p.pooled.counts == r.global_counts, "\(label) pooled counts")
    #expect(p.columns.count == r.columns.count)
    for (c, (column, want)) in zip(p.columns, r.columns).enumerated() {
      #expect(column.bins == r.bins)
      #expect(column.counts == want.counts, "\(label) column \(c) counts")
      #expect(column.classIndex.map { $0! } == want.yb, "\(label) column \(c) classes")
    }
  }

  @Test("Genk wards' population 2011–2022 and mapclassify's example match mapclassify Pooled")
  func matchesMapclassify() throws {
    for (name, set) in TimeSeriesReference.shared.pooled {
      let columns = set.Y.map { $0.map(Optional.some) }
      compare(
        try Classifier.pooled(columns) { v throws(ClassificationError) in
          try Classifier.quantiles(v, classes: 5)
        }, set.quantiles, "\(name) quantiles")
      if let e = set.equal_interval {
        compare(
          try Classifier.pooled(columns) { v throws(ClassificationError) in
            try Classifier.equalInterval(v, classes: 5)
          }, e, "\(name) equal interval")
      }
      if let f = set.fisher_jenks {
        compare(
          try Classifier.pooled(columns) { v throws(ClassificationError) in
            try Classifier.fisherJenks(v, classes: 5)
          }, f, "\(name) Fisher-Jenks")
      }
    }
    // mapclassify's docstring: the first year falls in the two lowest classes only.
    let example = TimeSeriesReference.shared.pooled["docstring_example"]!.quantiles
    #expect(example.columns[0].counts == [12, 8, 0, 0, 0])
    #expect(example.bins == [31.8, 43.6, 55.4, 67.2, 79])
  }

  @Test("Missing values take no part in the pooled bounds and get no class")
  func missing() throws {
    let pooled = try #require(
      try Classifier.pooled([[1, nil, 3], [4, 5, nil]]) { v throws(ClassificationError) in
        try Classifier.quantiles(v, classes: 2)
      }.value)
    let alone = try #require(try Classifier.quantiles([1, 3, 4, 5], classes: 2).value)
    #expect(pooled.pooled.bins == alone.bins)
    #expect(pooled.columns[0].classIndex == [0, nil, 0])
    #expect(pooled.columns[1].missingIndices == [2])
    #expect(
      try Classifier.pooled([[nil], [nil]]) { v throws(ClassificationError) in
        try Classifier.quantiles(v)
      }.reason == .noUnits)
  }
}

@Suite("Emerging hot spots")
struct EmergingHotSpotTests {
  static let panels = ["genk", "lattice"]

  static func panel(_ name: String) -> TimeSeriesReference.Panel {
    name == "genk"
      ? TimeSeriesReference.shared.ehsa_genk_population
      : TimeSeriesReference.shared.ehsa_synthetic_lattice
  }

  @Test(
    "Gi* per year, Mann-Kendall of z and the categories match esda + pymannkendall",
    arguments: panels)
  func matchesReference(name: String) throws {
    let r = Self.panel(name)
    let weights = try SpatialWeights(ids: r.codes, neighbours: r.neighbours)
    let values = r.panel.map { $0.map(Optional.some) }
    for (rule, want) in [
      (HotSpotSignificance.uncorrected(alpha: 0.05), r.uncorrected),
      (.falseDiscoveryRate(alpha: 0.05), r.fdr),
    ] {
      let a = try emergingHotSpots(
        values, weights: weights, significance: rule, trendSignificance: 0.05)
      #expect(a.ids == r.codes)
      for t in r.z.indices {
        expectClose(a.z[t], r.z[t].map(Optional.some), "\(name) z year \(t)")
        expectClose(a.p[t], r.p[t].map(Optional.some), "\(name) p year \(t)")
        #expect(a.significant[t].map { $0! } == want.significant[t], "\(name) \(rule) year \(t)")
      }
      for (u, (outcome, unit)) in zip(a.units, want.units).enumerated() {
        let got = try #require(outcome.value, "\(name) unit \(u)")
        #expect(got.category.rawValue == unit.category, "\(name) \(rule) unit \(r.codes[u])")
        #expect(got.years == r.z.count)
        #expect(got.hotYears == unit.hot_years && got.coldYears == unit.cold_years)
        #expect(got.trend.s == unit.trend_s)
        #expect(close(got.trend.z, unit.trend_z) && close(got.trend.p, unit.trend_p))
        #expect(close(got.trend.tau, unit.trend_tau))
      }
    }
  }

  @Test("The synthetic lattice shows every category")
  func latticeCoversEveryCategory() {
    let seen = Set(Self.panel("lattice").uncorrected.units.map(\.category))
    #expect(seen == Set(EmergingHotSpotCategory.allCases.map(\.rawValue)))
  }

  /// Classifies a 12-year series given as hot (+), cold (−) or not significant (·) years;
  /// `z` defaults to ±3 for significant years and ±0.5 for the others.
  func category(_ pattern: String, z: [Double]? = nil) throws -> EmergingHotSpotCategory {
    let marks = Array(pattern)
    let zs = z ?? marks.map { $0 == "+" ? 3 : $0 == "-" ? -3 : 0.5 }
    let result = try EmergingHotSpots.classify(
      z: zs, significant: marks.map { $0 != "." }, trendSignificance: 0.05)
    return try #require(result.value).category
  }

  static let rising = (0..<12).map { 2.0 + 0.3 * Double($0) }
  static let falling = (0..<12).map { 5.0 - 0.2 * Double($0) }
  static let flat = [3.0, 2.5, 2.9, 2.6, 2.8, 2.7, 2.7, 2.8, 2.6, 2.9, 2.5, 3.0]

  @Test("Hand-made series: every category of ArcGIS Pro's table")
  func handMadeSeries() throws {
    #expect(try category("...........+") == .newHotSpot)
    #expect(try category(".........+++") == .consecutiveHotSpot)
    #expect(try category("++++++++++++", z: Self.rising) == .intensifyingHotSpot)
    #expect(try category("++++++++++++", z: Self.flat) == .persistentHotSpot)
    #expect(try category("++++++++++++", z: Self.falling) == .diminishingHotSpot)
    #expect(try category("..+..+..+..+") == .sporadicHotSpot)
    #expect(try category(".-.........+") == .oscillatingHotSpot)
    #expect(try category("+++++++++++.") == .historicalHotSpot)
    #expect(try category("...........-") == .newColdSpot)
    #expect(try category("........----") == .consecutiveColdSpot)
    #expect(try category("------------", z: Self.rising.map { -$0 }) == .intensifyingColdSpot)
    #expect(try category("------------", z: Self.flat.map { -$0 }) == .persistentColdSpot)
    #expect(try category("------------", z: Self.falling.map { -$0 }) == .diminishingColdSpot)
    #expect(try category("-...-...-..-") == .sporadicColdSpot)
    #expect(try category("++.........-") == .oscillatingColdSpot)
    #expect(try category("-----------.") == .historicalColdSpot)
    #expect(try category("............") == .noPattern)
  }

  @Test("Where ArcGIS Pro's definitions overlap, the documented order decides")
  func overlaps() throws {
    // 11 of 12 hot (≥ 90 %) with a gap: persistent, not sporadic.
    #expect(try category("+++++.++++++", z: Self.flat) == .persistentHotSpot)
    // 10 of 12 hot (< 90 %) and hot at the end: sporadic.
    #expect(try category("+++++..+++++") == .sporadicHotSpot)
    // 11 of 12 hot, cold in the final year: historical hot spot (rule 1 before rule 4).
    #expect(try category("+++++++++++-") == .historicalHotSpot)
    // A new or consecutive hot spot that was cold before is oscillating.
    #expect(try category("-..........+") == .oscillatingHotSpot)
    #expect(try category("-........+++") == .oscillatingHotSpot)
    // Hot in earlier years only, and in fewer than 90 %: no pattern (Pro's sporadic hot spot
    // is hot in the final year).
    #expect(try category("+..+..+.....") == .noPattern)
  }

  @Test("Fewer than 2 years, or flags that do not line up, are refused")
  func edges() throws {
    #expect(
      try EmergingHotSpots.classify(z: [2], significant: [true], trendSignificance: 0.05)
        .reason == .tooFewYears(count: 1, needed: 2))
    #expect(throws: TimeSeriesError.self) {
      _ = try EmergingHotSpots.classify(z: [2, 3], significant: [true], trendSignificance: 0.05)
    }
    #expect(EmergingHotSpotCategory.intensifyingHotSpot.label == "Intensifying Hot Spot")
    #expect(EmergingHotSpotCategory.noPattern.label == "No Pattern Detected")
  }

  @Test("A unit without a value in some year gets no category")
  func missingYear() throws {
    let r = Self.panel("genk")
    let weights = try SpatialWeights(ids: r.codes, neighbours: r.neighbours)
    var values = r.panel.map { $0.map(Optional.some) }
    values[3][0] = nil
    let a = try emergingHotSpots(
      values, weights: weights, significance: .uncorrected(alpha: 0.05), trendSignificance: 0.05)
    #expect(a.units[0].reason == .missingInput)
    #expect(a.z[3][0] == nil)
    #expect(a.units[1].value != nil)
  }
}
