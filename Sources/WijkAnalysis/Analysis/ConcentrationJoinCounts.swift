import SpatialStats
import SpatialWeights

/// Local join counts of an indicator's concentration wards (Anselin & Li 2019; esda 2.9
/// `Join_Counts_Local`, binary weights): do the wards where a group is over-represented lie
/// together? For a concentration ward (``IndicatorAnalysis/isConcentrationWard``) the count
/// is the number of its neighbours that are concentration wards too, tested in the upper tail
/// of its conditional permutations; the run's correction over the wards with a p, as a family
/// `local join count`. A significant ward is flagged `concentration cluster`.
///
/// Only for indicators that have concentration wards (rates and counts with a base); a ward
/// without a value is left out, as are islands; nothing is stored when no ward is one.
enum ConcentrationJoinCounts {
  /// - Throws: the errors of `localJoinCounts` (values and weights that do not line up: a bug).
  static func add(
    _ weights: SpatialWeights, _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let ranked = result.wards.filter { $0.rank != nil }.count
    let yes: [Double?] = result.wards.map { w in
      guard w.value != nil else { return nil }
      return IndicatorAnalysis.isConcentrationWard(
        w, kind: result.kind, quotient: settings.concentrationQuotient, rankedWards: ranked)
        ? 1 : 0
    }
    guard yes.contains(1) else { return }
    let run = try localJoinCounts(
      yes, weights: weights, permutations: settings.permutations, seed: settings.seed)
    guard let j = run.value else { return }
    var p = [Double?](repeating: nil, count: result.wards.count)
    for (k, w) in run.sample.indices.enumerated() {
      result.wards[w].concentrationJoinCount = j.joins[k]
      result.wards[w].concentrationJoinPseudoP = j.pseudoP[k]
      p[w] = j.pseudoP[k]
    }
    guard j.permutations > 0, p.contains(where: { $0 != nil }) else { return }
    let (family, significant) = Significance.decide(
      p, indicator: result.id, statistic: "local join count", over: "wards", settings)
    result.tests.append(family)
    for w in result.wards.indices where significant[w] {
      result.wards[w].concentrationCluster = true
    }
  }
}
