import SpatialStats
import SpatialWeights

/// The global statistic beside a local report (`wijk bivariate`: Moran_BV's I and its test).
public struct GlobalStatisticSummary: Codable, Sendable, Equatable {
  /// "bivariate Moran's I".
  public var statistic: String
  /// Its value (esda `Moran_BV.I`).
  public var value: Double
  /// Folded pseudo p of the total permutation test (`p_sim`); `nil` with 0 permutations.
  public var pseudoP: Double?
  /// "upper", "lower" or "neither" (tied): the tail of the permutations the value lies in;
  /// `nil` with 0 permutations.
  public var tail: String?
}

extension AutocorrelationCommands {
  /// Bivariate Moran of `x` against the spatial lag of `y`: the global I (esda 2.9
  /// `Moran_BV(x, y, w, transformation="r")`) and per unit the bivariate local Moran (esda
  /// `Moran_Local_BV`), with conditional permutations on y, seeded. "Does a high x go with
  /// high y around it?": HH is a high x among high y, HL a high x among low y.
  ///
  /// The local statistic has no analytic moments (esda gives none), so significance needs
  /// permutations; a unit missing x or y is left out and named, as are islands.
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)`` for 0 permutations
  ///   or an unknown transformation; the errors of ``UnitLayer/numbers(_:)`` and
  ///   ``UnitLayer/builtWeights(_:)``.
  public static func bivariate(
    _ units: UnitLayer, x: String, y: String, weights request: WeightsRequest,
    transformation: String = "row", options: LocalOptions
  ) throws -> LocalReport {
    guard options.permutations > 0 else {
      throw CommandInputError.invalidOption(
        name: "permutations", value: "0",
        expected: "99 or more (the bivariate local Moran has no analytic p-value)")
    }
    let t = try Self.transformation(transformation)
    let (xs, ys) = (try units.numbers(x), try units.numbers(y))
    let built = try units.builtWeights(request)
    let global = try moranBivariate(
      xs, ys, weights: built.weights, transformation: t, permutations: options.permutations,
      seed: options.seed)
    let local = try localMoranBivariate(
      xs, ys, weights: built.weights, transformation: t, permutations: options.permutations,
      seed: options.seed)
    var rows = Self.skeleton(units, values: xs, sample: local.sample)
    var threshold: Double?
    if let m = local.value, let p = m.permutation {
      let test = Self.test(p.pseudoP, options)
      threshold = test.threshold
      for (k, f) in local.sample.indices.enumerated() {
        rows[f].statistic = m.i[k]
        rows[f].quadrant = m.quadrants[k].rawValue
        rows[f].pseudoP = p.pseudoP[k]
        rows[f].simulatedZ = p.z[k]
        rows[f].significant = test.significant[k]
        rows[f].cluster = test.significant[k] ? m.quadrants[k].rawValue : "not significant"
      }
    }
    var report = Self.report(
      "bivariate local Moran's I", "\(x) against the lag of \(y)", units.weightsLabel(request),
      "\(t)", nil, local.sample, local.estimate.reason, options, threshold, rows)
    report.weightsNotices = built.notices
    report.global = global.value.map { g in
      GlobalStatisticSummary(
        statistic: "bivariate Moran's I", value: g.i, pseudoP: g.permutation?.pseudoP,
        tail: g.permutation?.tail.rawValue)
    }
    return report
  }
}
