/// Rates per N on an explicit base, the city rate, and location quotients, per areal unit.
///
/// For unit i with count cᵢ (events, e.g. households on social assistance) and base bᵢ
/// (population at risk): rateᵢ = cᵢ / bᵢ × `multiplier`; the city rate is Σc / Σb × multiplier
/// over the units where both are present; the location quotient LQᵢ = rateᵢ / city rate
/// (equivalently (cᵢ/bᵢ)/(C/B), which is segregation 2.5 `MultiLocationQuotient` for the
/// group "counted" against the rest of the base).
///
/// Missing and degenerate units:
/// - a unit whose count or base is missing is left out of the city totals, its rate and LQ
///   are ``UndefinedReason/missingInput``, and it is named in ``missingUnits``;
/// - a unit with base 0 and count 0 (an industrial zone, a park) has rate and LQ
///   ``UndefinedReason/zeroBase`` ("not defined (base 0)"), never 0 or ∞; it adds nothing
///   to the city totals;
/// - a unit with a count above 0 but base 0 is an error
///   (``ConcentrationError/countWithZeroBase(unit:count:)``).
///
/// Small bases: ``isSmallBase`` flags units whose base is above 0 and below
/// `smallBaseBelow`; their rate is kept but is unstable (consider
/// ``EmpiricalBayes/globalRates(events:bases:unitIDs:per:)``).
///
/// Field case 14 (`indicatoren.csv`, per 1000, `smallBaseBelow: 100`): W01 = 70.00,
/// W02 undefined (base 0), W03 = 333.33 (small base), W04 = 40.00, city rate 49.96.
public struct RateTable: Hashable, Sendable {
  /// The unit labels, in input order.
  public let unitIDs: [String]
  /// The rate multiplier (1000 for "per 1000").
  public let multiplier: Double
  /// Rate per `multiplier` for each unit, aligned with the input.
  public let rates: [StatisticOutcome<Double>]
  /// Location quotient rateᵢ / city rate for each unit, aligned with the input.
  public let locationQuotients: [StatisticOutcome<Double>]
  /// Whether each unit's base is above 0 and below the small-base threshold; the flag
  /// applies to the unit's rate and to its location quotient alike.
  public let isSmallBase: [Bool]
  /// The city rate per `multiplier` over the units with both values present.
  public let cityRate: StatisticOutcome<Double>
  /// Σ count over the units with both values present.
  public let cityCount: Double
  /// Σ base over the units with both values present.
  public let cityBase: Double
  /// Labels of the units left out because their count or base is missing.
  public let missingUnits: [String]

  /// Computes rates, the city rate and location quotients.
  ///
  /// - Parameters:
  ///   - counts: Events per unit (≥ 0), `nil` when missing.
  ///   - bases: Population at risk per unit (≥ 0), `nil` when missing; same length.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``; same length when given.
  ///   - multiplier: "Per N": 1000 gives rates per 1000 inhabitants. Must be > 0.
  ///   - smallBaseBelow: Bases above 0 and below this are flagged in ``isSmallBase``.
  /// - Throws: ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``,
  ///   ``ConcentrationError/countWithZeroBase(unit:count:)``,
  ///   ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/invalidParameter(name:value:expected:)``.
  public init(
    counts: [Double?], bases: [Double?], unitIDs: [String]? = nil, per multiplier: Double = 1,
    smallBaseBelow: Double = 0
  ) throws(ConcentrationError) {
    try ConcentrationUnits.sameLength("the counts", counts.count, "the bases", bases.count)
    guard multiplier > 0, multiplier.isFinite else {
      throw .invalidParameter(name: "rate multiplier", value: multiplier, expected: "above 0")
    }
    let labels = try ConcentrationUnits.labels(unitIDs, count: counts.count)
    try ConcentrationUnits.check(counts, field: "count", labels: labels)
    try ConcentrationUnits.check(bases, field: "base", labels: labels)
    var cityCount = 0.0
    var cityBase = 0.0
    var missing: [String] = []
    var unitRates: [StatisticOutcome<Double>] = []
    for index in counts.indices {
      guard let count = counts[index], let base = bases[index] else {
        missing.append(labels[index])
        unitRates.append(.undefined(.missingInput))
        continue
      }
      if base == 0, count > 0 { throw .countWithZeroBase(unit: labels[index], count: count) }
      cityCount += count
      cityBase += base
      unitRates.append(base == 0 ? .undefined(.zeroBase) : .defined(count / base * multiplier))
    }
    let city: StatisticOutcome<Double> =
      cityBase > 0
      ? .defined(cityCount / cityBase * multiplier)
      : .undefined(
        .zeroTotal(
          quantity: "the base"))
    self.unitIDs = labels
    self.multiplier = multiplier
    self.rates = unitRates
    self.cityRate = city
    self.cityCount = cityCount
    self.cityBase = cityBase
    self.missingUnits = missing
    self.isSmallBase = bases.map { base in
      guard let base else { return false }
      return base > 0 && base < smallBaseBelow
    }
    self.locationQuotients = unitRates.map { rate in
      Self.quotient(rate, city, cityCount: cityCount)
    }
  }

  /// rateᵢ / city rate; a city rate of 0 (no events anywhere) leaves every LQ undefined.
  private static func quotient(
    _ rate: StatisticOutcome<Double>, _ city: StatisticOutcome<Double>, cityCount: Double
  ) -> StatisticOutcome<Double> {
    guard case .defined(let unitRate) = rate else { return rate }
    guard case .defined(let cityRate) = city else { return city }
    guard cityRate > 0 else { return .undefined(.zeroTotal(quantity: "the counts")) }
    return .defined(unitRate / cityRate)
  }
}
