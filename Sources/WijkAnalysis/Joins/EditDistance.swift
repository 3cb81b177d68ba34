import WijkCore

/// The Levenshtein distance between `a` and `b` over Unicode scalars (insertions, deletions
/// and substitutions each cost 1), used to suggest the closest key for an unmatched one.
func editDistance(_ a: String, _ b: String) -> Int {
  let s = Array(a.unicodeScalars)
  let t = Array(b.unicodeScalars)
  if s.isEmpty { return t.count }
  if t.isEmpty { return s.count }
  var previous = Array(0...t.count)
  var current = [Int](repeating: 0, count: t.count + 1)
  for i in 1...s.count {
    current[0] = i
    for j in 1...t.count {
      let substitution = previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[t.count]
}

/// Up to `limit` keys of `candidates` closest to `key` by edit distance, nearest first (ties in
/// code-point order), keeping only those within half the longer key's length.
func closestKeys(to key: String, among candidates: [String], limit: Int = 3) -> [String] {
  let scored = candidates.map { ($0, editDistance(key, $0)) }.filter { candidate, d in
    d <= max(1, max(key.count, candidate.count) / 2)
  }
  let sorted = scored.sorted { l, r in
    l.1 != r.1 ? l.1 < r.1 : l.0.precedesByCodePoints(r.0)
  }
  return sorted.prefix(limit).map(\.0)
}
