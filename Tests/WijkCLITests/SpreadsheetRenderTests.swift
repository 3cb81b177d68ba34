import Foundation
import Testing

/// `wards.csv` and `wards.xlsx` opened in LibreOffice Calc (headless, converted to flat ODS)
/// and read back cell by cell: the codes `01` … `09` stay text with their zeros, numbers are
/// numbers, markers are text. LibreOffice is a large install, so this runs in `make
/// check-render` (`WIJK_CHECK_SPREADSHEET=1`, `scripts/check-spreadsheet` installs Debian's
/// `libreoffice-calc`), not in `make test`; there the same cells are read back with GDAL
/// (`SpreadsheetWriterTests`, `PublicationTests`).
@Suite(
  .enabled(if: ProcessInfo.processInfo.environment["WIJK_CHECK_SPREADSHEET"] == "1"),
  .serialized)
struct SpreadsheetRenderTests {
  /// One cell of a flat ODS sheet: its type (`string`, `float`, or empty) and its text (a
  /// number's value, `9.5`, whatever the display locale).
  struct Cell: Equatable {
    var type: String
    var text: String
  }

  static let config = "Tests/Fixtures/publication/publication_synthetic.yaml"

  /// Converts `file` with LibreOffice and returns its sheets' rows (sheet name → rows).
  func calc(_ file: URL, filter: String? = nil) throws -> [String: [[Cell]]] {
    let out = file.deletingLastPathComponent().appendingPathComponent(
      "calc-\(file.pathExtension)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["soffice", "--headless"] + (filter.map { ["--infilter=\($0)"] } ?? [])
      + ["--convert-to", "fods", "--outdir", out.path, file.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let fods = out.appendingPathComponent(
      file.deletingPathExtension().lastPathComponent + ".fods")
    return try Self.sheets(String(contentsOf: fods, encoding: .utf8))
  }

  /// The sheets of a flat ODS document; repeated cells are expanded, text is unescaped.
  static func sheets(_ xml: String) throws -> [String: [[Cell]]] {
    var out: [String: [[Cell]]] = [:]
    let table = try Regex(#"<table:table table:name="([^"]*)"(.*?)</table:table>"#)
      .dotMatchesNewlines()
    let row = try Regex(#"<table:table-row[^>]*>(.*?)</table:table-row>"#).dotMatchesNewlines()
    let cell = try Regex(
      #"<table:(?:covered-)?table-cell([^>]*?)(?:/>|>(.*?)</table:(?:covered-)?table-cell>)"#
    )
    .dotMatchesNewlines()
    for t in xml.matches(of: table) {
      let name = String(t.output[1].substring ?? "")
      var rows: [[Cell]] = []
      for r in String(t.output[2].substring ?? "").matches(of: row) {
        var cells: [Cell] = []
        for c in String(r.output[1].substring ?? "").matches(of: cell) {
          let attributes = String(c.output[1].substring ?? "")
          let type =
            attributes.firstMatch(of: #/office:value-type="(\w+)"/#).map { String($0.1) } ?? ""
          let repeated =
            attributes.firstMatch(of: #/table:number-columns-repeated="(\d+)"/#)
            .flatMap { Int($0.1) } ?? 1
          let value = attributes.firstMatch(of: #/office:value="([^"]*)"/#).map { String($0.1) }
          let shown = String(c.output[2].substring ?? "")
            .replacing(#/<text:tab/>/#, with: "\t").replacing(#/<[^>]+>/#, with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
              of: "&amp;", with: "&"
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
          let text = type == "float" ? (value ?? shown) : shown
          cells += Array(repeating: Cell(type: type, text: text), count: min(repeated, 200))
        }
        rows.append(cells)
      }
      out[name] = rows
    }
    return out
  }

  func analysed() throws -> URL {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-calc-\(UUID())")
    let r = try CLIRunner.run(["analyse", "-q", "--config", Self.config, "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    return out
  }

  /// The Belgian Excel CSV as Calc opens it with `;`, UTF-8 and Dutch (Belgium) numbers.
  @Test func belgianExcelCSVOpensWithCodesAsText() throws {
    let out = try analysed()
    let rows = try #require(
      try calc(
        out.appendingPathComponent("wards.csv"),
        filter: "Text - txt - csv (StarCalc):59,34,76,1,,2067"
      ).values.first)
    let header = rows[0].map(\.text)
    let col = { (name: String) in header.firstIndex(of: name)! }
    #expect(header.prefix(3) == ["wijkcode", "wijk", "oppervlakte_km2"])
    for (k, code) in ["01", "02", "03", "04", "05", "06", "07", "08", "09"].enumerated() {
      #expect(rows[k + 1][col("wijkcode")] == Cell(type: "string", text: code))
    }
    #expect(rows[1][col("households")] == Cell(type: "float", text: "120"))
    #expect(rows[2][col("vacancy")] == Cell(type: "float", text: "9.5"), "9,5 read as a number")
    #expect(rows[7][col("households_teller")] == Cell(type: "string", text: "<5"))
    #expect(rows[1][col("vacancy")] == Cell(type: "string", text: "x"))
  }

  /// The workbook: the table sheet with codes as text and numbers as numbers, and the
  /// codebook sheet with the small-number rule.
  @Test func workbookOpensWithCodesAsTextAndNumbersAsNumbers() throws {
    let out = try analysed()
    let sheets = try calc(out.appendingPathComponent("wards.xlsx"))
    let rows = try #require(sheets["wijken"])
    let header = rows[0].map(\.text)
    let col = { (name: String) in header.firstIndex(of: name)! }
    #expect(rows[1][col("wijkcode")] == Cell(type: "string", text: "01"))
    #expect(rows[9][col("wijkcode")] == Cell(type: "string", text: "09"))
    #expect(rows[1][col("households")].type == "float")
    #expect(rows[2][col("vacancy_lq")].type == "float")
    #expect(rows[7][col("households")].type == "", "a withheld number is an empty cell")
    #expect(rows[7][col("households_status")] == Cell(type: "string", text: "<5"))
    let codebook = try #require(sheets["codeboek"])
    #expect(codebook.contains { $0.first?.text == "Kleine aantallen" })
  }
}
