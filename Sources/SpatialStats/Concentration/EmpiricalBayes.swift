/// Empirical Bayes smoothing of rates on small bases, and the Assunção–Reis standardisation.
///
/// A rate on a base of 3 inhabitants swings from 0 to 333 per 1000 with one case. Empirical
/// Bayes shrinks each raw rate rᵢ = eᵢ/bᵢ towards a reference mean m by a weight that grows
/// with the base: r̂ᵢ = m + (rᵢ − m) · s² / (s² + m/bᵢ), where s² is the between-unit variance
/// of the true rates (method of moments, Marshall 1991).
///
/// Units taken into account: a unit with a missing event count or base is excluded from every
/// mean and variance, gets ``UndefinedReason/missingInput`` and is named in `missingUnits`; a
/// unit with base 0 (and 0 events) is not at risk: it is excluded likewise and gets
/// ``UndefinedReason/zeroBase``. esda would divide by zero there. Events above 0 on a base of
/// 0 throw ``ConcentrationError/countWithZeroBase(unit:count:)``.
///
/// Rates are proportions (events per one unit of base) unless `per` says otherwise, as in esda.
///
/// ## References
/// Marshall, R. J. (1991). Mapping disease and mortality rates using empirical Bayes
/// estimators. *Applied Statistics* 40(2), 283–294.
/// Assunção, R. M. & Reis, E. A. (1999). A new proposal to adjust Moran's I for population
/// density. *Statistics in Medicine* 18, 2147–2162.
public enum EmpiricalBayes {
  /// Smoothed rates (or standardised rates), aligned with the input units.
  public struct Result: Hashable, Sendable {
    /// The unit labels, in input order.
    public let unitIDs: [String]
    /// One value per unit; undefined where the unit was excluded (see ``EmpiricalBayes``).
    public let values: [StatisticOutcome<Double>]
    /// Labels of the units whose events or base are missing.
    public let missingUnits: [String]
  }

  /// Global empirical Bayes rates: every unit shrinks towards the city rate.
  ///
  /// m = Σe/Σb; s² = Σ bᵢ(rᵢ − m)²/Σb − m/b̄ with b̄ = Σb/n; r̂ᵢ = m + (rᵢ − m)·s²/(s² + m/bᵢ).
  /// Matches esda 2.9 `smoothing.Empirical_Bayes(e, b).r` whenever s² ≥ 0. When the
  /// moment estimate s² is negative (rates vary less than chance alone would make them),
  /// Marshall sets it to 0, so every rate becomes m; esda keeps the negative value and can
  /// push rates beyond the raw ones, which we do not copy.
  ///
  /// - Parameters:
  ///   - events: Events per unit (≥ 0), `nil` when missing.
  ///   - bases: Population at risk per unit (≥ 0), `nil` when missing.
  ///   - unitIDs: Unit labels for errors and `missingUnits`.
  ///   - per: Rate multiplier (1 = proportion, 1000 = per 1000). Must be > 0.
  /// - Returns: Smoothed rates times `per`.
  /// - Throws: ``ConcentrationError/countWithZeroBase(unit:count:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``,
  ///   ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/invalidParameter(name:value:expected:)``.
  /// - Complexity: O(n).
  public static func globalRates(
    events: [Double?], bases: [Double?], unitIDs: [String]? = nil, per: Double = 1
  ) throws(ConcentrationError) -> Result {
    let input = try RiskInput(events: events, bases: bases, unitIDs: unitIDs, per: per)
    let prior = input.moments(of: input.atRisk)
    let values = input.map { i in
      shrink(
        rate: input.rate(i), base: input.bases[i]!, mean: prior.mean,
        variance: max(0, prior.variance)) * per
    }
    return Result(unitIDs: input.labels, values: values, missingUnits: input.missing)
  }

  /// Spatial (local) empirical Bayes rates: each unit shrinks towards the rate of its
  /// neighbourhood (itself and its neighbours).
  ///
  /// For unit i with set Nᵢ = {i} ∪ neighbours(i) (units at risk only): mᵢ = Σe/Σb over Nᵢ,
  /// sᵢ² = max(0, Σ_{j∈Nᵢ} bⱼ(rⱼ − mᵢ)²/Σb − mᵢ/(Σb/|Nᵢ|)), r̂ᵢ = mᵢ + (rᵢ − mᵢ)·sᵢ²/(sᵢ² + mᵢ/bᵢ).
  /// Matches esda 2.9 `smoothing.Spatial_Empirical_Bayes(e, b, w).r` with binary weights `w`
  /// whose neighbour sets are `neighbours`. When sᵢ² = 0 and mᵢ = 0 (no events around),
  /// r̂ᵢ = 0 where esda gives NaN.
  ///
  /// - Parameters:
  ///   - events: Events per unit (≥ 0), `nil` when missing.
  ///   - bases: Population at risk per unit (≥ 0), `nil` when missing.
  ///   - neighbours: For each unit, the indices of its neighbours (binary contiguity), in
  ///     input order; a unit with no neighbours is smoothed on itself alone.
  ///   - unitIDs: Unit labels for errors and `missingUnits`.
  ///   - per: Rate multiplier. Must be > 0.
  /// - Throws: as ``globalRates(events:bases:unitIDs:per:)``, and
  ///   ``ConcentrationError/invalidNeighbour(unit:neighbour:unitCount:)``.
  /// - Complexity: O(n + Σ|neighbours|).
  public static func spatialRates(
    events: [Double?], bases: [Double?], neighbours: [[Int]], unitIDs: [String]? = nil,
    per: Double = 1
  ) throws(ConcentrationError) -> Result {
    let input = try RiskInput(events: events, bases: bases, unitIDs: unitIDs, per: per)
    try ConcentrationUnits.sameLength(
      "the events", events.count, "the neighbour lists", neighbours.count)
    for (i, list) in neighbours.enumerated() {
      for j in list where j < 0 || j >= events.count || j == i {
        throw .invalidNeighbour(unit: input.labels[i], neighbour: j, unitCount: events.count)
      }
    }
    let atRisk = Set(input.atRisk)
    let values = input.map { i in
      let set = ([i] + neighbours[i]).filter { atRisk.contains($0) }
      let local = input.moments(of: set)
      return shrink(
        rate: input.rate(i), base: input.bases[i]!, mean: local.mean,
        variance: max(0, local.variance)) * per
    }
    return Result(unitIDs: input.labels, values: values, missingUnits: input.missing)
  }

  /// The Assunção–Reis empirical Bayes standardised rate of each unit.
  ///
  /// zᵢ = (rᵢ − m)/√vᵢ with m = Σe/Σb, a = Σ bᵢ(rᵢ − m)²/Σb − m/b̄ and vᵢ = a + m/bᵢ, or m/bᵢ
  /// when that is negative. This is the variable behind esda's `Moran_Rate`; it matches
  /// esda 2.9 `smoothing.assuncao_rate(e, b)`. A unit whose vᵢ is 0 (no events in the city)
  /// is ``UndefinedReason/zeroTotal(quantity:)``.
  ///
  /// - Parameters:
  ///   - events: Events per unit (≥ 0), `nil` when missing.
  ///   - bases: Population at risk per unit (≥ 0), `nil` when missing.
  ///   - unitIDs: Unit labels for errors and `missingUnits`.
  /// - Returns: Standardised rates (dimensionless z-scores).
  /// - Throws: as ``globalRates(events:bases:unitIDs:per:)``.
  public static func assuncaoReisStandardised(
    events: [Double?], bases: [Double?], unitIDs: [String]? = nil
  ) throws(ConcentrationError) -> Result {
    let input = try RiskInput(events: events, bases: bases, unitIDs: unitIDs, per: 1)
    let prior = input.moments(of: input.atRisk)
    let values: [StatisticOutcome<Double>] = input.mapOutcome { i in
      let base = input.bases[i]!
      var variance = prior.variance + prior.mean / base
      if variance < 0 { variance = prior.mean / base }
      guard variance > 0 else { return .undefined(.zeroTotal(quantity: "the events")) }
      return .defined((input.rate(i) - prior.mean) / variance.squareRoot())
    }
    return Result(unitIDs: input.labels, values: values, missingUnits: input.missing)
  }

  /// m + (r − m)·s²/(s² + m/b); m itself when both terms of the weight are 0.
  static func shrink(rate: Double, base: Double, mean: Double, variance: Double) -> Double {
    let denominator = variance + mean / base
    guard denominator > 0 else { return mean }
    return mean + (rate - mean) * (variance / denominator)
  }
}
