import SpatialStats
import SpatialWeights

/// Local Moran of each ward's change over a series (in % of its first year): where growth
/// or decline clusters, beside the change map. esda `Moran_Local` on the change, with the
/// run's permutations, seed and multiple-testing correction, as every indicator's LISA.
enum ChangeLISA {
  /// Fills ``WardSeries/changeLocalMoranI``, `changeLisaQuadrant`, `changeLisaPseudoP` and
  /// `changeLisaCategory` (HH, LH, LL, HL, `not significant`, or why none), and
  /// ``IndicatorSeries/changeTests``. A ward without a change (no first value, withheld in
  /// some year of the published series) is out of the sample, with its links.
  static func add(
    _ series: inout IndicatorSeries, weights: SpatialWeights, settings: IndicatorSettings
  ) throws {
    let values = series.wards.map(\.changePercent)
    guard values.contains(where: { $0 != nil }) else { return }
    let lisa = try localMoran(
      values, weights: weights, permutations: settings.permutations, seed: settings.seed)
    for w in series.wards.indices where values[w] == nil {
      series.wards[w].changeLisaCategory = "no data"
    }
    for id in lisa.sample.islands {
      guard let w = series.wards.firstIndex(where: { $0.code == id }) else { continue }
      series.wards[w].changeLisaCategory = "no neighbours"
    }
    guard let l = lisa.value else {
      let reason = lisa.estimate.reason?.description ?? "undefined"
      series.notes.append("no LISA of the change: \(reason)")
      for i in lisa.sample.indices { series.wards[i].changeLisaCategory = "undefined" }
      return
    }
    var p = [Double?](repeating: nil, count: series.wards.count)
    for (k, i) in lisa.sample.indices.enumerated() {
      series.wards[i].changeLocalMoranI = l.i[k]
      series.wards[i].changeLisaQuadrant = l.quadrants[k].rawValue
      series.wards[i].changeLisaPseudoP = l.permutation?.pseudoP[k]
      series.wards[i].changeLisaCategory = "not tested"
      p[i] = l.permutation?.pseudoP[k]
    }
    guard let permutation = l.permutation else { return }
    let (family, significant) = Significance.decide(
      p, indicator: "\(series.id)-change", statistic: "local Moran", over: "wards", settings)
    series.changeTests = family
    for (k, i) in lisa.sample.indices.enumerated() {
      series.wards[i].changeLisaCategory = LocalStatistics.category(
        l.quadrants[k], tail: permutation.tails[k], significant: significant[i])
    }
  }
}
