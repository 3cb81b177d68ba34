import Foundation

/// What a reader sees in a published file, and what must not be there in a Dutch handout:
/// English words, raw column identifiers, unrounded numbers, dates in ISO form, and map wards
/// without a name.
enum HandoutScan {
  /// English words and phrases that no Dutch report should contain (whole words, any case).
  /// Words Flemish civil servants use as they are ("hotspot", "cluster", "buffer", "score",
  /// "data") are not listed; nor are words that are Dutch too ("of", "in", "is", "map",
  /// "school", "park", "station").
  static let englishWords = [
    "the", "and", "with", "from", "for", "to", "by", "at", "on", "or", "not", "no", "yes",
    "all", "any", "each", "every", "only", "than", "between", "below", "above", "within",
    "ward", "wards", "city", "town", "total", "rank", "value", "values", "share", "mean",
    "count", "rate", "nearest", "distance", "outside", "inside", "neighbour", "neighbours",
    "neighbor", "neighbors", "published", "withheld", "small numbers",
    "source", "sources", "figure", "note", "made on", "missing", "none", "true", "false",
    "null", "nan", "inf", "infinity", "undefined", "optional", "pass", "fail", "failed",
    "attention", "verdict", "phase", "site", "facilities", "facility", "dwellings", "dwelling",
    "housing", "vacant", "vacancy", "change", "year", "years", "method", "outlier", "low",
    "high", "households", "average", "per cent", "percent", "rental", "social", "owner",
    "landlord", "permits", "subsidies", "single", "family", "unknown", "illustrative",
    "synthetic", "contributors", "schools", "shops", "doctor", "before", "after", "limit",
    "rule", "rules", "applicable", "quantiles", "classes", "class", "breaks", "interval",
    "natural", "equal",
  ]

  /// One thing found: the file (relative to the output folder), what, and where in the text.
  struct Finding: CustomStringConvertible {
    var file: String
    var problem: String
    var context: String
    var description: String { "\(file): \(problem) in “\(context)”" }
  }

  /// The published text files under `folder` (reports, maps, tables), skipping working files
  /// (JSON, GeoPackage, `*not_for_publication*`) and binary ones.
  static func publishedFiles(under folder: URL) -> [URL] {
    let all = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL } ?? []
    return all.filter { url in
      ["html", "md", "svg", "csv", "txt"].contains(url.pathExtension)
        && !url.lastPathComponent.contains("not_for_publication")
    }.sorted { $0.path < $1.path }
  }

  /// The text a reader sees: HTML and SVG without markup, styles or attributes (entities
  /// decoded, tooltips kept); a CSV without its header line (the header names columns for
  /// Excel) and, in a codebook, without its first column (the column ids it explains);
  /// Markdown without its escapes. File names and commands are then removed, since
  /// `wards.csv` is a name, not a word.
  /// The string values of the `application/json` scripts that a page shows: every value of
  /// a `label`, `text` or `name` key and of the `words` object, joined by spaces.
  static func shownStrings(inJSONScriptsOf html: String) -> String {
    var out: [String] = []
    func walk(_ v: Any, key: String?) {
      if let d = v as? [String: Any] {
        for (k, x) in d { walk(x, key: key == "words" ? "words" : k) }
      } else if let a = v as? [Any] {
        for x in a { walk(x, key: key) }
      } else if let str = v as? String, let key, ["label", "text", "name", "words"].contains(key) {
        out.append(str)
      }
    }
    for part in html.components(separatedBy: "<script type=\"application/json\"").dropFirst() {
      guard let start = part.firstIndex(of: ">"),
        let end = part.range(of: "</script>")?.lowerBound
      else { continue }
      let json = part[part.index(after: start)..<end].replacingOccurrences(of: "<\\/", with: "</")
      if let v = try? JSONSerialization.jsonObject(with: Data(json.utf8)) { walk(v, key: nil) }
    }
    return out.joined(separator: " ")
  }

  static func visibleText(_ raw: String, fileExtension ext: String, isCodebook: Bool = false)
    -> String
  {
    var s = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
    switch ext {
    case "html", "svg":
      // a reader sees the strings of the page's data (the panel of the interactive map),
      // not its script or the data's keys
      let data = shownStrings(inJSONScriptsOf: s)
      s = replace(s, #"<script[\s\S]*?</script>"#, " ") + " " + data
      s = replace(s, #"<style[\s\S]*?</style>"#, " ")
      s = replace(s, #"<[^>]*>"#, " ")
      for (entity, char) in [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
        ("&amp;", "&"),
      ] {
        s = s.replacingOccurrences(of: entity, with: char)
      }
    case "md":
      s = replace(s, #"\\([\\`*_{}\[\]()#+\-.!<>|])"#, "$1")  // Markdown escapes
    case "csv":
      // Lines end in CRLF, one Character in Swift: split on any line break.
      s = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).dropFirst()
        .map { line in
          isCodebook ? String(line.drop { $0 != ";" && $0 != "," }.dropFirst()) : String(line)
        }
        .joined(separator: "\n")
    default: break
    }
    s = replace(s, #"[\w./-]+\.(csv|xlsx|html|md|svg|json|gpkg|yaml|geojson|py)\b"#, " ")
    s = replace(s, #"`[^`\n]*`"#, " ")
    s = replace(s, #"https?://\S+"#, " ")
    return s
  }

  /// Every English word, raw identifier, unrounded number and ISO date in `text`; words in
  /// `configured` (names the configuration gives without a Dutch label) are not findings.
  static func problems(
    in text: String, file: String, isTable: Bool, configured: Set<String> = []
  ) -> [Finding] {
    var found: [Finding] = []
    func add(_ pattern: String, _ problem: (String) -> String, options: NSRegularExpression.Options = [])
    {
      let re = try! NSRegularExpression(pattern: pattern, options: options)
      let ns = text as NSString
      for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
        let word = ns.substring(with: m.range)
        if configured.contains(word) { continue }
        let lo = max(0, m.range.location - 30)
        let hi = min(ns.length, m.range.location + m.range.length + 30)
        let context = ns.substring(with: NSRange(location: lo, length: hi - lo))
          .replacingOccurrences(of: "\n", with: " ")
        found.append(Finding(file: file, problem: problem(word), context: context))
      }
    }
    let words = englishWords.map { NSRegularExpression.escapedPattern(for: $0) }
      .map { $0.replacingOccurrences(of: " ", with: #"\s+"#) }.joined(separator: "|")
    add(#"(?<![\p{L}\p{N}_-])(\#(words))(?![\p{L}\p{N}_-])"#, { "English “\($0)”" },
      options: [.caseInsensitive])
    add(#"(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+(?![\p{L}\p{N}])"#, {
      "raw identifier “\($0)”"
    })
    // Three decimals at most are published (p-values); Dutch thousands groups have three. A
    // corrected threshold below 0.01 keeps two significant digits ("p < 0,0017").
    add(#"(?<![\d.,])(?!0[.,]00[1-9]\d?(?![\d]))\d+[.,]\d{4,}"#, { "unrounded number “\($0)”" })
    if !isTable { add(#"\b\d{4}-\d{2}-\d{2}\b"#, { "date “\($0)” not in words" }) }
    return found
  }

  static func replace(_ s: String, _ pattern: String, _ with: String) -> String {
    s.replacingOccurrences(of: pattern, with: with, options: .regularExpression)
  }

  /// The maps in `text` (an SVG file, or an HTML page with inline SVG maps).
  static func maps(in text: String) -> [String] {
    let re = try! NSRegularExpression(pattern: #"<svg[\s\S]*?</svg>"#)
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length))
      .map { ns.substring(with: $0.range) }
  }

  /// The wards of `svg` that have neither a name on the map nor a number with a key line;
  /// empty for an SVG without wards (a chart).
  static func unnamedWards(in svg: String) -> [String] {
    func values(_ pattern: String) -> [(String, String)] {
      let re = try! NSRegularExpression(pattern: pattern)
      let ns = svg as NSString
      return re.matches(in: svg, range: NSRange(location: 0, length: ns.length)).map {
        (ns.substring(with: $0.range(at: 1)), ns.substring(with: $0.range(at: 2)))
      }
    }
    let wards = values(#"<path class="ward" data-ward="([^"]*)"()"#).map(\.0)
    let named = Set(values(#"<text class="ward-label"[^>]*data-ward="([^"]*)">([^<]+)<"#).map(\.0))
    let numbers = Dictionary(
      values(#"<text class="ward-number"[^>]*data-ward="([^"]*)">(\d+)<"#),
      uniquingKeysWith: { a, _ in a })
    let keys = Dictionary(
      values(#"<text class="ward-key-entry"[^>]*data-ward="([^"]*)">([^<]+)<"#),
      uniquingKeysWith: { a, _ in a })
    return wards.filter { id in
      if named.contains(id) { return false }
      guard let n = numbers[id], let key = keys[id] else { return true }
      return !key.hasPrefix(n + " ") || key.count <= n.count + 1
    }
  }
}
