import WijkCore

extension PointJoinResult {
  /// Sums a point attribute per ward, each point in its assigned ward.
  ///
  /// Only for ``PointJoinMode/assign`` results (where every point has one ward); points outside
  /// every ward are left out, as in ``counts``. A ward with a point whose value is missing gets
  /// a missing sum under ``MissingPolicy/propagate`` (the default), or the sum of its known
  /// values under ``MissingPolicy/sumKnown``.
  ///
  /// - Parameters:
  ///   - values: one value per point, in the order the points were joined (`nil` = missing).
  ///   - missing: what a missing value does to its ward's sum.
  /// - Returns: one sum per ward, in the index's code order; `.missing(reason:)` says how many
  ///   points lacked a value.
  /// - Throws: ``JoinError/lengthMismatch(what:expected:got:)`` when `values` does not have one
  ///   value per point, or when the result is not from `assign` mode (expected points: 0).
  public func sums<Values: Collection<Double?>>(
    of values: Values, missing: MissingPolicy = .propagate
  ) throws(JoinError) -> [AttributeValue] {
    guard mode == .assign, values.count == wardOfPoint.count else {
      throw .lengthMismatch(
        what: "point values", expected: mode == .assign ? wardOfPoint.count : 0,
        got: values.count)
    }
    var sums = [Double](repeating: 0, count: counts.count)
    var missingCounts = [Int](repeating: 0, count: counts.count)
    for (ward, value) in zip(wardOfPoint, values) where ward >= 0 {
      if let value { sums[Int(ward)] += value } else { missingCounts[Int(ward)] += 1 }
    }
    return sums.indices.map { w in
      if missingCounts[w] > 0 && missing == .propagate {
        return .missing(reason: "no value for \(missingCounts[w]) of \(counts[w]) points")
      }
      return .real(sums[w])
    }
  }
}
