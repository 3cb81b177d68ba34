// The scale bar: a round length in metres or kilometres.

/// A scale bar length: the largest 1, 2 or 5 × 10^k metres that fits a maximum length.
public struct ScaleBar: Hashable, Sendable {
  /// The length the bar stands for, in metres.
  public let metres: Double

  /// The largest round length (1, 2 or 5 × 10^k m) not longer than `maximumMetres`.
  ///
  /// - Parameter maximumMetres: the longest bar wanted, in metres, > 0 (a map uses a quarter
  ///   of the width it shows). 1 800 m gives 1 000 m; 2 600 m gives 2 000 m; 0.3 m gives 0.2 m.
  public init(maximumMetres: Double) {
    let safe = maximumMetres.isFinite && maximumMetres > 0 ? maximumMetres : 1
    var power = 1.0
    while power * 10 <= safe { power *= 10 }
    while power > safe { power /= 10 }
    let step = [5.0, 2.0, 1.0].first { $0 * power <= safe } ?? 1
    metres = step * power
  }

  /// "500 m" below 1 km, else "2 km" (with a decimal, "1,5 km", only if ever needed).
  public func label(_ style: NumberStyle) -> String {
    if metres >= 1000 {
      let km = metres / 1000
      return style.format(km, decimals: km == km.rounded() ? 0 : 1) + " km"
    }
    return style.format(metres, decimals: metres == metres.rounded() ? 0 : 1) + " m"
  }
}
