// Dates as a Flemish or an English reader writes them, without Foundation's locale data (which
// differs between macOS and Linux builds), like NumberStyle does for numbers.

/// Writes a calendar date in words: `1 december 2026` (Dutch, month in lower case, as the
/// Flemish government's style guide writes it) or `1 December 2026` (British English).
public struct DateStyle: Hashable, Sendable {
  /// Dutch or English month names.
  public var language: Language

  /// A style for `language`.
  public init(_ language: Language) { self.language = language }

  static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
  ]
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The date of an ISO 8601 timestamp or date (`2026-12-01T07:30:00Z`, `2026-12-01`) in
  /// words: `1 december 2026`. Only the calendar date is read (the report's day, in UTC as
  /// provenance records it); a text that does not start with `YYYY-MM-DD` is returned
  /// unchanged, so a hand-written date is never lost.
  public func long(_ iso: some StringProtocol) -> String {
    let parts = iso.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...31).contains(day)
    else { return String(iso) }
    let names = language == .dutch ? DateStyle.dutchMonths : DateStyle.englishMonths
    return "\(day) \(names[month - 1]) \(year)"
  }
}
