import Foundation
import SpatialStats
import Testing
import WijkCore
import WijkIO

@testable import WijkAnalysis

/// The table side of the one gate, on field cases 23 (Statbel's `C`) and 28 (a key twice),
/// end to end through `wijk analyse` and `wijk join`, and the DBF numbers of libpysal's
/// mexicojoin against inequality's published Gini.
@Suite struct TableCasesTests {
  static let case23 = fixture("cases/23-statbel-confidential-cells")
  static let case28 = fixture("cases/28-duplicate-ward-codes")

  /// `wijk analyse` on one of a case's configurations, with few permutations.
  static func analyse(_ folder: URL, _ yaml: String, edit: (String) -> String = { $0 }) throws
    -> Analysis.Run
  {
    let path = folder.appendingPathComponent(yaml).path
    let text = edit(try String(contentsOfFile: path, encoding: .utf8))
    return try Analysis.run(ConfigurationLoader.parse(text, file: path))
  }

  static func values(_ run: Analysis.Run) -> [String: Double?] {
    let i = run.result.indicators[0]
    return Dictionary(uniqueKeysWithValues: i.wards.map { ($0.code, $0.value) })
  }

  @Test("Case 23, sector table: W01 missing (confidential: sector 71999A002), city 66/1600")
  func case23SectorTableLeavesOutOnlyTheWardWithTheConfidentialSector() throws {
    let run = try Self.analyse(Self.case23, "wijk-analyse-sector.yaml")
    let i = run.result.indicators[0]
    #expect(Self.values(run) == ["W01": nil, "W02": 30, "W03": 50])
    #expect(i.wards[0].numerator == nil && i.wards[0].base == 1800)
    #expect(i.wards[1].numerator == 21 && i.wards[2].numerator == 45)
    #expect(i.city.numeratorTotal == 66 && i.city.baseTotal == 1600)
    #expect(abs(i.city.value! - 41.25) < 1e-12)
    let table = try #require(run.result.tables.first)
    #expect(
      table.missingCells == [
        MissingCellCount(
          column: "MS_NBR_LEEFLOON", kind: .confidential, markers: ["C"], count: 1, lines: [3])
      ])
    #expect(
      table.missingWardValues == [
        MissingWardValue(
          column: "MS_NBR_LEEFLOON", ward: "W01", kind: .confidential,
          reason: "confidential: sector 71999A002", sectors: ["71999A002"], knownPart: 40)
      ])
    let en = SummaryReport.tableNotes(run.result, language: "en")
    #expect(
      en.contains(
        "sectoren_statbel.txt: missing values, each for its cell only (never read as 0): MS_NBR_LEEFLOON: 1 cell confidential ('C'; line 3)."
      ))
    #expect(
      en.contains(
        "W01 has no value for MS_NBR_LEEFLOON (confidential: sector 71999A002); the ward is left out of that column's city figures. The known part, 40, is only a lower bound."
      ))
    let nl = SummaryReport.tableNotes(run.result, language: "nl")
    #expect(
      nl.contains(
        "W01 heeft geen waarde voor MS_NBR_LEEFLOON (vertrouwelijk: sector 71999A002); de wijk telt niet mee in de stadscijfers van die kolom. Het bekende deel, 40, is enkel een ondergrens."
      ))
    #expect(
      nl.contains(
        "sectoren_statbel.txt: ontbrekende waarden, elk enkel voor die cel (nooit als 0 gelezen): MS_NBR_LEEFLOON: 1 cel vertrouwelijk ('C'; regel 3)."
      ))
  }

  @Test("Case 23, ward table: W02 missing (confidential), W01 70 and W03 50 per 1000")
  func case23WardTableKeepsTheOtherCells() throws {
    let run = try Self.analyse(Self.case23, "wijk-analyse-wijk.yaml")
    #expect(Self.values(run) == ["W01": 70, "W02": nil, "W03": 50])
    let table = try #require(run.result.tables.first)
    #expect(table.missingWardValues.map(\.reason) == ["confidential (C), line 3"])
    #expect(table.missingWardValues.map(\.ward) == ["W02"])
    // In results.json, with the kind as a word.
    let json = String(decoding: try JSONEncoder().encode(table), as: UTF8.self)
    #expect(json.contains("\"kind\":\"confidential\""))
  }

  @Test("Case 23 through wijk join: the same cells missing, the rest numbers")
  func case23ThroughJoin() throws {
    let wards = Self.case23.appendingPathComponent("wards.geojson").path
    let sectors = try JoinCommand.run(
      JoinRequest(
        wards: wards, code: "wijkcode",
        source: .sectors(
          file: Self.case23.appendingPathComponent("sectoren_statbel.txt").path,
          sectorKey: "CD_SECTOR",
          lookup: Self.case23.appendingPathComponent("sector_wijk.csv").path,
          lookupSector: "sectorcode", lookupWard: "wijkcode", filter: [:],
          ratios: [
            RatioSpec(name: "rate", numerator: "MS_NBR_LEEFLOON", base: "MS_POPULATION", per: 1000)
          ])))
    let leefloon = try #require(sectors.layer.column("MS_NBR_LEEFLOON"))
    #expect(leefloon.map(\.number) == [nil, 21, 45])
    #expect(leefloon[0] == .missing(reason: "confidential: sector 71999A002"))
    #expect(try #require(sectors.layer.column("rate")).map(\.number) == [nil, 30, 50])
    #expect(sectors.report.missingCells.map(\.column) == ["MS_NBR_LEEFLOON"])
    #expect(
      sectors.report.notes.contains(
        "W01 has no value for MS_NBR_LEEFLOON (confidential: sector 71999A002); the known part, 40, is only a lower bound"
      ))
    let table = try JoinCommand.run(
      JoinRequest(
        wards: wards, code: "wijkcode",
        source: .table(
          file: Self.case23.appendingPathComponent("indicatoren_wijk.csv").path, key: "wijkcode",
          padKeys: nil)))
    #expect(try #require(table.layer.column("leefloon")).map(\.number) == [84, nil, 45])
    #expect(table.report.text.contains("leefloon: 1 cell confidential (C), line 3"))
  }

  @Test("Case 28: a key twice is refused, naming W02 and lines 3 and 4")
  func case28DuplicateRowIsRefusedWithItsLines() throws {
    let message =
      "indicatoren_dubbel.csv: the key of column wijkcode occurs more than once, so a join would have to pick or add rows without a word: W02 at lines 3 and 4. Nothing was joined."
    do {
      _ = try Self.analyse(Self.case28, "wijk-analyse-nofilter.yaml") {
        $0.replacingOccurrences(of: "indicatoren_per_jaar.csv", with: "indicatoren_dubbel.csv")
      }
      Issue.record("expected an error")
    } catch let error as JoinError {
      #expect(
        error.description.hasSuffix(
          message + " Keep one row per key (remove the copy, or correct the code)."))
    }
    #expect(throws: JoinError.self) {
      try JoinCommand.run(
        JoinRequest(
          wards: Self.case28.appendingPathComponent("wards.geojson").path, code: "wijkcode",
          source: .table(
            file: Self.case28.appendingPathComponent("indicatoren_dubbel.csv").path,
            key: "wijkcode", padKeys: nil)))
    }
  }

  @Test("Case 28: a table per ward and year needs a filter on jaar; with it the 2023 rates hold")
  func case28PerYearTableNeedsAFilter() throws {
    do {
      _ = try Self.analyse(Self.case28, "wijk-analyse-nofilter.yaml")
      Issue.record("expected an error")
    } catch let error as JoinError {
      #expect(
        error.description.hasSuffix(
          "indicatoren_per_jaar.csv: 4 keys of column wijkcode occur more than once, so a join would have to pick or add rows without a word: W01 at lines 2 and 6; W02 at lines 3 and 7; W03 at lines 4 and 8; W04 at lines 5 and 9. Nothing was joined. The table seems to hold one row per wijkcode and jaar (values 2022, 2023): choose one with a filter on jaar, e.g. filter: { jaar: \"2023\" } in the table's configuration."
        ))
    }
    let run = try Self.analyse(Self.case28, "wijk-analyse-filter.yaml")
    #expect(Self.values(run) == ["W01": 70, "W02": 72, "W03": 60, "W04": 50])
    let city = run.result.indicators[0].city
    #expect(city.numeratorTotal == 307 && city.baseTotal == 4920)
    #expect(abs(city.value! - 62.398374) < 1e-6)
  }

  @Test("A sector listed twice in a sector table is refused with its lines, never summed twice")
  func duplicateSectorRowsAreRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = try String(
      contentsOf: Self.case23.appendingPathComponent("sectoren_statbel.txt"), encoding: .utf8)
    let doubled = source + "71999|71999B001|Sint-Ruïnehof|400|12\n"
    let path = folder.appendingPathComponent("sectoren.txt").path
    try doubled.write(toFile: path, atomically: true, encoding: .utf8)
    let error = #expect(throws: JoinError.self) {
      try JoinCommand.run(
        JoinRequest(
          wards: Self.case23.appendingPathComponent("wards.geojson").path, code: "wijkcode",
          source: .sectors(
            file: path, sectorKey: "CD_SECTOR",
            lookup: Self.case23.appendingPathComponent("sector_wijk.csv").path,
            lookupSector: "sectorcode", lookupWard: "wijkcode", filter: [:], ratios: [])))
    }
    #expect(error?.description.contains("71999B001 at lines 4 and 7") == true)
  }

  @Test(
    "Keys with invisible characters match with a note that shows them; unmatched ones show them")
  func invisibleCharactersInKeys() throws {
    let layer = Layer(
      name: "wards", source: "wards.geojson", crs: nil, fields: [Field(name: "code", type: .text)],
      features: ["W01", "W02", "W03"].enumerated().map { i, c in
        Feature(index: i, geometry: nil, values: [.text(c)])
      })
    let table = Table(
      source: "t.csv", columns: ["code", "n"],
      rows: [
        [.text("W01\u{00A0}"), .integer(1)], [.text("\u{FEFF}W02"), .integer(2)],
        [.text("W0\u{200B}3"), .integer(3)],
      ], lineNumbers: [2, 3, 4])
    let joined = try KeyJoin.join(table, onto: layer, layerKey: "code", tableKey: "code")
    #expect(joined.column("n")?.map { $0.number } == [1, 2, 3])
    #expect(
      joined.report.description.contains(
        "Note: 3 key(s) held invisible characters, removed before matching: W01<U+00A0> (t.csv line 2), <U+FEFF>W02 (t.csv line 3), W0<U+200B>3 (t.csv line 4)."
      ))
    // A no-break space inside a code is a space: no match, and the message shows it.
    var inside = table
    inside.rows[0][0] = .text("W\u{00A0}01")
    let error = #expect(throws: JoinError.self) {
      try KeyJoin.join(inside, onto: layer, layerKey: "code", tableKey: "code")
    }
    #expect(error?.description.contains("W<U+00A0>01") == true)
  }

  @Test("allow_unmatched: a list of codes, a maximum share, true as max_share 0.01")
  func allowUnmatchedForms() throws {
    func table(_ form: String) throws -> IndicatorTable {
      let text = """
        wards: { file: w.geojson, code: c, name: n }
        tables: [{ file: t.csv, key: k, allow_unmatched: \(form) }]
        indicators: [{ id: a, kind: count, numerator: x, label: a }]
        """
      return try ConfigurationLoader.parse(text, file: "/tmp/c.yaml").tables[0]
    }
    #expect(try table("true").allowUnmatched == UnmatchedAllowance(codes: [], maxShare: 0.01))
    #expect(try table("false").allowUnmatched == .none)
    #expect(
      try table("[71016ZZZZ]").allowUnmatched
        == UnmatchedAllowance(codes: ["71016ZZZZ"], maxShare: nil))
    #expect(
      try table("{ max_share: 0.02, codes: [A] }").allowUnmatched
        == UnmatchedAllowance(codes: ["A"], maxShare: 0.02))
    #expect(throws: ConfigurationError.self) { try table("{ max_share: 2 }") }
    #expect(throws: ConfigurationError.self) { try table("{ share: 0.1 }") }
  }

  @Test(
    "allow_unmatched: true refuses a wrong vintage (2025 wards and lookup) instead of losing households"
  )
  func allowUnmatchedTrueRefusesAWrongVintage() throws {
    let path = geoData("wijk-genk.yaml").path
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "genk_wijken_2020_2024_31370.geojson", with: "genk_wijken_2025_31370.geojson"
    )
    .replacingOccurrences(
      of: "genk_statsec2024_to_wijk2024.csv", with: "genk_statsec2025_to_wijk2025.csv"
    )
    .replacingOccurrences(of: "sector: statsec2024", with: "sector: statsec")
    .replacingOccurrences(of: "ward: ggw72024", with: "ward: ggw7")
    .replacingOccurrences(of: "allow_unmatched: [71016ZZZZ]", with: "allow_unmatched: true")
    var config = try ConfigurationLoader.parse(text, file: path)
    config.zones = nil
    config.permutations = 0
    do {
      _ = try Analysis.run(config)
      Issue.record("expected an error")
    } catch let error as JoinError {
      guard case .unmatchedBeyondAllowance(_, _, let lost, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(lost.contains("30.9 % of v2506_elek_res_n"), "27,394 → 18,940 households: \(lost)")
    }
  }

  @Test("Missing-value markers can be declared per table and for every table")
  func declaredMarkers() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "wijkcode;inwoners;leefloon\r\nW01;1200;84\r\nW02;700;geheim\r\nW03;900;45\r\n"
      .write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: Self.case23.appendingPathComponent("wards.geojson"),
      to: folder.appendingPathComponent("wards.geojson"))
    let base = try String(
      contentsOf: Self.case23.appendingPathComponent("wijk-analyse-wijk.yaml"), encoding: .utf8
    )
    .replacingOccurrences(of: "indicatoren_wijk.csv", with: "t.csv")
    try base.write(
      to: folder.appendingPathComponent("plain.yaml"), atomically: true, encoding: .utf8)
    #expect(throws: IOError.self) { try Self.analyse(folder, "plain.yaml") }
    for (name, edit) in [
      (
        "table.yaml",
        base.replacingOccurrences(
          of: "    key: wijkcode\n", with: "    key: wijkcode\n    missing_values: [geheim]\n")
      ),
      ("global.yaml", base + "missing_values: geheim\n"),
    ] {
      try edit.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
      let run = try Self.analyse(folder, name)
      #expect(Self.values(run) == ["W01": 70, "W02": nil, "W03": 50])
      #expect(run.result.tables[0].missingCells.map(\.kind) == [.declared])
    }
  }

  @Test("wijk info on tables: types, markers, non-numeric cells, duplicate keys with lines")
  func tableInspection() throws {
    let perYear = try TableInspector.inspect(
      path: Self.case28.appendingPathComponent("indicatoren_per_jaar.csv").path)
    #expect(perYear.separator == ";" && perYear.numberConvention.hasPrefix("decimal comma"))
    #expect(perYear.columns.map(\.type) == ["text", "integer", "integer", "integer"])
    let key = try #require(perYear.keys.first)
    #expect(key.column == "wijkcode" && !key.given)
    #expect(key.duplicates.map(\.lines) == [[2, 6], [3, 7], [4, 8], [5, 9]])
    #expect(key.hint?.contains("filter on jaar") == true)
    #expect(!perYear.isUsable)
    let statbel = try TableInspector.inspect(
      path: Self.case23.appendingPathComponent("sectoren_statbel.txt").path, key: "CD_SECTOR")
    #expect(statbel.separator == "|")
    let leefloon = try #require(statbel.columns.first { $0.name == "MS_NBR_LEEFLOON" })
    #expect(leefloon.type == "integer" && leefloon.numbers == 4)
    #expect(
      leefloon.missing.map(\.description) == ["MS_NBR_LEEFLOON: 1 cell confidential (C), line 3"])
    #expect(statbel.isUsable)
    let bad = try TableInspector.inspect(
      path: fixture("cases/11-csv-semicolon-decimal-comma/indicatoren_bad_cell.csv").path)
    let column = try #require(bad.columns.first { $0.name == "aandeel_65plus" })
    #expect(column.type == "mixed")
    #expect(column.nonNumeric == TableInspection.TextCells(count: 1, lines: [3], cells: ["22,2,5"]))
    #expect(bad.columns.first { $0.name == "inwoners" }?.type == "integer")
  }

  @Test("mexicojoin.dbf (numbers padded with NUL bytes): inequality's published Gini")
  func mexicoGiniFromNULPaddedDBF() throws {
    struct Reference: Decodable {
      var values: [Double]
      var gini: Double
      var published_gini: Double
      var tolerance: Double
    }
    let reference = try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: fixture("mexico/mexico_gini.json")))
    let layer = try LayerReader.read(path: fixture("mexico/mexicojoin.shp").path).layer
    let values = try #require(layer.column("PCGDP1940")).map(\.number)
    #expect(values == reference.values)
    let gini = try #require(try Inequality(values: values).gini.value)
    #expect(abs(gini - reference.published_gini) < reference.tolerance)
    #expect(abs(gini - 0.35372371173452849) < 1e-12)
  }
}
