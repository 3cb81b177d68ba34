import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

@Suite struct KeyJoinTests {
  let case13 = "cases/13-ward-code-leading-zeros"

  func case13Inputs() throws -> (Layer, Table) {
    (
      try readGeoJSON(fixture("\(case13)/wards.geojson")),
      try readDelimited(fixture("\(case13)/indicatoren_excel.csv"), separator: ";")
    )
  }

  @Test("Case 13 strict: 01, 02, 03 without data, 1, 2, 3 without a ward, leading-zeros hint")
  func case13Strict() throws {
    let (wards, table) = try case13Inputs()
    var caught: JoinError?
    do {
      _ = try KeyJoin.join(table, onto: wards, layerKey: "wijkcode", tableKey: "wijkcode")
    } catch { caught = error }
    guard case .unmatchedKeys(let report) = try #require(caught) else {
      Issue.record("expected unmatchedKeys, got \(String(describing: caught))")
      return
    }
    #expect(report.matched == 2)  // 10 and 11
    #expect(report.unmatchedFeatures.map(\.key) == ["01", "02", "03"])
    #expect(report.unmatchedRows.map(\.key) == ["1", "2", "3"])
    #expect(report.unmatchedRows.map(\.position) == [2, 3, 4])  // lines in the CSV
    // "01" is one edit from "1" and from "11"; "10" is two edits away, beyond the cut-off
    // (half the longer key's length, at least 1).
    #expect(report.unmatchedFeatures[0].closest == ["1", "11"])
    #expect(report.lostLeadingZeros.map(\.layerKey) == ["01", "02", "03"])
    #expect(
      report.description == """
        Join of indicatoren_excel.csv onto wards.geojson: 2 of 5 wards matched a row; 5 rows in \
        the table.
        3 ward(s) without data: 01 (closest: 1, 11), 02 (closest: 2), 03 (closest: 3).
        3 table key(s) without a ward: 1 (closest: 01, 10, 11), 2 (closest: 02), 3 (closest: 03).
        Hint: 3 table key(s) look like ward codes that lost their leading zeros (1 → 01, 2 → 02, \
        3 → 03), e.g. after a spreadsheet round trip. Keep the codes as text, or left-pad the \
        table keys with zeros (pad_keys in the configuration, --pad-keys on the command line) \
        to width 2.
        """)
  }

  @Test("Case 13 warn: unmatched wards get missing values, never 0")
  func case13Warn() throws {
    let (wards, table) = try case13Inputs()
    let r = try KeyJoin.join(
      table, onto: wards, layerKey: "wijkcode", tableKey: "wijkcode",
      options: KeyJoinOptions(unmatched: .warn))
    let inwoners = try #require(r.column("inwoners"))
    #expect(inwoners.map(\.isMissing) == [true, true, true, false, false])
    #expect(inwoners[3] == .text("1800"))
  }

  @Test("Case 13 padded to the layer's code width: 5 of 5 match, 01 has 1200, codes keep zeros")
  func case13Padded() throws {
    let (wards, table) = try case13Inputs()
    for padding in [KeyPadding.toLayerCodeWidth, .toWidth(2)] {
      let r = try KeyJoin.join(
        table, onto: wards, layerKey: "wijkcode", tableKey: "wijkcode",
        options: KeyJoinOptions(padding: padding))
      #expect(r.report.matched == 5 && r.report.isComplete)
      #expect(r.columns == ["inwoners"])  // the table's key column is not carried over
      let codes = wards.column("wijkcode")!.map(\.text)
      let first = try #require(codes.firstIndex(of: "01"))
      #expect(r.values[first] == [.text("1200")])
      #expect(codes == ["01", "02", "03", "10", "11"])
    }
  }

  @Test("Case 09: NFD names in the CSV match NFC ward names")
  func case09NFD() throws {
    let table = try readDelimited(
      fixture("cases/09-shapefile-dbf-encoding/site_by_name_nfd.csv"), separator: ";")
    // The CSV really is decomposed: "Hoëvelde" has 9 scalars there, 8 in NFC.
    #expect(table.rows[0][1].text!.unicodeScalars.count == 9)
    // The ward layer as case.md specifies it (names stored in NFC).
    let names = ["Ho\u{EB}velde", "Sint-Ru\u{EF}nehof", "B\u{E8}kerzand"]
    let wards = Layer(
      name: "wards", source: "wards_utf8_cpg.shp", crs: nil,
      fields: [Field(name: "wijkcode", type: .text), Field(name: "wijknaam", type: .text)],
      features: names.enumerated().map { i, n in
        Feature(index: i, geometry: nil, values: [.text("W0\(i + 1)"), .text(n)])
      })
    let r = try KeyJoin.join(
      table, onto: wards, layerKey: "wijknaam", tableKey: "wijknaam",
      options: KeyJoinOptions(unmatched: .warn))
    #expect(r.column("site_id") == [.text("S1"), .text("S2"), .missing])
    #expect(r.report.unmatchedRows.isEmpty)
    #expect(r.report.unmatchedFeatures.map(\.key) == ["B\u{E8}kerzand"])
  }

  /// The ASCII shortcut gives what Foundation's path gives, for every ASCII character at
  /// either end and inside a key, codes and names.
  @Test func asciiKeysNormaliseAsThroughFoundation() {
    var differ: [String] = []
    for a in 0..<128 {
      for b in 0..<128 {
        let (x, y) = (String(UnicodeScalar(UInt8(a))), String(UnicodeScalar(UInt8(b))))
        for key in [x + "Wa" + y + "Z" + x, y + x, x] {
          for rule in [KeyNormalisation.codes, .names] {
            let fast = rule.asciiNormalised(key)
            if fast == nil || fast != rule.unicodeNormalised(key) { differ.append(key) }
          }
        }
      }
    }
    #expect(differ.isEmpty, "\(differ.prefix(5).map { Array($0.utf8) })")
    #expect(KeyNormalisation.names.asciiNormalised("Hoëvelde") == nil)
  }

  @Test("Name folding: case and accents ignored only when asked")
  func folding() {
    #expect(KeyNormalisation.codes.normalise("  Hoe\u{308}velde ") == "Ho\u{EB}velde")
    #expect(KeyNormalisation.names.normalise("HOËVELDE") == "hoevelde")
    let codes = KeyNormalisation.codes
    #expect(codes.normalise("HOËVELDE") != codes.normalise("hoevelde"))
  }

  @Test("Duplicate table keys are an error naming each key and its lines")
  func duplicates() throws {
    let (wards, table) = try case13Inputs()
    var doubled = table
    doubled.rows.append([.text("10"), .text("5")])
    doubled.lineNumbers.append(7)
    #expect(
      throws: JoinError.duplicateTableKeys(
        source: "indicatoren_excel.csv", column: "wijkcode", lines: ["10": [5, 7]], hint: nil)
    ) {
      try KeyJoin.join(
        doubled, onto: wards, layerKey: "wijkcode", tableKey: "wijkcode",
        options: KeyJoinOptions(unmatched: .warn))
    }
  }

  @Test("A missing key column is named with its file")
  func missingColumn() throws {
    let (wards, table) = try case13Inputs()
    let error = JoinError.missingColumn("code", source: "indicatoren_excel.csv")
    #expect(throws: error) {
      try KeyJoin.join(table, onto: wards, layerKey: "wijkcode", tableKey: "code")
    }
    #expect(error.description == "indicatoren_excel.csv has no column \"code\".")
  }
}
