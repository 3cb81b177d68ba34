import Testing

@testable import WijkIO

/// The tokeniser hands unquoted fields over without copying them; on any text it must give
/// the fields, positions, lines and record ends of the byte-by-byte tokeniser it replaced
/// (kept here as `byteByByte`, the form every CSV field case was checked with).
@Suite struct CSVTokeniserTests {
  typealias Event = String

  static func events(
    _ text: [UInt8], _ separator: [UInt8],
    _ scan: (
      UnsafeBufferPointer<UInt8>, [UInt8], (UnsafeBufferPointer<UInt8>, Int, Int) -> Void,
      (Int, Bool) -> Bool
    ) throws(IOError) -> Void
  ) -> [Event] {
    var out: [Event] = []
    do {
      try text.withUnsafeBufferPointer { (b) throws(IOError) in
        try scan(
          b, separator, { f, position, line in out.append("f\(position)@\(line):\(Array(f))") },
          { line, blank in
            out.append("end@\(line) blank \(blank)")
            return true
          })
      }
    } catch { out.append("error \(error)") }
    return out
  }

  @Test func unquotedFieldsAsTheByteByByteTokeniser() {
    var rng = SystemRandomNumberGenerator()
    let alphabet: [[UInt8]] = [
      [0x61], [0x31], [0x2C], [0x3B], [0x22], [0x0D], [0x0A], [0x20], [0xC3, 0xA9], [0x2E],
    ]
    var differ = 0
    for trial in 0..<20_000 {
      let text = (0..<Int.random(in: 0...24, using: &rng)).flatMap { _ in
        alphabet.randomElement(using: &rng)!
      }
      let separator: [UInt8] = trial % 3 == 0 ? [0xC3, 0xA9] : trial % 3 == 1 ? [0x2C] : [0x3B]
      let new = Self.events(text, separator) { (b, s, f, e) throws(IOError) in
        try CSVTokeniser.scan(b, separator: s, path: "t.csv", field: f, end: e)
      }
      let old = Self.events(text, separator) { (b, s, f, e) throws(IOError) in
        try Self.byteByByte(b, separator: s, path: "t.csv", field: f, end: e)
      }
      if new != old {
        differ += 1
        if differ < 4 { Issue.record("\(text) sep \(separator): \(new) vs \(old)") }
      }
    }
    #expect(differ == 0)
  }

  /// The tokeniser before unquoted fields were passed without copying (Sources/WijkIO/CSVTokeniser.swift as of 675605d).
  static func byteByByte(
    _ bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8], path: String,
    field: (UnsafeBufferPointer<UInt8>, Int, Int) throws(IOError) -> Void,
    end: (Int, Bool) throws(IOError) -> Bool
  ) throws(IOError) {
    let (quote, cr, lf) = (UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
    let sep0 = separator[0]
    var buffer: [UInt8] = []
    buffer.reserveCapacity(64)
    var (index, line, recordLine, quoteLine) = (0, 1, 1, 1)
    var (inQuotes, wasQuoted) = (false, false)
    func emit() throws(IOError) {
      try buffer.withUnsafeBufferPointer { (b) throws(IOError) in try field(b, index, recordLine) }
      index += 1
      buffer.removeAll(keepingCapacity: true)
    }
    func endRecord() throws(IOError) -> Bool {
      let blank = index == 0 && buffer.isEmpty && !wasQuoted
      try emit()
      (index, wasQuoted) = (0, false)
      return try end(recordLine, blank)
    }
    func isSeparator(at i: Int) -> Bool {
      guard bytes[i] == sep0 else { return false }
      guard separator.count > 1 else { return true }
      guard i + separator.count <= bytes.count else { return false }
      return (1..<separator.count).allSatisfy { bytes[i + $0] == separator[$0] }
    }
    var i = 0
    while i < bytes.count {
      let c = bytes[i]
      if inQuotes {
        i += 1
        if c == quote {
          if i < bytes.count && bytes[i] == quote {
            buffer.append(quote)
            i += 1
          } else {
            inQuotes = false
          }
        } else {
          if c == lf { line += 1 }
          buffer.append(c)
        }
        continue
      }
      if c == quote && buffer.isEmpty {
        (inQuotes, wasQuoted, quoteLine) = (true, true, line)
        i += 1
      } else if isSeparator(at: i) {
        try emit()
        i += separator.count
      } else if c == cr || c == lf {
        i += 1
        if c == cr && i < bytes.count && bytes[i] == lf { i += 1 }
        guard try endRecord() else { return }
        line += 1
        recordLine = line
      } else {
        buffer.append(c)
        i += 1
      }
    }
    if inQuotes { throw .unterminatedQuote(path: path, line: quoteLine) }
    if !buffer.isEmpty || index > 0 || wasQuoted { _ = try endRecord() }
  }

}
