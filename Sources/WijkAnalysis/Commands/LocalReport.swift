import Foundation
import SpatialStats
import SpatialWeights

/// The options shared by `wijk lisa` and `wijk gistar`.
public struct LocalOptions: Sendable, Equatable {
  /// Conditional permutations per unit for the pseudo p (`p_sim`); 0 skips the test and the
  /// analytic p decides significance.
  public var permutations: Int
  /// Seed of the permutation generator; reported, so the same seed replays the same draws.
  public var seed: UInt64
  /// Significance level α before correction (default 0.05).
  public var alpha: Double
  /// How α is adjusted for testing every unit (default none).
  public var correction: MultipleTestingCorrection
  /// Options as given, unchecked: a negative `permutations` is rejected by the statistic
  /// (`AutocorrelationError`).
  public init(
    permutations: Int = 999, seed: UInt64 = 12345, alpha: Double = 0.05,
    correction: MultipleTestingCorrection = .none
  ) {
    self.permutations = permutations
    self.seed = seed
    self.alpha = alpha
    self.correction = correction
  }
}

/// One unit's local statistic (local Moran's I or Getis–Ord G), or why it has none.
public struct LocalUnitResult: Codable, Sendable, Equatable {
  /// The unit's id (``UnitLayer/ids``).
  public var id: String
  /// The unit's value in the column; `nil` when missing.
  public var value: Double?
  /// "analysed", "missing" (no value) or "island" (no neighbours): an island is never
  /// significant (esda labels it a significant outlier; we do not).
  public var status: String
  /// Local I_i or G_i.
  public var statistic: Double?
  /// E and Var of the statistic under the null (esda `EI`/`VI` or `EGs`/`VGs`).
  public var expected: Double?
  /// Var of the statistic under the null (esda `VI` / `VGs`); `nil` for a unit not analysed.
  public var variance: Double?
  /// LISA only: E and Var of I_i under conditional randomisation, z_i held fixed (esda `EIc`,
  /// `VIc`, Sokal et al. 1998 eqs. A7–A8); `nil` for Gi and for a unit not analysed.
  public var conditionalExpected: Double?
  /// See ``conditionalExpected`` (esda `VIc`).
  public var conditionalVariance: Double?
  /// The analytic z and p: for Gi one-tailed 1 − Φ(|z|) as esda `p_norm`; for I_i two-tailed
  /// under total randomisation.
  public var z: Double?
  /// The analytic p described at ``z``; `nil` for a unit not analysed, or for Gi when the
  /// variance is 0.
  public var p: Double?
  /// Moran scatterplot quadrant HH, LH, LL, HL (named, not numbered: esda and GeoDa differ).
  public var quadrant: String?
  /// Folded pseudo p of the conditional permutation test (`p_sim`) and its z (`z_sim`).
  public var pseudoP: Double?
  /// z of the observed statistic against its permutations (`z_sim`); `nil` with 0 permutations
  /// or for a unit not analysed.
  public var simulatedZ: Double?
  /// Whether the p used (pseudo p when permutations were drawn, else the analytic p) passes
  /// the corrected threshold.
  public var significant: Bool?
  /// LISA: the quadrant when significant, else "not significant"; Gi: "hot spot", "cold spot"
  /// or "not significant", the direction from the tail of the permutation test (with 0
  /// permutations from the sign of the analytic z).
  public var cluster: String?
}

/// What `wijk lisa` and `wijk gistar` report.
public struct LocalReport: Codable, Sendable, Equatable {
  /// "local Moran's I" or "Getis-Ord Gi*" / "Getis-Ord Gi".
  public var statistic: String
  /// The attribute column analysed.
  public var column: String
  /// The weights used, as ``WeightsRequest/label``.
  public var weights: String
  /// The weights transformation applied: "row" (LISA's default) or "binary" (Gi*'s default).
  public var transformation: String
  /// Gi only: whether the unit itself is included.
  public var star: Bool?
  /// Units analysed (after missing values and islands are removed).
  public var n: Int
  /// Ids left out because their value is missing.
  public var missing: [String]
  /// Ids left out because they have no neighbours among the analysed units.
  public var islands: [String]
  /// Why the statistic is undefined for every unit (constant values, too few units), else `nil`;
  /// the rows then carry no statistics.
  public var undefined: String?
  /// Conditional permutations per unit; 0 means the analytic p was used.
  public var permutations: Int
  /// Seed of the permutations; the same seed replays them.
  public var seed: UInt64
  /// Significance level α before correction.
  public var alpha: Double
  /// The ``MultipleTestingCorrection`` applied: "none", "fdr" or "bonferroni".
  public var correction: String
  /// The p a unit must stay below after the correction.
  public var threshold: Double?
  /// Units per cluster label.
  public var clusterCounts: [String: Int]
  /// One row per feature, in layer order.
  public var units: [LocalUnitResult]
  /// What building the weights found (kNN ties, neighbours across T-junctions or within the
  /// snap tolerance), one sentence each (``BuiltWeights/notices``).
  public var weightsNotices: [String] = []
  /// The global statistic computed with the local ones, where there is one (`wijk
  /// bivariate`: Moran_BV); `nil` for `lisa` and `gistar`.
  public var global: GlobalStatisticSummary? = nil
}

extension AutocorrelationCommands {
  /// Local Moran's I of `column`: matches esda 2.9 `Moran_Local(y, w, transformation="r")`
  /// analytically, including its (n − 1)/n scaling of I_i (GeoDa's I_i lacks that factor);
  /// conditional permutations are seeded.
  ///
  /// - Throws: as ``moran(_:column:weights:transformation:permutations:seed:)``.
  public static func lisa(
    _ units: UnitLayer, column: String, weights request: WeightsRequest,
    transformation: String = "row", options: LocalOptions
  ) throws -> LocalReport {
    let values = try units.numbers(column)
    let t = try Self.transformation(transformation)
    let built = try units.builtWeights(request)
    let result = try localMoran(
      values, weights: built.weights, transformation: t,
      permutations: options.permutations, seed: options.seed)
    var rows = Self.skeleton(units, values: values, sample: result.sample)
    var threshold: Double?
    if let m = result.value {
      let z = m.i.indices.map { (m.i[$0] - m.expectedI[$0]) / m.variance[$0].squareRoot() }
      let p = z.map(StandardNormal.twoTailed)
      let used = m.permutation?.pseudoP ?? p
      let test = Self.test(used, options)
      threshold = test.threshold
      for (k, f) in result.sample.indices.enumerated() {
        rows[f].statistic = m.i[k]
        rows[f].expected = m.expectedI[k]
        rows[f].variance = m.variance[k]
        rows[f].conditionalExpected = m.conditionalExpectedI[k]
        rows[f].conditionalVariance = m.conditionalVariance[k]
        rows[f].z = z[k]
        rows[f].p = p[k]
        rows[f].quadrant = m.quadrants[k].rawValue
        rows[f].pseudoP = m.permutation?.pseudoP[k]
        rows[f].simulatedZ = m.permutation?.z[k]
        rows[f].significant = test.significant[k]
        rows[f].cluster = test.significant[k] ? m.quadrants[k].rawValue : "not significant"
      }
    }
    var report = Self.report(
      "local Moran's I", column, units.weightsLabel(request), "\(t)", nil, result.sample,
      result.estimate.reason, options, threshold, rows)
    report.weightsNotices = built.notices
    return report
  }

  /// The weights transformation Gi* accepts: binary (esda's `G_Local` default) or row.
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` for any other.
  public static func giStarTransformation(_ name: String) throws(CommandInputError) -> Transformation {
    let t = try transformation(name)
    guard t == .binary || t == .row else {
      throw .invalidOption(name: "transform", value: name, expected: "binary or row")
    }
    return t
  }

  /// Local Getis–Ord G of `column`: the classic Gi* (`transformation: "binary"`, `star: true`,
  /// Getis & Ord 1992, as ArcGIS) by default; esda 2.9's default `G_Local(y, w)` is
  /// `transformation: "row"`, `star: false`. Analytic values match esda.
  ///
  /// - Throws: as ``moran(_:column:weights:transformation:permutations:seed:)``.
  public static func giStar(
    _ units: UnitLayer, column: String, weights request: WeightsRequest,
    transformation: String = "binary", star: Bool = true, options: LocalOptions
  ) throws -> LocalReport {
    let values = try units.numbers(column)
    let t = try giStarTransformation(transformation)
    let built = try units.builtWeights(request)
    let result = try localG(
      values, weights: built.weights, transformation: t, star: star,
      permutations: options.permutations, seed: options.seed)
    var rows = Self.skeleton(units, values: values, sample: result.sample)
    var threshold: Double?
    if let g = result.value {
      let used = g.permutation?.pseudoP ?? g.p
      let test = Self.test(used, options)
      threshold = test.threshold
      for (k, f) in result.sample.indices.enumerated() {
        rows[f].statistic = g.g[k]
        rows[f].expected = g.expected[k]
        rows[f].variance = g.variance[k]
        // A variance of 0 (the unit and its neighbours are the whole sample, or the values
        // cancel) leaves z undefined: never a hot or cold spot.
        let defined = g.z[k].isFinite
        rows[f].z = defined ? g.z[k] : nil
        rows[f].p = g.p[k].isFinite ? g.p[k] : nil
        rows[f].pseudoP = g.permutation?.pseudoP[k]
        rows[f].simulatedZ = g.permutation?.z[k]
        rows[f].significant = defined && test.significant[k]
        // The direction comes from the test that gave the p: the permutation tail (the
        // neighbours are high or low, the unit's own value being fixed), else the analytic z.
        let hot = g.permutation.map { $0.tails[k] == .upper } ?? (g.z[k] > 0)
        rows[f].cluster =
          !defined
          ? "not defined (zero variance)"
          : !test.significant[k] ? "not significant" : hot ? "hot spot" : "cold spot"
      }
    }
    var report = Self.report(
      star ? "Getis-Ord Gi*" : "Getis-Ord Gi", column, units.weightsLabel(request), "\(t)", star,
      result.sample,
      result.estimate.reason, options, threshold, rows)
    report.weightsNotices = built.notices
    return report
  }

  /// One row per feature with its id, value and status; statistics are filled in later.
  static func skeleton(_ units: UnitLayer, values: [Double?], sample: AnalysedSample)
    -> [LocalUnitResult]
  {
    let missing = Set(sample.missing)
    let islands = Set(sample.islands)
    return units.ids.indices.map { f in
      let id = units.ids[f]
      let status = missing.contains(id) ? "missing" : islands.contains(id) ? "island" : "analysed"
      return LocalUnitResult(id: id, value: values[f], status: status)
    }
  }

  /// The threshold after `o.correction` and which units pass it (p strictly below).
  static func test(_ p: [Double], _ o: LocalOptions) -> (threshold: Double, significant: [Bool]) {
    let r = o.correction.apply(p, alpha: o.alpha)
    return (r.threshold, r.significant)
  }

  static func report(
    _ name: String, _ column: String, _ weights: String, _ t: String, _ star: Bool?,
    _ sample: AnalysedSample, _ undefined: UndefinedReason?, _ o: LocalOptions,
    _ threshold: Double?, _ rows: [LocalUnitResult]
  ) -> LocalReport {
    var counts: [String: Int] = [:]
    for r in rows { counts[r.cluster ?? r.status, default: 0] += 1 }
    return LocalReport(
      statistic: name, column: column, weights: weights, transformation: t, star: star,
      n: sample.ids.count, missing: sample.missing, islands: sample.islands,
      undefined: undefined?.description, permutations: o.permutations, seed: o.seed,
      alpha: o.alpha, correction: o.correction.rawValue, threshold: threshold,
      clusterCounts: counts, units: rows)
  }
}
