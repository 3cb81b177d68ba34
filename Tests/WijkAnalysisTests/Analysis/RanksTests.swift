import Testing

@testable import WijkAnalysis

/// Oracle: pandas `Series.rank(method="min", ascending=False)`, whose ties share the better
/// rank; and the definition itself, 1 + the number of strictly greater values.
@Suite struct RanksTests {
  @Test func tiesShareTheBetterRankAndMissingHasNone() {
    // pandas.Series([5, 7, 7, None, 1, 9]).rank(method="min", ascending=False)
    // -> [4, 2, 2, NaN, 5, 1]
    #expect(Ranks.fromHighest([5, 7, 7, nil, 1, 9]) == [4, 2, 2, nil, 5, 1])
  }

  @Test func equalsTheDefinitionOnTiedRandomValues() {
    var generator = SystemRandomNumberGenerator()
    let values: [Double?] = (0..<2_000).map { _ in
      Int.random(in: 0..<10, using: &generator) == 0 ? nil : Double(Int.random(in: 0..<300, using: &generator))
    }
    let present = values.compactMap { $0 }
    let expected = values.map { v in v.map { v in 1 + present.filter { $0 > v }.count } }
    #expect(Ranks.fromHighest(values) == expected)
  }
}
