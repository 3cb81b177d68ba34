// Ranks, deciles and top lists of the index. Ties are exact equality of the doubles.

enum CompositeRanking {
  /// Ascending ranks 1…n, tied values at the mean of their ranks (pandas
  /// `rank(method="average")`, `scipy.stats.rankdata`'s default).
  static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      let mean = Double(start + end + 2) / 2
      for k in start...end { ranks[order[k]] = mean }
      start = end + 1
    }
    return ranks
  }

  /// Descending competition ranks: 1 for the highest score, tied scores share the best rank
  /// and the next rank skips (pandas `rank(method="min", ascending=False)`). `nil` stays `nil`.
  static func ranksFromHighest(_ scores: [Double?]) -> [Int?] {
    let present = scores.indices.filter { scores[$0] != nil }
    let order = present.sorted { scores[$0]! > scores[$1]! }
    var ranks = [Int?](repeating: nil, count: scores.count)
    for (position, k) in order.enumerated() {
      if position > 0, scores[order[position - 1]]! == scores[k]! {
        ranks[k] = ranks[order[position - 1]]
      } else {
        ranks[k] = position + 1
      }
    }
    return ranks
  }

  /// ⌈10 · rank / n⌉: decile 1 holds the most deprived tenth, as the English Indices of
  /// Deprivation number them.
  static func decile(rank: Int, of count: Int) -> Int { (10 * rank + count - 1) / count }

  /// The positions whose rank is at most `size` (all tied at the boundary included), by rank
  /// and then by position.
  static func top(_ ranks: [Int?], size: Int) -> [Int] {
    ranks.indices.filter { (ranks[$0] ?? .max) <= size }.sorted {
      (ranks[$0]!, $0) < (ranks[$1]!, $1)
    }
  }

  /// The `q`-th quantile of integer ranks by the inverted empirical distribution function
  /// (Hyndman & Fan type 1, numpy `percentile(method="inverted_cdf")`): the smallest rank that
  /// at least ⌈q · n⌉ of the n draws do not exceed. `percent` is a whole percentage.
  static func quantile(sorted: [Int], percent: Int) -> Int {
    let position = max(1, (percent * sorted.count + 99) / 100)
    return sorted[position - 1]
  }
}
