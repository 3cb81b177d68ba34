/// A pair of the run's indicators whose co-location is tested (`bivariate:` in the
/// configuration): does a ward's value of `x` go with the values of `y` around it? Each pair
/// gets the global bivariate Moran's I and the bivariate local Moran per ward (esda 2.9
/// `Moran_BV`, `Moran_Local_BV`), e.g. social rental housing (x) among low incomes (y).
///
/// ```yaml
/// bivariate:
///   - x: share_65plus_2021
///     y: income_mean_2021
/// ```
public struct BivariatePairSpec: Sendable, Equatable, Codable {
  /// The id of the indicator at the ward (a year's id for a sector indicator, `population_2022`).
  public var x: String
  /// The id of the indicator whose spatial lag is taken (the neighbours' values).
  public var y: String

  /// A pair; see the properties.
  public init(x: String, y: String) { (self.x, self.y) = (x, y) }

  /// `<x>-vs-<y>`: the pair's id in the results and its map's file name.
  public var id: String { "\(x)-vs-\(y)" }

  enum CodingKeys: String, CodingKey, CaseIterable { case x, y }

  /// Decodes `{ x: ID, y: ID }` strictly: another key is a configuration error naming it.
  /// Whether the ids are indicators of the run is checked when the run has them
  /// (``BivariateAnalysis``).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    x = try c.decode(String.self, forKey: .x)
    y = try c.decode(String.self, forKey: .y)
  }
}
