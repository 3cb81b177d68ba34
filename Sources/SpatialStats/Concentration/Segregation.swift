import Foundation

/// Aspatial single-group segregation indices over the units of a city.
///
/// Each unit i has a group count xᵢ and a total tᵢ ≥ xᵢ; pᵢ = xᵢ/tᵢ (0 when tᵢ = 0, as
/// segregation does), T = Σt, X = Σx, P = X/T. The indices and the segregation 2.5
/// `singlegroup` classes they match (`Class(df, group, total).statistic`, to 1e-9):
/// - ``dissimilarity`` D = Σ tᵢ|pᵢ − P| / (2TP(1 − P)) — `Dissim`;
/// - ``gini`` G = Σᵢ Σⱼ tᵢtⱼ|pᵢ − pⱼ| / (2T²P(1 − P)) — `Gini`;
/// - ``isolation`` ₓPₓ = Σ (xᵢ/X)(xᵢ/tᵢ) — `Isolation`;
/// - ``interaction`` ₓPᵧ = Σ (xᵢ/X)((tᵢ − xᵢ)/tᵢ) — `Interaction` (exposure to the others);
/// - ``entropy`` Theil's H = Σ tᵢ(E − Eᵢ)/(ET), E = −P ln P − (1 − P) ln(1 − P) — `Entropy`.
///
/// Two comparisons are offered and named (segregation#213): ``init(group:total:unitIDs:)``
/// measures the group against the rest of the population (the second column is the *total*),
/// ``init(group:otherGroup:unitIDs:)`` measures group A against group B only (total = A + B),
/// which is what "D between A and B" means in the literature.
///
/// A unit with a missing count is left out of every sum and named in ``missingUnits``. When
/// T = 0 or P is 0 or 1 the indices are undefined with the reason, not NaN.
///
/// ## References
/// Duncan, O. D. & Duncan, B. (1955). A methodological analysis of segregation indexes.
/// *American Sociological Review* 20(2). Massey, D. S. & Denton, N. A. (1988). The dimensions
/// of residential segregation. *Social Forces* 67(2), 281–315.
public struct SingleGroupSegregation: Hashable, Sendable {
  /// What the group is compared with.
  public enum Comparison: String, Hashable, Sendable {
    /// Group against everyone else in the unit (the second input is the total).
    case againstRest = "group against the rest"
    /// Group A against group B, ignoring everyone else (total = A + B).
    case againstOtherGroup = "group A against group B"
  }

  /// Whether the group was compared with the rest or with one other group.
  public let comparison: Comparison
  /// Dissimilarity index D, in [0, 1].
  public let dissimilarity: StatisticOutcome<Double>
  /// Gini segregation index, in [0, 1].
  public let gini: StatisticOutcome<Double>
  /// Isolation index ₓPₓ, in [0, 1].
  public let isolation: StatisticOutcome<Double>
  /// Interaction (exposure) index ₓPᵧ, in [0, 1]; ₓPₓ + ₓPᵧ = 1.
  public let interaction: StatisticOutcome<Double>
  /// Theil's entropy index H, in [0, 1].
  public let entropy: StatisticOutcome<Double>
  /// The group's city-wide share P = X/T (undefined when T = 0).
  public let groupShare: StatisticOutcome<Double>
  /// Labels of units left out because a count is missing.
  public let missingUnits: [String]

  /// The indices for a group against the rest of the population.
  ///
  /// - Parameters:
  ///   - group: Members of the group per unit, `nil` when missing.
  ///   - total: Total population per unit (group included), `nil` when missing.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``.
  /// - Throws: ``ConcentrationError/groupExceedsTotal(unit:group:total:)``,
  ///   ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``.
  public init(group: [Double?], total: [Double?], unitIDs: [String]? = nil)
    throws(ConcentrationError)
  {
    let (x, t, missing) = try Self.checkedCounts(group: group, total: total, unitIDs: unitIDs)
    self.init(x: x, t: t, comparison: .againstRest, missing: missing)
  }

  /// The indices for group A against group B (each unit's total is A + B).
  ///
  /// - Parameters:
  ///   - group: Members of group A per unit, `nil` when missing.
  ///   - otherGroup: Members of group B per unit, `nil` when missing.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``.
  /// - Throws: as ``init(group:total:unitIDs:)`` (without the group-above-total case).
  public init(group: [Double?], otherGroup: [Double?], unitIDs: [String]? = nil)
    throws(ConcentrationError)
  {
    try ConcentrationUnits.sameLength(
      "group A", group.count, "group B", otherGroup.count)
    let labels = try ConcentrationUnits.labels(unitIDs, count: group.count)
    try ConcentrationUnits.check(otherGroup, field: "group B count", labels: labels)
    let total = zip(group, otherGroup).map { a, b in a.flatMap { a in b.map { a + $0 } } }
    let (x, t, missing) = try Self.checkedCounts(group: group, total: total, unitIDs: labels)
    self.init(x: x, t: t, comparison: .againstOtherGroup, missing: missing)
  }

  /// The present (group, total) pairs, checked, and the labels of the units left out.
  private static func checkedCounts(
    group: [Double?], total: [Double?], unitIDs: [String]?
  ) throws(ConcentrationError) -> (x: [Double], t: [Double], missing: [String]) {
    try ConcentrationUnits.sameLength("the group", group.count, "the total", total.count)
    let labels = try ConcentrationUnits.labels(unitIDs, count: group.count)
    try ConcentrationUnits.check(group, field: "group count", labels: labels)
    try ConcentrationUnits.check(total, field: "total", labels: labels)
    var x: [Double] = []
    var t: [Double] = []
    var missing: [String] = []
    for i in group.indices {
      guard let g = group[i], let n = total[i] else {
        missing.append(labels[i])
        continue
      }
      guard g <= n else { throw .groupExceedsTotal(unit: labels[i], group: g, total: n) }
      x.append(g)
      t.append(n)
    }
    return (x, t, missing)
  }

  private init(x: [Double], t: [Double], comparison: Comparison, missing: [String]) {
    self.comparison = comparison
    self.missingUnits = missing
    let totalSum = t.reduce(0, +)
    let groupSum = x.reduce(0, +)
    guard totalSum > 0 else {
      let reason: UndefinedReason =
        x.isEmpty ? .noUnits : .zeroTotal(quantity: "the population")
      (dissimilarity, gini, isolation, interaction, entropy, groupShare) =
        (
          .undefined(reason), .undefined(reason), .undefined(reason), .undefined(reason),
          .undefined(reason), .undefined(reason)
        )
      return
    }
    let share = groupSum / totalSum
    groupShare = .defined(share)
    let p = zip(x, t).map { $1 == 0 ? 0 : $0 / $1 }
    if groupSum > 0 {
      isolation = .defined(zip(x, p).reduce(0) { $0 + ($1.0 / groupSum) * $1.1 })
      interaction = .defined(zip(x, p).reduce(0) { $0 + ($1.0 / groupSum) * (1 - $1.1) })
    } else {
      isolation = .undefined(.groupShareDegenerate(share: share))
      interaction = .undefined(.groupShareDegenerate(share: share))
    }
    guard share > 0, share < 1 else {
      let reason = UndefinedReason.groupShareDegenerate(share: share)
      (dissimilarity, gini, entropy) = (.undefined(reason), .undefined(reason), .undefined(reason))
      return
    }
    let scale = totalSum * share * (1 - share)
    dissimilarity = .defined(Self.dissimilarity(t: t, p: p, share: share, totalSum: totalSum))
    gini = .defined(Self.pairSum(t: t, p: p) / (2 * totalSum * scale))
    let cityEntropy = Self.binaryEntropy(share)
    entropy = .defined(
      zip(t, p).reduce(0) { $0 + $1.0 * (cityEntropy - Self.binaryEntropy($1.1)) }
        / (cityEntropy * totalSum))
  }

  /// D = Σ tᵢ|pᵢ − P| / (2TP(1 − P)) for shares `p` of totals `t`, city share P = `share`
  /// in (0, 1) and T = `totalSum` > 0; shared with ``dissimilarityTest``'s draws.
  static func dissimilarity(t: [Double], p: [Double], share: Double, totalSum: Double)
    -> Double
  {
    zip(t, p).reduce(0) { $0 + $1.0 * abs($1.1 - share) }
      / (2 * (totalSum * share * (1 - share)))
  }

  /// D of whole counts `x` within `t`; `nil` when T is 0 or the group is nobody or
  /// everybody (as ``dissimilarity`` is undefined then).
  static func dissimilarity(x: [Int], t: [Int]) -> Double? {
    let (groupSum, totalSum) = (Double(x.reduce(0, +)), Double(t.reduce(0, +)))
    guard totalSum > 0 else { return nil }
    let share = groupSum / totalSum
    guard share > 0, share < 1 else { return nil }
    let td = t.map(Double.init)
    let p = zip(x, t).map { $1 == 0 ? 0 : Double($0) / Double($1) }
    return dissimilarity(t: td, p: p, share: share, totalSum: totalSum)
  }

  /// Σᵢ Σⱼ tᵢtⱼ|pᵢ − pⱼ| in O(n log n): sort by p, then each unit meets the ones below it.
  static func pairSum(t: [Double], p: [Double]) -> Double {
    let order = p.indices.sorted { p[$0] < p[$1] }
    var weightBelow = 0.0
    var weightedShareBelow = 0.0
    var sum = 0.0
    for i in order {
      sum += t[i] * (p[i] * weightBelow - weightedShareBelow)
      weightBelow += t[i]
      weightedShareBelow += t[i] * p[i]
    }
    return 2 * sum
  }

  /// −p ln p − (1 − p) ln(1 − p), with 0 ln 0 = 0.
  static func binaryEntropy(_ p: Double) -> Double {
    plogp(p) + plogp(1 - p)
  }

  /// −p ln p, with the limit 0 at p = 0.
  static func plogp(_ p: Double) -> Double { p > 0 ? -p * log(p) : 0 }
}
