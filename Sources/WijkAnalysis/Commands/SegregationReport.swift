import SpatialStats

/// What `wijk segregation` reports. Single group (segregation 2.5 `singlegroup`: `Dissim`,
/// `GiniSeg`, `Isolation`, `Interaction`, `Entropy`) or multigroup (`multigroup`:
/// `MultiDissim`, `MultiGini`, `MultiInfoTheory`, `MultiNormExposure`,
/// `MultiSquaredCoefVar`, `MultiRelativeDiversity`, `MultiDiversity`); with a
/// ``SpatialSegregationRequest`` also spatial dissimilarity and spatial proximity. Undefined
/// indices are `nil` with the reason in ``undefined``.
public struct SegregationReport: Codable, Sendable, Equatable {
  /// "group against the rest (total)", "group A against group B" or "multigroup".
  public var comparison: String
  /// The count columns used: group and total, group and other group, or the groups (multigroup).
  public var columns: [String]
  /// Number of units (features) in the layer, missing ones included.
  public var units: Int
  /// Ids of units left out because a count is missing.
  public var missing: [String]
  /// Index name → value (nil when undefined).
  public var indices: [String: Double?]
  /// Index name → why it is undefined.
  public var undefined: [String: String]
  /// The simulation test of the dissimilarity index (one group, with `--null`); `nil`
  /// otherwise or when D is undefined.
  public var dissimilarityTest: DissimilarityTest? = nil
}

/// The nulls of `wijk segregation --null` (``DissimilarityNull``), for the command line.
public typealias SegregationNull = DissimilarityNull

/// What `wijk segregation --null` simulates: the null and the draws, passed on to
/// ``dissimilarityTest(group:total:null:simulations:seed:unitIDs:)`` (segregation 2.5
/// `SingleValueTest`).
public struct DissimilarityTestRequest: Sendable {
  /// How the group is redistributed under the null.
  public var null: DissimilarityNull
  /// Draws under the null, 1 or more; fewer are refused by the test with
  /// `ConcentrationError.invalidParameter`.
  public var simulations: Int
  /// Seed of the draws: the same seed, the same pseudo p.
  public var seed: UInt64

  /// A request; 999 draws with seed 12345 by default, as the permutation tests.
  public init(null: DissimilarityNull, simulations: Int = 999, seed: UInt64 = 12345) {
    (self.null, self.simulations, self.seed) = (null, simulations, seed)
  }
}

/// The computation behind `wijk segregation`.
public enum SegregationCommands {
  /// One group against the total (`other == nil`, segregation's convention: the second column
  /// is the total) or against another group (total = group + other; segregation#213).
  ///
  /// With `test`, also the simulation test of D (``dissimilarityTest(group:total:null:simulations:seed:unitIDs:)``).
  /// With `spatial`, also `spatialDissimilarity` (Morrill's D(adj) over the requested
  /// contiguity, segregation 2.5 `SpatialDissim`) and `spatialProximity` (White's SP,
  /// Massey & Denton's decay; see ``spatialProximity(group:total:centroids:areas:decay:unitIDs:)``
  /// for why segregation's `SpatialProximity` is not matched).
  ///
  /// - Throws: ``CommandInputError`` (unknown column, non-numeric cell), `ConcentrationError`
  ///   (negative count, group above total, naming the unit); with `spatial`, the weights'
  ///   errors and `EngineError.missingCRS` (spatial proximity needs distances in metres).
  public static func singleGroup(
    _ units: UnitLayer, group: String, total: String?, other: String?,
    spatial: SpatialSegregationRequest? = nil, test: DissimilarityTestRequest? = nil
  ) throws -> SegregationReport {
    let g = try units.numbers(group)
    let s: SingleGroupSegregation
    let t: [Double?]
    let comparison: String
    let columns: [String]
    if let other {
      let o = try units.numbers(other)
      s = try SingleGroupSegregation(group: g, otherGroup: o, unitIDs: units.ids)
      t = zip(g, o).map { a, b in a.flatMap { a in b.map { a + $0 } } }
      comparison = "\(group) against \(other) (total = \(group) + \(other))"
      columns = [group, other]
    } else {
      guard let total else {
        throw CommandInputError.invalidOption(
          name: "total", value: "(none)", expected: "the total column, or --other-group")
      }
      t = try units.numbers(total)
      s = try SingleGroupSegregation(group: g, total: t, unitIDs: units.ids)
      comparison = "\(group) against the rest of \(total)"
      columns = [group, total]
    }
    var outcomes: [(String, StatisticOutcome<Double>)] = [
      ("dissimilarity", s.dissimilarity), ("gini", s.gini), ("isolation", s.isolation),
      ("exposure", s.interaction), ("theilH", s.entropy), ("groupShare", s.groupShare),
    ]
    if let spatial { outcomes += try spatial.indices(units, group: g, total: t) }
    var r = report(comparison, columns, units.ids.count, s.missingUnits, outcomes)
    if let test {
      r.dissimilarityTest = try dissimilarityTest(
        group: g, total: t, null: test.null, simulations: test.simulations, seed: test.seed,
        unitIDs: units.ids
      ).value
    }
    return r
  }

  /// Multigroup indices over `groups` (non-overlapping count columns).
  ///
  /// - Throws: ``CommandInputError``, `ConcentrationError` (fewer than two groups, negative
  ///   counts).
  public static func multigroup(_ units: UnitLayer, groups: [String]) throws -> SegregationReport {
    let m = try MultigroupSegregation(
      groups: try groups.map { try units.numbers($0) }, unitIDs: units.ids)
    return report(
      "multigroup", groups, units.ids.count, m.missingUnits,
      [
        ("dissimilarity", m.dissimilarity), ("gini", m.gini),
        ("informationTheory", m.informationTheory), ("normalisedExposure", m.normalisedExposure),
        ("squaredCoefficientOfVariation", m.squaredCoefficientOfVariation),
        ("relativeDiversity", m.relativeDiversity), ("diversity", m.diversity),
      ])
  }

  static func report(
    _ comparison: String, _ columns: [String], _ n: Int, _ missing: [String],
    _ outcomes: [(String, StatisticOutcome<Double>)]
  ) -> SegregationReport {
    var values: [String: Double?] = [:]
    var undefined: [String: String] = [:]
    for (name, o) in outcomes {
      values[name] = o.value
      if let r = o.reason { undefined[name] = r.description }
    }
    return SegregationReport(
      comparison: comparison, columns: columns, units: n, missing: missing, indices: values,
      undefined: undefined)
  }
}
