import SpatialStats
import SpatialWeights

extension AutocorrelationCommands {
  /// Local join counts of a yes/no column (Anselin & Li 2019; esda 2.9 `Join_Counts_Local`):
  /// for a "yes" unit, how many of its neighbours are "yes" too, with the upper-tail
  /// conditional permutation p. A significant unit is a `cluster` of "yes" units; a "no"
  /// unit, or a "yes" unit without "yes" neighbours, has no p (esda: NaN) and is `no join`.
  ///
  /// - Parameters:
  ///   - above: when given, a unit is "yes" when its value is above it (CRIME above its
  ///     median); when `nil` the column must hold 0 and 1.
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` without
  ///   permutations; `AutocorrelationError.notBinary` naming the unit whose value is not 0 or
  ///   1; the errors of ``UnitLayer/numbers(_:)`` and ``UnitLayer/builtWeights(_:)``.
  public static func localJoinCount(
    _ units: UnitLayer, column: String, above: Double?, weights request: WeightsRequest,
    options: LocalOptions
  ) throws -> LocalReport {
    guard options.permutations > 0 else {
      throw CommandInputError.invalidOption(
        name: "permutations", value: "0",
        expected: "99 or more (the local join count has no analytic p-value here)")
    }
    let raw = try units.numbers(column)
    let values = above.map { t in raw.map { v in v.map { $0 > t ? 1 : 0 } } } ?? raw
    let built = try units.builtWeights(request)
    let result = try localJoinCounts(
      values, weights: built.weights, permutations: options.permutations, seed: options.seed)
    var rows = Self.skeleton(units, values: values, sample: result.sample)
    var threshold: Double?
    if let j = result.value {
      let tested = result.sample.indices.indices.filter { j.pseudoP[$0] != nil }
      let test = Self.test(tested.map { j.pseudoP[$0]! }, options)
      threshold = test.threshold
      let significant = Dictionary(uniqueKeysWithValues: zip(tested, test.significant))
      for (k, f) in result.sample.indices.enumerated() {
        rows[f].statistic = Double(j.joins[k])
        rows[f].pseudoP = j.pseudoP[k]
        rows[f].significant = significant[k] ?? false
        rows[f].cluster =
          j.pseudoP[k] == nil ? "no join" : significant[k] == true ? "cluster" : "not significant"
      }
    }
    let label = above.map { "\(column) > \($0)" } ?? column
    var report = Self.report(
      "local join count", label, units.weightsLabel(request), "binary", nil, result.sample,
      result.estimate.reason, options, threshold, rows)
    report.weightsNotices = built.notices
    return report
  }
}
