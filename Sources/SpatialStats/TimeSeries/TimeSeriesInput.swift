// What every trend statistic does first: line the values up with their times, skip the
// missing ones (naming none as 0), and refuse a series it cannot read.

/// A malformed time series. Too few values is not an error: it gives
/// ``StatisticOutcome/undefined(_:)`` with ``UndefinedReason/tooFewYears(count:needed:)``.
public enum TimeSeriesError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The values and their times (or significance flags) differ in number.
  case countMismatch(what: String, expected: Int, got: Int)
  /// The times must increase strictly (one value per year); `index` is the first offender.
  case timesNotIncreasing(index: Int, time: Double)
  /// A value or time is NaN or infinite; a missing value must be `nil`.
  case nonFiniteValue(index: Int, value: Double)

  public var description: String {
    switch self {
    case .countMismatch(let what, let expected, let got):
      "The \(what) do not line up with the series: expected \(expected), got \(got)."
    case .timesNotIncreasing(let index, let time):
      "Time \(index + 1) (\(time)) does not come after the one before it; give one value per "
        + "year, in order."
    case .nonFiniteValue(let index, let value):
      "Value \(index + 1) is \(value), which a trend cannot use; leave it empty (missing)."
    }
  }
}

/// The present values of a series and their times, in order.
struct TimeSeriesSample {
  var times: [Double]
  var values: [Double]

  /// Checks the series and keeps the values that are present.
  /// - Throws: ``TimeSeriesError``.
  init(_ values: [Double?], times: [Double]) throws(TimeSeriesError) {
    guard values.count == times.count else {
      throw .countMismatch(what: "times", expected: values.count, got: times.count)
    }
    for (i, t) in times.enumerated() {
      guard t.isFinite else { throw .nonFiniteValue(index: i, value: t) }
      if i > 0 && !(t > times[i - 1]) { throw .timesNotIncreasing(index: i, time: t) }
    }
    self.times = []
    self.values = []
    for (i, v) in values.enumerated() {
      guard let v else { continue }
      guard v.isFinite else { throw .nonFiniteValue(index: i, value: v) }
      self.times.append(times[i])
      self.values.append(v)
    }
  }
}

/// The median of a non-empty array: the middle value, or the mean of the two middle values
/// (numpy `median`).
func median(_ values: [Double]) -> Double {
  let s = values.sorted()
  let mid = s.count / 2
  return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
