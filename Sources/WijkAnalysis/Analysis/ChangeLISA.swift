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
    let lisa = try LISAWards(
      values, weights: weights, settings: settings, family: "\(series.id)-change")
    for w in series.wards.indices {
      series.wards[w].changeLocalMoranI = lisa.i[w]
      series.wards[w].changeLisaQuadrant = lisa.quadrant[w]
      series.wards[w].changeLisaPseudoP = lisa.pseudoP[w]
      series.wards[w].changeLisaCategory = lisa.category[w]
    }
    series.changeTests = lisa.family
    if let reason = lisa.run.estimate.reason {
      series.notes.append("no LISA of the change: \(reason)")
    }
  }
}
