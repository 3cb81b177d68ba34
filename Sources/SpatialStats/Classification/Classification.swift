/// The classes of a choropleth map: upper bounds, the class of each unit and the counts.
///
/// Classes are right-closed, as in mapclassify 2.10: class 0 is (−∞, bins[0]], class c is
/// (bins[c − 1], bins[c]]. The last bound is at least the largest value, so every present
/// value has a class. A missing value (`nil`) gets no class (`classIndex` is `nil`), is not
/// counted, and takes no part in computing the bounds: it is never read as 0.
public struct Classification: Hashable, Sendable {
  /// How the bounds were chosen, with the parameters used.
  public let method: ClassificationMethod
  /// Upper bound of each class, non-decreasing.
  public let bins: [Double]
  /// The class of each input value (index into ``bins``), `nil` for a missing value.
  public let classIndex: [Int?]
  /// How many present values fall in each class.
  public let counts: [Int]
  /// Indices of the missing input values.
  public let missingIndices: [Int]
  /// Notes on what differs from the request (classes merged because values tie, …).
  public let notes: [String]

  /// Bins `values` into right-closed classes with upper bounds `bins`.
  init(method: ClassificationMethod, bins: [Double], values: [Double?], notes: [String] = []) {
    self.method = method
    self.bins = bins
    self.notes = notes
    var counts = Array(repeating: 0, count: bins.count)
    classIndex = values.map { value in
      guard let value else { return nil }
      let c = Self.classOf(value, bins: bins)
      counts[c] += 1
      return c
    }
    self.counts = counts
    missingIndices = values.indices.filter { values[$0] == nil }
  }

  /// The first class c with value ≤ bins[c] (binary search); the last class if none.
  static func classOf(_ value: Double, bins: [Double]) -> Int {
    var low = 0
    var high = bins.count - 1
    while low < high {
      let mid = (low + high) / 2
      if value <= bins[mid] { high = mid } else { low = mid + 1 }
    }
    return low
  }
}

/// A classification method and its parameters.
public enum ClassificationMethod: Hashable, Sendable, CustomStringConvertible {
  /// ``Classifier/quantiles(_:classes:)`` with the number of classes asked for.
  case quantiles(classes: Int)
  case equalInterval(classes: Int)
  case fisherJenks(classes: Int)
  case standardDeviation(multiples: [Double])
  case boxPlot(hinge: Double)
  case headTailBreaks
  case userDefined

  public var description: String {
    switch self {
    case .quantiles(let k): "quantiles (\(k) classes)"
    case .equalInterval(let k): "equal interval (\(k) classes)"
    case .fisherJenks(let k): "Fisher-Jenks natural breaks (\(k) classes)"
    case .standardDeviation(let m): "standard deviation (multiples \(m))"
    case .boxPlot(let hinge): "box plot (hinge \(hinge))"
    case .headTailBreaks: "head/tail breaks"
    case .userDefined: "user-defined breaks"
    }
  }
}

/// A malformed classification request. Degenerate data (no values, all equal) are not
/// errors: they give ``StatisticOutcome/undefined(_:)``.
public enum ClassificationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The number of classes is below 1.
  case invalidClassCount(Int)
  /// A value is NaN or infinite; missing values must be `nil`.
  case nonFiniteValue(index: Int, value: Double)
  /// User-defined bounds are empty, not finite, or decrease.
  case invalidBins([Double])
  /// A parameter (hinge, multiples) is out of its domain.
  case invalidParameter(name: String, value: Double)

  public var description: String {
    switch self {
    case .invalidClassCount(let k): "A map needs at least 1 class; \(k) were asked for."
    case .nonFiniteValue(let index, let value):
      "Value \(index + 1) is \(value), which cannot be classified; leave it empty (missing)."
    case .invalidBins(let bins):
      "The class bounds \(bins) must be finite numbers in increasing order."
    case .invalidParameter(let name, let value): "The \(name) \(value) is not allowed."
    }
  }
}

/// Checks of the input shared by every classifier.
enum ClassificationInput {
  /// The present values, after checking that each is finite.
  static func present(_ values: [Double?]) throws(ClassificationError) -> [Double] {
    var present: [Double] = []
    present.reserveCapacity(values.count)
    for (index, value) in values.enumerated() {
      guard let value else { continue }
      guard value.isFinite else { throw .nonFiniteValue(index: index, value: value) }
      present.append(value)
    }
    return present
  }

  static func checkClasses(_ k: Int) throws(ClassificationError) {
    guard k >= 1 else { throw .invalidClassCount(k) }
  }
}
