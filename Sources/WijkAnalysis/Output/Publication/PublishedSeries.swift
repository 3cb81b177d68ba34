/// The sector indicators' series as they may be published: rebuilt from the exact yearly
/// values with every withheld ward-year missing, so that a ward withheld in some year has no
/// published change or trend for the years around it, and the yearly Gi* of the emerging hot
/// spots leaves it out of the sample (as the published local statistics do); then rounded.
enum PublishedSeries {
  /// The published series of `run`, after ``Publication/publishIndicators(_:)``; the pooled
  /// classes are made again over the published (rounded) values of every year.
  static func publish(_ p: inout Publication, run: Analysis.Run) throws {
    guard let figures = run.sectorYears, let c = run.configuration else { return }
    let pooled = try SeriesBuilder.poolClasses(&p.result.indicators, figures, c.classification)
    let hidden = p.wards.mapValues { $0.map { $0 != nil } }
    var series = try SeriesBuilder.build(
      figures, indicators: run.result.indicators, codes: run.table.codes, weights: run.weights,
      configuration: c, hidden: hidden, pooled: pooled)
    for s in series.indices {
      let published = series[s].indicators.map { id in
        id.flatMap { id in p.result.indicators.first { $0.id == id } }
      }
      series[s].city = published.map { $0?.city.value }
      let digits = published.compactMap { $0 }.last.map(PublishedPrecision.value) ?? 0
      series[s].wards = series[s].wards.map { round($0, digits) }
      series[s].changeTests = series[s].changeTests.map(PublishedIndicator.round)
    }
    p.result.series = series
  }

  /// Every number of a ward's series rounded: values and change as the indicator's value,
  /// the change in % to 0.1, the slope to one more decimal, z, tau and p as elsewhere.
  static func round(_ w: WardSeries, _ d: Int) -> WardSeries {
    typealias P = PublishedPrecision
    var w = w
    w.values = w.values.map { P.round($0, d) }
    w.ranges = w.ranges.map { $0?.map { P.round($0, d) } }
    w.change = P.round(w.change, d)
    w.changePercent = P.round(w.changePercent, P.rate)
    w.changeLocalMoranI = P.round(w.changeLocalMoranI, P.standardScore)
    w.changeLisaPseudoP = P.round(w.changeLisaPseudoP, P.pValue)
    if var t = w.trend {
      t.slopePerYear = P.round(t.slopePerYear, d + 1)
      t.z = P.round(t.z, P.standardScore)
      t.p = P.round(t.p, P.pValue)
      t.tau = P.round(t.tau, P.index)
      t.varianceS = P.round(t.varianceS, 1)
      w.trend = t
    }
    return w
  }
}
