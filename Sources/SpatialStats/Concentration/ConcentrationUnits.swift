/// Unit labels and input checks shared by the concentration statistics.
///
/// Every statistic takes its inputs as `[Double?]` aligned with the caller's units (`nil`
/// = missing) and optional `unitIDs` (ward codes) used to name units in errors and in
/// `missingUnits`. Without ids, units are named "unit 1", "unit 2", … in input order.
enum ConcentrationUnits {
  /// The labels for `count` units: `unitIDs` when given (checked for length), else ordinals.
  static func labels(_ unitIDs: [String]?, count: Int) throws(ConcentrationError) -> [String] {
    guard let unitIDs else { return (0..<count).map { "unit \($0 + 1)" } }
    guard unitIDs.count == count else {
      throw .lengthMismatch(
        first: "the data", firstCount: count, second: "the unit ids",
        secondCount: unitIDs.count)
    }
    return unitIDs
  }

  /// Checks that a present value is finite and, when `nonNegative`, not below 0.
  static func check(
    _ values: [Double?], field: String, labels: [String], nonNegative: Bool = true
  ) throws(ConcentrationError) {
    for (index, value) in values.enumerated() {
      guard let value else { continue }
      guard value.isFinite else {
        throw .nonFiniteValue(unit: labels[index], field: field, value: value)
      }
      if nonNegative, value < 0 {
        throw .negativeValue(unit: labels[index], field: field, value: value)
      }
    }
  }

  /// Throws ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``.
  static func sameLength(
    _ first: String, _ a: Int, _ second: String, _ b: Int
  ) throws(ConcentrationError) {
    guard a == b else {
      throw .lengthMismatch(first: first, firstCount: a, second: second, secondCount: b)
    }
  }
}
