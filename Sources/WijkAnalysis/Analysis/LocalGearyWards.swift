import SpatialStats
import SpatialWeights

/// Local Geary per ward (Anselin 2019; esda `Geary_Local`), with the run's permutations, seed
/// and multiple-testing correction: one test family per indicator, beside local Moran and Gi*
/// (``LocalStatistics``).
///
/// esda labels a ward by its c against the mean of c alone. Here a label also needs the tail
/// of the ward's permutations to agree (the rule of the LISA categories, ``LISAWards``): a
/// ward like its neighbours (positive association) has a c smaller than its random
/// neighbourhoods give, so its lower tail; a ward unlike them, its upper tail. A folded
/// pseudo p alone does not say which.
enum LocalGearyWards {
  /// Fills `localGearyC`, `localGearyPseudoP` and `localGearyCategory` of every ward of
  /// `result` and appends the family `local Geary` to its tests.
  ///
  /// - Throws: the errors of `localGeary` (values and weights that do not line up).
  static func add(
    _ values: [Double?], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let run = try localGeary(
      [values], weights: weights, permutations: settings.permutations, seed: settings.seed)
    LocalStatistics.note(run.sample, run.estimate.reason, "local Geary", table, &result)
    guard let g = run.value else { return }
    var p = [Double?](repeating: nil, count: table.count)
    for (k, w) in run.sample.indices.enumerated() {
      result.wards[w].localGearyC = g.c[k]
      result.wards[w].localGearyPseudoP = g.permutation?.pseudoP[k]
      result.wards[w].localGearyCategory = "not tested"
      p[w] = g.permutation?.pseudoP[k]
    }
    guard let permutation = g.permutation else { return }
    let (family, significant) = Significance.decide(
      p, indicator: result.id, statistic: "local Geary", over: "wards", settings)
    result.tests.append(family)
    let sample = run.sample.indices.map { values[$0]! }
    let meanValue = sample.reduce(0, +) / Double(sample.count)
    let meanC = g.c.reduce(0, +) / Double(g.c.count)
    for (k, w) in run.sample.indices.enumerated() {
      result.wards[w].localGearyCategory = category(
        c: g.c[k], meanC: meanC, value: sample[k] - meanValue, tail: permutation.tails[k],
        significant: significant[w])
    }
  }

  /// esda's label (`Geary_Local.labels`) when significant in the tail it implies, else
  /// `not significant`. `value` is the ward's value less the mean of the sample.
  static func category(
    c: Double, meanC: Double, value: Double, tail: PermutationTail, significant: Bool
  ) -> String {
    let positive = c <= meanC
    guard significant, tail == (positive ? .lower : .upper) else { return "not significant" }
    if !positive { return "negative" }
    return value > 0 ? "HH" : value < 0 ? "LL" : "other positive"
  }
}
