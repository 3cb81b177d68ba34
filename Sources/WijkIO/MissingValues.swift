import WijkCore

/// Why a cell of a numeric column holds no value.
///
/// The raw values are the words `AttributeValue.missing(reason:)` carries (e.g.
/// `"confidential (C)"`), so that a missing cell can be counted by kind after any filter or
/// join (``MissingValues/kind(ofReason:)``).
public enum MissingKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// The cell is empty (or only spaces).
  case empty
  /// Withheld to protect privacy: Statbel's `C`, the `x` of CBS and Eurostat.
  case confidential
  /// Not known or not delivered: `-`, `.`, `..`, `n.b.`, `NA`, `#N/A`, `?`, ….
  case notAvailable = "not available"
  /// Does not apply: `n.v.t.`.
  case notApplicable = "not applicable"
  /// A small count replaced by its bound: `<5`, `< 10`.
  case smallCount = "small count"
  /// A marker the configuration or `--missing-values` declared.
  case declared = "declared missing"

  /// The Dutch words, for the summary.
  public var dutch: String {
    switch self {
    case .empty: "leeg"
    case .confidential: "vertrouwelijk"
    case .notAvailable: "niet beschikbaar"
    case .notApplicable: "niet van toepassing"
    case .smallCount: "klein aantal afgeschermd"
    case .declared: "als ontbrekend opgegeven"
    }
  }
}

/// The cells that mean "no value" in a numeric column, and why (see ``MissingKind``).
///
/// The default list (``standard``), compared after trimming spaces and ignoring case:
///
/// | cell | kind | where it comes from |
/// | --- | --- | --- |
/// | empty | empty | every spreadsheet |
/// | `C` | confidential | Statbel open data |
/// | `x` | confidential | CBS ("geheim"), Eurostat |
/// | `-`, `–`, `—` | not available | printed tables; CBS uses `-` for "nihil", which wijk does not guess |
/// | `.`, `..`, `...`, `…` | not available | CBS, World Bank, OECD |
/// | `n.b.`, `nb` | not available | Dutch "niet beschikbaar / niet bekend" |
/// | `NA`, `N/A`, `#N/A`, `NaN` | not available | R, Excel, pandas |
/// | `?` | not available | hand-made tables |
/// | `n.v.t.`, `nvt` | not applicable | Dutch "niet van toepassing" |
/// | `<N`, `< N` (N a whole number) | small count | suppressed small counts (`<5`) |
///
/// A marker is never 0 and never a number: a figure withheld is unknown, and a ward total
/// that includes one is unknown too. Any other text in a numeric column is an error.
public struct MissingValues: Hashable, Sendable {
  /// Lower-cased marker → kind. The empty cell is always missing and is not listed here.
  public private(set) var markers: [String: MissingKind]
  /// Whether `<N` is a suppressed small count.
  public var smallCounts: Bool
  /// The longest marker in UTF-8 bytes: an ASCII cell longer than it (a coordinate, most
  /// numbers) is no marker, and is not lower-cased to be looked up (millions of point cells).
  private var longestMarker = 0

  /// The default list above.
  public static let standard = MissingValues(
    markers: Dictionary(uniqueKeysWithValues: standardMarkers.map { ($0.0.lowercased(), $0.1) }),
    smallCounts: true)

  /// The markers of ``standard`` as written, with their kind (for help texts and `wijk info`).
  public static let standardMarkers: [(String, MissingKind)] = [
    ("C", .confidential), ("x", .confidential),
    ("-", .notAvailable), ("–", .notAvailable), ("—", .notAvailable),
    (".", .notAvailable), ("..", .notAvailable), ("...", .notAvailable), ("…", .notAvailable),
    ("n.b.", .notAvailable), ("nb", .notAvailable),
    ("NA", .notAvailable), ("N/A", .notAvailable), ("#N/A", .notAvailable),
    ("NaN", .notAvailable), ("?", .notAvailable),
    ("n.v.t.", .notApplicable), ("nvt", .notApplicable),
  ]

  /// Markers as given, plus `<N` when `smallCounts`.
  public init(markers: [String: MissingKind], smallCounts: Bool) {
    self.markers = [:]
    for (m, k) in markers { self.markers[m.lowercased()] = k }
    self.smallCounts = smallCounts
    longestMarker = self.markers.keys.map(\.utf8.count).max() ?? 0
  }

  /// This list with further markers (e.g. `geheim`), each of kind ``MissingKind/declared``
  /// unless it is already listed. A marker may be a number (a sentinel such as `-9999`): a
  /// cell is compared with the markers before it is read as a number.
  public func adding(_ extra: [String]) -> MissingValues {
    var out = self
    for m in extra {
      let key = CellPolicy.trimmed(m).lowercased()
      if !key.isEmpty && out.markers[key] == nil { out.markers[key] = .declared }
    }
    out.longestMarker = out.markers.keys.map(\.utf8.count).max() ?? 0
    return out
  }

  /// The kind of missing value `text` (already trimmed) marks; `nil` when it is no marker.
  public func kind(of text: String) -> MissingKind? {
    if text.isEmpty { return .empty }
    let mayBeMarker = text.utf8.count <= longestMarker || text.utf8.contains { $0 >= 0x80 }
    if mayBeMarker, let k = markers[text.lowercased()] { return k }
    if smallCounts && Self.isSmallCount(text) { return .smallCount }
    return nil
  }

  /// The reason a missing cell carries: the kind and the cell as written, e.g.
  /// `"confidential (C)"`, `"small count (<5)"`; `nil` for an empty cell (plain missing).
  public static func reason(_ kind: MissingKind, marker: String) -> String? {
    kind == .empty ? nil : "\(kind.rawValue) (\(marker))"
  }

  /// The kind and marker of a reason made by ``reason(_:marker:)``; an absent reason is an
  /// empty cell, a reason of another form (e.g. "zero base") is `nil`.
  public static func kind(ofReason reason: String?) -> (kind: MissingKind, marker: String)? {
    guard let reason else { return (.empty, "") }
    for k in MissingKind.allCases where reason.hasPrefix(k.rawValue + " (") && reason.hasSuffix(")")
    {
      let start = reason.index(reason.startIndex, offsetBy: k.rawValue.count + 2)
      return (k, String(reason[start..<reason.index(before: reason.endIndex)]))
    }
    return nil
  }

  /// `<N` or `< N`, N whole digits.
  static func isSmallCount(_ text: String) -> Bool {
    guard text.first == "<" else { return false }
    let rest = text.dropFirst().drop { $0 == " " }
    return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
  }

  /// The list in words, for messages: `empty, C, x, -, …, <N`.
  public var summary: String {
    let listed = Self.standardMarkers.map(\.0).filter { markers[$0.lowercased()] != nil }
    let extra = markers.keys.filter { k in !Self.standardMarkers.contains { $0.0.lowercased() == k }
    }
    .sorted()
    return (["empty"] + listed + extra + (smallCounts ? ["<N"] : [])).joined(separator: ", ")
  }
}
