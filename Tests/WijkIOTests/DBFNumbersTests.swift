import Testing

@testable import WijkIO

/// The DBF numeric-cell scan on malformed headers, the cases Fuzz/DBFNumbers found: the scan
/// must return (possibly nothing), never read past a record or the file, nor loop over records
/// the file does not hold.
@Suite struct DBFNumbersTests {
  /// A dBASE III file: `records` claimed, the given record length, one `N` field of `width`,
  /// then `body` as the records.
  func dbf(records: UInt32, recordLength: UInt16, width: UInt8, body: [UInt8]) -> [UInt8] {
    var header = [UInt8](repeating: 0, count: 32)
    header[0] = 3
    for i in 0..<4 { header[4 + i] = UInt8(truncatingIfNeeded: records >> (8 * UInt32(i))) }
    let headerLength: UInt16 = 32 + 32 + 1
    header[8] = UInt8(headerLength & 0xFF)
    header[9] = UInt8(headerLength >> 8)
    header[10] = UInt8(recordLength & 0xFF)
    header[11] = UInt8(recordLength >> 8)
    var field = [UInt8](repeating: 0, count: 32)
    for (i, c) in "VALUE".utf8.enumerated() { field[i] = c }
    field[11] = UInt8(ascii: "N")
    field[16] = width
    return header + field + [0x0D] + body
  }

  @Test func readsAnUnreadableCellOfAWellFormedFile() {
    let bytes = dbf(records: 1, recordLength: 5, width: 4, body: Array(" abc ".utf8))
    #expect(DBFNumbers.unreadable(bytes: bytes) == [0: [0: "abc"]])
  }

  // A field of 10 bytes in records of 2: the last record's cell lay past the end of the file.
  @Test func fieldWiderThanItsRecordIsNotReadPastTheFile() {
    let bytes = dbf(records: 1, recordLength: 2, width: 10, body: Array(" x".utf8))
    #expect(DBFNumbers.unreadable(bytes: bytes).isEmpty)
  }

  // A record length of 0 with 4 billion records claimed: the scan looped for minutes.
  @Test func zeroRecordLengthReturnsAtOnce() {
    let bytes = dbf(records: .max, recordLength: 0, width: 4, body: Array(" abc".utf8))
    #expect(DBFNumbers.unreadable(bytes: bytes).isEmpty)
  }

  // More records claimed than the file holds: only those it holds are scanned.
  @Test func claimedRecordsBeyondTheFileAreNotScanned() {
    let bytes = dbf(records: 1_000_000, recordLength: 5, width: 4, body: Array(" abc xyz".utf8))
    #expect(DBFNumbers.unreadable(bytes: bytes) == [0: [0: "abc"]])
  }
}
