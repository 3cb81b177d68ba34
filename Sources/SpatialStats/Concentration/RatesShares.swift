/// Each unit's share of the city total of a count.
///
/// shareᵢ = xᵢ / Σ x over the units where x is present; a missing unit is left out of the
/// total, gets ``UndefinedReason/missingInput`` and is named in ``missingUnits``. A city total
/// of 0 leaves every share ``UndefinedReason/zeroTotal(quantity:)``. Shares of the present
/// units sum to 1.
public struct ShareTable: Hashable, Sendable {
  /// The unit labels, in input order.
  public let unitIDs: [String]
  /// Share of the city total (a fraction in [0, 1]), aligned with the input.
  public let shares: [StatisticOutcome<Double>]
  /// Σ x over the present units.
  public let cityTotal: Double
  /// Labels of the units whose value is missing.
  public let missingUnits: [String]

  /// Computes each unit's share of the city total of `counts`.
  ///
  /// - Parameters:
  ///   - counts: A count per unit (≥ 0), `nil` when missing.
  ///   - unitIDs: Unit labels; same length when given.
  /// - Throws: ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``.
  public init(counts: [Double?], unitIDs: [String]? = nil) throws(ConcentrationError) {
    let labels = try ConcentrationUnits.labels(unitIDs, count: counts.count)
    try ConcentrationUnits.check(counts, field: "count", labels: labels)
    let total = counts.reduce(0.0) { $0 + ($1 ?? 0) }
    self.unitIDs = labels
    self.cityTotal = total
    self.missingUnits = counts.indices.filter { counts[$0] == nil }.map { labels[$0] }
    self.shares = counts.map { count in
      guard let count else { return .undefined(.missingInput) }
      return total > 0 ? .defined(count / total) : .undefined(.zeroTotal(quantity: "the counts"))
    }
  }
}
