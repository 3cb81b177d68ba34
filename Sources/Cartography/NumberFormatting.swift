// Numbers as a Flemish or an English reader expects them, without Foundation's locale data
// (which differs between macOS and Linux builds and would make golden files unstable).

/// The language of a map or report: its words, its number format and the HTML `lang`.
public enum Language: String, Hashable, Sendable, CaseIterable {
  /// Dutch as written in Flanders: `1.234,5`, `12,5%`.
  case dutch = "nl"
  /// English: `1,234.5`, `12.5%`.
  case english = "en"

  /// The BCP 47 tag, for `<html lang>`.
  public var tag: String { rawValue }
}

/// Formats numbers for maps and reports in Dutch (`1.234,5`) or English (`1,234.5`).
///
/// Grouping starts at 1000 (`1.234`, as Belgian statistical publications write it). Rounding
/// is half away from zero on the decimal value (`2,45` to one decimal is `2,5` when the binary
/// value is at or above the half); `-0` prints as `0`.
public struct NumberStyle: Hashable, Sendable {
  /// Dutch (`1.234,5`) or English (`1,234.5`) conventions.
  public var language: Language

  /// A style for `language`.
  public init(_ language: Language) { self.language = language }

  var decimalSeparator: Character { language == .dutch ? "," : "." }
  var groupSeparator: Character { language == .dutch ? "." : "," }

  /// `value` with exactly `decimals` decimals and thousands grouped.
  ///
  /// - Parameters:
  ///   - value: a finite number; NaN and infinities print as `–` (an en dash), as tables do
  ///     for "no value".
  ///   - decimals: 0 to 9 digits after the separator.
  public func format(_ value: Double, decimals: Int = 0) -> String {
    guard value.isFinite else { return "–" }
    let d = max(0, min(9, decimals))
    var scale = 1.0
    for _ in 0..<d { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e17 else { return value < 0 ? "-" + String(-value) : String(value) }
    let units = UInt64(scaled)
    let factor = UInt64(scale)
    let whole = units / factor
    let fraction = units % factor
    var text = grouped(whole)
    if d > 0 {
      let digits = String(fraction)
      text.append(decimalSeparator)
      text += String(repeating: "0", count: d - digits.count) + digits
    }
    return (value < 0 && units > 0) ? "-" + text : text
  }

  /// `share` (a fraction, 0.125) as a percentage (`12,5%`), with `decimals` decimals.
  public func percent(_ share: Double, decimals: Int = 1) -> String {
    guard share.isFinite else { return "–" }
    return format(share * 100, decimals: decimals) + "%"
  }

  /// A count for publication: counts from 1 to `threshold - 1` are replaced by `<threshold`
  /// ("<5"), so that small groups cannot be identified (the small-number rule of DESIGN.md).
  ///
  /// - Parameters:
  ///   - count: the count; negative counts are printed as they are.
  ///   - threshold: the smallest count that may be published (default 5); `nil` publishes all.
  ///   - suppressZero: whether 0 is suppressed too (some publishers also hide zeros).
  public func count(_ count: Int, suppressBelow threshold: Int? = 5, suppressZero: Bool = false)
    -> String
  {
    if let t = threshold, count < t, count > 0 || (count == 0 && suppressZero) {
      return NumberStyle.suppressedText(threshold: t)
    }
    return format(Double(count))
  }

  /// The text that stands for a suppressed count: `<5` for threshold 5.
  public static func suppressedText(threshold: Int) -> String { "<\(threshold)" }

  private func grouped(_ n: UInt64) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(groupSeparator) }
      out.append(ch)
    }
    return out
  }
}

extension NumberStyle {
  /// The fewest decimals (0 to 6) at which every bound rounds to within 1% of the smallest
  /// gap between bounds, so that legend labels are short but still tell classes apart.
  ///
  /// - Parameter bounds: increasing class bounds; a single bound is rounded to within 2% of
  ///   its size.
  public static func legendDecimals(for bounds: [Double]) -> Int {
    let finite = bounds.filter(\.isFinite)
    guard !finite.isEmpty else { return 0 }
    var gap = Double.infinity
    for i in finite.indices.dropFirst() { gap = min(gap, abs(finite[i] - finite[i - 1])) }
    if !gap.isFinite || gap == 0 { gap = max(abs(finite[0]), 1) * 2 }
    let tolerance = 0.01 * gap
    for d in 0...6 {
      var scale = 1.0
      for _ in 0..<d { scale *= 10 }
      let worst = finite.map { abs(($0 * scale).rounded() / scale - $0) }.max() ?? 0
      if worst <= tolerance + 1e-12 * max(1, abs(finite.last!)) { return d }
    }
    return 6
  }
}
