// A rank with its uncertainty, as a ward plan writes it.

extension NumberStyle {
  /// "rang 3 (tussen 2 en 6)" / "rank 3 (between 2 and 6)": a ward's rank in a composite index
  /// with the 5–95 % range of its rank over the draws (SpatialStats'
  /// `CompositeRankIntervals`). The same form is used when the bounds are equal
  /// ("rang 1 (tussen 1 en 1)"), so that a table reads alike in every row; ranks of 1000 and
  /// more are grouped as every number (`1.204`).
  ///
  /// - Parameters:
  ///   - rank: The ward's rank, 1 = the most deprived.
  ///   - lower: The 5 % bound of the rank.
  ///   - upper: The 95 % bound of the rank.
  public func rank(_ rank: Int, between lower: Int, and upper: Int) -> String {
    let (r, a, b) = (format(Double(rank)), format(Double(lower)), format(Double(upper)))
    switch language {
    case .dutch: return "rang \(r) (tussen \(a) en \(b))"
    case .english: return "rank \(r) (between \(a) and \(b))"
    }
  }
}
