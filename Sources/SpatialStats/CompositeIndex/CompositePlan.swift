// A specification checked against its figures and resolved to indices: the one shape the
// scoring, the draws and the sensitivity table all work on.

/// The validated index: domains (implicit ones for a flat index), weights, figures per
/// indicator and the wards that are scored.
struct CompositePlan: Sendable {
  let wards: [String]
  let indicatorNames: [String]
  let worse: [WorseDirection]
  /// Domain names: the declared ones; without domains one domain `index` holding every
  /// indicator (weighted sum) or one domain per indicator, named after it (exponential).
  var domainNames: [String]
  /// Relative domain weights (normalised inside the scoring).
  var domainWeights: [Double]
  /// Per domain, the indices of its indicators and their relative weights.
  var members: [[Int]]
  var memberWeights: [[Double]]
  let transformation: CompositeTransformation
  let combination: CompositeCombination
  /// Indicator × ward values (all wards of the input).
  let values: [[Double?]]
  let uncertainty: [IndicatorUncertainty]
  /// Indices of the wards that get an index, in ward order.
  let scored: [Int]
  /// Per ward, the indicators it has no value for.
  let lacking: [[String]]

  init(_ spec: CompositeIndexSpecification, _ input: CompositeIndexInput)
    throws(CompositeIndexError)
  {
    try Self.check(spec)
    wards = input.wards
    indicatorNames = spec.indicators.map(\.name)
    worse = spec.indicators.map(\.worse)
    transformation = spec.transformation
    combination = spec.combination
    var values: [[Double?]] = []
    var uncertainty: [IndicatorUncertainty] = []
    for indicator in spec.indicators {
      let column = try Self.column(indicator.name, input)
      values.append(column)
      uncertainty.append(input.uncertainty[indicator.name] ?? .none)
    }
    self.values = values
    self.uncertainty = uncertainty
    (domainNames, domainWeights, members, memberWeights) = Self.layout(spec)
    lacking = input.wards.indices.map { w in
      spec.indicators.indices.filter { values[$0][w] == nil }.map { spec.indicators[$0].name }
    }
    scored = Self.scoredWards(
      spec.missing, values: values, domainWeights: domainWeights, members: members,
      memberWeights: memberWeights)
    guard scored.count >= 2 else { throw .tooFewWards(scored: scored.count) }
    // only the figures of scored wards are drawn: their counts must be possible
    let isScored = Set(scored)
    for (k, indicator) in spec.indicators.enumerated() {
      let drawn = values[k].indices.map { isScored.contains($0) ? values[k][$0] : nil }
      try Self.check(uncertainty[k], of: indicator.name, values: drawn, wards: input.wards)
    }
    try checkVariation()
  }

  /// Names unique, weights positive, domains consistent, the minimum share in (0, 1].
  private static func check(_ spec: CompositeIndexSpecification) throws(CompositeIndexError) {
    guard !spec.indicators.isEmpty else { throw .noIndicators }
    try unique(spec.indicators.map(\.name), kind: "indicator")
    try unique(spec.domains.map(\.name), kind: "domain")
    for i in spec.indicators where !(i.weight > 0 && i.weight.isFinite) {
      throw .invalidWeight(name: i.name, weight: i.weight)
    }
    for d in spec.domains where !(d.weight > 0 && d.weight.isFinite) {
      throw .invalidWeight(name: d.name, weight: d.weight)
    }
    let declared = Set(spec.domains.map(\.name))
    for i in spec.indicators {
      if spec.domains.isEmpty, i.domain == nil { continue }
      guard let d = i.domain, declared.contains(d) else {
        throw .unknownDomain(indicator: i.name, domain: i.domain)
      }
    }
    for d in spec.domains where !spec.indicators.contains(where: { $0.domain == d.name }) {
      throw .emptyDomain(d.name)
    }
    if case .reweight(let share) = spec.missing, !(share > 0 && share <= 1) {
      throw .invalidParameter(name: "minimum share of weight", value: share, expected: "in (0, 1]")
    }
  }

  private static func unique(_ names: [String], kind: String) throws(CompositeIndexError) {
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted { throw .duplicateName(name, kind: kind) }
  }

  private static func column(_ name: String, _ input: CompositeIndexInput)
    throws(CompositeIndexError) -> [Double?]
  {
    guard let column = input.values[name] else {
      throw .missingIndicator(name, available: input.values.keys.sorted())
    }
    guard column.count == input.wards.count else {
      throw .lengthMismatch(indicator: name, count: column.count, wards: input.wards.count)
    }
    for (w, v) in zip(input.wards, column) where v.map({ !$0.isFinite }) ?? false {
      throw .nonFiniteValue(indicator: name, ward: w, value: v!)
    }
    return column
  }

  /// The counts behind each present value are possible and give the value (to 1e-9 relative);
  /// called with the values of the scored wards only (an unscored ward's are never drawn).
  private static func check(
    _ model: IndicatorUncertainty, of name: String, values: [Double?], wards: [String]
  ) throws(CompositeIndexError) {
    func fail(_ w: Int, _ reason: String) -> CompositeIndexError {
      .inconsistentUncertainty(indicator: name, ward: wards[w], reason: reason)
    }
    func counts(_ a: [Double?], _ b: [Double?]) throws(CompositeIndexError) {
      for column in [a, b] where column.count != wards.count {
        throw .lengthMismatch(indicator: name, count: column.count, wards: wards.count)
      }
    }
    func agrees(_ value: Double, _ expected: Double) -> Bool {
      abs(value - expected) <= 1e-9 * max(1, abs(expected))
    }
    switch model {
    case .none: return
    case .poissonCount:
      for (w, v) in values.enumerated() where (v ?? 0) < 0 {
        throw fail(w, "a count of \(v!.shortDescription) cannot be negative")
      }
    case .poissonRate(let events, let base, let per):
      try counts(events, base)
      for (w, v) in values.enumerated() {
        guard let v else { continue }
        guard let e = events[w], let b = base[w] else { throw fail(w, "no events or base") }
        guard e >= 0, e.isFinite, b > 0, b.isFinite else {
          throw fail(w, "events \(e.shortDescription) on a base of \(b.shortDescription)")
        }
        guard agrees(v, per * e / b) else {
          throw fail(
            w,
            "\(per.shortDescription) × \(e.shortDescription) / \(b.shortDescription) "
              + "is not the value \(v)")
        }
      }
    case .binomialShare(let events, let trials, let per):
      try counts(events, trials)
      for (w, v) in values.enumerated() {
        guard let v else { continue }
        guard let e = events[w], let n = trials[w] else { throw fail(w, "no events or trials") }
        guard n >= 1, n == n.rounded(), n < 1e15, e >= 0, e == e.rounded(), e <= n else {
          throw fail(
            w,
            "\(e.shortDescription) of \(n.shortDescription) are not whole counts "
              + "with the events at most the trials")
        }
        guard agrees(v, per * e / n) else {
          throw fail(
            w,
            "\(per.shortDescription) × \(e.shortDescription) / \(n.shortDescription) "
              + "is not the value \(v)")
        }
      }
    }
  }

  /// Declared domains, or the implicit ones of a flat index.
  private static func layout(_ spec: CompositeIndexSpecification)
    -> ([String], [Double], [[Int]], [[Double]])
  {
    let indicators = spec.indicators
    if !spec.domains.isEmpty {
      let members = spec.domains.map { d in
        indicators.indices.filter { indicators[$0].domain == d.name }
      }
      return (
        spec.domains.map(\.name), spec.domains.map(\.weight), members,
        members.map { $0.map { indicators[$0].weight } }
      )
    }
    if spec.combination == .exponentialDomainRanks {
      return (
        indicators.map(\.name), indicators.map(\.weight), indicators.indices.map { [$0] },
        indicators.map { _ in [1] }
      )
    }
    return (["index"], [1], [Array(indicators.indices)], [indicators.map(\.weight)])
  }

  /// Every complete ward, or (reweighting) every ward whose available indicators carry at
  /// least the minimum share of the configured weight.
  private static func scoredWards(
    _ rule: CompositeMissingRule, values: [[Double?]], domainWeights: [Double],
    members: [[Int]], memberWeights: [[Double]]
  ) -> [Int] {
    let wardCount = values.first?.count ?? 0
    switch rule {
    case .missingIndex:
      return (0..<wardCount).filter { w in values.allSatisfy { $0[w] != nil } }
    case .reweight(let minimumShare):
      let domainTotal = domainWeights.reduce(0, +)
      return (0..<wardCount).filter { w in
        var share = 0.0
        for d in members.indices {
          let total = memberWeights[d].reduce(0, +)
          for (i, weight) in zip(members[d], memberWeights[d]) where values[i][w] != nil {
            share += domainWeights[d] / domainTotal * (weight / total)
          }
        }
        return share >= minimumShare - 1e-12
      }
    }
  }

  /// A z-score or min-max scale needs two different values among the scored wards.
  private func checkVariation() throws(CompositeIndexError) {
    guard transformation != .rank else { return }
    for (i, column) in values.enumerated() {
      let present = scored.compactMap { column[$0] }
      if let first = present.first, present.allSatisfy({ $0 == first }) {
        throw .noVariation(indicator: indicatorNames[i], value: first)
      }
    }
  }

  /// The values of the scored wards, indicator × scored ward.
  var scoredValues: [[Double?]] { values.map { column in scored.map { column[$0] } } }

  /// Whether any indicator's value varies in the draws.
  var hasUncertainty: Bool { uncertainty.contains { $0.isKnown } }
}
