import SpatialStats
import SpatialWeights

/// What `wijk geary` reports: Geary's C with its analytic and permutation inference, and
/// which units were left out. Names follow esda 2.9 `Geary` (`C`, `EC`, `VC_norm`, ...).
public struct GlobalGearyReport: Codable, Sendable, Equatable {
  /// The attribute column analysed.
  public var column: String
  /// The weights used, as ``WeightsRequest/label`` ("queen", "knn (k = 4)", "file x.gal").
  public var weights: String
  /// "row" (esda's default `transformation="r"`), "binary", ...
  public var transformation: String
  /// Units analysed (after missing values and islands are removed).
  public var n: Int
  /// Ids left out because their value is missing.
  public var missing: [String]
  /// Ids left out because they have no neighbours among the analysed units.
  public var islands: [String]
  /// Why C is undefined (constant variable, fewer than 4 units), else `nil`.
  public var undefined: String?
  /// C (`C`); below 1 means positive spatial autocorrelation.
  public var c: Double?
  /// E[C] = 1 (`EC`).
  public var expectedC: Double?
  /// Var[C] under normality (`VC_norm`).
  public var varianceNormality: Double?
  /// (C − 1) / √Var_N (`z_norm`).
  public var zNormality: Double?
  /// One-tailed p in the direction of C − 1 under normality (`p_norm`, as esda).
  public var pNormality: Double?
  /// Var[C] under randomisation (`VC_rand`).
  public var varianceRandomisation: Double?
  /// (C − 1) / √Var_R (`z_rand`).
  public var zRandomisation: Double?
  /// One-tailed p in the direction of C − 1 under randomisation (`p_rand`, as esda).
  public var pRandomisation: Double?
  /// Random permutations drawn for ``pseudoP``; 0 means no permutation test.
  public var permutations: Int
  /// Seed of the permutation generator; the same seed replays the same permutations.
  public var seed: UInt64
  /// Folded pseudo p (`p_sim`), ties counted symmetrically (``PermutationInference``).
  public var pseudoP: Double?
  /// Mean of C over the permutations (`EC_sim`).
  public var simulatedMean: Double?
  /// (C − mean) / standard deviation of the permuted C's (`z_sim`).
  public var simulatedZ: Double?
  /// What building the weights found (``BuiltWeights/notices``).
  public var weightsNotices: [String] = []
}

/// What `wijk generalg` reports: Getis-Ord General G with its inference. Names follow
/// esda 2.9 `getisord.G` (`G`, `EG`, `VG`, `z_norm`, `p_norm`).
public struct GeneralGReport: Codable, Sendable, Equatable {
  /// The attribute column analysed (non-negative values).
  public var column: String
  /// The weights used, as ``WeightsRequest/label``; always used binary, as esda does.
  public var weights: String
  /// Units analysed (after missing values and islands are removed).
  public var n: Int
  /// Ids left out because their value is missing.
  public var missing: [String]
  /// Ids left out because they have no neighbours among the analysed units.
  public var islands: [String]
  /// Why G is undefined (constant variable, fewer than 4 units), else `nil`.
  public var undefined: String?
  /// G (`G`): the share of all cross-products of values that fall between neighbours.
  public var g: Double?
  /// E[G] = S0 / (n (n − 1)) (`EG`).
  public var expectedG: Double?
  /// Var[G] (`VG`).
  public var variance: Double?
  /// (G − E[G]) / √Var[G] (`z_norm`); positive means high values cluster.
  public var z: Double?
  /// 1 − Φ(|z|) (`p_norm`): one-tailed in the direction of z, as esda.
  public var p: Double?
  /// Random permutations drawn for ``pseudoP``; 0 means no permutation test.
  public var permutations: Int
  /// Seed of the permutation generator.
  public var seed: UInt64
  /// Folded pseudo p (`p_sim`).
  public var pseudoP: Double?
  /// Mean of G over the permutations (`EG_sim`).
  public var simulatedMean: Double?
  /// (G − mean) / standard deviation of the permuted G's (`z_sim`).
  public var simulatedZ: Double?
  /// What building the weights found (``BuiltWeights/notices``).
  public var weightsNotices: [String] = []
}

extension AutocorrelationCommands {
  /// Geary's C of `column` (matches esda 2.9 `Geary(y, w, transformation="r")` on the
  /// analytic values; the permutation test is seeded and its seed reported).
  ///
  /// - Throws: the errors of ``UnitLayer/numbers(_:)``, ``UnitLayer/builtWeights(_:)``,
  ///   ``CommandInputError/invalidOption(name:value:expected:)`` for an unknown
  ///   transformation, and `AutocorrelationError`.
  public static func geary(
    _ units: UnitLayer, column: String, weights request: WeightsRequest,
    transformation: String = "row", permutations: Int = 999, seed: UInt64 = 12345
  ) throws -> GlobalGearyReport {
    let t = try Self.transformation(transformation)
    let values = try units.numbers(column)
    let built = try units.builtWeights(request)
    let r = try gearyC(
      values, weights: built.weights, transformation: t, permutations: permutations, seed: seed)
    let c = r.value
    return GlobalGearyReport(
      column: column, weights: units.weightsLabel(request), transformation: "\(t)",
      n: r.sample.ids.count, missing: r.sample.missing, islands: r.sample.islands,
      undefined: r.estimate.reason.map(\.description), c: c?.c, expectedC: c?.expectedC,
      varianceNormality: c?.varianceNormality, zNormality: c?.zNormality,
      pNormality: c?.pNormality, varianceRandomisation: c?.varianceRandomisation,
      zRandomisation: c?.zRandomisation, pRandomisation: c?.pRandomisation,
      permutations: permutations, seed: seed, pseudoP: c?.permutation?.pseudoP,
      simulatedMean: c?.permutation?.mean, simulatedZ: c?.permutation?.z,
      weightsNotices: built.notices)
  }

  /// Getis-Ord General G of `column` on binary weights (matches esda 2.9 `getisord.G`).
  ///
  /// - Throws: `AutocorrelationError.negativeValue` naming the unit when a value is below 0
  ///   (G is a share of cross-products of the values), and the errors of
  ///   ``UnitLayer/numbers(_:)`` and ``UnitLayer/builtWeights(_:)``.
  public static func generalG(
    _ units: UnitLayer, column: String, weights request: WeightsRequest,
    permutations: Int = 999, seed: UInt64 = 12345
  ) throws -> GeneralGReport {
    let values = try units.numbers(column)
    let built = try units.builtWeights(request)
    let r = try SpatialStats.generalG(
      values, weights: built.weights, permutations: permutations, seed: seed)
    let g = r.value
    return GeneralGReport(
      column: column, weights: units.weightsLabel(request), n: r.sample.ids.count,
      missing: r.sample.missing, islands: r.sample.islands,
      undefined: r.estimate.reason.map(\.description), g: g?.g, expectedG: g?.expectedG,
      variance: g?.variance, z: g?.z, p: g?.p, permutations: permutations, seed: seed,
      pseudoP: g?.permutation?.pseudoP, simulatedMean: g?.permutation?.mean,
      simulatedZ: g?.permutation?.z, weightsNotices: built.notices)
  }
}
