extension Classifier {
  /// Equal-interval classes: k classes of width (max − min)/k.
  ///
  /// Matches mapclassify 2.10 `EqualInterval(y, k)` exactly, including its `np.arange`
  /// rounding; the last bound is the maximum. Classes may be empty (the width is the point).
  ///
  /// - Returns: Undefined when no value is present or all values are equal (width 0).
  /// - Throws: ``ClassificationError/invalidClassCount(_:)``,
  ///   ``ClassificationError/nonFiniteValue(index:value:)``.
  public static func equalInterval(
    _ values: [Double?], classes k: Int = 5
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    try ClassificationInput.checkClasses(k)
    let present = try ClassificationInput.present(values)
    guard let low = present.min(), let high = present.max() else { return .undefined(.noUnits) }
    guard low < high else { return .undefined(.allValuesEqual) }
    let width = (high - low) * 1.0 / Double(k)
    let start = low + width
    let delta = (start + width) - start
    var bins = (0..<(k - 1)).map { $0 == 0 ? start : start + Double($0) * delta }
    bins.append(high)
    return .defined(Classification(method: .equalInterval(classes: k), bins: bins, values: values))
  }

  /// Classes at the mean plus multiples of the sample standard deviation.
  ///
  /// Bounds m + s·w for each multiple w (s with n − 1 in the denominator), then the maximum
  /// when it lies above the last; matches mapclassify 2.10 `StdMean(y, multiples)` (not
  /// anchored) with numpy's summation order.
  ///
  /// - Parameters:
  ///   - values: Indicator per unit, `nil` when missing.
  ///   - multiples: Increasing multiples of s; mapclassify's default [−2, −1, 1, 2].
  /// - Returns: Undefined with fewer than 2 values or when all values are equal.
  /// - Throws: ``ClassificationError/invalidBins(_:)`` for multiples that are empty, not
  ///   finite or not increasing; ``ClassificationError/nonFiniteValue(index:value:)``.
  public static func standardDeviation(
    _ values: [Double?], multiples: [Double] = [-2, -1, 1, 2]
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    guard isIncreasing(multiples, strictly: true) else { throw .invalidBins(multiples) }
    let present = try ClassificationInput.present(values)
    guard present.count >= 2 else {
      return .undefined(present.isEmpty ? .noUnits : .tooFewUnits(count: 1, needed: 2))
    }
    let s = ReferenceNumerics.sampleStandardDeviation(present)
    guard s > 0 else { return .undefined(.allValuesEqual) }
    let m = ReferenceNumerics.mean(present)
    var bins = multiples.map { m + s * $0 }
    let high = present.max()!
    if bins[bins.count - 1] < high { bins.append(high) }
    return .defined(
      Classification(
        method: .standardDeviation(multiples: multiples), bins: bins, values: values))
  }

  /// Box-plot classes: low outliers, the four quarters, high outliers.
  ///
  /// Bounds [q1 − h·IQR, q1, q2, q3, q3 + h·IQR, max], or without the max when the upper fence
  /// is at or above it, quartiles by scipy `scoreatpercentile`; matches mapclassify 2.10
  /// `BoxPlot(y, hinge)`. Class 0 holds the low outliers, class 5 (when present) the high ones.
  /// Classes may be empty and bounds may repeat when values tie: each class has a fixed
  /// meaning, so none is merged.
  ///
  /// - Parameters:
  ///   - values: Indicator per unit, `nil` when missing.
  ///   - hinge: Fence distance in IQRs, ≥ 0 (default 1.5).
  /// - Returns: Undefined when no value is present.
  /// - Throws: ``ClassificationError/invalidParameter(name:value:)``,
  ///   ``ClassificationError/nonFiniteValue(index:value:)``.
  public static func boxPlot(
    _ values: [Double?], hinge: Double = 1.5
  ) throws(ClassificationError) -> StatisticOutcome<Classification> {
    guard hinge >= 0, hinge.isFinite else { throw .invalidParameter(name: "hinge", value: hinge) }
    let sorted = try ClassificationInput.present(values).sorted()
    guard !sorted.isEmpty else { return .undefined(.noUnits) }
    var bins = [25.0, 50, 75, 100].map { ReferenceNumerics.scoreAtPercentile(sorted: sorted, $0) }
    let iqr = bins[2] - bins[0]
    let leftFence = bins[0] - hinge * iqr
    let rightFence = bins[2] + hinge * iqr
    if rightFence < bins[3] {
      bins.insert(rightFence, at: 3)
    } else {
      bins[3] = rightFence
    }
    bins.insert(leftFence, at: 0)
    return .defined(Classification(method: .boxPlot(hinge: hinge), bins: bins, values: values))
  }

  static func isIncreasing(_ values: [Double], strictly: Bool) -> Bool {
    guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return false }
    return zip(values, values.dropFirst()).allSatisfy { strictly ? $0 < $1 : $0 <= $1 }
  }
}
