/// The values a numeric setting may take, one table for the command line and the
/// configuration, so that `--alpha 1.5` and `significance: 1.5` are refused by the same rule
/// (a usage error, exit 64, before any file is read; a configuration error naming the key,
/// exit 78).
public struct SettingRange: Sendable, Hashable {
  /// The smallest value allowed, and whether it is itself allowed.
  public let lower: Double?
  public let lowerIncluded: Bool
  /// The largest value allowed, and whether it is itself allowed.
  public let upper: Double?
  public let upperIncluded: Bool
  /// Whether only whole numbers make sense (a number of classes, of neighbours).
  public let wholeNumber: Bool

  /// The rule in words, for errors: "a number between 0 and 1 (both excluded)".
  public var expected: String {
    let kind = wholeNumber ? "a whole number" : "a number"
    switch (lower, upper) {
    case let (lo?, hi?) where !lowerIncluded && !upperIncluded:
      return "\(kind) between \(Self.text(lo)) and \(Self.text(hi)), both excluded"
    case let (lo?, hi?):
      return "\(kind) from \(Self.text(lo)) to \(Self.text(hi))"
    case let (lo?, nil):
      return lowerIncluded ? "\(kind) of at least \(Self.text(lo))" : "\(kind) above \(Self.text(lo))"
    case let (nil, hi?):
      return upperIncluded ? "\(kind) of at most \(Self.text(hi))" : "\(kind) below \(Self.text(hi))"
    case (nil, nil):
      return kind
    }
  }

  /// Whether `value` obeys the rule (NaN and infinities never do).
  public func allows(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if wholeNumber && value != value.rounded() { return false }
    if let lower, lowerIncluded ? value < lower : value <= lower { return false }
    if let upper, upperIncluded ? value > upper : value >= upper { return false }
    return true
  }

  /// `x` as written in a rule or an error: "1.5", "100", no trailing ".0".
  public static func text(_ x: Double) -> String {
    x == x.rounded() && x.magnitude < 1e15 ? String(Int64(x)) : String(x)
  }
}

extension SettingRange {
  /// A significance level: strictly between 0 and 1 (`--alpha`, `significance:`).
  public static let significanceLevel = SettingRange(
    lower: 0, lowerIncluded: false, upper: 1, upperIncluded: false, wholeNumber: false)
  /// A number of permutations: 0 (none) to 99,999 (`--permutations`, `permutations:`).
  public static let permutations = SettingRange(
    lower: 0, lowerIncluded: true, upper: 99_999, upperIncluded: true, wholeNumber: true)
  /// Neighbours per unit for kNN: at least 1 (the layer's size bounds it once read).
  public static let neighbours = SettingRange(
    lower: 1, lowerIncluded: true, upper: nil, upperIncluded: false, wholeNumber: true)
  /// A distance band in metres: above 0.
  public static let distance = SettingRange(
    lower: 0, lowerIncluded: false, upper: nil, upperIncluded: false, wholeNumber: false)
  /// A snap tolerance in layer units: 0 (exact) or more.
  public static let tolerance = SettingRange(
    lower: 0, lowerIncluded: true, upper: nil, upperIncluded: false, wholeNumber: false)
  /// A number of map classes: 2 to 9, the most ColorBrewer's sequential schemes offer.
  public static let mapClasses = SettingRange(
    lower: 2, lowerIncluded: true, upper: 9, upperIncluded: true, wholeNumber: true)
  /// A number of classes for `wijk classify`, which draws no map: at least 1.
  public static let classCount = SettingRange(
    lower: 1, lowerIncluded: true, upper: nil, upperIncluded: false, wholeNumber: true)
  /// The multiplier of a rate (100 = percent, 1000 = per mille): above 0.
  public static let rateMultiplier = SettingRange(
    lower: 0, lowerIncluded: false, upper: nil, upperIncluded: false, wholeNumber: false)
  /// The width table keys are padded to: 1 to 64 characters.
  public static let keyWidth = SettingRange(
    lower: 1, lowerIncluded: true, upper: 64, upperIncluded: true, wholeNumber: true)
}

extension ConfigurationLoader {
  /// Refuses `value` of the configuration key `key` unless `range` allows it.
  ///
  /// - Throws: ``ConfigurationError/invalid(file:key:reason:)`` naming the key and the rule.
  static func check(
    _ value: Double, _ range: SettingRange, key: String, file: String
  ) throws(ConfigurationError) {
    guard !range.allows(value) else { return }
    throw .invalid(
      file: file, key: key, reason: "is \(SettingRange.text(value)); expected \(range.expected)")
  }
}
