/// Checked events and bases for ``EmpiricalBayes``, with the units at risk picked out.
struct RiskInput {
  let labels: [String]
  let events: [Double?]
  let bases: [Double?]
  /// Indices of units with both values present and base > 0.
  let atRisk: [Int]
  /// Labels of units with a missing event count or base.
  let missing: [String]

  init(
    events: [Double?], bases: [Double?], unitIDs: [String]?, per: Double
  ) throws(ConcentrationError) {
    try ConcentrationUnits.sameLength("the events", events.count, "the bases", bases.count)
    guard per > 0, per.isFinite else {
      throw .invalidParameter(name: "rate multiplier", value: per, expected: "above 0")
    }
    labels = try ConcentrationUnits.labels(unitIDs, count: events.count)
    try ConcentrationUnits.check(events, field: "event count", labels: labels)
    try ConcentrationUnits.check(bases, field: "base", labels: labels)
    var atRisk: [Int] = []
    var missing: [String] = []
    for i in events.indices {
      guard let event = events[i], let base = bases[i] else {
        missing.append(labels[i])
        continue
      }
      if base == 0, event > 0 { throw .countWithZeroBase(unit: labels[i], count: event) }
      if base > 0 { atRisk.append(i) }
    }
    self.events = events
    self.bases = bases
    self.atRisk = atRisk
    self.missing = missing
  }

  /// The raw rate eᵢ/bᵢ of a unit at risk.
  func rate(_ i: Int) -> Double { events[i]! / bases[i]! }

  /// m = Σe/Σb and the moment estimate s² = Σ bⱼ(rⱼ − m)²/Σb − m/(Σb/|set|) over `set`.
  func moments(of set: [Int]) -> (mean: Double, variance: Double) {
    guard !set.isEmpty else { return (0, 0) }
    let eventSum = set.reduce(0.0) { $0 + events[$1]! }
    let baseSum = set.reduce(0.0) { $0 + bases[$1]! }
    let mean = eventSum / baseSum
    let spread = set.reduce(0.0) { sum, j in
      let deviation = rate(j) - mean
      return sum + bases[j]! * deviation * deviation
    }
    return (mean, spread / baseSum - mean / (baseSum / Double(set.count)))
  }

  /// Applies `body` to every unit at risk; the others get their undefined reason.
  func map(_ body: (Int) -> Double) -> [StatisticOutcome<Double>] {
    mapOutcome { .defined(body($0)) }
  }

  func mapOutcome(_ body: (Int) -> StatisticOutcome<Double>) -> [StatisticOutcome<Double>] {
    events.indices.map { i in
      guard events[i] != nil, let base = bases[i] else { return .undefined(.missingInput) }
      return base > 0 ? body(i) : .undefined(.zeroBase)
    }
  }
}
