import Foundation

/// Finds a ward by what a person types: its code, or its name in any case, with or without
/// accents, with or without the municipality suffix, with a hyphen or a space
/// ("kolderbos", "Kolderbos (Genk)", "nieuw-sledderlo", "Nieuw Sledderlo", "7101616").
///
/// Order of matching: the code (case-insensitive), then the full name, then the name without
/// its "(Municipality)" suffix. A name shared by several wards is an error naming them; an
/// unknown name is an error with the three closest names by edit distance.
public struct WardNameMatcher: Sendable {
  /// Ward codes, in the table's order.
  public let codes: [String]
  /// Ward names as in the layer, indexed like ``codes``.
  public let names: [String]
  private let fullKeys: [String]
  private let shortKeys: [String]

  /// - Parameters: `codes` and `names` of the wards, indexed alike (``WardTable``'s order).
  public init(codes: [String], names: [String]) {
    self.codes = codes
    self.names = names
    fullKeys = names.map(Self.normalised)
    shortKeys = names.map { Self.normalised(Self.withoutSuffix($0)) }
  }

  /// The matcher of a ward table.
  public init(_ table: WardTable) { self.init(codes: table.codes, names: table.names) }

  /// The index of the ward `query` names.
  /// - Throws: ``WardPlanError/unknownWard(query:suggestions:)`` with up to three
  ///   suggestions; ``WardPlanError/ambiguousWard(query:candidates:)``.
  public func index(of query: String) throws(WardPlanError) -> Int {
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    if let i = codes.firstIndex(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) {
      return i
    }
    let key = Self.normalised(trimmed)
    for keys in [fullKeys, shortKeys] {
      let hits = keys.indices.filter { keys[$0] == key }
      if hits.count == 1 { return hits[0] }
      if hits.count > 1 {
        throw .ambiguousWard(query: query, candidates: hits.map { "\(names[$0]) [\(codes[$0])]" })
      }
    }
    throw .unknownWard(query: query, suggestions: suggestions(for: trimmed))
  }

  /// The `limit` wards whose names are closest to `query`, as "Name [code]".
  ///
  /// Closeness is the Levenshtein distance between the normalised query (without suffix)
  /// and the name, or any single word of the name when that is smaller, so "Sledderloo"
  /// finds both Sledderlo wards; ties go to the smaller distance to the whole name, then
  /// to the name in alphabetical order.
  public func suggestions(for query: String, limit: Int = 3) -> [String] {
    let key = Self.normalised(Self.withoutSuffix(query))
    let scored = shortKeys.indices.map { k -> (Int, Int, Int) in
      let whole = editDistance(key, shortKeys[k])
      let word = shortKeys[k].split(separator: " ").map { editDistance(key, String($0)) }.min()
      return (k, min(whole, word ?? whole), whole)
    }
    return scored.sorted { l, r in
      (l.1, l.2) != (r.1, r.2) ? (l.1, l.2) < (r.1, r.2) : shortKeys[l.0] < shortKeys[r.0]
    }
    .prefix(limit).map { "\(Self.withoutSuffix(names[$0.0])) [\(codes[$0.0])]" }
  }

  /// Lower case, accents folded, hyphens, underscores and apostrophes read as spaces, runs of
  /// spaces collapsed ("Nieuw-Sledderlo " → "nieuw sledderlo").
  public static func normalised(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let spaced = folded.map { "-‐–—_'’.".contains($0) ? " " : $0 }
    return String(spaced).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The name without a trailing "(Municipality)" ("Kolderbos (Genk)" → "Kolderbos").
  public static func withoutSuffix(_ name: String) -> String {
    let t = name.trimmingCharacters(in: .whitespaces)
    guard t.hasSuffix(")"), let open = t.lastIndex(of: "(") else { return t }
    let stem = t[..<open].trimmingCharacters(in: .whitespaces)
    return stem.isEmpty ? t : stem
  }
}
