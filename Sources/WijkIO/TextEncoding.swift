import Foundation

/// The text encodings wijk decodes itself (DBF text and CSV files), so that decoding is
/// strict and identical on every platform: a byte that is not valid is an error or a stated
/// fallback, never a U+FFFD replacement character.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  /// Windows-1252 (Western European ANSI), what Belgian Windows software writes.
  case windows1252 = "Windows-1252"
  /// ISO-8859-1 (Latin-1).
  case latin1 = "ISO-8859-1"

  /// The name shown to users.
  public var displayName: String { rawValue }

  /// Reads a code-page name as `.cpg` files and users write it (`UTF-8`, `utf8`, `65001`,
  /// `1252`, `CP1252`, `windows-1252`, `ANSI 1252`, `ISO-8859-1`, `88591`, `latin1`);
  /// `nil` for anything else.
  public init?(name: String) {
    let key = name.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
      .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
      .replacingOccurrences(of: " ", with: "")
    switch key {
    case "UTF8", "65001": self = .utf8
    case "1252", "CP1252", "WINDOWS1252", "ANSI1252", "WIN1252": self = .windows1252
    case "88591", "ISO88591", "LATIN1", "28591": self = .latin1
    default: return nil
    }
  }

  /// Decodes `bytes` strictly and normalises to NFC; `nil` when a byte sequence is invalid
  /// in this encoding (bad UTF-8, or one of the five bytes Windows-1252 leaves undefined).
  public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    let text: String?
    switch self {
    case .utf8: text = String(validating: bytes, as: UTF8.self)
    case .latin1: text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    case .windows1252:
      var scalars = String.UnicodeScalarView()
      for b in bytes {
        guard let s = Self.windows1252Scalar(b) else { return nil }
        scalars.append(s)
      }
      text = String(scalars)
    }
    // ASCII is already NFC; normalising costs ~0.5 s per 6 MB in a debug build.
    if bytes.allSatisfy({ $0 < 0x80 }) { return text }
    return text?.precomposedStringWithCanonicalMapping
  }

  /// Encodes `text` (as NFC); `nil` when a character has no byte in this encoding.
  public func encode(_ text: String) -> [UInt8]? {
    let nfc = text.precomposedStringWithCanonicalMapping
    switch self {
    case .utf8: return Array(nfc.utf8)
    case .latin1:
      var out: [UInt8] = []
      for s in nfc.unicodeScalars {
        guard s.value < 256 else { return nil }
        out.append(UInt8(s.value))
      }
      return out
    case .windows1252:
      var out: [UInt8] = []
      for s in nfc.unicodeScalars {
        if s.value < 0x80 || (0xA0...0xFF).contains(s.value) {
          out.append(UInt8(s.value))
        } else if let i = Self.windows1252High.firstIndex(of: s.value) {
          out.append(UInt8(0x80 + i))
        } else {
          return nil
        }
      }
      return out
    }
  }

  /// Code points of bytes 0x80...0x9F in Windows-1252 (0 where the byte is undefined), from
  /// the Unicode consortium's mapping table `CP1252.TXT`.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
    guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
    let value = windows1252High[Int(byte - 0x80)]
    return value == 0 ? nil : Unicode.Scalar(value)
  }
}

/// Where the encoding used for a file came from.
public enum EncodingSource: String, Hashable, Sendable {
  /// The caller stated it (it overrides whatever the file says).
  case user
  /// A Shapefile's `.cpg` side file.
  case cpgFile
  /// The language-driver byte (offset 29) of a DBF header.
  case dbfLanguageDriver
  /// The bytes are valid UTF-8 (and no declaration said otherwise).
  case validUTF8
  /// Nothing declared it and the bytes are not UTF-8: Windows-1252 was assumed.
  case fallback
}
