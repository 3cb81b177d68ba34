// The classes of a choropleth, as a classifier (mapclassify-like) produced them.

/// A classification of ward values into right-closed classes, as mapclassify reports it:
/// class `c` holds the values in (b[c−1], b[c]], class 0 the values up to b[0].
///
/// The classifier lives elsewhere; this is its result, checked against the values before a map
/// is drawn (see ``validate(values:wards:)``).
public struct MapClassification: Hashable, Sendable {
  /// The method name shown under the legend title, e.g. "Kwantielen" or "Fisher-Jenks".
  public var method: String
  /// The upper bound of each class, increasing (mapclassify `bins`).
  public var upperBounds: [Double]
  /// The class of each ward, in ward order; `nil` for a ward without a value (mapclassify
  /// `yb`).
  public var classIndices: [Int?]
  /// The number of wards in each class (mapclassify `counts`).
  public var counts: [Int]
  /// The smallest value, shown as the lower end of the first class; `nil` writes "≤ b[0]".
  public var minimum: Double?

  /// Stores the classification as given;
  /// ``validate(values:wards:)`` checks it against the values (the map initialisers call it).
  public init(
    method: String, upperBounds: [Double], classIndices: [Int?], counts: [Int],
    minimum: Double? = nil
  ) {
    self.method = method
    self.upperBounds = upperBounds
    self.classIndices = classIndices
    self.counts = counts
    self.minimum = minimum
  }

  /// The number of classes.
  public var classCount: Int { upperBounds.count }

  /// Checks that the classification fits the values: equal lengths, increasing bounds, a
  /// class for every value and none for a missing one, each value inside its class (with a
  /// relative tolerance of 1e-9 on the bounds), and counts that match the class indices.
  ///
  /// - Parameters:
  ///   - values: one value per ward, `nil` where there is no data.
  ///   - wards: ward ids, for the messages.
  /// - Throws: ``CartographyError/lengthMismatch(input:count:wards:)``,
  ///   ``CartographyError/boundsNotIncreasing(position:previous:bound:)``,
  ///   ``CartographyError/nonFiniteValue(ward:what:)``,
  ///   ``CartographyError/classWithoutValue(ward:)``,
  ///   ``CartographyError/valueWithoutClass(ward:value:)``,
  ///   ``CartographyError/classIndexOutOfRange(ward:classIndex:classes:)``,
  ///   ``CartographyError/valueOutsideClass(ward:value:classIndex:lower:upper:)``,
  ///   ``CartographyError/countMismatch(classIndex:stated:counted:)``.
  public func validate(values: [Double?], wards: [String]) throws {
    guard values.count == wards.count else {
      throw CartographyError.lengthMismatch(
        input: "values", count: values.count,
        wards: wards.count)
    }
    guard classIndices.count == wards.count else {
      throw CartographyError.lengthMismatch(
        input: "class indices", count: classIndices.count,
        wards: wards.count)
    }
    guard counts.count == classCount else {
      throw CartographyError.lengthMismatch(
        input: "class counts", count: counts.count,
        wards: classCount)
    }
    for i in upperBounds.indices.dropFirst() where !(upperBounds[i] > upperBounds[i - 1]) {
      throw CartographyError.boundsNotIncreasing(
        position: i, previous: upperBounds[i - 1], bound: upperBounds[i])
    }
    var counted = Array(repeating: 0, count: classCount)
    for (i, ward) in wards.enumerated() {
      switch (values[i], classIndices[i]) {
      case (nil, nil): continue
      case (nil, .some): throw CartographyError.classWithoutValue(ward: ward)
      case (.some(let v), nil):
        if !v.isFinite { throw CartographyError.nonFiniteValue(ward: ward, what: "value") }
        throw CartographyError.valueWithoutClass(ward: ward, value: v)
      case (.some(let v), .some(let c)):
        try check(value: v, classIndex: c, ward: ward)
        counted[c] += 1
      }
    }
    for c in counts.indices where counts[c] != counted[c] {
      throw CartographyError.countMismatch(classIndex: c, stated: counts[c], counted: counted[c])
    }
  }

  private func check(value v: Double, classIndex c: Int, ward: String) throws {
    guard v.isFinite else { throw CartographyError.nonFiniteValue(ward: ward, what: "value") }
    guard c >= 0, c < classCount else {
      throw CartographyError.classIndexOutOfRange(ward: ward, classIndex: c, classes: classCount)
    }
    let upper = upperBounds[c]
    let lower: Double? = c > 0 ? upperBounds[c - 1] : nil
    let slack = { (b: Double) in 1e-9 * max(1, abs(b)) }
    let aboveLower = lower.map { v > $0 - slack($0) } ?? true
    guard v <= upper + slack(upper), aboveLower else {
      throw CartographyError.valueOutsideClass(
        ward: ward, value: v, classIndex: c, lower: lower, upper: upper)
    }
  }
}
