import WijkCore

/// The small-number rule of published outputs, in one place.
///
/// A count from 1 to threshold − 1 prints as "<threshold". A ward's indicator whose numerator
/// or base is such a count also hides every figure derived from it (value, share, density,
/// EB rate, location quotient, z-score, local I): each would give the count back with one
/// multiplication (0.505 % of 396 dwellings is 2 vacant ones). Those print as
/// ``notPublished``. The GeoPackage and `results.json` keep exact figures: they are working
/// files for the city's analysts, not publications.
public enum SmallNumbers {
  /// What a derived figure prints as when publishing it would reveal a small count.
  public static let notPublished = "x"

  /// Whether `count` must be hidden: 0 < count < threshold.
  public static func isSmall(_ count: Double?, threshold: Int) -> Bool {
    guard let count else { return false }
    return count > 0 && count < Double(threshold)
  }

  /// Whether the figures derived from this ward's numerator and base must be hidden.
  public static func hidesDerived(_ value: WardIndicatorValue, threshold: Int) -> Bool {
    isSmall(value.numerator, threshold: threshold) || isSmall(value.base, threshold: threshold)
  }

  /// A count for publication: "<threshold" when small, else the number.
  public static func count(_ x: Double?, threshold: Int) -> AttributeValue {
    guard let x else { return .missing }
    return isSmall(x, threshold: threshold) ? .text("<\(threshold)") : .real(x)
  }
}
