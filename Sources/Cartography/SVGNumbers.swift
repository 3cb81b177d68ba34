// Compact, locale-free numbers for SVG attributes.

extension Double {
  /// The value rounded to one decimal, without a trailing `.0` and without `-0`
  /// (`12.34` → `12.3`, `7.0` → `7`). SVG attributes always use a decimal point.
  var svg: String {
    let tenths = (self * 10).rounded(.toNearestOrAwayFromZero)
    if tenths == 0 { return "0" }
    let negative = tenths < 0
    let magnitude = Int64(abs(tenths))
    let whole = magnitude / 10
    let fraction = magnitude % 10
    let text = fraction == 0 ? String(whole) : "\(whole).\(fraction)"
    return negative ? "-" + text : text
  }
}
