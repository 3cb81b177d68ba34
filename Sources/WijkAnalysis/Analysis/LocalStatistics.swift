import SpatialStats
import SpatialWeights

/// Local Moran (LISA) and Getis-Ord Gi* per ward.
enum LocalStatistics {
  static func add(
    _ values: [Double?], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let lisa = try localMoran(
      values, weights: weights, permutations: settings.permutations, seed: settings.seed)
    // Wards without a value keep `value == nil` and islands are in the weights summary, so
    // the sample's own sentences would only repeat them.
    for id in lisa.sample.islands {
      if let i = table.index(ofCode: id) { result.wards[i].lisaCategory = "no neighbours" }
    }
    if let l = lisa.value {
      for (k, i) in lisa.sample.indices.enumerated() {
        let p = l.permutation?.pseudoP[k]
        result.wards[i].localMoranI = l.i[k]
        result.wards[i].lisaQuadrant = l.quadrants[k].rawValue
        result.wards[i].lisaPseudoP = p
        guard let p else {
          result.wards[i].lisaCategory = "not tested"
          continue
        }
        result.wards[i].lisaCategory =
          p <= settings.significance ? l.quadrants[k].rawValue : "not significant"
      }
      if l.permutation == nil {
        result.warnings.append("0 permutations: local clusters were not tested for significance")
      }
    } else if let reason = lisa.estimate.reason {
      result.warnings.append("local Moran: \(reason)")
    }
    try addGiStar(values, table, weights, settings, &result)
  }

  /// Classic Gi* (Getis & Ord 1992): binary weights, the ward itself included.
  static func addGiStar(
    _ values: [Double?], _ table: WardTable, _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws {
    let g = try localG(
      values, weights: weights, transformation: .binary, star: true,
      permutations: settings.permutations, seed: settings.seed)
    guard let gi = g.value else {
      if let reason = g.estimate.reason { result.warnings.append("Gi*: \(reason)") }
      return
    }
    for (k, i) in g.sample.indices.enumerated() {
      let z = gi.z[k]
      let p = gi.permutation?.pseudoP[k]
      result.wards[i].giStarZ = z.isFinite ? z : nil
      result.wards[i].giStarPseudoP = p
      if let p, p <= settings.significance, z.isFinite, z != 0 {
        result.wards[i].hotspot = z > 0 ? "hotspot" : "coldspot"
      }
    }
  }
}
