// Corrections for testing every unit at once (local statistics give n p-values).

/// How p-values are corrected for making several tests at once.
public enum MultipleTestingCorrection: String, Codable, Sendable, CaseIterable {
  /// No correction: a test is significant when p < α.
  case none
  /// Benjamini–Hochberg false discovery rate (esda 2.9 `fdr`): ``falseDiscoveryRate(_:alpha:)``.
  case fdr
  /// Bonferroni: p < α/n (``bonferroni(_:alpha:)``).
  case bonferroni

  /// The threshold for `pValues` at level `alpha` and which tests pass it (p strictly below).
  /// No p-values give the threshold α and no significant test.
  public func apply(_ pValues: [Double], alpha: Double) -> MultipleTestingResult {
    guard !pValues.isEmpty else { return MultipleTestingResult(threshold: alpha, significant: []) }
    switch self {
    case .none:
      return MultipleTestingResult(threshold: alpha, significant: pValues.map { $0 < alpha })
    case .fdr: return falseDiscoveryRate(pValues, alpha: alpha)
    case .bonferroni: return SpatialStats.bonferroni(pValues, alpha: alpha)
    }
  }
}

/// A significance threshold and which units pass it.
public struct MultipleTestingResult: Hashable, Sendable {
  /// The p-value a unit must stay strictly below.
  public let threshold: Double
  /// Per unit, in the order of the p-values given: p < threshold.
  public let significant: [Bool]
}

/// Benjamini–Hochberg false discovery rate, with esda 2.9 `fdr(pvalues, alpha)` semantics.
///
/// Sorting p ascending as p₍₁₎ ≤ … ≤ p₍ₙ₎, the threshold is k·α/n for the largest k with
/// p₍ₖ₎ < k·α/n; when no k qualifies it is α/n (Bonferroni), as esda returns. A unit is
/// significant when its p is strictly below the threshold, which selects exactly the
/// Benjamini–Hochberg set: tied p-values pass or fail together, and p = 1 never passes.
/// (Checked against esda's `fdr` in `Tests/Fixtures/reference/significance_references.py`.)
///
/// - Parameters:
///   - pValues: One p per unit (for example ``LocalPermutationInference/pseudoP``).
///   - alpha: The false discovery rate to control, in (0, 1).
///
/// Reference: Benjamini, Y. & Hochberg, Y. (1995), Controlling the false discovery rate,
/// *JRSS B* 57(1); Caldas de Castro, M. & Singer, B. H. (2006), *Geographical Analysis* 38(2).
public func falseDiscoveryRate(_ pValues: [Double], alpha: Double) -> MultipleTestingResult {
  let n = Double(pValues.count)
  let sorted = pValues.sorted()
  var threshold = alpha / n
  for k in stride(from: sorted.count, through: 1, by: -1)
  where sorted[k - 1] < Double(k) * alpha / n {
    threshold = Double(k) * alpha / n
    break
  }
  return MultipleTestingResult(threshold: threshold, significant: pValues.map { $0 < threshold })
}

/// Bonferroni: threshold α/n, a unit significant when p < α/n (strict, as
/// ``falseDiscoveryRate(_:alpha:)``).
public func bonferroni(_ pValues: [Double], alpha: Double) -> MultipleTestingResult {
  let threshold = alpha / Double(pValues.count)
  return MultipleTestingResult(threshold: threshold, significant: pValues.map { $0 < threshold })
}
