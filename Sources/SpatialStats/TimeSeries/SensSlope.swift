// Sen's slope (the Theil–Sen estimator) of a yearly series, and the trend that pairs it with
// the Mann–Kendall test.

/// The Theil–Sen slope of one series and its intercept (scipy `stats.theilslopes`).
public struct SensSlope: Hashable, Sendable {
  /// The number of values used (years with a value).
  public let count: Int
  /// The median of (y_j − y_i)/(t_j − t_i) over all pairs of years i < j with a value: the
  /// change per unit of time (per year when the times are years), in the unit of the values.
  public let slope: Double
  /// median(y) − slope · median(t): the line's value at t = 0 (scipy's `method='separate'`).
  public let intercept: Double

  /// The line's value at time `t`.
  public func value(at t: Double) -> Double { intercept + slope * t }
}

/// Sen's slope of `values` observed at `times`.
///
/// Pairs use the real time between the years, so a missing year neither shortens nor
/// stretches the trend. With `times` = 0, 1, … this is pymannkendall 1.4.3 `sens_slope`
/// (which skips pairs with a missing value the same way); with the years themselves it is
/// scipy 1.17 `theilslopes(y, x)`.
///
/// - Parameters:
///   - values: One value per time, `nil` = no value.
///   - times: Strictly increasing, e.g. the years 2011…2022.
/// - Returns: Undefined (``UndefinedReason/tooFewYears(count:needed:)``) with fewer than 2
///   values.
/// - Throws: ``TimeSeriesError``.
/// - Complexity: O(n² log n) for n values.
///
/// References: Theil, H. (1950), A rank-invariant method of linear and polynomial regression
/// analysis, *Proc. KNAW* 53; Sen, P. K. (1968), Estimates of the regression coefficient based
/// on Kendall's tau, *JASA* 63(324).
public func sensSlope(_ values: [Double?], times: [Double]) throws(TimeSeriesError)
  -> StatisticOutcome<SensSlope>
{
  let sample = try TimeSeriesSample(values, times: times)
  let (t, y) = (sample.times, sample.values)
  guard y.count >= 2 else { return .undefined(.tooFewYears(count: y.count, needed: 2)) }
  var slopes: [Double] = []
  slopes.reserveCapacity(y.count * (y.count - 1) / 2)
  for i in 0..<(y.count - 1) {
    for j in (i + 1)..<y.count { slopes.append((y[j] - y[i]) / (t[j] - t[i])) }
  }
  let slope = median(slopes)
  return .defined(
    SensSlope(count: y.count, slope: slope, intercept: median(y) - slope * median(t)))
}

/// A series' trend: Sen's slope for its size, the Mann–Kendall test for its significance.
public struct Trend: Hashable, Sendable {
  /// The times that had a value (the years the trend is computed on).
  public let times: [Double]
  /// The Mann–Kendall test on the values in time order.
  public let test: MannKendallTest
  /// The Theil–Sen slope per unit of time.
  public let slope: SensSlope

  /// How many years the trend rests on.
  public var count: Int { times.count }
}

/// The trend of `values` at `times`: ``sensSlope(_:times:)`` and ``mannKendall(_:)``.
///
/// - Returns: Undefined with fewer than 2 values.
/// - Throws: ``TimeSeriesError``.
public func trend(_ values: [Double?], times: [Double]) throws(TimeSeriesError)
  -> StatisticOutcome<Trend>
{
  let sample = try TimeSeriesSample(values, times: times)
  guard case .defined(let slope) = try sensSlope(values, times: times),
    case .defined(let test) = try mannKendall(values)
  else { return .undefined(.tooFewYears(count: sample.values.count, needed: 2)) }
  return .defined(Trend(times: sample.times, test: test, slope: slope))
}
