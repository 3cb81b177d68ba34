import Foundation
import Testing
import WijkCore

@testable import WijkIO

// Oracles: the cells of the synthetic fixtures as Tests/Fixtures/tables/make_tables.sh
// writes them (its CSVs and comments state every value), and the same table read as CSV.

/// A fixture of `Tests/Fixtures/tables/`.
private func table(_ file: String) -> String { Fixture.path("tables/" + file) }

@Suite("TableReader: workbooks")
struct WorkbookTableTests {
  static let libreOffice = table("synthetic_wards_libreoffice.xlsx")
  static let ods = table("synthetic_wards_libreoffice.ods")
  static let gdal = table("synthetic_wards_gdal.xlsx")

  /// The LibreOffice sheet: title, blank row, header on row 3, units on row 4.
  static let layout = TableSource(libreOffice, headerRow: 3, skipRows: 1)

  /// The code 0102 that LibreOffice stored as the number 102 is let through only where the
  /// join pads codes.
  static let padded = CSVOptions(
    textColumns: ["code"], numericColumns: ["inwoners"], paddedColumns: ["code"])

  @Test("xlsx by LibreOffice: header row, rows skipped, codes as text, C and '-' missing")
  func libreOfficeWorkbook() throws {
    let reading = try TableReader.read(Self.layout, options: Self.padded)
    let t = reading.table
    #expect(t.source.hasSuffix("synthetic_wards_libreoffice.xlsx, sheet synthetic_wards_libreoffice"))
    #expect(t.columns == ["code", "naam", "inwoners", "aandeel", "dubbel"])
    // Spreadsheet rows: 5, 6, 7, then 9 (row 8 is blank).
    #expect(t.lineNumbers == [5, 6, 7, 9])
    #expect(t.column("code") == ["0101", "102", "0103", "0104"].map(AttributeValue.text))
    #expect(
      t.column("inwoners") == [
        .integer(1234), .missing(reason: "confidential (C)"), .missing,
        .missing(reason: "not available (-)"),
      ])
    #expect(t.column("aandeel") == [.real(12.5), .real(3.25), .real(0.1), .real(7)])
    #expect(reading.report.driver == "XLSX")
  }

  @Test("formula cells are their results; an error result in a numeric column names the cell")
  func formulaResults() throws {
    var options = Self.padded
    let t = try TableReader.read(Self.layout, options: options).table
    // =C5*2 → 2468, #VALUE! (C6 is C), =C5+1 → 1235, =D5+D6 → 15.75: not all numbers, text.
    #expect(
      t.column("dubbel") == ["2468", "#VALUE!", "1235", "15.75"].map(AttributeValue.text))
    options.numericColumns.insert("dubbel")
    #expect {
      try TableReader.read(Self.layout, options: options)
    } throws: { error in
      guard case .notANumber(let path, let line, let column, let text, _, _) = error as? IOError
      else { return false }
      let message = "\(error)"
      return path.hasSuffix("sheet synthetic_wards_libreoffice") && line == 6
        && column == "dubbel" && text == "#VALUE!" && message.contains(", row 6, column 'dubbel'")
    }
  }

  /// The choice documented in ``CodeWidths``: a code stored as a number beside zero-padded
  /// text codes cannot regain its zero; it is an error naming the cell and both fixes.
  @Test("a code stored as a number beside codes with zeros is an error naming the cell")
  func codeStoredAsNumber() {
    #expect {
      try TableReader.read(Self.layout, options: CSVOptions(textColumns: ["code"]))
    } throws: { error in
      guard
        case .codeLostZeros(_, let line, let column, let text, let width, let example) =
          error as? IOError
      else { return false }
      let message = "\(error)"
      return line == 6 && column == "code" && text == "102" && width == 4
        && example == "0101" && message.contains("pad_keys: 4")
        && message.contains("Format the column as Text")
    }
  }

  @Test("a title above the header: the unnamed column is named in letters, with header_row")
  func titleRowIsNoHeader() {
    #expect(
      throws: IOError.unnamedColumn(
        path: Self.libreOffice + ", sheet synthetic_wards_libreoffice", row: 1, column: "B")
    ) {
      try TableReader.read(TableSource(Self.libreOffice))
    }
    #expect(GDALTableReader.columnLetters(0) == "A" && GDALTableReader.columnLetters(27) == "AB")
  }

  @Test("ods by LibreOffice reads as its xlsx twin")
  func odsWorkbook() throws {
    var source = Self.layout
    source.path = Self.ods
    let ods = try TableReader.read(source, options: Self.padded)
    let xlsx = try TableReader.read(Self.layout, options: Self.padded).table
    #expect(ods.table.columns == xlsx.columns)
    #expect(ods.table.rows == xlsx.rows)
    #expect(ods.table.lineNumbers == xlsx.lineNumbers)
    #expect(ods.report.driver == "ODS")
  }

  @Test("xlsx by GDAL: sheet by name and number; a number-typed code column keeps no zeros")
  func gdalWorkbook() throws {
    let first = try TableReader.read(
      TableSource(Self.gdal), options: CSVOptions(textColumns: ["code"])
    ).table
    #expect(first.source.hasSuffix("synthetic_wards_gdal.xlsx, sheet wijken"))
    #expect(first.column("code") == ["0101", "0102", "0103"].map(AttributeValue.text))
    #expect(first.column("inwoners") == [.integer(1234), .integer(2045), .missing])
    #expect(first.column("aandeel") == [.real(12.5), .real(3.25), .real(0.1)])
    let byNumber = try TableReader.read(
      TableSource(Self.gdal, layer: "2"), options: CSVOptions(textColumns: ["wijk"])
    ).table
    let byName = try TableReader.read(
      TableSource(Self.gdal, layer: "sectoren"), options: CSVOptions(textColumns: ["wijk"])
    ).table
    #expect(byNumber.rows == byName.rows)
    // Every code of the column was a number: no evidence of a lost zero, read as written;
    // the key join then reports 101 and 102 unmatched unless pad_keys says the width.
    #expect(byName.column("wijk") == ["101", "102"].map(AttributeValue.text))
    #expect(byName.column("sector") == ["71016A00-", "71016A011"].map(AttributeValue.text))
  }

  @Test("an unknown sheet is an error listing the sheets")
  func unknownSheet() {
    #expect(
      throws: IOError.noSuchLayer(path: Self.gdal, layer: "Blad3", available: ["wijken", "sectoren"])
    ) {
      try TableReader.read(TableSource(Self.gdal, layer: "Blad3"))
    }
  }

  @Test("sheet options given for a CSV are refused")
  func sheetOptionsOnCSV() {
    #expect(
      throws: IOError.optionNotApplicable(path: Fixture.io("synthetic_codes.csv"), option: "header_row")
    ) {
      try TableReader.read(TableSource(Fixture.io("synthetic_codes.csv"), headerRow: 2))
    }
  }
}

@Suite("TableReader: attribute tables and Statbel downloads")
struct AttributeTableTests {
  @Test("GeoPackage: the only table beside a point layer; a text field through the cell policy")
  func geoPackageTable() throws {
    let options = CSVOptions(textColumns: ["code"], numericColumns: ["inwoners"])
    let found = try TableReader.read(TableSource(table("synthetic_wards.gpkg")), options: options)
    let named = try TableReader.read(
      TableSource(table("synthetic_wards.gpkg"), layer: "cijfers"), options: options)
    #expect(found.table.rows == named.table.rows)
    let t = named.table
    #expect(t.source.hasSuffix("synthetic_wards.gpkg, table cijfers"))
    #expect(t.lineNumbers == [1, 2, 3])
    #expect(t.column("code") == ["0101", "0102", "0103"].map(AttributeValue.text))
    #expect(t.column("inwoners") == [.integer(1234), .missing(reason: "confidential (C)"), .missing])
    #expect(t.column("aandeel") == [.real(12.5), .real(3.25), .real(0.1)])
    #expect(found.report.driver == "GPKG")
  }

  @Test("GeoPackage: an SQL query as the table")
  func geoPackageQuery() throws {
    let t = try TableReader.read(
      TableSource(
        table("synthetic_wards.gpkg"),
        layer: "sql:SELECT code, aandeel FROM cijfers WHERE aandeel > 1 ORDER BY code"),
      options: CSVOptions(textColumns: ["code"])
    ).table
    #expect(t.column("code") == ["0101", "0102"].map(AttributeValue.text))
    #expect(t.column("aandeel") == [.real(12.5), .real(3.25)])
  }

  @Test("a text cell that is no number in a GeoPackage names table, row, column and cell")
  func geoPackageBadCell() {
    #expect {
      try TableReader.read(
        TableSource(table("synthetic_wards.gpkg"), layer: "cijfers"),
        options: CSVOptions(numericColumns: ["naam"]))
    } throws: { error in
      "\(error)".contains("synthetic_wards.gpkg, table cijfers, row 1, column 'naam': 'Centrum'")
    }
  }

  @Test("a lone DBF: numbers as numbers, codes as text")
  func dbfTable() throws {
    let t = try TableReader.read(
      TableSource(table("synthetic_wards.dbf")), options: CSVOptions(textColumns: ["code"])
    ).table
    #expect(t.column("code") == ["0101", "0102", "0103"].map(AttributeValue.text))
    #expect(t.column("inwoners") == [.integer(1234), .integer(2045), .missing])
    #expect(t.column("aandeel")?.map(\.number) == [12.5, 3.25, 0.1])
  }

  @Test("a zipped Statbel download: pipe-separated, CD_ codes text, C confidential")
  func zippedStatbel() throws {
    let path = table("synthetic_TF_SOC_POP_SECTOR.zip")
    let reading = try TableReader.read(path: path)
    let t = reading.table
    #expect(t.source == path + "/TF_SOC_POP_SECTOR.txt")
    #expect(t.column("CD_SECTOR") == ["71016A00-", "71016A011", "71016B10-"].map(AttributeValue.text))
    #expect(t.column("CD_YEAR") == ["2024", "2024", "2024"].map(AttributeValue.text))
    #expect(
      t.column("MS_POPULATION") == [
        .integer(812), .missing(reason: StatbelReader.confidentialReason), .integer(1047),
      ])
    #expect(t.lineNumbers == [2, 3, 4])
    #expect(reading.report.separator == "|")
  }

  @Test("a zip without the member named is an error listing its members")
  func zipMemberMissing() {
    let path = table("synthetic_TF_SOC_POP_SECTOR.zip")
    #expect(throws: IOError.noSuchLayer(path: path, layer: "x.txt", available: ["TF_SOC_POP_SECTOR.txt"])) {
      try TableReader.read(TableSource(path, layer: "x.txt"))
    }
  }

  @Test("the CSV path is unchanged: TableReader gives CSVReader's table")
  func csvUnchanged() throws {
    let path = Fixture.io("synthetic_codes.csv")
    let direct = try CSVReader.read(path: path)
    let routed = try TableReader.read(path: path)
    #expect(direct.table.rows == routed.table.rows)
    #expect(direct.table.columns == routed.table.columns)
    #expect(direct.report == routed.report)
  }
}

/// A table read straight from the PostGIS test server (scripts/with-postgis loads the real
/// Fluvius sector figures as `fluvius`, typed by ogr2ogr's AUTODETECT_TYPE, and the sector
/// lookup as `sector_wijk`, all text).
@Suite(.enabled(if: PostGISServer.connection != nil, PostGISServer.skipped))
struct DatabaseTableTests {
  let db = PostGISServer.connection ?? ""
  static let csv = Fixture.geoData("genk_fluvius_energy_statsec2019_2018_2021.csv")

  @Test func aDatabaseTableReadsAsItsCSV() throws {
    let options = CSVOptions(textColumns: ["geoitem", "period"])
    let file = try CSVReader.read(path: Self.csv, options: options).table
    let base = try TableReader.read(TableSource(db, layer: "fluvius"), options: options).table
    #expect(base.source.contains(", table fluvius"))
    #expect(base.rows.count == file.rows.count)
    for column in ["v2506_elek_res_n", "v2506_gas_res_cons"] {
      let a = file.column(column)!.compactMap(\.number).reduce(0, +)
      let b = base.column(column)!.compactMap(\.number).reduce(0, +)
      #expect(abs(a - b) <= 1e-9 * abs(a), "\(column)")
    }
  }

  @Test func anSQLQueryIsATable() throws {
    let t = try TableReader.read(
      TableSource(db, layer: "sql:SELECT statsec2024, ggw72024 FROM sector_wijk ORDER BY 1"),
      options: CSVOptions(textColumns: ["statsec2024", "ggw72024"])
    ).table
    let file = try CSVReader.read(
      path: Fixture.geoData("genk_statsec2024_to_wijk2024.csv"),
      options: CSVOptions(textColumns: ["statsec2024", "ggw72024"])
    ).table
    #expect(t.column("statsec2024")?.compactMap(\.text) == file.column("statsec2024")?.compactMap(\.text).sorted())
    #expect(t.source.contains(", query SELECT"))
  }
}
