// Strict keyed decoding: Codable ignores unknown keys, so a typo in a configuration
// (`numerater:`) would silently fall back to a default. Every configuration type decodes
// through `strictContainer`, which rejects keys it does not know and lists the ones it does.

struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }
}

extension Decoder {
  /// A keyed container that throws `DecodingError.dataCorrupted` for a key outside `K`.
  ///
  /// - Parameters:
  ///   - allowing: further keys that are accepted here (a configuration that embeds another
  ///     decodes them itself).
  ///   - excluding: keys of `K` that are refused here (they do not apply to the embedder).
  func strictContainer<K: CodingKey & CaseIterable>(
    _ keys: K.Type, allowing extra: [String] = [], excluding: [String] = []
  ) throws -> KeyedDecodingContainer<K> {
    let all = try container(keyedBy: AnyCodingKey.self)
    let known = K.allCases.map(\.stringValue).filter { !excluding.contains($0) } + extra
    for key in all.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: codingPath + [key],
          debugDescription:
            "unknown key '\(key.stringValue)'; known keys here: \(known.joined(separator: ", "))"))
    }
    return try container(keyedBy: K.self)
  }
}
