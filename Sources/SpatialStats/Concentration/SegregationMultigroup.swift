import Foundation

/// Aspatial multigroup segregation indices and location quotients.
///
/// The population of each unit i is split into K ≥ 2 disjoint groups with counts xᵢₖ;
/// tᵢ = Σₖ xᵢₖ, T = Σᵢ tᵢ, pᵢₖ = xᵢₖ/tᵢ (0 when tᵢ = 0), Pₖ = Σᵢ xᵢₖ / T, and the
/// interaction index I = Σₖ Pₖ(1 − Pₖ). The indices and the segregation 2.5 `multigroup`
/// classes they match (`Class(df, groups).statistic`, to 1e-9):
/// - ``dissimilarity`` Σᵢₖ tᵢ|pᵢₖ − Pₖ| / (2TI) — `MultiDissim` (Sakoda 1981);
/// - ``gini`` Σₖ Σᵢ Σⱼ tᵢtⱼ|pᵢₖ − pⱼₖ| / (2T²I) — `MultiGini`;
/// - ``informationTheory`` Theil's H, Σᵢₖ tᵢ pᵢₖ ln(pᵢₖ/Pₖ) / (TE), E = −Σₖ Pₖ ln Pₖ —
///   `MultiInfoTheory`;
/// - ``normalisedExposure`` Σᵢₖ tᵢ(pᵢₖ − Pₖ)²/(1 − Pₖ) / T — `MultiNormExposure`;
/// - ``squaredCoefficientOfVariation`` Σᵢₖ tᵢ(pᵢₖ − Pₖ)² / (T(K − 1)Pₖ) — `MultiSquaredCoefVar`;
/// - ``relativeDiversity`` Σᵢₖ tᵢ(pᵢₖ − Pₖ)² / (TI) — `MultiRelativeDiversity`;
/// - ``diversity`` E = −Σₖ Pₖ ln Pₖ (natural log, not normalised) — `MultiDiversity`;
/// - ``locationQuotients`` LQᵢₖ = pᵢₖ/Pₖ — `segregation.local.MultiLocationQuotient`.
///
/// A unit with any group count missing is left out and named in ``missingUnits``. A group
/// with no members anywhere makes the indices undefined (``UndefinedReason/emptyGroup(index:)``).
///
/// ## References
/// Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation.
/// *Sociological Methodology* 32(1), 33–67. Sakoda, J. M. (1981). A generalized index of
/// dissimilarity. *Demography* 18(2), 245–250.
public struct MultigroupSegregation: Hashable, Sendable {
  /// Multigroup dissimilarity (Sakoda's D), in [0, 1].
  public let dissimilarity: StatisticOutcome<Double>
  /// Multigroup Gini segregation index, in [0, 1].
  public let gini: StatisticOutcome<Double>
  /// Multigroup information theory index (Theil's H), in [0, 1].
  public let informationTheory: StatisticOutcome<Double>
  /// Normalised exposure, in [0, 1].
  public let normalisedExposure: StatisticOutcome<Double>
  /// Squared coefficient of variation, ≥ 0.
  public let squaredCoefficientOfVariation: StatisticOutcome<Double>
  /// Relative diversity, in [0, 1].
  public let relativeDiversity: StatisticOutcome<Double>
  /// City-wide diversity (entropy) E in nats, in [0, ln K]; high means mixed, not segregated.
  public let diversity: StatisticOutcome<Double>
  /// City-wide share Pₖ of each group.
  public let groupShares: [StatisticOutcome<Double>]
  /// LQ per unit (outer, input order) and group (inner); a missing unit or a unit with no
  /// population has undefined quotients.
  public let locationQuotients: [[StatisticOutcome<Double>]]
  /// Labels of units left out because a count is missing.
  public let missingUnits: [String]

  /// Computes the multigroup indices.
  ///
  /// - Parameters:
  ///   - groups: One array per group, each with the group's count per unit (`nil` when
  ///     missing); all of the same length. The groups must not overlap.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``.
  /// - Throws: ``ConcentrationError/tooFewGroups(count:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``,
  ///   ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``.
  /// - Complexity: O(K·n log n).
  public init(groups: [[Double?]], unitIDs: [String]? = nil) throws(ConcentrationError) {
    guard groups.count >= 2 else { throw .tooFewGroups(count: groups.count) }
    let n = groups[0].count
    for (k, column) in groups.enumerated() {
      try ConcentrationUnits.sameLength("group 1", n, "group \(k + 1)", column.count)
    }
    let labels = try ConcentrationUnits.labels(unitIDs, count: n)
    for (k, column) in groups.enumerated() {
      try ConcentrationUnits.check(column, field: "group \(k + 1) count", labels: labels)
    }
    let complete = (0..<n).filter { i in groups.allSatisfy { $0[i] != nil } }
    missingUnits = (0..<n).filter { i in groups.contains { $0[i] == nil } }.map { labels[$0] }
    // x[i][k] over the complete units only.
    let x = complete.map { i in groups.map { $0[i]! } }
    let indices = MultigroupIndices(x: x, groupCount: groups.count)
    dissimilarity = indices.outcome(indices.dissimilarity)
    gini = indices.outcome(indices.gini)
    informationTheory = indices.outcome(indices.informationTheory)
    normalisedExposure = indices.outcome(indices.normalisedExposure)
    squaredCoefficientOfVariation = indices.outcome(indices.squaredCoefficientOfVariation)
    relativeDiversity = indices.outcome(indices.relativeDiversity)
    diversity = indices.outcome(indices.diversity)
    groupShares = indices.shares.map { indices.totalSum > 0 ? .defined($0) : indices.failure! }
    var quotients = Array(
      repeating: Array(
        repeating: StatisticOutcome<Double>.undefined(.missingInput),
        count: groups.count), count: n)
    for (row, i) in complete.enumerated() {
      quotients[i] = indices.locationQuotients(row: row)
    }
    locationQuotients = quotients
  }
}

/// The arithmetic behind ``MultigroupSegregation``, over complete units only.
private struct MultigroupIndices {
  let x: [[Double]]
  let t: [Double]
  let p: [[Double]]
  let shares: [Double]
  let totalSum: Double
  let interactionSum: Double
  let groupCount: Int
  /// Why the indices are undefined, or `nil` when they are defined.
  let failure: StatisticOutcome<Double>?

  init(x: [[Double]], groupCount: Int) {
    self.x = x
    self.groupCount = groupCount
    let t = x.map { $0.reduce(0, +) }
    let totalSum = t.reduce(0, +)
    let groupSums = (0..<groupCount).map { k in x.reduce(0) { $0 + $1[k] } }
    let shares = groupSums.map { totalSum > 0 ? $0 / totalSum : 0 }
    self.t = t
    self.totalSum = totalSum
    self.shares = shares
    p = zip(x, t).map { row, total in row.map { total == 0 ? 0 : $0 / total } }
    interactionSum = shares.reduce(0) { $0 + $1 * (1 - $1) }
    if x.isEmpty {
      failure = .undefined(.noUnits)
    } else if totalSum == 0 {
      failure = .undefined(.zeroTotal(quantity: "the population"))
    } else if let empty = groupSums.firstIndex(of: 0) {
      failure = .undefined(.emptyGroup(index: empty))
    } else {
      failure = nil
    }
  }

  func outcome(_ value: () -> Double) -> StatisticOutcome<Double> {
    failure ?? .defined(value())
  }

  /// Σᵢₖ tᵢ·f(pᵢₖ, Pₖ).
  func weightedSum(_ term: (Double, Double) -> Double) -> Double {
    var sum = 0.0
    for (row, total) in zip(p, t) {
      for k in 0..<groupCount { sum += total * term(row[k], shares[k]) }
    }
    return sum
  }

  func dissimilarity() -> Double {
    weightedSum { abs($0 - $1) } / (2 * totalSum * interactionSum)
  }

  func gini() -> Double {
    let pairs = (0..<groupCount).reduce(0.0) { sum, k in
      sum + SingleGroupSegregation.pairSum(t: t, p: p.map { $0[k] })
    }
    return pairs / (2 * totalSum * totalSum * interactionSum)
  }

  func informationTheory() -> Double {
    // pᵢₖ = 0 contributes 0 (the limit of p ln p), as segregation's nansum does.
    weightedSum { $0 > 0 ? $0 * log($0 / $1) : 0 } / (totalSum * diversity())
  }

  func normalisedExposure() -> Double {
    weightedSum { ($0 - $1) * ($0 - $1) / (1 - $1) } / totalSum
  }

  func squaredCoefficientOfVariation() -> Double {
    weightedSum { ($0 - $1) * ($0 - $1) / $1 }
      / (totalSum * Double(groupCount - 1))
  }

  func relativeDiversity() -> Double {
    weightedSum { ($0 - $1) * ($0 - $1) } / (totalSum * interactionSum)
  }

  func diversity() -> Double {
    shares.reduce(0) { $0 + SingleGroupSegregation.plogp($1) }
  }

  func locationQuotients(row: Int) -> [StatisticOutcome<Double>] {
    (0..<groupCount).map { k in
      if let failure { return failure }
      guard t[row] > 0 else { return .undefined(.zeroBase) }
      return .defined(p[row][k] / shares[k])
    }
  }
}
