/// The categories of ArcGIS Pro's Emerging Hot Spot Analysis: eight hot-spot trends, their
/// eight cold-spot twins, and no pattern.
///
/// The ``rawValue`` is a stable identifier for outputs; ``label`` is ArcGIS Pro's English
/// name. The definitions are ArcGIS Pro's, in "How Emerging Hot Spot Analysis works"
/// (pro.arcgis.com, pro-app/latest/tool-reference/space-time-pattern-mining/
/// learnmoreemerging.htm), with "hot" read as "cold" for the twins;
/// ``EmergingHotSpots/classify(z:significant:trendSignificance:)`` says how they are applied.
public enum EmergingHotSpotCategory: String, CaseIterable, Hashable, Sendable {
  /// Not in any of the patterns below.
  case noPattern = "no_pattern"
  /// Hot in the final year and never hot before.
  case newHotSpot = "new_hot_spot"
  /// A single uninterrupted run of at least two hot years ending in the final year, never hot
  /// before that run, and hot in less than 90 % of the years.
  case consecutiveHotSpot = "consecutive_hot_spot"
  /// Hot in at least 90 % of the years including the final one, and the Gi* z-scores
  /// increase significantly (Mann–Kendall).
  case intensifyingHotSpot = "intensifying_hot_spot"
  /// Hot in at least 90 % of the years, with no significant trend in the z-scores.
  case persistentHotSpot = "persistent_hot_spot"
  /// Hot in at least 90 % of the years including the final one, and the z-scores decrease
  /// significantly.
  case diminishingHotSpot = "diminishing_hot_spot"
  /// Hot in the final year, on-again off-again before, hot in less than 90 % of the years and
  /// never cold.
  case sporadicHotSpot = "sporadic_hot_spot"
  /// Hot in the final year, cold in some earlier year, hot in less than 90 % of the years.
  case oscillatingHotSpot = "oscillating_hot_spot"
  /// Not hot in the final year, but hot in at least 90 % of the years.
  case historicalHotSpot = "historical_hot_spot"
  /// The cold-spot twins, defined as above with hot and cold exchanged (and "increase" and
  /// "decrease": an intensifying cold spot's z-scores fall).
  case newColdSpot = "new_cold_spot"
  case consecutiveColdSpot = "consecutive_cold_spot"
  case intensifyingColdSpot = "intensifying_cold_spot"
  case persistentColdSpot = "persistent_cold_spot"
  case diminishingColdSpot = "diminishing_cold_spot"
  case sporadicColdSpot = "sporadic_cold_spot"
  case oscillatingColdSpot = "oscillating_cold_spot"
  case historicalColdSpot = "historical_cold_spot"

  /// ArcGIS Pro's English name, e.g. "New Hot Spot", "No Pattern Detected".
  public var label: String {
    if self == .noPattern { return "No Pattern Detected" }
    return rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined(separator: " ")
  }

  /// Whether this is one of the hot-spot patterns.
  public var isHotSpot: Bool { rawValue.hasSuffix("hot_spot") }
  /// Whether this is one of the cold-spot patterns.
  public var isColdSpot: Bool { rawValue.hasSuffix("cold_spot") }
}
