import Foundation
import WijkCore

/// A few numeric columns of a large delimited text file, read straight from its bytes into
/// one array of numbers per column: the point files of `wijk join --points` (millions of rows
/// of x, y and a count), where a ``Table`` of typed cells costs about 13 times the numbers.
///
/// The reading is ``CSVReader``'s: the same tokeniser (``CSVTokeniser``), separator detection,
/// number convention, Statbel column prefixes, ``CellPolicy`` for every cell (a number, a
/// missing-value marker with its reason, or ``IOError/notANumber(path:line:column:text:convention:markers:)``
/// naming the line), and ``IOError/raggedRow(path:line:expected:found:)``. A file with several
/// faults reports the first in file order. Anything this path does not cover returns `nil`,
/// and the caller reads the table as before: a source that is not plain text (zip, workbook,
/// database), a file that is not valid UTF-8 or a forced encoding (the Windows-1252 fallback
/// and its warning stay ``CSVReader``'s), a separator outside ASCII, or a requested column
/// that is absent or not declared numeric.
public struct CSVColumns: Sendable {
  /// The file, as in messages.
  public var source: String
  /// The requested columns, in request order.
  public var columns: [String]
  /// Per requested column, one number per row; NaN where the cell is missing.
  public var values: [[Double]]
  /// Per requested column, the rows whose cell is missing and why (a marker's reason).
  public var missing: [[Int: String]]
  /// The 1-based physical line of each row (the header is line 1 in a file without blank
  /// lines before it).
  public var lineNumbers: [Int32]
  /// Encoding, separator and number convention, as ``CSVReader`` reports them.
  public var report: ReadReport

  /// The number of rows.
  public var count: Int { lineNumbers.count }

  /// The cell of `row` in requested column `column`, `nil` when missing.
  public func value(_ column: Int, _ row: Int) -> Double? {
    let v = values[column][row]
    return v.isNaN && missing[column][row] != nil ? nil : v
  }

  /// Reads `columns` of `source`, or returns `nil` when the file needs the table path (see
  /// the type's comment).
  ///
  /// - Throws: ``IOError/fileNotFound(path:)``, ``IOError/emptyTable(path:)``,
  ///   ``IOError/unterminatedQuote(path:line:)``, ``IOError/duplicateColumn(path:column:)``,
  ///   ``IOError/raggedRow(path:line:expected:found:)`` and the cell errors of ``CellPolicy``.
  public static func read(_ source: TableSource, columns: [String], options: CSVOptions)
    throws(IOError) -> CSVColumns?
  {
    guard source.format == .text, source.layer == nil, options.encoding == nil,
      options.separator.map({ $0.isASCII }) ?? true
    else { return nil }
    guard let data = FileManager.default.contents(atPath: source.path) else {
      throw .fileNotFound(path: source.path)
    }
    let read = data.withUnsafeBytes { (raw) -> Result<CSVColumns?, IOError> in
      let all = raw.bindMemory(to: UInt8.self)
      let bom = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let body = UnsafeBufferPointer(rebasing: all[bom...])
      guard isValidUTF8(body) else { return .success(nil) }
      var reader = Reader(path: source.path, requested: columns, options: options, body: body)
      do throws(IOError) { return .success(try reader.read()) } catch { return .failure(error) }
    }
    return try read.get()
  }

  /// Whether `bytes` are valid UTF-8, without copying them.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }
}

extension CSVColumns {
  /// One pass over the bytes: the header decides the columns, then each row's requested
  /// cells go through the cell policy.
  struct Reader {
    let path: String
    let requested: [String]
    var options: CSVOptions
    let body: UnsafeBufferPointer<UInt8>
    var report = ReadReport()

    init(path: String, requested: [String], options: CSVOptions, body: UnsafeBufferPointer<UInt8>) {
      (self.path, self.requested, self.options, self.body) = (path, requested, options, body)
    }

    mutating func read() throws(IOError) -> CSVColumns? {
      let separator = options.separator ?? CSVTokeniser.detectSeparator(headerText())
      guard let sep = separator.asciiValue else { return nil }
      let convention = options.numberConvention ?? .detected(separator: separator)
      report.encoding = .utf8
      report.encodingSource = .validUTF8
      report.separator = separator
      report.separatorDetected = options.separator == nil
      report.numberConvention = convention
      report.numberConventionDetected = options.numberConvention == nil
      let policy = CellPolicy(convention: convention, missing: options.missingValues)
      let plain = PlainDecimal(convention: convention, missing: options.missingValues)
      let rows = body.reduce(into: 0) { n, b in if b == UInt8(ascii: "\n") { n += 1 } } + 1
      var out = CSVColumns(
        source: path, columns: requested,
        values: requested.map { _ in [Double]() }, missing: requested.map { _ in [:] },
        lineNumbers: [], report: report)
      for k in out.values.indices { out.values[k].reserveCapacity(rows) }
      out.lineNumbers.reserveCapacity(rows)
      var header: [String]? = nil
      var names: [String] = []
      var slot: [Int] = []  // field position → requested column, −1 for none
      var fields = 0
      var usable = true
      var row = [Double](repeating: .nan, count: requested.count)
      var reasons = [String?](repeating: nil, count: requested.count)
      let (path, requested, given) = (self.path, self.requested, self.options)
      try CSVTokeniser.scan(
        body, separator: [sep], path: path,
        field: { (bytes, position, line) throws(IOError) in
          fields = position + 1
          guard header != nil else {
            names.append(String(decoding: bytes, as: UTF8.self))
            return
          }
          guard position < slot.count, slot[position] >= 0 else { return }
          let k = slot[position]
          if let plain, let value = plain.value(bytes) {
            (row[k], reasons[k]) = (value, nil)
            return
          }
          // kept for the row's end: a blank line is one empty field, and is not a row
          let text = String(decoding: bytes, as: UTF8.self)
          switch try policy.value(text, path: path, line: line, column: requested[k]) {
          case .missing(let reason): (row[k], reasons[k]) = (.nan, reason ?? "no value")
          case let value: (row[k], reasons[k]) = (value.number ?? .nan, nil)
          }
        },
        end: { (line, blank) throws(IOError) -> Bool in
          defer { fields = 0 }
          if blank {
            names.removeAll()
            return true
          }
          guard let columns = header else {
            let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }
            try CSVReader.checkColumns(trimmed, options: given, path: path)
            let options = CSVReader.withStatbelColumns(given, header: trimmed, separator: separator)
            slot = Array(repeating: -1, count: trimmed.count)
            for (k, name) in requested.enumerated() {
              guard let p = trimmed.firstIndex(of: name), options.isNumeric(name),
                !options.isText(name)
              else {
                usable = false
                return false
              }
              slot[p] = k
            }
            header = trimmed
            return true
          }
          guard fields == columns.count else {
            throw .raggedRow(path: path, line: line, expected: columns.count, found: fields)
          }
          for k in requested.indices {
            out.values[k].append(row[k])
            if let reason = reasons[k] { out.missing[k][out.lineNumbers.count] = reason }
          }
          out.lineNumbers.append(Int32(line))
          return true
        })
      guard usable else { return nil }
      guard header != nil else { throw .emptyTable(path: path) }
      return out
    }

    /// The header line's text, up to its first line break outside quotes (what
    /// ``CSVTokeniser/detectSeparator(_:)`` reads).
    func headerText() -> String {
      var inQuotes = false
      var end = body.count
      for (i, b) in body.enumerated() {
        if b == UInt8(ascii: "\"") { inQuotes.toggle() }
        if !inQuotes && (b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")) {
          end = i
          break
        }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: body[..<end]), as: UTF8.self)
    }
  }
}
