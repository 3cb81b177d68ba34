/// Map classifiers matching mapclassify 2.10. Each takes values aligned with the units
/// (`nil` = missing, never read as 0) and returns a ``Classification`` or, for data that
/// cannot be classified that way, ``StatisticOutcome/undefined(_:)`` with the reason.
public enum Classifier {
  /// Quantile classes: about the same number of units in each class.
  ///
  /// The bounds are mapclassify 2.10 `Quantiles(y, k)`'s: scipy `scoreatpercentile` (linear
  /// interpolation) at 100/k, 200/k, …, 100 percent, duplicates removed. Where values tie,
  /// mapclassify can still leave an *empty* class: with eight 1s and two 2s and k = 5 it
  /// gives bounds [1, 1.2, 2], and the class (1, 1.2] holds nothing. Here a bound whose class
  /// would be empty is dropped as well (that class merges into the next), so every class holds
  /// at least one unit; a note says how many classes were merged. Whenever mapclassify's
  /// classes are all non-empty the bounds are identical to its own.
  ///
  /// - Parameters:
  ///   - values: Indicator per unit, `nil` when missing.
  ///   - classes: Number of classes asked for, k ≥ 1 (mapclassify's default is 5).
  /// - Returns: Undefined (``UndefinedReason/noUnits``) when no value is present.
  /// - Throws: ``ClassificationError/invalidClassCount(_:)``,
  ///   ``ClassificationError/nonFiniteValue(index:value:)``.
  /// - Complexity: O(n log n).
  public static func quantiles(
    _ values: [Double?], classes k: Int = 5
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    try ClassificationInput.checkClasses(k)
    let sorted = try ClassificationInput.present(values).sorted()
    guard !sorted.isEmpty else { return .undefined(.noUnits) }
    let candidates = uniqueSorted(
      percentiles(classes: k).map { ReferenceNumerics.scoreAtPercentile(sorted: sorted, $0) })
    let bins = droppingEmptyClasses(candidates, sorted: sorted)
    var notes: [String] = []
    if bins.count < k {
      notes.append(
        "\(k) classes asked for, \(bins.count) made: tied values leave too few distinct "
          + "quantiles (mapclassify made \(candidates.count)).")
    }
    return .defined(
      Classification(
        method: .quantiles(classes: k), bins: bins, values: values, notes: notes))
  }

  /// mapclassify's percentiles: `np.arange(w, 100 + w, w)` with w = 100/k, the last capped
  /// at 100. numpy fills a range as start + i·(second − start), reproduced here exactly.
  static func percentiles(classes k: Int) -> [Double] {
    let step = 100.0 / Double(k)
    let count = Int((((100 + step) - step) / step).rounded(.up))
    let delta = (step + step) - step
    var result = (0..<count).map { $0 == 0 ? step : step + Double($0) * delta }
    if result[count - 1] > 100 { result[count - 1] = 100 }
    return result
  }

  static func uniqueSorted(_ values: [Double]) -> [Double] {
    var result: [Double] = []
    for value in values.sorted() where result.last != value { result.append(value) }
    return result
  }

  /// Keeps a bound only if some value lies in (previous kept bound, bound]. The last bound
  /// (the maximum) always holds the maximum, so it is always kept.
  static func droppingEmptyClasses(_ bins: [Double], sorted: [Double]) -> [Double] {
    var kept: [Double] = []
    var next = 0  // first value above the last kept bound
    for bound in bins {
      var end = next
      while end < sorted.count, sorted[end] <= bound { end += 1 }
      if end > next {
        kept.append(bound)
        next = end
      }
    }
    return kept
  }
}
