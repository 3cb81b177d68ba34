/// The small-number rule of published outputs: which count is small, and what a withheld
/// figure prints as. ``Publication`` applies it; every published writer prints its cells.
///
/// A count from 1 to threshold − 1 is *small* (the configuration's `small_number_threshold`,
/// default 5, as Statbel and Eurostat publish counts of persons and dwellings). It prints as
/// "<5". A figure that would give a withheld count back prints as ``notPublished``.
public enum SmallNumbers {
  /// What a withheld figure prints as when it is not itself a small count.
  public static let notPublished = "x"

  /// Whether `count` must be withheld: 0 < count < threshold.
  public static func isSmall(_ count: Double?, threshold: Int) -> Bool {
    guard let count else { return false }
    return count > 0 && count < Double(threshold)
  }

  /// What a figure withheld for `reason` prints as: "<threshold" for a small count, "x" for
  /// anything else.
  public static func marker(_ reason: Withheld, threshold: Int) -> String {
    reason == .smallCount ? "<\(threshold)" : notPublished
  }
}

/// Why a published figure is withheld.
public enum Withheld: String, Sendable, Codable, Equatable, CaseIterable {
  /// A count below the small-number threshold (primary suppression), or a count of 0 on a
  /// small base; prints "<5".
  case smallCount = "small count"
  /// A figure computed from a withheld count (a rate, share, LQ, z, rank, LISA, Gi*, class
  /// on a map, or the numerator of a mean on a small base); prints "x".
  case derived
  /// A count withheld so that a total cannot give a small count back (secondary or
  /// complementary suppression); prints "x".
  case complementary
}
