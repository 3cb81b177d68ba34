import SpatialStats
import SpatialWeights

/// What `wijk moran` reports: global Moran's I with its analytic and permutation inference,
/// and which units were left out. Names follow esda 2.9 `Moran` (`I`, `EI`, `VI_norm`, ...).
public struct GlobalMoranReport: Codable, Sendable, Equatable {
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
  /// Why I is undefined (constant variable, too few units), else `nil`.
  public var undefined: String?
  /// I (`I`).
  public var i: Double?
  /// E[I] = −1/(n − 1) (`EI`).
  public var expectedI: Double?
  /// Var[I] under normality (`VI_norm`), its z and two-tailed p (`z_norm`, `p_norm`).
  public var varianceNormality: Double?
  /// (I − E[I]) / √Var_N (`z_norm`); `nil` when I is undefined.
  public var zNormality: Double?
  /// Two-tailed p of ``zNormality`` (`p_norm`); `nil` when I is undefined.
  public var pNormality: Double?
  /// Var[I] under randomisation (`VI_rand`), its z and two-tailed p (`z_rand`, `p_rand`).
  public var varianceRandomisation: Double?
  /// (I − E[I]) / √Var_R (`z_rand`); `nil` when I is undefined.
  public var zRandomisation: Double?
  /// Two-tailed p of ``zRandomisation`` (`p_rand`); `nil` when I is undefined.
  public var pRandomisation: Double?
  /// Random permutations of the values drawn for ``pseudoP``; 0 means no permutation test.
  public var permutations: Int
  /// Seed of the permutation generator; the same seed replays the same permutations.
  public var seed: UInt64
  /// Folded pseudo p (`p_sim`), mean and z of the permutation distribution.
  public var pseudoP: Double?
  /// Mean of I over the permutations (`EI_sim`); `nil` with 0 permutations or when I is undefined.
  public var simulatedMean: Double?
  /// (I − mean) / standard deviation of the permuted I's (`z_sim`); `nil` with 0 permutations
  /// or when I is undefined.
  public var simulatedZ: Double?
  /// What building the weights found (kNN ties, neighbours across T-junctions or within the
  /// snap tolerance), one sentence each (``BuiltWeights/notices``).
  public var weightsNotices: [String] = []
}

/// The single-statistic computations behind `wijk moran`, `lisa` and `gistar`.
public enum AutocorrelationCommands {
  /// Global Moran's I of `column` (matches esda 2.9 `Moran(y, w, transformation="r")`
  /// analytically; the permutation test is seeded and its seed reported).
  ///
  /// - Throws: the errors of ``UnitLayer/numbers(_:)``, ``UnitLayer/weights(_:)`` and
  ///   `AutocorrelationError`.
  public static func moran(
    _ units: UnitLayer, column: String, weights request: WeightsRequest,
    transformation: String = "row", permutations: Int = 999, seed: UInt64 = 12345
  ) throws -> GlobalMoranReport {
    let values = try units.numbers(column)
    let built = try units.builtWeights(request)
    let w = built.weights
    let t = try Self.transformation(transformation)
    let result = try moranI(
      values, weights: w, transformation: t, permutations: permutations, seed: seed)
    let m = result.value
    return GlobalMoranReport(
      column: column, weights: units.weightsLabel(request), transformation: "\(t)",
      n: result.sample.ids.count, missing: result.sample.missing, islands: result.sample.islands,
      undefined: result.estimate.reason.map(\.description), i: m?.i, expectedI: m?.expectedI,
      varianceNormality: m?.varianceNormality, zNormality: m?.zNormality,
      pNormality: m?.pNormality, varianceRandomisation: m?.varianceRandomisation,
      zRandomisation: m?.zRandomisation, pRandomisation: m?.pRandomisation,
      permutations: permutations, seed: seed, pseudoP: m?.permutation?.pseudoP,
      simulatedMean: m?.permutation?.mean, simulatedZ: m?.permutation?.z,
      weightsNotices: built.notices)
  }

  /// The transformation named `name` ("row"/"r", "binary"/"b", ...).
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)``.
  public static func transformation(_ name: String) throws(CommandInputError) -> Transformation {
    let all = Transformation.allCases
    if let t = all.first(where: { $0.rawValue.lowercased() == name.lowercased() }) { return t }
    if let t = all.first(where: { "\($0)".lowercased() == name.lowercased() }) { return t }
    throw .invalidOption(
      name: "transform", value: name,
      expected: all.map { "\($0)" }.joined(separator: ", "))
  }
}
