// Inference for the dissimilarity index: is D higher than random allocation of the same
// people gives? segregation 2.5's `SingleValueTest` with its "evenness" and "systematic"
// nulls, seeded with the project's generator and with esda's (k + 1)/(n + 1) pseudo p.

/// How ``dissimilarityTest(group:total:null:simulations:seed:unitIDs:)`` redistributes the
/// group under the null hypothesis of no segregation.
public enum DissimilarityNull: String, Sendable, Codable, CaseIterable {
  /// Every unit keeps its population; each resident is in the group with the city's share:
  /// x*ᵢ ~ Binomial(tᵢ, X/T), units in order (segregation's `simulate_evenness`).
  case evenness
  /// The group and the rest each keep their city total and are spread over the units in
  /// proportion to the units' populations: X* and Y* ~ Multinomial(·, tᵢ/T), drawn unit by
  /// unit as binomials of what is left (segregation's `simulate_systematic_randomization`,
  /// after Allen et al. 2015); unit populations vary.
  case systematic
}

/// The result of ``dissimilarityTest(group:total:null:simulations:seed:unitIDs:)``.
public struct DissimilarityTest: Sendable, Codable, Equatable {
  /// D of the data.
  public var observed: Double
  /// The null that was simulated.
  public var null: DissimilarityNull
  /// Simulations with a defined D (a draw that puts nobody or everybody in the group has
  /// none and is left out, as segregation drops its NaN draws).
  public var simulations: Int
  /// Mean D of the simulations: what random allocation gives with units this size. D of
  /// small units is biased upwards; a D near this mean is no evidence of segregation.
  public var expectedUnderNull: Double
  /// (k + 1)/(n + 1), k the simulations with D* ≥ `observed` (within 1e-12: ties of whole
  /// counts count): one-sided, upper.
  public var pseudoP: Double
  /// The seed of the simulations.
  public var seed: UInt64
}

/// Tests whether the dissimilarity index exceeds what random allocation gives.
///
/// Draws `simulations` counterfactual distributions of the group under `null` from the
/// seeded ``PermutationGenerator``, replayable draw for draw: the evenness null by inversion
/// of each unit's Binomial(tᵢ, X/T), one uniform per unit (``BinomialInversion``), the
/// systematic null by the exact order-statistic binomials of the composite index; and
/// computes D of each with the formula of ``SingleGroupSegregation/dissimilarity``. Units with a missing
/// count are left out first.
///
/// - Parameters:
///   - group: The group's count per unit: whole numbers of people.
///   - total: The unit's population, at least `group`: whole numbers.
///   - null: ``DissimilarityNull/evenness`` (default) or ``DissimilarityNull/systematic``.
///   - simulations: Draws under the null, 1 or more (999 by default).
///   - seed: Seed of the draws; the same seed gives the same result.
///   - unitIDs: Unit labels for errors.
/// - Returns: Undefined as D is (no population, the group nobody or everybody), or when no
///   draw has a defined D.
/// - Throws: ``ConcentrationError`` as ``SingleGroupSegregation/init(group:total:unitIDs:)``;
///   `invalidParameter` for a count that is not a whole number or `simulations` below 1.
///
/// References: Allen, R., Burgess, S., Davidson, R. & Windmeijer, F. (2015), More reliable
/// inference for the dissimilarity index of segregation, *The Econometrics Journal* 18(1);
/// segregation 2.5 `segregation.inference.SingleValueTest` (its one-tailed p is k/n, which
/// can be 0; here (k + 1)/(n + 1), as esda's permutation tests).
public func dissimilarityTest(
  group: [Double?], total: [Double?], null: DissimilarityNull = .evenness,
  simulations: Int = 999, seed: UInt64 = 12345, unitIDs: [String]? = nil
) throws(ConcentrationError) -> StatisticOutcome<DissimilarityTest> {
  guard simulations >= 1 else {
    throw .invalidParameter(
      name: "simulations", value: Double(simulations), expected: "1 or more")
  }
  let observed = try SingleGroupSegregation(group: group, total: total, unitIDs: unitIDs)
  guard let d = observed.dissimilarity.value else {
    return .undefined(observed.dissimilarity.reason!)
  }
  let labels = try ConcentrationUnits.labels(unitIDs, count: group.count)
  let present = group.indices.filter { group[$0] != nil && total[$0] != nil }
  let x = try present.map { k throws(ConcentrationError) in
    try wholeCount(group[k]!, "group count", labels[k])
  }
  let t = try present.map { k throws(ConcentrationError) in
    try wholeCount(total[k]!, "total", labels[k])
  }
  var draws = DissimilarityDraws(x: x, t: t, null: null, seed: seed)
  // Whole counts make exact ties common (the same D from another arrangement); rounding
  // must not decide them, so a D* within 1e-12 of D counts as reaching it.
  let reach = d - 1e-12 * max(1, d)
  var (defined, above, sum) = (0, 0, 0.0)
  for _ in 0..<simulations {
    guard let dStar = draws.next() else { continue }
    defined += 1
    sum += dStar
    if dStar >= reach { above += 1 }
  }
  guard defined > 0 else { return .undefined(.noUnits) }
  return .defined(
    DissimilarityTest(
      observed: d, null: null, simulations: defined, expectedUnderNull: sum / Double(defined),
      pseudoP: Double(above + 1) / Double(defined + 1), seed: seed))
}

/// `value` as a whole number of people, or an error naming the unit.
private func wholeCount(_ value: Double, _ field: String, _ unit: String)
  throws(ConcentrationError) -> Int
{
  guard value == value.rounded(), value < 1e15 else {
    throw .invalidParameter(
      name: "\(field) of \(unit)", value: value, expected: "a whole number of people")
  }
  return Int(value)
}

/// The seeded counterfactual distributions of ``dissimilarityTest``, one D* per call.
struct DissimilarityDraws {
  let t: [Int]
  let null: DissimilarityNull
  /// X and T, and t as weights of the multinomial: fixed over the draws.
  let groupSum, totalSum: Int
  let weights: [Double]
  var generator: PermutationGenerator
  /// The evenness null's Binomial(tᵢ, X/T) tables, and the draw's counts (reused).
  let evenness: BinomialInversion?
  var drawn: [Int]

  init(x: [Int], t: [Int], null: DissimilarityNull, seed: UInt64) {
    (self.t, self.null) = (t, null)
    (groupSum, totalSum) = (x.reduce(0, +), t.reduce(0, +))
    weights = t.map(Double.init)
    generator = PermutationGenerator(seed: seed)
    evenness =
      null == .evenness && groupSum > 0 && groupSum < totalSum
      ? BinomialInversion(p: Double(groupSum) / Double(totalSum), sizes: t) : nil
    drawn = [Int](repeating: 0, count: t.count)
  }

  /// D of the next draw; `nil` when it puts nobody or everybody in the group.
  mutating func next() -> Double? {
    switch null {
    case .evenness:
      guard let evenness else { return nil }
      for i in t.indices { drawn[i] = evenness.draw(unit: i, &generator) }
      return SingleGroupSegregation.dissimilarity(x: drawn, t: t)
    case .systematic:
      let group = multinomial(groupSum, weights)
      let rest = multinomial(totalSum - groupSum, weights)
      return SingleGroupSegregation.dissimilarity(x: group, t: zip(group, rest).map { $0 + $1 })
    }
  }

  /// `n` people over the units with probabilities ∝ `weights`: unit by unit, a binomial of
  /// the people left with the unit's share of the weight left; the last unit takes the rest.
  mutating func multinomial(_ n: Int, _ weights: [Double]) -> [Int] {
    var left = n
    var mass = weights.reduce(0, +)
    var out = [Int](repeating: 0, count: weights.count)
    for j in weights.indices where left > 0 {
      if j == weights.count - 1 {
        out[j] = left
        break
      }
      out[j] = mass > 0 ? generator.binomial(left, min(1, weights[j] / mass)) : 0
      left -= out[j]
      mass -= weights[j]
    }
    return out
  }
}
