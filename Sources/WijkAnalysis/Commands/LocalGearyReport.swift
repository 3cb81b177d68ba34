import SpatialStats
import SpatialWeights

extension AutocorrelationCommands {
  /// Local Geary of one or more columns (esda 2.9 `Geary_Local`, `Geary_Local_MV`), with
  /// conditional permutations; the cluster of a significant unit (univariate) is HH, LL,
  /// "other positive" or "negative" as esda's labels, for more columns "positive" (c below
  /// its mean) or "negative".
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` without permutations;
  ///   the errors of ``UnitLayer/numbers(_:)`` and ``UnitLayer/builtWeights(_:)``.
  public static func localGeary(
    _ units: UnitLayer, columns: [String], weights request: WeightsRequest, options: LocalOptions
  ) throws -> LocalReport {
    guard options.permutations > 0 else {
      throw CommandInputError.invalidOption(
        name: "permutations", value: "0",
        expected: "99 or more (the local Geary has no analytic p-value)")
    }
    let values = try columns.map { try units.numbers($0) }
    let built = try units.builtWeights(request)
    let result = try SpatialStats.localGeary(
      values, weights: built.weights, permutations: options.permutations, seed: options.seed,
      significance: options.alpha)
    var rows = Self.skeleton(units, values: values[0], sample: result.sample)
    var threshold: Double?
    if let g = result.value, let p = g.permutation {
      let test = Self.test(p.pseudoP, options)
      threshold = test.threshold
      let meanC = g.c.reduce(0, +) / Double(max(g.c.count, 1))
      for (k, f) in result.sample.indices.enumerated() {
        rows[f].statistic = g.c[k]
        rows[f].pseudoP = p.pseudoP[k]
        rows[f].simulatedZ = p.z[k]
        rows[f].significant = test.significant[k]
        let label = g.clusters?[k] ?? (g.c[k] > meanC ? "negative" : "positive")
        rows[f].cluster = test.significant[k] ? label : "not significant"
      }
    }
    var report = Self.report(
      columns.count == 1 ? "local Geary" : "multivariate local Geary",
      columns.joined(separator: ", "), units.weightsLabel(request), "row", nil, result.sample,
      result.estimate.reason, options, threshold, rows)
    report.weightsNotices = built.notices
    return report
  }
}
