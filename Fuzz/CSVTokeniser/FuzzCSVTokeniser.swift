// libFuzzer target for the CSV tokeniser (WijkIO/CSVTokeniser.swift). The first byte picks
// the separator (`;`, tab, `|`, `,` or detected from the header line); the rest is the text
// as UTF-8 (invalid bytes become U+FFFD, as `String(decoding:)` does in the reader). Any text
// must tokenise or throw an IOError, and every record's line number must lie in the text.
@testable import WijkIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVTokeniser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data, size > 0 else { return 0 }
  let buffer = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: buffer.dropFirst(), as: UTF8.self)
  let choices: [Character] = [";", "\t", "|", ","]
  let pick = Int(buffer[0])
  let separator = pick < choices.count ? choices[pick] : CSVTokeniser.detectSeparator(text)
  guard let records = try? CSVTokeniser.records(text, separator: separator, path: "fuzz.csv")
  else { return 0 }
  // Lines are counted from 1; a record cannot start after the last line break + 1.
  let breaks = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count
  for r in records where r.line < 1 || r.line > breaks + 1 {
    fatalError("record line \(r.line) outside 1...\(breaks + 1)")
  }
  return 0
}
