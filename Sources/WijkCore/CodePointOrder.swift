// One order for text that does not depend on locale or on Swift's String comparison
// (which compares canonically equivalent forms as equal): the order of Unicode code points.

extension String {
  /// Whether `self` sorts before `other` by Unicode code points: the "smallest code" order that
  /// breaks ties between wards everywhere in wijk (a point on a shared boundary, equally near
  /// neighbours). "W10" precedes "W2"; "É" (U+00C9) follows "Z" (U+005A).
  public func precedesByCodePoints(_ other: String) -> Bool {
    self.unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars) { $0.value < $1.value }
  }
}
