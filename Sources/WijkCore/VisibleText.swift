extension String {
  /// The text as a message should show it: every character a reader cannot see or cannot
  /// tell from a plain space is written as its code point in angle brackets.
  ///
  /// A key copied from Excel or a web page often carries a byte-order mark (U+FEFF), a
  /// no-break space (U+00A0) or a zero-width space (U+200B); printed raw, `"W01 "` and
  /// `"W01"` look the same in an error and the user cannot see why they do not match.
  /// Shown here: control characters (C0, DEL, C1; a tab is `<TAB>`), format characters
  /// (Unicode category Cf: U+200B–U+200F, U+2060, U+FEFF, …), every space separator except
  /// U+0020 (Zs: U+00A0, U+2007, U+202F, …), line and paragraph separators, and a space at
  /// either end of the text. Everything else is kept as it is.
  ///
  /// - Returns: e.g. `W01<U+00A0>` for `"W01\u{00A0}"`, `<U+FEFF>code` for a BOM-led header,
  ///   `<TAB>x` for a leading tab, `<U+0020>W01` for a leading space.
  public var visibleInMessages: String {
    var out = ""
    let scalars = Array(unicodeScalars)
    for (k, s) in scalars.enumerated() {
      let atEdge = k == 0 || k == scalars.count - 1
      if s == " " {
        out += atEdge ? "<U+0020>" : " "
      } else if s == "\t" {
        out += "<TAB>"
      } else if Self.isInvisible(s) {
        out += "<U+" + Self.hex(s.value) + ">"
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out
  }

  private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: true
    default: false
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
  }
}
