// What every autocorrelation statistic does before computing: line values up with the
// weights, drop missing values and islands (naming them), and say when a statistic is
// undefined instead of returning NaN.

import SpatialWeights

/// What to do with units that have no neighbours (after missing units are removed).
public enum IslandPolicy: Hashable, Sendable {
  /// Leave islands out of the analysis, name them in ``AnalysedSample/islands`` and add a
  /// warning. (esda keeps them with a zero lag, which biases I and, locally, labels an island a
  /// significant outlier; we do not.)
  case exclude
  /// Throw ``AutocorrelationError/islands(_:)``.
  case fail
}

/// A problem with the input of an autocorrelation statistic.
public enum AutocorrelationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The number of values differs from the number of units in the weights.
  case countMismatch(what: String, expected: Int, got: Int)
  /// Units without neighbours, under ``IslandPolicy/fail``.
  case islands([String])
  /// A permutation count below 0.
  case invalidPermutations(Int)
  /// A rate's base (population at risk) that is 0 or negative.
  case nonPositiveBase(unit: String, value: Double)
  /// Getis-Ord G is a ratio of sums of the values themselves, defined for values ≥ 0 only.
  case negativeValue(unit: String, value: Double, statistic: String)
  /// A join count needs a yes/no variable: 1 (yes) or 0 (no).
  case notBinary(unit: String, value: Double)

  public var description: String {
    switch self {
    case .countMismatch(let what, let expected, let got):
      return "The \(what) do not line up with the weights: expected \(expected), got \(got)."
    case .islands(let ids):
      return "These units have no neighbours, so no spatial statistic can use them: "
        + ids.joined(separator: ", ") + "."
    case .invalidPermutations(let count):
      return "The number of permutations is \(count); expected 0 (no test) or more."
    case .negativeValue(let unit, let value, let statistic):
      return "Unit '\(unit)' has the value \(value); \(statistic) needs values of 0 or more "
        + "(use local Moran for variables that can be negative, such as changes)."
    case .notBinary(let unit, let value):
      return "Unit '\(unit)' has the value \(value); a join count needs 1 (yes) or 0 (no)."
    case .nonPositiveBase(let unit, let value):
      return "Unit '\(unit)' has a population at risk of \(value); a rate needs more than 0."
    }
  }
}

/// Which units a statistic was computed on, and which were left out and why.
public struct AnalysedSample: Hashable, Sendable {
  /// Ids of the analysed units; per-unit results are indexed like this array.
  public let ids: [String]
  /// Positions of the analysed units in the weights passed in.
  public let indices: [Int]
  /// Ids of units left out because their value is missing (nil or NaN).
  public let missing: [String]
  /// Ids of units left out because they have no neighbours among the analysed units.
  public let islands: [String]
  /// Sentences for the user about what was left out.
  public var warnings: [String] {
    var out: [String] = []
    if !missing.isEmpty {
      out.append(
        "Left out \(missing.count) unit(s) with no value: "
          + missing.joined(separator: ", ") + ".")
    }
    if !islands.isEmpty {
      out.append(
        "Left out \(islands.count) unit(s) without neighbours: "
          + islands.joined(separator: ", ") + ".")
    }
    return out
  }
}

/// A statistic together with the sample it was computed on.
public struct AutocorrelationResult<Value: Sendable>: Sendable {
  /// The units the statistic used and those it left out (missing values, islands).
  public let sample: AnalysedSample
  /// The statistic, or why it is undefined for this sample.
  public let estimate: StatisticOutcome<Value>
  /// The value, or `nil` when undefined (see ``estimate``).
  public var value: Value? { estimate.value }
}

/// The values and weights a statistic works on, after exclusions.
struct PreparedInput {
  var y: [Double]
  /// Restricted to the sample, original weights (transform them as the statistic needs).
  var weights: SpatialWeights
  var sample: AnalysedSample
}

/// Lines up values with weights, removes missing units (the weights become the subgraph of
/// the others) and then islands of that subgraph, as `policy` says.
func prepare(
  _ values: [Double?], _ weights: SpatialWeights, islands policy: IslandPolicy,
  permutations: Int
) throws -> PreparedInput {
  guard values.count == weights.count else {
    throw AutocorrelationError.countMismatch(
      what: "values", expected: weights.count, got: values.count)
  }
  guard permutations >= 0 else { throw AutocorrelationError.invalidPermutations(permutations) }
  let present = values.indices.filter { values[$0].map { !$0.isNaN } ?? false }
  let missing = values.indices.filter { values[$0].map { $0.isNaN } ?? true }
  var w = weights.transformed(.original).restricted(to: present)
  var kept = present
  let islandIDs = w.islands
  if !islandIDs.isEmpty {
    if policy == .fail { throw AutocorrelationError.islands(islandIDs) }
    let connected = (0..<w.count).filter { w.offsets[$0 + 1] > w.offsets[$0] }
    w = w.restricted(to: connected)
    kept = connected.map { present[$0] }
  }
  let sample = AnalysedSample(
    ids: w.ids, indices: kept, missing: missing.map { weights.ids[$0] }, islands: islandIDs)
  return PreparedInput(y: kept.map { values[$0]! }, weights: w, sample: sample)
}

/// Whether every value equals the first (zero variance).
func isConstant(_ y: [Double]) -> Bool { y.allSatisfy { $0 == y.first } }

/// Σ of `y`, mean and centred values.
func centred(_ y: [Double]) -> [Double] {
  let mean = y.reduce(0, +) / Double(y.count)
  return y.map { $0 - mean }
}

/// Throws for the first value below 0: the Getis-Ord statistics are ratios of sums of the
/// values themselves, defined for values ≥ 0 only (Getis & Ord 1992).
///
/// - Throws: ``AutocorrelationError/negativeValue(unit:value:statistic:)`` naming the unit.
func requireNonNegative(_ values: [Double?], ids: [String], statistic: String) throws {
  for (i, v) in values.enumerated() {
    if let v, v < 0 {
      throw AutocorrelationError.negativeValue(unit: ids[i], value: v, statistic: statistic)
    }
  }
}
