import Foundation
import Testing
import WijkCore

@testable import WijkIO

/// The column reader of large point files must read what ``CSVReader`` reads: every number,
/// missing reason, line and error the same, on the field cases and on files made to hold each
/// thing the tokeniser and the cell policy handle.
@Suite struct CSVColumnsTests {
  /// The table reader's view of `columns`, as CSVColumns gives it.
  func tableView(_ path: String, _ columns: [String], _ options: CSVOptions) throws
    -> (values: [[Double?]], reasons: [[String?]], lines: [Int32], report: ReadReport)
  {
    let reading = try TableReader.read(TableSource(path), options: options)
    let t = reading.table
    let cells = columns.map { t.column($0)! }
    return (
      cells.map { $0.map(\.number) }, cells.map { $0.map(Self.reason) },
      t.lineNumbers.map { Int32($0) }, reading.report
    )
  }

  static func reason(_ v: AttributeValue) -> String? {
    if case .missing(let r) = v { return r ?? "no value" }
    return nil
  }

  func expectSame(
    _ path: String, _ columns: [String], _ options: CSVOptions = CSVOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    var options = options
    options.numericColumns.formUnion(columns)
    let want = try tableView(path, columns, options)
    let got = try #require(
      try CSVColumns.read(TableSource(path), columns: columns, options: options),
      sourceLocation: sourceLocation)
    #expect(got.lineNumbers == want.lines, sourceLocation: sourceLocation)
    for k in columns.indices {
      #expect(
        (0..<got.count).map { got.value(k, $0) } == want.values[k], "\(columns[k])",
        sourceLocation: sourceLocation)
      #expect(
        (0..<got.count).map { got.missing[k][$0] } == want.reasons[k], "\(columns[k])",
        sourceLocation: sourceLocation)
    }
    #expect(got.report == want.report, sourceLocation: sourceLocation)
  }

  @Test func fieldCasesReadAsTheTableReaderReadsThem() throws {
    try expectSame(Fixture.case("01-point-on-shared-boundary", "points.csv"), ["x", "y"])
    try expectSame(
      Fixture.case("11-csv-semicolon-decimal-comma", "indicatoren.csv"),
      ["inwoners", "aandeel_65plus", "gem_inkomen"])
    try expectSame(
      Fixture.case("23-statbel-confidential-cells", "sectoren_statbel.txt"),
      ["MS_POPULATION", "MS_NBR_LEEFLOON"])
  }

  @Test func quotesLineBreaksBlankLinesMarkersAndABOM() throws {
    let folder = TemporaryFolder()
    let path = folder.file("points.csv")
    let text =
      "\u{FEFF}\n\"x\",y,n,note\r\n"
      + "1.5,2,3,\"a, \"\"quoted\"\"\nnote\"\r\n\n"
      + " 4 ,5.25,,plain\r"
      + "6,7e2,NA,\"\"\n"
      + "8,-9,x,\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try expectSame(path, ["x", "y", "n"])
    let c = try #require(try CSVColumns.read(TableSource(path), columns: ["y", "n"], options: CSVOptions(numericColumns: ["y", "n"])))
    #expect(c.lineNumbers == [3, 6, 7, 8], "the quoted line break and the blank line count")
    #expect(c.value(1, 1) == nil && c.value(0, 2) == 700)
  }

  @Test func theSameErrorsNamingFileLineAndColumn() throws {
    let folder = TemporaryFolder()
    let bad = folder.file("bad.csv")
    try "x;y\n1,5;2\n3;twee\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let options = CSVOptions(numericColumns: ["x", "y"])
    let table = #expect(throws: IOError.self) { try TableReader.read(TableSource(bad), options: options) }
    let columns = #expect(throws: IOError.self) {
      try CSVColumns.read(TableSource(bad), columns: ["x", "y"], options: options)
    }
    #expect(table == columns)
    let ragged = folder.file("ragged.csv")
    try "x,y\n1,2\n3\n".write(toFile: ragged, atomically: true, encoding: .utf8)
    #expect(throws: IOError.raggedRow(path: ragged, line: 3, expected: 2, found: 1)) {
      try CSVColumns.read(TableSource(ragged), columns: ["x", "y"], options: options)
    }
    let open = folder.file("open.csv")
    try "x,y\n1,\"2\n3,4\n".write(toFile: open, atomically: true, encoding: .utf8)
    #expect(throws: IOError.unterminatedQuote(path: open, line: 2)) {
      try CSVColumns.read(TableSource(open), columns: ["x", "y"], options: options)
    }
  }

  @Test func whatItDoesNotCoverGoesToTheTableReader() throws {
    let options = CSVOptions(numericColumns: ["x"])
    // Windows-1252 bytes: the table reader's fallback and warning
    #expect(
      try CSVColumns.read(
        TableSource(Fixture.io("synthetic_cp1252.csv")), columns: ["inwoners"], options: options)
        == nil)
    // an absent column, a column declared text, a workbook
    let points = Fixture.case("01-point-on-shared-boundary", "points.csv")
    #expect(try CSVColumns.read(TableSource(points), columns: ["z"], options: options) == nil)
    #expect(
      try CSVColumns.read(
        TableSource(points), columns: ["x"], options: CSVOptions(textColumns: ["x"])) == nil)
    #expect(
      try CSVColumns.read(TableSource("cijfers.xlsx"), columns: ["x"], options: options) == nil)
  }
}
