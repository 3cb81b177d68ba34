// Emerging hot spots: a unit's yearly Gi* results and the trend of its z-scores, read as one
// of ArcGIS Pro's categories.

import SpatialWeights

/// One unit's emerging-hot-spot category and what it rests on.
public struct EmergingHotSpot: Hashable, Sendable {
  /// The category (see ``EmergingHotSpotCategory``).
  public let category: EmergingHotSpotCategory
  /// The number of years classified.
  public let years: Int
  /// Years in which the unit is a significant hot spot (significant, z > 0).
  public let hotYears: Int
  /// Years in which the unit is a significant cold spot (significant, z < 0).
  public let coldYears: Int
  /// The Mann–Kendall test on the unit's Gi* z-scores, oldest year first.
  public let trend: MannKendallTest
  /// Whether ``trend`` has p ≤ the trend significance level asked for.
  public let trendIsSignificant: Bool
}

/// The rules of ArcGIS Pro's Emerging Hot Spot Analysis, applied to yearly Gi* results.
public enum EmergingHotSpots {
  /// Classifies one unit from its Gi* z-score and significance in every year.
  ///
  /// A year is *hot* when it is significant with z > 0, *cold* when significant with z < 0.
  /// "At least 90 % of the years" is 10·hot ≥ 9·n (with 12 years: 11 or 12). The trend is the
  /// Mann–Kendall test (``mannKendall(_:)``) on the z-scores, as ArcGIS Pro tests each
  /// location's Gi* z-scores; it is significant when its p ≤ `trendSignificance`.
  ///
  /// ArcGIS Pro's definitions overlap in places (a unit hot in 11 of 12 years and not hot in
  /// the last is both "persistent" and "historical"; a new or consecutive hot spot may have
  /// been cold before, which also makes it "oscillating"). This applies them in a fixed order,
  /// so every unit gets exactly one category:
  /// 1. hot in ≥ 90 % of the years: if hot in the final year, *intensifying* (significant
  ///    upward trend), *diminishing* (significant downward trend) or *persistent* (neither);
  ///    otherwise *historical*;
  /// 2. the same for cold in ≥ 90 % of the years (intensifying = significant downward trend);
  /// 3. hot in the final year: *oscillating* if cold in any earlier year; else *new* if this is
  ///    its only hot year; else *consecutive* if its hot years are one run ending in the final
  ///    year; else *sporadic*;
  /// 4. the same for cold in the final year;
  /// 5. otherwise *no pattern* (this includes a unit hot in some earlier years but not in the
  ///    last one and not in 90 % of them: ArcGIS Pro's sporadic hot spot is hot in the final
  ///    year, where ArcMap 10.3's was not).
  ///
  /// - Parameters:
  ///   - z: The unit's Gi* z-score per year, oldest first.
  ///   - significant: Per year, whether the unit's Gi* is significant (after any correction
  ///     for testing every unit, such as the false discovery rate ArcGIS Pro applies).
  ///   - trendSignificance: The level for the Mann–Kendall test of the z-scores, e.g. 0.05.
  /// - Returns: Undefined (``UndefinedReason/tooFewYears(count:needed:)``) for fewer than 2
  ///   years.
  /// - Throws: ``TimeSeriesError/countMismatch(what:expected:got:)``,
  ///   ``TimeSeriesError/nonFiniteValue(index:value:)``.
  ///
  /// References: Esri, ArcGIS Pro 3.x, "How Emerging Hot Spot Analysis works" (space-time
  /// pattern mining toolbox, learnmoreemerging.htm; read in its English, Spanish (3.2) and
  /// Russian pages); Getis, A. & Ord, J. K. (1992), *Geographical Analysis* 24(3); Mann (1945);
  /// Kendall (1975).
  public static func classify(z: [Double], significant: [Bool], trendSignificance: Double)
    throws(TimeSeriesError) -> StatisticOutcome<EmergingHotSpot>
  {
    guard significant.count == z.count else {
      throw .countMismatch(what: "significance flags", expected: z.count, got: significant.count)
    }
    guard case .defined(let test) = try mannKendall(z) else {
      return .undefined(.tooFewYears(count: z.count, needed: 2))
    }
    let hot = z.indices.map { significant[$0] && z[$0] > 0 }
    let cold = z.indices.map { significant[$0] && z[$0] < 0 }
    let trendIsSignificant = test.p <= trendSignificance
    let category = Self.category(
      hot: hot, cold: cold, rising: trendIsSignificant && test.s > 0,
      falling: trendIsSignificant && test.s < 0)
    return .defined(
      EmergingHotSpot(
        category: category, years: z.count, hotYears: hot.count { $0 },
        coldYears: cold.count { $0 }, trend: test, trendIsSignificant: trendIsSignificant))
  }

  /// The rules 1–5 of ``classify(z:significant:trendSignificance:)``, for a non-empty series.
  static func category(hot: [Bool], cold: [Bool], rising: Bool, falling: Bool)
    -> EmergingHotSpotCategory
  {
    let hotSide = Side(spots: hot, other: cold, strengthening: rising, weakening: falling)
    let coldSide = Side(spots: cold, other: hot, strengthening: falling, weakening: rising)
    if let pattern = hotSide.mostYearsPattern {
      return [.intensifyingHotSpot, .diminishingHotSpot, .persistentHotSpot, .historicalHotSpot][
        pattern.rawValue]
    }
    if let pattern = coldSide.mostYearsPattern {
      return [
        .intensifyingColdSpot, .diminishingColdSpot, .persistentColdSpot, .historicalColdSpot,
      ][
        pattern.rawValue]
    }
    if let pattern = hotSide.finalYearPattern {
      return [.oscillatingHotSpot, .newHotSpot, .consecutiveHotSpot, .sporadicHotSpot][
        pattern.rawValue]
    }
    if let pattern = coldSide.finalYearPattern {
      return [.oscillatingColdSpot, .newColdSpot, .consecutiveColdSpot, .sporadicColdSpot][
        pattern.rawValue]
    }
    return .noPattern
  }

  /// One side (hot or cold) of the rules, with "strengthening" the trend away from zero.
  private struct Side {
    let spots: [Bool]
    let other: [Bool]
    let strengthening: Bool
    let weakening: Bool

    enum MostYears: Int { case intensifying, diminishing, persistent, historical }
    enum FinalYear: Int { case oscillating, new, consecutive, sporadic }

    var count: Int { spots.count { $0 } }
    var inNinetyPercent: Bool { 10 * count >= 9 * spots.count }

    /// Rule 1 (or 2): at least 90 % of the years on this side.
    var mostYearsPattern: MostYears? {
      guard inNinetyPercent, count > 0 else { return nil }
      guard spots.last! else { return .historical }
      return strengthening ? .intensifying : weakening ? .diminishing : .persistent
    }

    /// Rule 3 (or 4): on this side in the final year.
    var finalYearPattern: FinalYear? {
      guard spots.last! else { return nil }
      if other.dropLast().contains(true) { return .oscillating }
      if count == 1 { return .new }
      let finalRun = spots.reversed().prefix { $0 }.count
      return finalRun == count ? .consecutive : .sporadic
    }
  }
}

/// How the yearly Gi* p-values are judged when every unit is tested at once.
public enum HotSpotSignificance: Hashable, Sendable {
  /// Significant when the two-sided analytic p ≤ α, unit by unit.
  case uncorrected(alpha: Double)
  /// Benjamini–Hochberg false discovery rate at α over the units of each year
  /// (``falseDiscoveryRate(_:alpha:)``, significant when p is below its threshold), as ArcGIS
  /// Pro's Emerging Hot Spot Analysis corrects its Gi* p-values.
  case falseDiscoveryRate(alpha: Double)
}

/// Every unit's yearly Gi* and its emerging-hot-spot category.
public struct EmergingHotSpotAnalysis: Sendable {
  /// The units, in the order of the weights.
  public let ids: [String]
  /// Per year, per unit: the Gi* z-score (`nil` when the unit was not analysed that year: a
  /// missing value, an island, or a year where Gi* is undefined).
  public let z: [[Double?]]
  /// Per year, per unit: the two-sided analytic p = 2(1 − Φ(|z|)).
  public let p: [[Double?]]
  /// Per year, per unit: whether the Gi* is significant under the chosen rule.
  public let significant: [[Bool?]]
  /// Per unit: its category, or why it has none (``UndefinedReason/missingInput`` when some
  /// year has no Gi* for it).
  public let units: [StatisticOutcome<EmergingHotSpot>]
}

/// Emerging hot spots from one value per unit and year: the classic Gi* per year (binary
/// weights, the unit itself included: `localG` with `.binary`, `star: true`, analytic z),
/// then ``EmergingHotSpots/classify(z:significant:trendSignificance:)`` on each unit's
/// z-scores.
///
/// ArcGIS Pro computes Gi* on a space-time cube whose neighbourhood can span several time
/// steps; this is the neighbourhood of one year (its "neighborhood time step" of 1), as the
/// yearly ward figures call for. Its p-values are two-sided, as ArcGIS reports for Gi*
/// (esda's `p_norm` is one-sided: half of these).
///
/// - Parameters:
///   - panel: Per year (oldest first), one value per unit of `weights`, `nil` = missing.
///     Values must be ≥ 0 (Gi* is a ratio of sums).
///   - weights: Contiguity or distance weights among the units (transformed to binary).
///   - significance: How each year's p-values are judged.
///   - trendSignificance: The level of the Mann–Kendall test of each unit's z-scores.
/// - Throws: ``TimeSeriesError/countMismatch(what:expected:got:)`` for a year of the wrong
///   length, and the errors of `localG` (``AutocorrelationError``, e.g. a negative value).
///
/// References: as ``EmergingHotSpots/classify(z:significant:trendSignificance:)``; esda 2.9
/// `G_Local(y, w, transform="B", star=True)` for the yearly z-scores.
public func emergingHotSpots(
  _ panel: [[Double?]], weights: SpatialWeights, significance: HotSpotSignificance,
  trendSignificance: Double
) throws -> EmergingHotSpotAnalysis {
  let n = weights.count
  var zs: [[Double?]] = []
  var ps: [[Double?]] = []
  var flags: [[Bool?]] = []
  for year in panel {
    guard year.count == n else {
      throw TimeSeriesError.countMismatch(what: "values of a year", expected: n, got: year.count)
    }
    let (z, p) = try yearlyGiStar(year, weights: weights)
    zs.append(z)
    ps.append(p)
    flags.append(significantFlags(p, significance))
  }
  let units: [StatisticOutcome<EmergingHotSpot>] = try (0..<n).map { u in
    let z = zs.compactMap { $0[u] }
    guard z.count == panel.count else { return .undefined(.missingInput) }
    return try EmergingHotSpots.classify(
      z: z, significant: flags.map { $0[u]! }, trendSignificance: trendSignificance)
  }
  return EmergingHotSpotAnalysis(ids: weights.ids, z: zs, p: ps, significant: flags, units: units)
}

/// One year's Gi* z and two-sided p per unit of the weights (`nil` where not analysed).
private func yearlyGiStar(_ values: [Double?], weights: SpatialWeights) throws
  -> (z: [Double?], p: [Double?])
{
  var z = [Double?](repeating: nil, count: weights.count)
  let result = try localG(
    values, weights: weights, transformation: .binary, star: true, permutations: 0, seed: 0)
  if let g = result.value {
    for (k, unit) in result.sample.indices.enumerated() where g.z[k].isFinite {
      z[unit] = g.z[k]
    }
  }
  return (z, z.map { $0.map(StandardNormal.twoTailed) })
}

/// Per unit, whether its p is significant under `rule` (`nil` where p is `nil`).
private func significantFlags(_ p: [Double?], _ rule: HotSpotSignificance) -> [Bool?] {
  switch rule {
  case .uncorrected(let alpha):
    return p.map { $0.map { $0 <= alpha } }
  case .falseDiscoveryRate(let alpha):
    let present = p.compactMap { $0 }
    guard !present.isEmpty else { return p.map { _ in nil } }
    let threshold = falseDiscoveryRate(present, alpha: alpha).threshold
    return p.map { $0.map { $0 < threshold } }
  }
}
