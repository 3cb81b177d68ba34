import Foundation

/// Inequality of a non-negative indicator over the units: Gini, Theil's T, the Lorenz curve
/// and the share held by the top units.
///
/// Missing units are left out of every statistic and named in ``missingUnits``; n below is
/// the number of present units and S = Σx over them.
///
/// Zeros in Theil's T: T = (1/n)·Σ (xᵢ/x̄) ln(xᵢ/x̄) = Σ sᵢ ln(n sᵢ) with sᵢ = xᵢ/S. A unit with
/// xᵢ = 0 contributes its limit, 0 (s ln s → 0 as s → 0). inequality 1.1 `Theil` instead adds
/// the smallest positive double (≈ 2.2e−308) to each zero before taking logs; that changes S
/// by less than one ulp and each zero term by less than 1e−300, so the two agree to the last
/// digit on data with zeros (tested), while the limit needs no magic constant and cannot
/// produce −∞·0. On data without zeros the formulas are identical.
///
/// ## References
/// Gini, C. (1912). *Variabilità e mutabilità*. Theil, H. (1967). *Economics and Information
/// Theory*. Matches inequality 1.1 `Gini(x).g` and `Theil(x).T`.
public struct Inequality: Hashable, Sendable {
  /// One point of the Lorenz curve: the poorest `unitShare` of units hold `valueShare`.
  public struct LorenzPoint: Hashable, Sendable {
    /// Cumulative share of the units, lowest values first (0–1).
    public let unitShare: Double
    /// Cumulative share of the total those units hold (0–1).
    public let valueShare: Double
  }

  /// The present values, sorted ascending.
  public let sortedValues: [Double]
  /// Labels of units whose value is missing.
  public let missingUnits: [String]

  /// Prepares the statistics for `values`.
  ///
  /// - Parameters:
  ///   - values: A non-negative indicator per unit (income, count), `nil` when missing.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``.
  /// - Throws: ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``.
  public init(values: [Double?], unitIDs: [String]? = nil) throws(ConcentrationError) {
    let labels = try ConcentrationUnits.labels(unitIDs, count: values.count)
    try ConcentrationUnits.check(values, field: "value", labels: labels)
    sortedValues = values.compactMap { $0 }.sorted()
    missingUnits = values.indices.filter { values[$0] == nil }.map { labels[$0] }
  }

  private var total: Double { sortedValues.reduce(0, +) }

  /// Why the statistics are undefined, or `nil` when S > 0.
  private var failure: UndefinedReason? {
    if sortedValues.isEmpty { return .noUnits }
    return total > 0 ? nil : .zeroTotal(quantity: "the values")
  }

  /// Gini coefficient G = (2 Σᵢ i·x₍ᵢ₎ − (n + 1)S) / (nS), i = 1…n over ascending values;
  /// in [0, (n − 1)/n]. Matches inequality 1.1 `Gini(x).g`. Undefined when S = 0.
  public var gini: StatisticOutcome<Double> {
    if let failure { return .undefined(failure) }
    let n = Double(sortedValues.count)
    let ranked = sortedValues.enumerated().reduce(0.0) { sum, entry in
      sum + 2 * Double(entry.offset + 1) * entry.element
    }
    let sum = total
    return .defined((ranked - n * sum - sum) / (n * sum))
  }

  /// Theil's T = Σ sᵢ ln(n sᵢ), sᵢ = xᵢ/S, zeros contributing 0; in [0, ln n].
  /// Matches inequality 1.1 `Theil(x).T`. Undefined when S = 0.
  public var theilT: StatisticOutcome<Double> {
    if let failure { return .undefined(failure) }
    let n = Double(sortedValues.count)
    let sum = total
    return .defined(
      sortedValues.reduce(0.0) { partial, x in
        let s = x / sum
        return s > 0 ? partial + s * log(n * s) : partial
      })
  }

  /// The Lorenz curve: (0, 0), then (i/n, Σ_{j≤i} x₍ⱼ₎/S) for i = 1…n, ending at (1, 1).
  /// Undefined when S = 0.
  public var lorenzCurve: StatisticOutcome<[LorenzPoint]> {
    if let failure { return .undefined(failure) }
    let n = Double(sortedValues.count)
    let sum = total
    var cumulative = 0.0
    var points = [LorenzPoint(unitShare: 0, valueShare: 0)]
    for (i, x) in sortedValues.enumerated() {
      cumulative += x
      points.append(LorenzPoint(unitShare: Double(i + 1) / n, valueShare: cumulative / sum))
    }
    return .defined(points)
  }

  /// The share of S held by the top `percent`% of units: the ⌈percent/100 · n⌉ units with the
  /// largest values (at least one unit when `percent` > 0).
  ///
  /// - Parameter percent: In (0, 100].
  /// - Throws: ``ConcentrationError/invalidParameter(name:value:expected:)``.
  public func topShare(percent: Double) throws(ConcentrationError) -> StatisticOutcome<Double> {
    guard percent > 0, percent <= 100 else {
      throw .invalidParameter(name: "top percentage", value: percent, expected: "in (0, 100]")
    }
    if let failure { return .undefined(failure) }
    // The 1e-12 keeps 10% of 50 units at 5 units, not 6, despite 0.1·50 = 5.000000000000001.
    let count = Int((percent / 100 * Double(sortedValues.count) - 1e-12).rounded(.up))
    let top = sortedValues.suffix(max(count, 1)).reduce(0, +)
    return .defined(top / total)
  }
}
