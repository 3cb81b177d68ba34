/// Splits CSV text into records of fields (RFC 4180, generalised to any one-character
/// separator): quoted fields may hold separators, doubled quotes and line breaks; records end
/// at LF, CRLF or CR outside quotes. Blank lines are skipped.
///
/// It works on bytes (``scan(_:separator:path:field:end:)``): quote, CR and LF are ASCII, and
/// in UTF-8, Windows-1252 and Latin-1 (every encoding wijk reads) an ASCII byte is always that
/// character and never part of another, so the fields split on bytes are the fields of the
/// decoded text. ``records(_:separator:path:)`` runs it over a decoded text's UTF-8;
/// ``CSVColumns`` over a file's own bytes.
struct CSVTokeniser {
  /// One record and the 1-based physical line on which it starts.
  struct Record {
    var fields: [String]
    var line: Int
  }

  /// - Throws: ``IOError/unterminatedQuote(path:line:)``.
  static func records(_ text: String, separator: Character, path: String) throws(IOError)
    -> [Record]
  {
    var text = text
    var records: [Record] = []
    var fields: [String] = []
    var failure: IOError?
    text.withUTF8 { bytes in
      do throws(IOError) {
        try scan(
          bytes, separator: Array(String(separator).utf8), path: path,
          field: { field, _, _ in fields.append(String(decoding: field, as: UTF8.self)) },
          end: { line, blank in
            if !blank { records.append(Record(fields: fields, line: line)) }
            fields.removeAll(keepingCapacity: true)
            return true
          })
      } catch { failure = error }
    }
    if let failure { throw failure }
    return records
  }

  /// The tokeniser: calls `field` with each field's bytes (its quotes removed, a doubled
  /// quote made single; valid only during the call), its position in the record and the
  /// record's 1-based first line, then
  /// `end` with the record's 1-based first line and whether it is a blank line (one empty
  /// unquoted field, which a reader skips); `end` returns whether to go on.
  ///
  /// - Parameter separator: the separator's bytes in the text's encoding (one for ASCII).
  /// - Throws: ``IOError/unterminatedQuote(path:line:)``, and what the callbacks throw.
  static func scan(
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
    func emit(_ b: UnsafeBufferPointer<UInt8>) throws(IOError) {
      try field(b, index, recordLine)
      index += 1
    }
    func emit() throws(IOError) {
      try buffer.withUnsafeBufferPointer { (b) throws(IOError) in try emit(b) }
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
      if buffer.isEmpty && c != quote && c != cr && c != lf {
        // An unquoted field is its bytes up to the separator or line break as they stand:
        // passed without copying (millions of point cells). A field that ends its line is
        // copied to the buffer, for the record's end below.
        var j = i
        while j < bytes.count, bytes[j] != cr, bytes[j] != lf, !isSeparator(at: j) { j += 1 }
        let cell = UnsafeBufferPointer(rebasing: bytes[i..<j])
        if j < bytes.count, bytes[j] != cr, bytes[j] != lf {
          try emit(cell)
          i = j + separator.count
        } else {
          buffer.append(contentsOf: cell)
          i = j
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

  /// The separator of a file, from its header line: whichever of `;`, tab, `|`, `,` occurs
  /// most often outside quotes (ties in that order); `,` when none occurs.
  static func detectSeparator(_ text: String) -> Character {
    let candidates: [Character] = [";", "\t", "|", ","]
    var counts = [Character: Int]()
    var inQuotes = false
    for c in text {
      if c == "\"" {
        inQuotes.toggle()
        continue
      }
      if !inQuotes && (c == "\n" || c == "\r\n" || c == "\r") { break }
      if !inQuotes && candidates.contains(c) { counts[c, default: 0] += 1 }
    }
    var best: Character = ","
    var bestCount = 0
    for c in candidates where (counts[c] ?? 0) > bestCount {
      best = c
      bestCount = counts[c] ?? 0
    }
    return best
  }
}
