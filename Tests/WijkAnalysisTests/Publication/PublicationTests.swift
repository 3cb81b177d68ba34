import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis
@testable import WijkIO

/// The publication step on the synthetic fixture (`Tests/Fixtures/publication/README.md`
/// lists its small counts and what a statistical office withholds beside them).
@Suite struct PublicationTests {
  typealias F = PublicationFixtures

  static let published = Result { try Publication.make(try F.synthetic.get()) }

  /// Ward codes of the wards whose figures of `indicator` are withheld, with the marker of
  /// their value.
  func withheld(_ p: Publication, _ indicator: String) -> [String: String] {
    let i = p.result.indicator(indicator)!
    var out: [String: String] = [:]
    for w in i.wards.indices {
      if let f = p.withheld(indicator, ward: w) {
        out[i.wards[w].code] = p.marker(f.value(kind: i.kind))
      }
    }
    return out
  }

  @Test func theFixturesSmallCountsAndTheirComplementsAreWithheld() throws {
    let p = try Self.published.get()
    #expect(withheld(p, "households") == ["07": "<5", "03": "x"])
    #expect(
      withheld(p, "vacancy") == ["01": "x", "05": "x", "07": "x", "08": "x", "04": "x", "03": "x"])
    let vacancy = try #require(p.result.indicator("vacancy"))
    let n = { (code: String) in
      p.withheld("vacancy", ward: vacancy.wards.firstIndex { $0.code == code }!)
    }
    #expect(n("01")?.numerator == .smallCount && n("05")?.numerator == .smallCount)
    #expect(n("07")?.numerator == .smallCount, "0 of a base of 3")
    #expect(n("08")?.numerator == .complementary && n("04")?.numerator == .complementary)
    #expect(n("03")?.numerator == nil && n("03")?.base == .complementary)
    #expect(withheld(p, "shops") == ["02": "<5", "08": "<5", "05": "x"])
    #expect(withheld(p, "kwh_per_household") == ["07": "x", "03": "x"])
    #expect(p.result.indicator("kwh_per_household")?.city.numeratorTotal == nil)
    #expect(p.withheldCity.isEmpty && p.withheldGroups.isEmpty)
  }

  /// A withheld ward keeps only its published cells; the others are rounded, and the city
  /// totals are the true ones.
  @Test func withheldFiguresAreNilAndTheRestRounded() throws {
    let p = try Self.published.get()
    let exact = try F.synthetic.get().result
    let vacancy = try #require(p.result.indicator("vacancy"))
    let ward01 = vacancy.wards[0]
    #expect(ward01.numerator == nil && ward01.base == 120)
    for x in [
      ward01.value, ward01.shareOfCity, ward01.smoothedRate, ward01.locationQuotient,
      ward01.zScore, ward01.localMoranI, ward01.lisaPseudoP, ward01.giStarZ, ward01.giStarPseudoP,
    ] {
      #expect(x == nil)
    }
    #expect(ward01.rank == nil && ward01.lisaCategory == "not published" && ward01.flags.isEmpty)
    // 02: 9 of 95 = 9.4737 % → 9.5; LQ against the whole city's 64 / 915 = 6.99 %.
    #expect(vacancy.wards[1].value == 9.5)
    #expect(
      vacancy.wards[1].locationQuotient == PublishedPrecision.round(9.0 / 95 / (64.0 / 915), 2))
    #expect(vacancy.city.numeratorTotal == 64 && vacancy.city.baseTotal == 915)
    #expect(vacancy.city.value == PublishedPrecision.round(6400.0 / 915, 1))
    #expect(exact.indicator("vacancy")?.wards[0].value == 2.0 / 120 * 100)
    // Ranks among the six published wards: 06 (9.3 %) is below 02 (9.5 %) and 09 (11.9 %).
    let ranks = vacancy.wards.map(\.rank)
    #expect(ranks.compactMap { $0 }.sorted() == [1, 2, 3], "02, 06, 09 are published")
  }

  @Test func theNoteIsSaidOnceInEachOutput() throws {
    let run = try F.synthetic.get()
    let p = try Self.published.get()
    let texts = try F.outputs(p, table: run.table, weights: run.weights)
    let list = p.withheldList(.dutch)
    #expect(list.contains("Leegstand: Wijk 01, Wijk 05, Wijk 07 (aantal onder 5)"))
    for name in ["summary.md", "wards_codebook.csv", "plans/01-wijk-01.md"] {
      let text = try #require(texts[name])
      #expect(
        text.components(separatedBy: "Kleine aantallen (statistische geheimhouding)").count == 2,
        "\(name)")
      #expect(text.contains("Niet gepubliceerd: "), "\(name)")
    }
  }

  /// The published CSV for Belgian Excel: BOM, `;`, decimal commas, codes as `="01"`, Dutch
  /// headers, markers in place; the plain one keeps `01` as it is.
  @Test func belgianExcelCSV() throws {
    let p = try Self.published.get()
    let published = WardExport.published(p)
    let bytes = CSVWriter.encode(
      published.table, dialect: .excel, textColumns: published.textColumns)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n")
    #expect(
      lines[0].hasPrefix(
        "wijkcode;wijk;oppervlakte_km2;households;households_status;households_teller;"))
    #expect(lines[1].hasPrefix("\"=\"\"01\"\"\";Wijk 01;1;120;;120;"))
    let header = lines[0].split(separator: ";").map(String.init)
    let row7 = lines[7].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    #expect(row7[header.firstIndex(of: "households_teller")!] == "<5")
    #expect(row7[header.firstIndex(of: "households_status")!] == "<5")
    #expect(row7[header.firstIndex(of: "vacancy_noemer")!] == "<5")
    let row2 = lines[2].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    #expect(row2[header.firstIndex(of: "vacancy")!] == "9,5")
    #expect(ExcelText.unwrap("=\"01\"") == "01" && ExcelText.wrap("01") == "=\"01\"")
    #expect(ExcelText.wrap("Wijk 01") == "Wijk 01")
    let plain = CSVWriter.text(published.table).components(separatedBy: "\r\n")
    #expect(plain[1].hasPrefix("01,Wijk 01,1,120,,120,"))
  }

  /// The spreadsheet holds the same table: codes and markers as text, numbers as numbers, a
  /// withheld number as an empty cell with its marker in `_status`; and a codebook sheet.
  @Test func spreadsheetSheets() throws {
    let p = try Self.published.get()
    let published = WardExport.published(p)
    let sheet = WardExport.sheet(published, language: .dutch)
    #expect(sheet.name == "wijken")
    let field = { (name: String) in sheet.fields.firstIndex { $0.name == name }! }
    #expect(sheet.fields[field("wijkcode")].type == .text)
    #expect(sheet.fields[field("households")].type == .real)
    #expect(sheet.features[0].values[field("wijkcode")] == .text("01"))
    #expect(sheet.features[6].values[field("households")] == .missing)
    #expect(sheet.features[6].values[field("households_status")] == .text("<5"))
    #expect(sheet.features[1].values[field("vacancy")] == .real(9.5))
    let codebook = WardExport.codebook(published, p)
    #expect(codebook.rows.count == published.columns.count + 5)
    #expect(codebook.rows.contains { $0[0] == .text("vacancy_lq") })
  }

  /// The working files say in their names and their contents that they are not for
  /// publication.
  @Test func workingFilesAreMarked() throws {
    let json = try WorkingFiles.json(try F.synthetic.get().result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((object["not_for_publication"] as? String)?.hasPrefix("NOT FOR PUBLICATION") == true)
    #expect(try JSONDecoder().decode(AnalysisResult.self, from: Data(json.utf8)).wards.count == 9)
    for name in [
      WorkingFiles.wards, WorkingFiles.results, WorkingFiles.housing, WorkingFiles.check,
    ] {
      #expect(name.contains("not_for_publication"))
    }
    #expect(WorkingFiles.geoPackageMetadata.description == WorkingFiles.notice)
  }

  /// Written end to end: the files of `wijk analyse` on the fixture.
  @Test func analyseWritesThePublishedAndTheWorkingFiles() throws {
    let run = try F.synthetic.get()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-pub-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try AnalysisOutputs.write(run, to: folder.path).map {
      URL(fileURLWithPath: $0).lastPathComponent
    }
    for name in [
      "wards.csv", "wards.xlsx", "wards_codebook.csv", "summary.md", "summary.html",
      WorkingFiles.wards, WorkingFiles.results,
    ] {
      #expect(written.contains(name), "\(name)")
    }
    let gpkg = try LayerReader.read(path: folder.appendingPathComponent(WorkingFiles.wards).path)
      .layer
    let n = try #require(gpkg.fieldIndex("vacancy_num"))
    #expect(gpkg.features[0].values[n].number == 2, "the working file keeps the exact count")
    let sheet = try LayerReader.read(
      path: folder.appendingPathComponent("wards.xlsx").path, layer: "wijken"
    ).layer
    let code = try #require(sheet.fieldIndex("wijkcode"))
    #expect(sheet.features[0].values[code] == .text("01"))
  }
}

/// A ward plan reads the brochure as its housing table: the withheld cells keep their markers
/// and their columns, and ranks count the published wards only.
@Suite struct PlanHousingFromBrochureTests {
  @Test func brochureMarkersSurviveIntoThePlan() throws {
    let c = try HousingConfigurationLoader.load(
      path: fixture("housing/small/housing_small_synthetic.yaml").path)
    let run = try HousingAnalysis.run(c)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "huisvesting-\(UUID()).csv")
    defer { try? FileManager.default.removeItem(at: file) }
    try CSVWriter.write(
      HousingBrochure.table(run, try run.publication()), to: file.path, dialect: .excel,
      textColumns: ["wijkcode"])
    let figures = try HousingFigures.load(path: file.path, codeColumn: "wijkcode")
    #expect(figures.names.contains("vacant"), "a column with <5 in it is kept")
    #expect(Set(figures.values.keys) == ["W1", "W2", "W3", "W4"], "codes unwrapped, city row out")
    let w1 = try #require(
      figures.plan(forWard: "W1", threshold: 5)?.figures.first { $0.name == "vacant" })
    #expect(w1.withheld == "<5" && w1.value == nil && w1.rank == nil)
    let w2 = try #require(
      figures.plan(forWard: "W2", threshold: 5)?.figures.first { $0.name == "vacant" })
    #expect(w2.value == 0 && w2.rank == 1 && w2.rankedWards == 2, "W2 and W4 (0) are published")
  }
}
