// Morrill's spatially adjusted dissimilarity index. Matches segregation 2.5 `SpatialDissim`.

import SpatialWeights

/// Morrill's spatial dissimilarity D(adj) = D − Σ_ij c_ij |p_i − p_j| / Σ_ij c_ij.
///
/// D is the aspatial dissimilarity (``SingleGroupSegregation/dissimilarity``), p_i = x_i/t_i
/// the group's share in unit i (0 when t_i = 0, as segregation does) and c the binary
/// contiguity of `weights`. Neighbouring units with very different shares lower the index:
/// a group concentrated on one side of a street is less segregated than one a whole district
/// away. A unit with a missing count is left out with its links.
///
/// - Parameters:
///   - group: The group's count per unit, aligned with `weights`.
///   - total: The unit's population, at least `group`.
///   - weights: Contiguity between the units; used binary (segregation's default
///     `standardize=False`).
/// - Returns: Undefined as D is (no population, the group is nobody or everybody), or when
///   no unit has a neighbour.
/// - Throws: `ConcentrationError` as ``SingleGroupSegregation/init(group:total:unitIDs:)``,
///   and ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)`` when the
///   weights do not line up with the counts.
///
/// References: Morrill, R. L. (1991), On the measure of geographic segregation, *Geography
/// Research Forum* 11; segregation 2.5 `segregation.singlegroup.SpatialDissim`.
public func spatialDissimilarity(
  group: [Double?], total: [Double?], weights: SpatialWeights
) throws(ConcentrationError) -> StatisticOutcome<Double> {
  try ConcentrationUnits.sameLength("the counts", group.count, "the weights", weights.count)
  let aspatial = try SingleGroupSegregation(group: group, total: total, unitIDs: weights.ids)
  guard let d = aspatial.dissimilarity.value else { return aspatial.dissimilarity }
  let present = group.indices.filter { group[$0] != nil && total[$0] != nil }
  let share = present.map { total[$0]! == 0 ? 0 : group[$0]! / total[$0]! }
  let c = weights.transformed(.binary).restricted(to: present)
  var (sum, links) = (0.0, 0.0)
  for i in present.indices {
    for k in c.offsets[i]..<c.offsets[i + 1] {
      sum += c.values[k] * abs(share[i] - share[c.neighbourIndices[k]])
      links += c.values[k]
    }
  }
  guard links > 0 else { return .undefined(.noUnits) }
  return .defined(d - sum / links)
}
