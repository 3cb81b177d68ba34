/// Splits CSV text into records of fields (RFC 4180, generalised to any one-character
/// separator): quoted fields may hold separators, doubled quotes and line breaks; records end
/// at LF, CRLF or CR outside quotes. Blank lines are skipped.
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
    let sep = separator.unicodeScalars.first!
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var line = 1
    var recordLine = 1
    var quoteLine = 1
    var inQuotes = false
    var wasQuoted = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil

    func endRecord() {
      fields.append(String(field))
      // A record of one empty unquoted field is a blank line.
      if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
        records.append(Record(fields: fields, line: recordLine))
      }
      fields = []
      field = String.UnicodeScalarView()
      wasQuoted = false
    }

    while let c = pending ?? scalars.next() {
      pending = nil
      if inQuotes {
        if c == "\"" {
          let next = scalars.next()
          if next == "\"" {
            field.append("\"")
          } else {
            inQuotes = false
            pending = next
          }
        } else {
          if c == "\n" { line += 1 }
          field.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty:
        inQuotes = true
        wasQuoted = true
        quoteLine = line
      case sep:
        fields.append(String(field))
        field = String.UnicodeScalarView()
      case "\r", "\n":
        if c == "\r" {
          let next = scalars.next()
          if next != "\n" { pending = next }
        }
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(c)
      }
    }
    if inQuotes { throw .unterminatedQuote(path: path, line: quoteLine) }
    if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
    return records
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
