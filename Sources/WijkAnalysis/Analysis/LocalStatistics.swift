import SpatialStats
import SpatialWeights

/// Local Moran (LISA), Getis-Ord Gi* and local Geary (``LocalGearyWards``) per ward, with the
/// run's multiple-testing correction.
///
/// Each statistic of an indicator is one family: the pseudo p-values of the wards that have
/// one are corrected together (``Significance``). A ward without a statistic (no value, no
/// neighbours, an indicator without variance) has no pseudo p and is never significant; the
/// reason is in its `undefined` entry for `local Moran` and `Gi*`.
///
/// Conditional permutation keeps the ward's own value, so both tests are about its
/// neighbours: a significant Gi* ward is a hotspot when its statistic lies in the upper tail
/// of its permutations (the neighbours' values are high), a coldspot in the lower tail. The
/// analytic z (``WardIndicatorValue/giStarZ``) also weighs the ward's own value and can have
/// the other sign; it never decides the direction of a pseudo p.
enum LocalStatistics {
  static func add(
    _ values: [Double?], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let lisa = try LISAWards(values, weights: weights, settings: settings, family: result.id)
    note(lisa.run.sample, lisa.run.estimate.reason, "local Moran", table, &result)
    for w in result.wards.indices {
      result.wards[w].localMoranI = lisa.i[w]
      result.wards[w].lisaQuadrant = lisa.quadrant[w]
      (result.wards[w].lisaZ, result.wards[w].lisaLag) = (lisa.z[w], lisa.lag[w])
      result.wards[w].lisaPseudoP = lisa.pseudoP[w]
      result.wards[w].lisaCategory = lisa.category[w]
    }
    if let family = lisa.family { result.tests.append(family) }
    if let l = lisa.run.value, l.permutation == nil {
      result.warnings.append("0 permutations: local clusters were not tested for significance")
    }
    try addGiStar(values, table, weights, settings, &result)
    try LocalGearyWards.add(values, table, weights, settings, &result)
  }

  /// Classic Gi* (Getis & Ord 1992): binary weights, the ward itself included.
  static func addGiStar(
    _ values: [Double?], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let g = try localG(
      values, weights: weights, transformation: .binary, star: true,
      permutations: settings.permutations, seed: settings.seed)
    note(g.sample, g.estimate.reason, "Gi*", table, &result)
    guard let gi = g.value else { return }
    var p = [Double?](repeating: nil, count: table.count)
    for (k, i) in g.sample.indices.enumerated() {
      result.wards[i].giStarZ = gi.z[k].isFinite ? gi.z[k] : nil
      result.wards[i].giStarPseudoP = gi.permutation?.pseudoP[k]
      p[i] = gi.permutation?.pseudoP[k]
    }
    guard let permutation = gi.permutation else { return }
    let (family, significant) = Significance.decide(
      p, indicator: result.id, statistic: "Gi*", over: "wards", settings)
    result.tests.append(family)
    for (k, i) in g.sample.indices.enumerated() where significant[i] {
      switch permutation.tails[k] {
      case .upper: result.wards[i].hotspot = "hotspot"
      case .lower: result.wards[i].hotspot = "coldspot"
      case .neither: break
      }
    }
  }

  /// Records why wards have no local statistic: no value, no neighbours, or (for every ward
  /// with a value) why the statistic is undefined for the indicator.
  static func note(
    _ sample: AnalysedSample, _ reason: UndefinedReason?, _ statistic: String,
    _ table: WardTable, _ result: inout IndicatorResult
  ) {
    for id in sample.missing {
      if let i = table.index(ofCode: id) { result.wards[i].undefined[statistic] = "no value" }
    }
    for id in sample.islands {
      guard let i = table.index(ofCode: id) else { continue }
      result.wards[i].undefined[statistic] = "no neighbours"
    }
    guard let reason else { return }
    result.warnings.append("\(statistic): \(reason)")
    for i in sample.indices {
      result.wards[i].undefined[statistic] = reason.description
    }
  }
}
