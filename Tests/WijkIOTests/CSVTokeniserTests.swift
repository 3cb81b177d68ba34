import Foundation
import Testing

@testable import WijkIO

/// The tokeniser against Python's `csv` module (csv_tokeniser_references.py →
/// csv_tokeniser.json): 3,000 seeded texts of quotes, CR, LF, separators of one and two bytes
/// and UTF-8, each record's fields equal to Python's, a blank line an empty record, and an
/// open quote at the end the unterminated-quote error.
@Suite struct CSVTokeniserTests {
  struct Case: Decodable {
    var bytes: [UInt8]
    var separator: [UInt8]
    var records: [[String]]?
  }

  /// The records `scan` gives for `text`, or `nil` for an unterminated quote.
  static func records(_ text: [UInt8], separator: [UInt8]) throws -> [[String]]? {
    var out: [[String]] = []
    var fields: [String] = []
    do {
      try text.withUnsafeBufferPointer { (b) throws(IOError) in
        try CSVTokeniser.scan(
          b, separator: separator, path: "t.csv",
          field: { f, _, _ in fields.append(String(decoding: f, as: UTF8.self)) },
          end: { _, blank in
            out.append(blank ? [] : fields)
            fields = []
            return true
          })
      }
    } catch .unterminatedQuote {
      return nil
    }
    return out
  }

  @Test func recordsEqualPythonsCSVModule() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("reference/csv_tokeniser.json")))
    struct File: Decodable { var cases: [Case] }
    let cases = try JSONDecoder().decode(File.self, from: data).cases
    #expect(cases.count == 3000)
    #expect(cases.contains { $0.records == nil } && cases.contains { $0.separator.count == 2 })
    var differ = 0
    for c in cases {
      let got = try Self.records(c.bytes, separator: c.separator)
      if got != c.records {
        differ += 1
        if differ <= 3 {
          Issue.record("\(c.bytes) sep \(c.separator): \(String(describing: got)) vs \(String(describing: c.records))")
        }
      }
    }
    #expect(differ == 0)
  }
}
