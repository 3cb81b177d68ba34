import Foundation

/// How join keys (ward codes, sector codes, ward names) are normalised before they are
/// compared. Keys are always compared as text, never as numbers, so `01` and `1` differ
/// unless padding is asked for.
///
/// The steps, in this order:
/// 1. trim white space and newlines at both ends (always);
/// 2. Unicode NFC, so a name typed as `e` + combining diaeresis equals `ë` (always);
/// 3. accent folding, when `foldsAccents`: decompose (NFD), drop non-spacing marks, recompose;
/// 4. case folding, when `foldsCase`: Unicode lower case;
/// 5. left-padding with `0` to `padWidth` characters, when set and the key is shorter (only
///    applied to the side the caller pads, normally the table's keys, see ``KeyJoin``).
///
/// The normalised key is used for matching only; outputs keep the layer's own codes.
public struct KeyNormalisation: Hashable, Sendable {
  /// Compare ignoring case (`Genk-Centrum` = `GENK-CENTRUM`). Meant for names, not codes.
  public var foldsCase: Bool
  /// Compare ignoring accents (`Hoëvelde` = `Hoevelde`). Meant for names, not codes.
  public var foldsAccents: Bool

  /// Exact codes: trim and NFC only.
  public static let codes = KeyNormalisation(foldsCase: false, foldsAccents: false)
  /// Names: trim, NFC, case and accent folding.
  public static let names = KeyNormalisation(foldsCase: true, foldsAccents: true)

  /// Defaults to exact codes, as ``codes``: trim and NFC only.
  public init(foldsCase: Bool = false, foldsAccents: Bool = false) {
    self.foldsCase = foldsCase
    self.foldsAccents = foldsAccents
  }

  /// The normalised form of `key` (steps 1–4 above).
  public func normalise(_ key: String) -> String {
    var s = key.trimmingCharacters(in: .whitespacesAndNewlines)
    s = s.precomposedStringWithCanonicalMapping
    if foldsAccents {
      let kept = s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
        $0.properties.generalCategory != .nonspacingMark
      }
      s = String(String.UnicodeScalarView(kept)).precomposedStringWithCanonicalMapping
    }
    if foldsCase { s = s.lowercased() }
    return s
  }

  /// `key` left-padded with `0` to `width` characters; unchanged when already as wide.
  public static func padded(_ key: String, toWidth width: Int) -> String {
    key.count >= width ? key : String(repeating: "0", count: width - key.count) + key
  }
}
