// Which indicator or weight changes the top of the ranking most: one row per variant.

/// One variant of the index and what it does to the top of the ranking.
public struct CompositeSensitivityRow: Hashable, Sendable {
  /// What the variant changes.
  public enum Target: Hashable, Sendable {
    /// An indicator: its weight within its domain (over the index without domains).
    case indicator(String)
    /// A domain: its weight over the index.
    case domain(String)
  }

  /// How the variant changes it.
  public enum Change: String, Hashable, Sendable, CaseIterable {
    /// Left out; the other weights keep their proportions.
    case leftOut = "left_out"
    /// Relative weight × 2 (the others unchanged, so its share grows by less than 2).
    case doubled
    /// Relative weight × ½.
    case halved
  }

  public let target: Target
  public let change: Change
  /// Wards in the variant's top but not in the index's, by their rank in the variant.
  public let entering: [String]
  /// Wards in the index's top but not in the variant's, by their rank in the index.
  public let leaving: [String]
  /// The largest |rank in the variant − rank in the index| over the wards ranked in both.
  public let largestRankChange: Int
  /// The wards with that change, in input order.
  public let wardsWithLargestChange: [String]
  /// The variant's top, best first.
  public let top: [String]
}

/// The sensitivity of the top of a composite index to each indicator and weight.
public struct CompositeSensitivityTable: Hashable, Sendable {
  /// The size of the top compared (ties at the boundary make a top longer).
  public let size: Int
  /// The index's own top, best first.
  public let top: [String]
  /// Per indicator (and per domain), left out, doubled and halved, in specification order.
  public let rows: [CompositeSensitivityRow]

  /// The row that changes the top most: the most wards entering, then the largest rank
  /// change, then the first in the table.
  public var mostInfluential: CompositeSensitivityRow? {
    rows.enumerated().max { a, b in
      (a.element.entering.count, a.element.largestRankChange, b.offset)
        < (b.element.entering.count, b.element.largestRankChange, a.offset)
    }?.element
  }
}

extension CompositeIndex {
  /// How much the top of the ranking changes when each indicator or weight changes.
  ///
  /// Variants, in this order: for an index with domains, each domain left out, its weight
  /// doubled and halved; then each indicator of a domain with two or more indicators, left
  /// out, doubled and halved within its domain (an indicator alone in its domain has no
  /// weight of its own: leaving it out is leaving out the domain). For a flat index, each
  /// indicator left out, doubled and halved. A variant that would leave nothing is skipped.
  /// Every variant is computed on the wards the index scores (a ward left with no figures
  /// in a variant is unranked there and counts as leaving), with the same transformation and
  /// combination; only weights change. Deterministic: no draws.
  ///
  /// - Parameters:
  ///   - specification: As ``compute(_:input:)``.
  ///   - input: As ``compute(_:input:)``.
  ///   - size: The top compared (default 5), ≥ 1.
  /// - Throws: as ``compute(_:input:)``, and
  ///   ``CompositeIndexError/invalidParameter(name:value:expected:)``
  ///   for a size below 1.
  public static func sensitivity(
    _ specification: CompositeIndexSpecification, input: CompositeIndexInput, top size: Int = 5
  ) throws(CompositeIndexError) -> CompositeSensitivityTable {
    guard size >= 1 else {
      throw .invalidParameter(name: "size of the top", value: Double(size), expected: "at least 1")
    }
    let plan = try CompositePlan(specification, input)
    let base = ranks(plan)
    let baseTop = CompositeRanking.top(base, size: size)
    let scoredWards = plan.scored.map { plan.wards[$0] }
    let rows = variants(plan, declaredDomains: !specification.domains.isEmpty).map {
      target, change, variant in
      let ranks = ranks(variant)
      let top = CompositeRanking.top(ranks, size: size)
      let changes = base.indices.compactMap { k -> (Int, Int)? in
        guard let a = base[k], let b = ranks[k] else { return nil }
        return (k, abs(a - b))
      }
      let largest = changes.map(\.1).max() ?? 0
      return CompositeSensitivityRow(
        target: target, change: change,
        entering: top.filter { !baseTop.contains($0) }.map { scoredWards[$0] },
        leaving: baseTop.filter { !top.contains($0) }.map { scoredWards[$0] },
        largestRankChange: largest,
        wardsWithLargestChange: changes.filter { $0.1 == largest }.map { scoredWards[$0.0] },
        top: top.map { scoredWards[$0] })
    }
    return CompositeSensitivityTable(
      size: size, top: baseTop.map { scoredWards[$0] }, rows: rows)
  }

  /// The ranks of the scored wards under `plan`'s weights.
  private static func ranks(_ plan: CompositePlan) -> [Int?] {
    let scores = CompositeScoring.scores(
      plan, values: plan.scoredValues,
      weights: CompositeWeights(domain: plan.domainWeights, member: plan.memberWeights))
    return CompositeRanking.ranksFromHighest(scores.index)
  }

  private typealias Variant = (
    CompositeSensitivityRow.Target, CompositeSensitivityRow.Change,
    CompositePlan
  )

  /// Every variant of the table, in its order.
  private static func variants(_ plan: CompositePlan, declaredDomains: Bool) -> [Variant] {
    var result: [Variant] = []
    func add(
      _ target: CompositeSensitivityRow.Target, _ change: CompositeSensitivityRow.Change,
      _ variant: CompositePlan?
    ) {
      if let variant { result.append((target, change, variant)) }
    }
    if declaredDomains || plan.combination == .exponentialDomainRanks {
      // Declared domains, or the one-indicator domains of a flat exponential index.
      for d in plan.domainNames.indices {
        let target: CompositeSensitivityRow.Target =
          declaredDomains ? .domain(plan.domainNames[d]) : .indicator(plan.domainNames[d])
        add(target, .leftOut, plan.leavingOut(domain: d))
        add(target, .doubled, plan.scaling(domain: d, by: 2))
        add(target, .halved, plan.scaling(domain: d, by: 0.5))
      }
      guard declaredDomains else { return result }
    }
    for d in plan.members.indices where plan.members[d].count >= 2 {
      for (m, i) in plan.members[d].enumerated() {
        let target = CompositeSensitivityRow.Target.indicator(plan.indicatorNames[i])
        add(target, .leftOut, plan.leavingOut(domain: d, member: m))
        add(target, .doubled, plan.scaling(domain: d, member: m, by: 2))
        add(target, .halved, plan.scaling(domain: d, member: m, by: 0.5))
      }
    }
    return result
  }
}

extension CompositePlan {
  /// The plan without domain `d`; `nil` if it is the only one.
  func leavingOut(domain d: Int) -> CompositePlan? {
    guard domainNames.count >= 2 else { return nil }
    var plan = self
    plan.domainNames.remove(at: d)
    plan.domainWeights.remove(at: d)
    plan.members.remove(at: d)
    plan.memberWeights.remove(at: d)
    return plan
  }

  /// The plan without the `m`-th indicator of domain `d`; `nil` if it is the domain's only one.
  func leavingOut(domain d: Int, member m: Int) -> CompositePlan? {
    guard members[d].count >= 2 else { return nil }
    var plan = self
    plan.members[d].remove(at: m)
    plan.memberWeights[d].remove(at: m)
    return plan
  }

  /// The plan with domain `d`'s relative weight times `factor`; `nil` if it is the only one.
  func scaling(domain d: Int, by factor: Double) -> CompositePlan? {
    guard domainNames.count >= 2 else { return nil }
    var plan = self
    plan.domainWeights[d] *= factor
    return plan
  }

  /// The plan with the `m`-th indicator weight of domain `d` times `factor`.
  func scaling(domain d: Int, member m: Int, by factor: Double) -> CompositePlan? {
    guard members[d].count >= 2 else { return nil }
    var plan = self
    plan.memberWeights[d][m] *= factor
    return plan
  }
}
