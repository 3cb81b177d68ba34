/// Which table rows may reach no ward (`allow_unmatched:` of a table).
///
/// A row whose key is not a ward of the layer (or a sector the lookup places in no ward) is
/// lost from every ward and from the city total. A few such rows are normal (Statbel's
/// location-unknown sector `71016ZZZZ`); many are a wrong vintage of wards or lookup, which
/// must not pass with exit 0. The YAML forms:
///
/// - `allow_unmatched: [71016ZZZZ]`: exactly these keys may be unmatched; any other stops
///   the run. A key is a code of the table's key column (a sector code for a sector table)
///   or a ward code of the lookup; a lookup ward that is not on the layer is allowed when it
///   is listed or when all its sectors are (Statbel's `71016ZZZZ` → `71016ONB`).
/// - `allow_unmatched: { max_share: 0.01 }`: any keys, as long as no indicator column loses
///   more than this share of its total (here 1 %). `codes:` may be given with it.
/// - `allow_unmatched: true`: the same as `{ max_share: 0.01 }`.
/// - `allow_unmatched: false` (the default): every key must match.
///
/// Whatever the form, a city total that loses more than ``traceShare`` is announced at the
/// top of the summary and on stderr.
public struct UnmatchedAllowance: Sendable, Equatable, Codable {
  /// Keys that may stay unmatched whatever they hold.
  public var codes: [String]
  /// The largest share of a column's total that unmatched keys not in `codes` may hold;
  /// `nil` when only `codes` are allowed.
  public var maxShare: Double?

  /// Nothing allowed.
  public static let none = UnmatchedAllowance(codes: [], maxShare: nil)
  /// The share `true` allows.
  public static let defaultMaxShare = 0.01
  /// A share of a city total above which its loss is announced in the summary's headline.
  public static let traceShare = 0.001

  /// An allowance as given.
  public init(codes: [String], maxShare: Double?) {
    self.codes = codes
    self.maxShare = maxShare
  }

  /// Whether anything may stay unmatched.
  public var allowsAny: Bool { !codes.isEmpty || maxShare != nil }

  /// Whether `key` may stay unmatched by name (trimmed, exact).
  public func names(_ key: String) -> Bool {
    codes.contains { $0.trimmingCharacters(in: .whitespaces) == key }
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case codes
    case maxShare = "max_share"
  }

  public init(from decoder: any Decoder) throws {
    if let flag = try? decoder.singleValueContainer().decode(Bool.self) {
      self = flag ? UnmatchedAllowance(codes: [], maxShare: Self.defaultMaxShare) : .none
      return
    }
    if let list = try? decoder.singleValueContainer().decode([String].self) {
      self.init(codes: list, maxShare: nil)
      return
    }
    let c = try decoder.strictContainer(CodingKeys.self)
    let share = try c.decodeIfPresent(Double.self, forKey: .maxShare)
    if let share, !(0...1).contains(share) {
      throw DecodingError.dataCorruptedError(
        forKey: .maxShare, in: c,
        debugDescription: "\(share) is not a share between 0 and 1 (0.01 is 1 %)")
    }
    self.init(codes: try c.decodeIfPresent([String].self, forKey: .codes) ?? [], maxShare: share)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(codes, forKey: .codes)
    try c.encodeIfPresent(maxShare, forKey: .maxShare)
  }
}
