/// Ranks of wards on an indicator, in O(n log n).
enum Ranks {
  /// Competition ranks, highest value first: 1 + the number of values strictly greater, so
  /// tied wards share the better rank and the next rank is skipped (1, 2, 2, 4), as pandas'
  /// `Series.rank(method="min", ascending=False)`. A ward without a value has no rank.
  ///
  /// - Parameter values: one value per ward, `nil` where missing (NaN is treated as missing).
  /// - Returns: one rank per ward, in the order of `values`.
  static func fromHighest(_ values: [Double?]) -> [Int?] {
    let present = values.indices.filter { values[$0].map { !$0.isNaN } ?? false }
    let order = present.sorted { values[$0]! > values[$1]! }
    var ranks = [Int?](repeating: nil, count: values.count)
    for (position, ward) in order.enumerated() {
      let previous = position > 0 ? order[position - 1] : nil
      if let previous, values[previous]! == values[ward]! {
        ranks[ward] = ranks[previous]
      } else {
        ranks[ward] = position + 1
      }
    }
    return ranks
  }
}
