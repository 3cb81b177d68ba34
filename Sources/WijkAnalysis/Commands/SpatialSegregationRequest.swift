import SpatialStats
import WijkEngine

/// What the spatial segregation indices of `wijk segregation --spatial` need: the contiguity
/// for spatial dissimilarity and the distance decay for spatial proximity.
public struct SpatialSegregationRequest: Sendable {
  /// The weights of spatial dissimilarity, used binary (segregation's default).
  public var weights: WeightsRequest
  /// The decay of spatial proximity (Massey & Denton's, in kilometres, by default).
  public var decay: ProximityDecay

  /// A request with `decay` (Massey & Denton's, distances in kilometres, by default); the
  /// decay's parameters are checked when the indices are computed
  /// (`ConcentrationError.invalidParameter` for one that is not positive).
  public init(weights: WeightsRequest, decay: ProximityDecay = ProximityDecay()) {
    (self.weights, self.decay) = (weights, decay)
  }

  /// Massey & Denton's decay with distances in units of `proximityScale` metres (1000:
  /// kilometres, as the paper), for callers that do not import SpatialStats.
  public init(weights: WeightsRequest, proximityScale: Double) {
    self.init(weights: weights, decay: ProximityDecay(scale: proximityScale))
  }

  /// `spatialDissimilarity` and `spatialProximity` of `group` against `total`, aligned with
  /// `units`' features. Centroids and areas are measured in metres (the layer's CRS unit
  /// converted); a layer without a CRS is refused, since the decay is in metres.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` for a layer without
  ///   a CRS, the weights' errors, `EngineError`, `ConcentrationError`.
  func indices(_ units: UnitLayer, group: [Double?], total: [Double?]) throws
    -> [(String, StatisticOutcome<Double>)]
  {
    guard units.layer.crs != nil else {
      throw CommandInputError.invalidOption(
        name: "spatial", value: "on \(units.report.file)",
        expected: "a layer with a CRS, as spatial proximity measures distances in metres; "
          + "give it with --crs (for Belgian Lambert 72: --crs EPSG:31370)")
    }
    let w = try units.weights(weights)
    let dissimilarity = try spatialDissimilarity(group: group, total: total, weights: w)
    let areas = try GeometryChecks.areas(of: units.layer)
    let proximity = try spatialProximity(
      group: group, total: total, centroids: try units.centroidsInMetres(), areas: areas,
      decay: decay, unitIDs: units.ids)
    return [("spatialDissimilarity", dissimilarity), ("spatialProximity", proximity)]
  }
}
