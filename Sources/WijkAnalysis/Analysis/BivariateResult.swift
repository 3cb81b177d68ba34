/// One configured pair of indicators (``BivariatePairSpec``): the global bivariate Moran's I
/// and the bivariate local Moran of every ward, as esda 2.9 `Moran_BV` and `Moran_Local_BV`
/// compute them (row-standardised weights).
public struct BivariateResult: Sendable, Codable, Equatable {
  /// `<x>-vs-<y>` (``BivariatePairSpec/id``).
  public var id: String
  /// The indicator at the ward and the one whose spatial lag is taken, with their labels.
  public var x: String
  public var y: String
  public var xLabel: String
  public var yLabel: String
  /// I_BV = Σ zx_i (W zy)_i / (n − 1), x and y standardised with ddof 1 (`Moran_BV.I`);
  /// `nil` when undefined (a constant indicator, too few wards), the reason in `undefined`.
  public var moranI: Double?
  /// Folded pseudo p of I_BV (y permuted over the wards, x kept; `Moran_BV.p_sim`, ties on
  /// both tails); `nil` with 0 permutations.
  public var pseudoP: Double?
  /// `upper` (high x among high y around it) or `lower`, the tail of ``pseudoP``.
  public var tail: String?
  public var permutations: Int
  public var seed: UInt64
  /// Wards left out: missing either value, or no neighbours among the others.
  public var excluded: [String]
  /// Why the statistic is undefined, else `nil`.
  public var undefined: String?
  /// One per ward, in the order of ``AnalysisResult/wards``.
  public var wards: [BivariateWardValue]
  /// The wards' local tests as one family (the run's correction); `nil` without permutations.
  public var tests: TestFamily?
}

/// The bivariate local Moran of one ward.
public struct BivariateWardValue: Sendable, Codable, Equatable {
  public var code: String
  /// I_i = (n − 1)/n · zx_i (W zy)_i (`Moran_Local_BV.Is`); `nil` outside the sample.
  public var localI: Double?
  /// HH (high x among high y), LH, LL, HL (`q`); `nil` outside the sample.
  public var quadrant: String?
  /// Folded conditional-permutation pseudo p (x_i kept, the neighbours' y drawn from the
  /// other wards; `p_sim`, ties on both tails).
  public var pseudoP: Double?
  /// HH, LH, LL, HL when significant after the correction in the tail its quadrant implies
  /// (the rule of the univariate LISA), else `not significant`, `not tested`, `no data`,
  /// `no neighbours`, `undefined`, or `not published` in a published result.
  public var category: String
}
