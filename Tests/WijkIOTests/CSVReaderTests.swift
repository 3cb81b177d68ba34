import Foundation
import Testing
import WijkCore

@testable import WijkIO

// Oracles: the values stated in the field cases' case.md (11, 13, 09) and the synthetic
// fixtures written by Tests/Fixtures/io/make_fixtures.sh, whose contents are stated there.

@Suite("CSVReader")
struct CSVReaderTests {
  static let case11 = Fixture.case("11-csv-semicolon-decimal-comma", "indicatoren.csv")
  static let case11Bad = Fixture.case("11-csv-semicolon-decimal-comma", "indicatoren_bad_cell.csv")

  @Test("case 11: ';', decimal comma and thousands dot, detected and stated")
  func belgianExcel() throws {
    let reading = try CSVReader.read(path: Self.case11)
    let t = reading.table
    #expect(
      t.columns == [
        "wijkcode", "wijknaam", "inwoners", "aandeel_65plus", "gem_inkomen", "opmerking",
      ])
    #expect(t.rows.allSatisfy { $0.count == 6 })
    #expect(t.column("inwoners") == [.integer(1234), .integer(987), .integer(12045)])
    // 1234 + 987 + 12045 = 14266
    #expect(t.column("inwoners")?.compactMap(\.number).reduce(0, +) == 14266)
    #expect(t.column("aandeel_65plus") == [.real(18.5), .real(22.25), .real(9.0)])
    #expect(t.column("gem_inkomen") == [.real(21350.75), .real(19870.00), .real(23001.10)])
    #expect(t.column("opmerking") == [.text("rustig; groen"), .missing, .text("nieuwbouw")])
    #expect(
      t.column("wijknaam") == ["Hoëvelde", "Sint-Ruïnehof", "Bèkerzand"].map(AttributeValue.text))
    #expect(t.lineNumbers == [2, 3, 4])
    #expect(reading.report.numberConvention == .decimalComma)
    #expect(reading.report.numberConventionDetected == true)
    #expect(reading.report.encoding == .utf8)
    #expect(reading.report.warnings.isEmpty)
  }

  @Test("case 11: '22,2,5' is an error naming file, line 3, column and text")
  func badCell() {
    let error = #expect(throws: IOError.self) { try CSVReader.read(path: Self.case11Bad) }
    #expect(
      error
        == .badNumber(
          path: Self.case11Bad, line: 3, column: "aandeel_65plus", text: "22,2,5",
          convention: .decimalComma))
    let text = error?.description ?? ""
    for part in [Self.case11Bad, "line 3", "aandeel_65plus", "22,2,5"] {
      #expect(text.contains(part), "description lacks \(part): \(text)")
    }
  }

  @Test("a forced convention is used for every column, never guessed per cell")
  func forcedConvention() {
    // Under a decimal point, '1.234' would be 1.234; but '18,5' is then no number, and
    // the reader must say so rather than switch conventions for that column.
    let error = #expect(throws: IOError.self) {
      try CSVReader.read(path: Self.case11, options: CSVOptions(numberConvention: .decimalPoint))
    }
    #expect(
      error
        == .badNumber(
          path: Self.case11, line: 2, column: "aandeel_65plus", text: "18,5",
          convention: .decimalPoint))
  }

  @Test("case 13: keys declared as text keep their written form; leading zeros stay")
  func codes() throws {
    let path = Fixture.case("13-ward-code-leading-zeros", "indicatoren_excel.csv")
    let plain = try CSVReader.read(path: path).table
    #expect(plain.column("wijkcode") == [1, 2, 3, 10, 11].map { AttributeValue.integer($0) })
    let keyed = try CSVReader.read(path: path, options: CSVOptions(textColumns: ["wijkcode"]))
      .table
    #expect(keyed.column("wijkcode") == ["1", "2", "3", "10", "11"].map(AttributeValue.text))
    #expect(keyed.column("inwoners")?.first == .integer(1200))
    // A column with zero-padded codes is text without any option: 01 stays 01.
    let padded = try CSVReader.read(path: Fixture.io("synthetic_codes.csv")).table
    #expect(padded.column("wijkcode") == ["01", "02", "10"].map(AttributeValue.text))
    #expect(padded.column("inwoners") == [.integer(1200), .integer(950), .integer(1800)])
  }

  @Test("tab separator, BOM, CRLF, quoted cell with quotes, tab and a line break")
  func quotedCells() throws {
    let reading = try CSVReader.read(path: Fixture.io("synthetic_tab_bom.tsv"))
    let t = reading.table
    #expect(t.columns == ["wijkcode", "wijknaam", "inwoners", "opmerking"])
    #expect(t.column("opmerking") == [.text("zegt \"ja\"\tmet\r\nnieuwe regel"), .missing])
    #expect(t.column("inwoners") == [.integer(1200), .integer(950)])
    // W01 starts on line 2 and runs over two lines, so W02 is on line 4.
    #expect(t.lineNumbers == [2, 4])
    #expect(reading.report.numberConvention == .decimalPoint)
  }

  @Test("Windows-1252 bytes: read as such, with a warning; pipe separator detected")
  func windows1252() throws {
    let path = Fixture.io("synthetic_cp1252.csv")
    let reading = try CSVReader.read(path: path)
    #expect(reading.table.column("wijknaam") == [.text("Hoëvelde"), .text("Bèkerzand")])
    #expect(reading.report.encoding == .windows1252)
    #expect(reading.report.warnings == [.encodingGuessed(path: path, assumed: .windows1252)])
  }

  @Test("case 09: NFD names in a CSV come out NFC")
  func nfc() throws {
    let t = try CSVReader.read(
      path: Fixture.case("09-shapefile-dbf-encoding", "site_by_name_nfd.csv")
    )
    .table
    let names = t.column("wijknaam")?.compactMap(\.text) ?? []
    // U+00EB (ë) and U+00EF (ï) precomposed, not e/i + U+0308.
    #expect(
      names.map { $0.unicodeScalars.map(\.value) } == [
        Array("Ho\u{EB}velde".unicodeScalars.map(\.value)),
        Array("Sint-Ru\u{EF}nehof".unicodeScalars.map(\.value)),
      ])
  }

  @Test("malformed files: ragged row, open quote, unknown declared column")
  func malformed() throws {
    let folder = TemporaryFolder()
    let ragged = folder.file("ragged.csv")
    try "a,b\n1,2\n3\n".write(toFile: ragged, atomically: true, encoding: .utf8)
    #expect(throws: IOError.raggedRow(path: ragged, line: 3, expected: 2, found: 1)) {
      try CSVReader.read(path: ragged)
    }
    let open = folder.file("open.csv")
    try "a,b\n1,\"2\n3,4\n".write(toFile: open, atomically: true, encoding: .utf8)
    #expect(throws: IOError.unterminatedQuote(path: open, line: 2)) {
      try CSVReader.read(path: open)
    }
    #expect(throws: IOError.unknownColumn(path: ragged, column: "c", available: ["a", "b"])) {
      try CSVReader.read(path: ragged, options: CSVOptions(textColumns: ["c"]))
    }
  }
}

@Suite("StatbelReader")
struct StatbelReaderTests {
  @Test("pipe-separated Statbel layout: codes text, measures numbers, C confidential")
  func statbel() throws {
    let reading = try StatbelReader.read(path: Fixture.io("synthetic_TF_PSNL_INC_TAX_SECTOR.txt"))
    let t = reading.table
    #expect(
      t.columns.prefix(5) == [
        "CD_YEAR", "CD_REFNIS", "CD_SECTOR", "MS_NBR_NON_ZERO_INC", "MS_TOT_NET_TAXABLE_INC",
      ])
    #expect(t.column("CD_REFNIS") == Array(repeating: .text("71016"), count: 3))
    #expect(
      t.column("CD_SECTOR") == ["71016A00-", "71016A011", "71016B10-"].map(AttributeValue.text))
    let confidential = AttributeValue.missing(reason: "confidential (C)")
    #expect(t.column("MS_NBR_NON_ZERO_INC") == [.integer(812), confidential, .integer(1047)])
    #expect(
      t.column("MS_TOT_NET_TAXABLE_INC") == [.real(19876543.21), confidential, .real(23555120.00)])
    #expect(t.column("TX_SECTOR_DESCR_NL")?[1] == .text("HOOG-KEIHEUVEL"))
    #expect(reading.report.numberConvention == .decimalPoint)
  }
}

@Suite("NumberConvention")
struct NumberConventionTests {
  @Test(
    "decimal comma: thousands groups of three, one comma",
    arguments: [
      ("1.234", NumberConvention.Parsed.integer(1234)), ("12.045", .integer(12045)),
      ("-2.804", .integer(-2804)), ("21.350,75", .real(21350.75)), ("9,0", .real(9)),
      ("0,5", .real(0.5)),
    ])
  func comma(text: String, value: NumberConvention.Parsed) {
    #expect(NumberConvention.decimalComma.parse(text) == value)
  }

  @Test(
    "not numbers in their convention", arguments: ["22,2,5", "1.5", "1.2345", "12.04", ",5", "1,"])
  func commaRejects(text: String) {
    #expect(NumberConvention.decimalComma.parse(text) == nil)
  }

  @Test("decimal point rejects commas and accepts exponents")
  func point() {
    #expect(NumberConvention.decimalPoint.parse("1,5") == nil)
    #expect(NumberConvention.decimalPoint.parse("1.5e3") == .real(1500))
    #expect(NumberConvention.decimalPoint.parse("0012") == .integer(12))
  }

  // Fuzz/NumberConvention: 9223372036854775807 formatted with a decimal comma is
  // `9,223372036854776e+18`, which did not read back.
  @Test("decimal comma accepts an exponent, so what wijk writes reads back")
  func commaExponent() {
    let comma = NumberConvention.decimalComma
    #expect(comma.parse("9,223372036854776e+18") == .real(9.223372036854776e18))
    #expect(comma.parse("1,5E+20") == .real(1.5e20))
    #expect(comma.parse("-1,5e-7") == .real(-1.5e-7))
    #expect(comma.parse("1.234,5e3") == .real(1_234_500))
    #expect(comma.parse("2e3") == .real(2000))
    for value in [9.223372036854776e18, 1e20, 1.5e-7, -2.5e300] {
      #expect(comma.parse(comma.format(value)) == .real(value))
    }
  }

  @Test(
    "not an exponent with a decimal comma", arguments: ["1,5e", "1,5e+", "1e3e4", "1,e3", "e5", "1,5e3,5"])
  func commaBadExponent(text: String) {
    #expect(NumberConvention.decimalComma.parse(text) == nil)
  }
}
