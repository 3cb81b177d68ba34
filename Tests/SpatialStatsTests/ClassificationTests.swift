import Testing

@testable import SpatialStats

/// Oracle: mapclassify 2.10.0 (`concentration_classification.json`) on Columbus INC, HOVAL,
/// CRIME, SIDS2 SIDR74, seeded lognormal and tied data, and edge fixtures.
@Suite("Map classification")
struct ClassificationTests {
  static let sets = ["INC", "HOVAL", "CRIME", "SIDR74", "lognormal500", "ties200", "missing"]
  static var file: [String: Any] { try! ReferenceFile("classification").root }

  static func set(_ name: String) -> [String: Any] { file.object("sets").object(name) }

  /// Compares bins (exactly when `exact`, else 1e-9 relative), classes and counts.
  func compare(
    _ outcome: StatisticOutcome<Classification>, _ expected: [String: Any], _ label: String,
    exact: Bool = false
  ) {
    guard let c = outcome.value else {
      Issue.record("\(label): undefined \(outcome)")
      return
    }
    if exact {
      #expect(c.bins == expected.numbers("bins").map { $0! }, "\(label) bins")
    } else {
      expectClose(c.bins, expected.numbers("bins"), "\(label) bins")
    }
    #expect(c.classIndex.compactMap { $0 } == expected.integers("classes"), "\(label) classes")
    #expect(c.counts == expected.integers("counts"), "\(label) counts")
  }

  @Test("every classifier matches mapclassify", arguments: sets)
  func matches(name: String) throws {
    let set = Self.set(name)
    let values = set.numbers("values")
    for k in [4, 5] {
      compare(
        try Classifier.quantiles(values, classes: k), set.object("quantiles\(k)"),
        "\(name) quantiles\(k)", exact: true)
      compare(
        try Classifier.equalInterval(values, classes: k), set.object("equalInterval\(k)"),
        "\(name) equalInterval\(k)", exact: true)
      compare(
        try Classifier.fisherJenks(values, classes: k), set.object("fisherJenks\(k)"),
        "\(name) fisherJenks\(k)", exact: true)
    }
    compare(try Classifier.standardDeviation(values), set.object("stdMean"), "\(name) stdMean")
    compare(try Classifier.boxPlot(values), set.object("boxPlot"), "\(name) boxPlot", exact: true)
    compare(
      try Classifier.headTailBreaks(values), set.object("headTailBreaks"),
      "\(name) headTailBreaks")
    let user = (set["userDefinedInput"] as! [Double])
    compare(
      try Classifier.userDefined(values, bins: user), set.object("userDefined"),
      "\(name) userDefined", exact: true)
  }

  @Test("missing values get no class and are not counted")
  func missingValues() throws {
    let values = Self.set("missing").numbers("values")
    let c = try #require(try Classifier.fisherJenks(values, classes: 4).value)
    #expect(c.classIndex[1] == nil && c.classIndex[4] == nil)
    #expect(c.missingIndices == [1, 4])
    #expect(c.counts.reduce(0, +) == 8)
  }

  @Test("quantiles with ties: no empty class where mapclassify leaves one")
  func quantileTies() throws {
    // Eight 1s and two 2s, k = 5: mapclassify bins [1, 1.2, 2] with (1, 1.2] empty.
    let ties = Self.set("tiesEmptyClass")
    #expect(ties.object("quantiles5").integers("counts") == [8, 0, 2])
    let c = try #require(try Classifier.quantiles(ties.numbers("values"), classes: 5).value)
    #expect(c.bins == [1, 2])
    #expect(c.counts == [8, 2])
    #expect(c.notes.count == 1)
    // Three values, five classes: mapclassify [1.4, 1.8, 2.2, 2.6, 3] with two empty classes.
    let few = Self.set("fewerThanClasses")
    let d = try #require(try Classifier.quantiles(few.numbers("values"), classes: 5).value)
    #expect(d.bins == [1.4, 2.2, 3])
    #expect(d.counts == [1, 1, 1])
  }

  @Test("degenerate inputs are undefined with a reason")
  func degenerate() throws {
    #expect(try Classifier.quantiles([nil, nil]) == .undefined(.noUnits))
    #expect(try Classifier.equalInterval([4, 4, nil]) == .undefined(.allValuesEqual))
    #expect(try Classifier.standardDeviation([4, 4]) == .undefined(.allValuesEqual))
    #expect(
      try Classifier.fisherJenks([1, 2, 2], classes: 3)
        == .undefined(.tooFewDistinctValues(distinct: 2, classes: 3)))
    #expect(throws: ClassificationError.nonFiniteValue(index: 1, value: .infinity)) {
      try Classifier.quantiles([1, .infinity])
    }
    #expect(throws: ClassificationError.invalidClassCount(0)) {
      try Classifier.fisherJenks([1, 2], classes: 0)
    }
  }

  @Test("property: quantile classes are never empty", arguments: 0..<40)
  func quantilesNeverEmpty(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    let n = 1 + Int(random.next() % 30)
    let spread = 1 + random.next() % 6  // few distinct values: many ties
    let values = (0..<n).map { _ in Optional(Double(random.next() % spread)) }
    for k in 1...7 {
      let c = try #require(try Classifier.quantiles(values, classes: k).value)
      #expect(c.counts.allSatisfy { $0 > 0 }, "k = \(k), values \(values)")
      #expect(Set(c.bins).count == c.bins.count)
    }
  }

  @Test("property: Fisher-Jenks equals the O(k·n²) dynamic programme", arguments: 0..<30)
  func fisherJenksOptimal(seed: UInt64) throws {
    var random = SplitMix64(state: seed + 1000)
    let n = 5 + Int(random.next() % 60)
    let values = (0..<n).map { _ in (random.unit() * 50).rounded() / 2 }
    let distinct = Set(values).count
    for k in 2...min(6, distinct) {
      let c = try #require(try Classifier.fisherJenks(values, classes: k).value)
      let fast = withinClassSquares(values, bins: c.bins)
      let exact = bruteForceCost(values.sorted(), classes: k)
      #expect(abs(fast - exact) <= 1e-9 * max(exact, 1), "k = \(k)")
    }
  }

  /// mapclassify's Fisher-Jenks accumulates in float32. On these 20,000 values that is too
  /// coarse: its 4th break (7686.58) leaves a within-class sum of squares 15,655 higher than
  /// the optimum. The script runs mapclassify's algorithm line for line in float64 and scores
  /// both partitions in exact rational arithmetic; we must give the float64 breaks.
  @Test("the 20,000 benchmark values: Fisher-Jenks k = 5 is the exact optimum")
  func benchmarkValues() throws {
    let reference = Self.file.object("benchmarkValues")
    var random = SplitMix64(state: UInt64(reference.number("seed")))
    let values = (0..<20_000).map { _ in
      let u = random.unit()
      return Optional((u * u * 1e6).rounded(.down) / 100)
    }
    #expect(values.prefix(5).map { $0! } == reference.numbers("first").map { $0! })
    let c = try #require(try Classifier.fisherJenks(values, classes: 5).value)
    let optimum = reference.object("fisherJenks5Float64")
    #expect(c.bins == optimum.numbers("bins").map { $0! })
    #expect(c.counts == optimum.integers("counts"))
    let squares = withinClassSquares(values.map { $0! }, bins: c.bins)
    #expect(close(squares, optimum.number("withinClassSquares")))
    #expect(squares < reference.object("fisherJenks5").number("withinClassSquares"))
  }
}

/// Σ over classes of Σ (x − class mean)².
private func withinClassSquares(_ values: [Double], bins: [Double]) -> Double {
  var groups = Array(repeating: [Double](), count: bins.count)
  for value in values { groups[Classification.classOf(value, bins: bins)].append(value) }
  return groups.reduce(0.0) { sum, group in
    guard !group.isEmpty else { return sum }
    let mean = group.reduce(0, +) / Double(group.count)
    return sum + group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }
}

/// The textbook Fisher DP on the raw sorted values: O(k·n²).
private func bruteForceCost(_ sorted: [Double], classes k: Int) -> Double {
  let n = sorted.count
  func cost(_ a: Int, _ b: Int) -> Double {
    let slice = sorted[a..<b]
    let mean = slice.reduce(0, +) / Double(slice.count)
    return slice.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }
  var best = (0...n).map { $0 == 0 ? 0 : cost(0, $0) }
  for layer in stride(from: 2, through: k, by: 1) {
    var next = Array(repeating: Double.infinity, count: n + 1)
    for i in layer...n {
      for s in (layer - 1)..<i { next[i] = min(next[i], best[s] + cost(s, i)) }
    }
    best = next
  }
  return best[n]
}
