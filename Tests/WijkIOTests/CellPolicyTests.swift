import Foundation
import Testing
import WijkCore

@testable import WijkIO

/// The one cell policy: a number in the file's convention, a missing-value marker (missing for
/// that cell only, with its reason), or an error naming file, line, column and the cell.
@Suite struct CellPolicyTests {
  static let case23 = "23-statbel-confidential-cells"

  @Test("Every standard marker is missing with its kind, in any case and with spaces")
  func standardMarkers() {
    let policy = CellPolicy(convention: .decimalComma)
    for (marker, kind) in MissingValues.standardMarkers {
      #expect(policy.read(marker) == .missing(kind, marker: marker))
      #expect(
        policy.read(" \(marker.uppercased()) ") == .missing(kind, marker: marker.uppercased()))
    }
    #expect(policy.read("") == .missing(.empty, marker: ""))
    #expect(policy.read("<5") == .missing(.smallCount, marker: "<5"))
    #expect(policy.read("< 10") == .missing(.smallCount, marker: "< 10"))
    #expect(policy.read("<") == .notANumber("<"))
    #expect(policy.read("<5a") == .notANumber("<5a"))
    #expect(policy.read("1.234,5") == .number(1234.5, whole: false))
    #expect(policy.read("12.045") == .number(12045, whole: true))
    #expect(policy.read("22,2,5") == .notANumber("22,2,5"))
    #expect(policy.read("geheim") == .notANumber("geheim"))
    let extended = CellPolicy(
      convention: .decimalPoint, missing: MissingValues.standard.adding(["geheim", "-9999"]))
    #expect(extended.read("Geheim") == .missing(.declared, marker: "Geheim"))
    #expect(extended.read("-9999") == .missing(.declared, marker: "-9999"))
    #expect(extended.read("-9998") == .number(-9998, whole: true))
  }

  @Test("A reason names the kind and the marker and reads back")
  func reasonsRoundTrip() {
    #expect(MissingValues.reason(.confidential, marker: "C") == "confidential (C)")
    #expect(MissingValues.reason(.empty, marker: "") == nil)
    let back = MissingValues.kind(ofReason: "small count (< 10)")
    #expect(back?.kind == .smallCount && back?.marker == "< 10")
    #expect(MissingValues.kind(ofReason: nil)?.kind == .empty)
    #expect(MissingValues.kind(ofReason: "zero base") == nil)
    #expect(StatbelReader.confidentialReason == "confidential (C)")
  }

  @Test("Case 23: Statbel's C is missing for its cell only, in the Statbel file and in Excel's")
  func case23ConfidentialCellIsMissing() throws {
    let confidential = AttributeValue.missing(reason: "confidential (C)")
    // The Statbel file is recognised by its header and read as the Statbel preset.
    for reading in [
      try CSVReader.read(path: Fixture.case(Self.case23, "sectoren_statbel.txt")),
      try StatbelReader.read(path: Fixture.case(Self.case23, "sectoren_statbel.txt")),
    ] {
      let t = reading.table
      #expect(
        t.column("MS_NBR_LEEFLOON") == [
          .integer(40), confidential, .integer(12), .integer(9), .integer(45),
        ])
      #expect(t.column("MS_POPULATION")?.map(\.number) == [800, 1000, 400, 300, 900])
      #expect(t.column("CD_SECTOR")?.first == .text("71999A001"))
      #expect(t.lineNumbers[1] == 3)
    }
    let excel = try CSVReader.read(
      path: Fixture.case(Self.case23, "indicatoren_wijk.csv"),
      options: CSVOptions(textColumns: ["wijkcode"], numericColumns: ["leefloon", "inwoners"]))
    #expect(excel.table.column("leefloon") == [.integer(84), confidential, .integer(45)])
    #expect(excel.table.column("inwoners") == [.integer(1200), .integer(700), .integer(900)])
    let counts = MissingCellCount.count(in: excel.table, columns: ["leefloon", "inwoners"])
    #expect(
      counts == [
        MissingCellCount(
          column: "leefloon", kind: .confidential, markers: ["C"], count: 1, lines: [3])
      ])
    #expect(counts[0].description == "leefloon: 1 cell confidential (C), line 3")
  }

  @Test("Markers in every separator: missing per cell, never 0, the column stays numeric")
  func markersInEverySeparator() throws {
    let folder = TemporaryFolder()
    for (sep, number) in [(";", "1,5"), (",", "1.5"), ("|", "1.5"), ("\t", "1.5")] {
      let rows = [
        "code\(sep)n", "A\(sep)\(number)", "B\(sep)<5", "C\(sep)n.b.", "D\(sep)x", "E\(sep)",
        "F\(sep)–",
      ]
      let path = folder.file("t.csv")
      try rows.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
      // Declared numeric and typed from its cells alike.
      for options in [CSVOptions(textColumns: ["code"], numericColumns: ["n"]), CSVOptions()] {
        let t = try CSVReader.read(path: path, options: options).table
        #expect(
          t.column("n") == [
            .real(1.5), .missing(reason: "small count (<5)"),
            .missing(reason: "not available (n.b.)"),
            .missing(reason: "confidential (x)"), .missing, .missing(reason: "not available (–)"),
          ], "separator \(sep)")
      }
    }
  }

  @Test("Other text in a numeric column is an error naming file, line, column and the cell")
  func otherTextIsAnError() throws {
    let folder = TemporaryFolder()
    let path = folder.file("t.csv")
    try "code;n\r\nA;12\r\nB;\u{200B}onbekend\r\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let error = #expect(throws: IOError.self) {
      try CSVReader.read(path: path, options: CSVOptions(numericColumns: ["n"]))
    }
    let text = error?.description ?? ""
    #expect(text.hasPrefix("\(path), line 3, column 'n': '<U+200B>onbekend' is neither a number"))
    #expect(text.contains("C, x, -") && text.contains("<N") && text.contains("--missing-values"))
    // Not declared numeric, the column is text: nobody needs it as numbers.
    #expect(
      try CSVReader.read(path: path).table.column("n") == [.text("12"), .text("\u{200B}onbekend")])
    // Declared as a marker, the cell is missing.
    let declared = try CSVReader.read(
      path: path,
      options: CSVOptions(
        numericColumns: ["n"], missingValues: MissingValues.standard.adding(["\u{200B}onbekend"])))
    #expect(
      declared.table.column("n") == [
        .integer(12), .missing(reason: "declared missing (\u{200B}onbekend)"),
      ])
  }

  @Test("A text column keeps its dashes and question marks as written")
  func textColumnsKeepMarkers() throws {
    let folder = TemporaryFolder()
    let path = folder.file("t.csv")
    try "code,opmerking\nA,-\nB,rustig\nC,?\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect(
      try CSVReader.read(path: path).table.column("opmerking") == [
        .text("-"), .text("rustig"), .text("?"),
      ])
  }

  @Test("DBF numbers padded with NUL bytes are read as GDAL reads them (libpysal mexicojoin)")
  func dbfNumbersWithNULPadding() throws {
    let path = Fixture.path("mexico/mexicojoin.dbf")
    // 26 of the 32 PCGDP1940 cells are "9573.00\0"-style: none is unreadable now.
    #expect(DBFNumbers.unreadable(in: path).isEmpty)
    #expect(DBFNumbers.cellText([0x39, 0x35, 0x37, 0x33, 0x2E, 0x30, 0x30, 0x00]) == "9573.00")
    #expect(DBFNumbers.cellText([0x20, 0x31, 0x00, 0x39]) == "1", "a NUL ends the number")
    let layer = try LayerReader.read(path: Fixture.path("mexico/mexicojoin.shp")).layer
    let values = try #require(layer.column("PCGDP1940")).map(\.number)
    #expect(values.count == 32 && !values.contains(nil))
    #expect(values.prefix(2) == [22361, 9573])
  }
}
