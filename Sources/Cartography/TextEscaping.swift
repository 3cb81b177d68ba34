// Escaping of user text (ward names, titles, table cells) for XML/HTML and Markdown.

extension String {
  /// The text escaped for XML and HTML content and attribute values: `&`, `<`, `>`, `"` and
  /// `'` become entities. Ward names such as `Oud-Sledderlo` or `Winterslag 2 en 4` pass
  /// through; accents stay as UTF-8 characters.
  ///
  /// Works on the UTF-8 bytes (the five characters are ASCII, so no multi-byte sequence is
  /// touched), and returns `self` when there is nothing to escape, as for most names.
  public var xmlEscaped: String {
    let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
    guard utf8.contains(where: special) else { return self }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      switch byte {
      case 0x26: out += Array("&amp;".utf8)
      case 0x3C: out += Array("&lt;".utf8)
      case 0x3E: out += Array("&gt;".utf8)
      case 0x22: out += Array("&quot;".utf8)
      case 0x27: out += Array("&#39;".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The text escaped for a CommonMark/GitHub Markdown paragraph or table cell, so that it
  /// shows literally: inline markup characters (`\ * _ ` [ ] < > | & ~`) get a backslash, and
  /// so do markers that would open a block at the start of the line (headings, bullets,
  /// ordered-list numbers, rules). Line breaks become spaces: one call gives one line.
  ///
  /// Matches CommonMark 0.31 §2.4: any ASCII punctuation may be backslash-escaped.
  public var markdownEscaped: String {
    let flat = split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .joined(separator: " ")
    var out = ""
    for ch in flat {
      if "\\`*_[]<>|&~".contains(ch) { out.append("\\") }
      out.append(ch)
    }
    return Self.escapingBlockStart(out)
  }

  /// Backslash before what would open a block at the start of a line: `#` headings and
  /// `-`/`+` bullets (followed by a space or the end), `1.`/`1)` ordered-list markers
  /// (likewise), and lines of only `-` or `=` (thematic break, setext underline). So a ward
  /// called "1. Zwartberg" is not read as a list item, while "1.234" and "Oud-Sledderlo"
  /// stay as they are.
  private static func escapingBlockStart(_ line: String) -> String {
    let trimmed = line.drop { $0 == " " }
    let indent = String(line.prefix(line.count - trimmed.count))
    guard let first = trimmed.first else { return line }
    let endsMarker = { (rest: Substring) in rest.isEmpty || rest.first == " " }
    if trimmed.allSatisfy({ $0 == "-" || $0 == "=" || $0 == " " }) {
      return indent + "\\" + trimmed
    }
    if first == "-" || first == "+", endsMarker(trimmed.dropFirst()) {
      return indent + "\\" + trimmed
    }
    if first == "#", endsMarker(trimmed.drop { $0 == "#" }) { return indent + "\\" + trimmed }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 9 {
      let rest = trimmed.dropFirst(digits.count)
      if let mark = rest.first, mark == "." || mark == ")", endsMarker(rest.dropFirst()) {
        return indent + digits + "\\" + rest
      }
    }
    return line
  }
}
