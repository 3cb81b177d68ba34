// The Mann–Kendall test of a monotonic trend. Matches pymannkendall 1.4.3 `original_test`.

import Foundation

/// The direction of a trend at a chosen significance level.
public enum TrendDirection: String, Hashable, Sendable {
  case increasing
  case decreasing
  /// Not significant at the level asked for (or S = 0).
  case noTrend = "no trend"
}

/// The Mann–Kendall trend test of one series (pymannkendall `original_test`).
///
/// The test uses only the order of the values in time, so it needs no assumption about their
/// distribution and is not swayed by one extreme year. Years without a value are skipped, as
/// pymannkendall's `skip` does; ``count`` says how many years were tested.
public struct MannKendallTest: Hashable, Sendable {
  /// n: the number of values tested (years with a value).
  public let count: Int
  /// S = Σ_{i<j} sign(x_j − x_i): concordant minus discordant pairs in time order.
  public let s: Double
  /// Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18, summed over groups g of t_g
  /// equal values (the tie correction; no ties gives n(n−1)(2n+5)/18).
  public let varianceS: Double
  /// z = (S − 1)/√Var(S) for S > 0, (S + 1)/√Var(S) for S < 0, 0 for S = 0 (continuity
  /// correction).
  public let z: Double
  /// Two-sided p = 2(1 − Φ(|z|)), computed as 2·Φ(−|z|) for precision in the tail.
  public let p: Double
  /// Kendall's tau = S / (n(n−1)/2), as pymannkendall reports it (tau-a: with ties it is
  /// smaller in size than scipy's `kendalltau`, which is tau-b).
  public let tau: Double

  /// Increasing or decreasing when p ≤ `alpha`, else no trend (pymannkendall's `trend`).
  public func direction(at alpha: Double) -> TrendDirection {
    guard p <= alpha, s != 0 else { return .noTrend }
    return s > 0 ? .increasing : .decreasing
  }
}

/// Tests `values` (in time order, `nil` = no value that year) for a monotonic trend.
///
/// - Parameter values: One value per year, oldest first; `nil` years are skipped.
/// - Returns: Undefined (``UndefinedReason/tooFewYears(count:needed:)``) with fewer than 2
///   values. A series with all values equal gives S = 0, z = 0, p = 1.
/// - Throws: ``TimeSeriesError/nonFiniteValue(index:value:)``.
/// - Complexity: O(n²) for n years.
///
/// References: Mann, H. B. (1945), Nonparametric tests against trend, *Econometrica* 13(3);
/// Kendall, M. G. (1975), *Rank Correlation Methods*, Griffin; Gilbert, R. O. (1987),
/// *Statistical Methods for Environmental Pollution Monitoring*, ch. 16; Hussain, M. &
/// Mahmud, I. (2019), pyMannKendall, *JOSS* 4(39), `original_test`.
public func mannKendall(_ values: [Double?]) throws(TimeSeriesError)
  -> StatisticOutcome<MannKendallTest>
{
  let x = try TimeSeriesSample(values, times: values.indices.map(Double.init)).values
  let n = x.count
  guard n >= 2 else { return .undefined(.tooFewYears(count: n, needed: 2)) }
  var s = 0.0
  for i in 0..<(n - 1) {
    for j in (i + 1)..<n where x[j] != x[i] { s += x[j] > x[i] ? 1 : -1 }
  }
  let variance = mannKendallVariance(x)
  let z = s > 0 ? (s - 1) / variance.squareRoot() : s < 0 ? (s + 1) / variance.squareRoot() : 0
  let nd = Double(n)
  return .defined(
    MannKendallTest(
      count: n, s: s, varianceS: variance, z: z, p: StandardNormal.twoTailed(z),
      tau: s / (0.5 * nd * (nd - 1))))
}

/// Var(S) with the tie correction over groups of exactly equal values (numpy `unique`).
private func mannKendallVariance(_ x: [Double]) -> Double {
  func term(_ t: Double) -> Double { t * (t - 1) * (2 * t + 5) }
  var groups: [Double: Int] = [:]
  for v in x { groups[v, default: 0] += 1 }
  let ties = groups.values.reduce(0.0) { $0 + term(Double($1)) }
  return (term(Double(x.count)) - ties) / 18
}
