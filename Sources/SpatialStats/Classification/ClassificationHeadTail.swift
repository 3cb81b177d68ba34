extension Classifier {
  /// Head/tail breaks for heavy-tailed data: split at the mean, then again at the mean of
  /// the values above it (the head), until the head has a single distinct value.
  ///
  /// Matches mapclassify 2.10 `HeadTailBreaks(y)`, with numpy's summation for the means and
  /// its stop when a mean repeats (mapclassify#117). The last bound is the maximum.
  ///
  /// - Returns: Undefined when no value is present.
  /// - Throws: ``ClassificationError/nonFiniteValue(index:value:)``.
  /// ## References
  /// Jiang, B. (2013). Head/tail breaks: a new classification scheme for data with a
  /// heavy-tailed distribution. *The Professional Geographer* 65(3), 482–494.
  public static func headTailBreaks(
    _ values: [Double?]
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    var head = try ClassificationInput.present(values)
    guard !head.isEmpty else { return .undefined(.noUnits) }
    var bins: [Double] = []
    while true {
      let mean = ReferenceNumerics.mean(head)
      if bins.last == mean { break }
      bins.append(mean)
      guard Set(head).count > 1 else { break }
      head = head.filter { $0 > mean }
    }
    return .defined(Classification(method: .headTailBreaks, bins: bins, values: values))
  }

  /// Classes with bounds chosen by the user; the maximum is added when it lies above the
  /// last bound, as mapclassify 2.10 `UserDefined(y, bins)` does.
  ///
  /// - Parameters:
  ///   - values: Indicator per unit, `nil` when missing.
  ///   - bins: Upper bounds, finite and non-decreasing.
  /// - Returns: Always a classification (empty counts when no value is present).
  /// - Throws: ``ClassificationError/invalidBins(_:)``,
  ///   ``ClassificationError/nonFiniteValue(index:value:)``.
  public static func userDefined(
    _ values: [Double?], bins: [Double]
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    guard isIncreasing(bins, strictly: false) else { throw .invalidBins(bins) }
    let present = try ClassificationInput.present(values)
    var bounds = bins
    if let high = present.max(), high > bounds[bounds.count - 1] { bounds.append(high) }
    return .defined(Classification(method: .userDefined, bins: bounds, values: values))
  }
}
