import Foundation
import Testing

/// `wijk housing` end to end on the synthetic example (GeoData/huisvesting_synthetic.yaml),
/// as a user runs it; the numbers it prints are checked against the shapely count in
/// Tests/Fixtures/housing/expected_counts.json.
@Suite struct HousingCommandTests {
  static func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-housing-\(UUID().uuidString)")
  }

  @Test func syntheticExampleWritesEveryOutputAndSaysSynthetic() throws {
    let out = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try CLIRunner.run(["housing", "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    for file in [
      "wards_not_for_publication.gpkg", "wards.csv", "wards.xlsx",
      "results_not_for_publication.json", "summary.md", "summary.html", "housing_not_for_publication.json",
      "huisvesting_wijken_synthetic.csv", "maps/social_rental_share.svg",
      "maps/social_rental_share_2021-lisa.svg",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
    }
    #expect(r.stderr.contains("register_synthetic_2021.csv is synthetic"))
    #expect(r.stderr.contains("3 register row(s) lie outside every ward"))
    let summary = try String(
      contentsOf: out.appendingPathComponent("summary.html"), encoding: .utf8)
    #expect(
      summary.contains("SYNTHETISCH")
        && summary.contains("register_synthetic_2021.csv bevat synthetische gegevens"))
    #expect(summary.contains("Het woningregister") && summary.contains("Verandering 2021–2024"))
    // The brochure: Belgian Excel (BOM, ;), the city row holds the shapely total of 2024.
    let brochure = try Data(
      contentsOf: out.appendingPathComponent("huisvesting_wijken_synthetic.csv"))
    #expect(brochure.starts(with: [0xEF, 0xBB, 0xBF]))
    let lines = String(decoding: brochure.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
    #expect(lines[0].hasPrefix("wijkcode;wijk;dwellings;records;"))
    #expect(lines.count == 1 + 30 + 1 + 1 + 2, "wards, city, a blank line, the two notes")
    #expect(lines[31].hasPrefix(";Totaal stad;27839;"))
    #expect(lines.last!.contains("Niet gepubliceerd: "))
    #expect(lines.dropFirst().contains { $0.contains(";<5;") })
    // Provenance: the registers are hashed inputs.
    let results = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("results_not_for_publication.json")))
        as? [String: Any])
    let inputs = ((results["provenance"] as? [String: Any])?["inputs"] as? [[String: Any]]) ?? []
    #expect(
      inputs.contains { ($0["path"] as? String)?.hasSuffix("register_synthetic_2024.csv") == true })
  }

  /// The online brochure: one page with the map and the brochure table, the same cells as
  /// the CSV (a "<5" stays "<5"), "synthetic" said on it, nothing fetched.
  @Test func onlineBrochureIsOnePageWithTheBrochureTable() throws {
    let out = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let r = try CLIRunner.run(["housing", "-o", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let page = try String(
      contentsOf: out.appendingPathComponent("online/index.html"), encoding: .utf8)
    #expect(page.contains("<h2>Huisvesting per wijk</h2>"))
    let table = try #require(page.components(separatedBy: "<section class=\"table\">").last)
    #expect(table.components(separatedBy: "<tr>").count - 1 == 1 + 30 + 1, "header, wards, city")
    #expect(table.contains("<td>&lt;5</td>"))
    #expect(page.contains("bevat synthetische gegevens"))
    let urls = page.components(separatedBy: "http").dropFirst()
    #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg") })
  }

  /// Langerlo (7101614) has 2 vacant dwellings of 396 in 2021: the CSV prints "<5", and
  /// the rate, share, LQ, EB rate, z, local I and Gi* that would give the 2 back print "x".
  @Test func aSmallCountIsNotRevealedByItsRate() throws {
    let out = Self.temporaryFolder()
    #expect(try CLIRunner.run(["housing", "-q", "--plain-csv", "-o", out.path]).status == 0)
    let text = try String(contentsOf: out.appendingPathComponent("wards.csv"), encoding: .utf8)
    let lines = text.split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let header = lines[0]
    let row = try #require(lines.first { $0.first == "7101614" })
    func cell(_ name: String) -> String { row[header.firstIndex(of: name)!] }
    #expect(cell("vacancy_rate_2021_teller") == "<5")
    #expect(cell("vacancy_rate_2021_noemer") == "396")
    #expect(cell("vacancy_rate_2021_status") == "<5")
    for hidden in [
      "", "_aandeel_stad_pct", "_eb", "_lq", "_rang", "_z", "_lisa_i", "_lisa_p", "_gistar_z",
      "_gistar_p",
    ] {
      #expect(cell("vacancy_rate_2021\(hidden)") == "x", "vacancy_rate_2021\(hidden)")
    }
  }

  @Test func aMissingRegisterExitsWith66AndNamesTheFile() throws {
    let out = Self.temporaryFolder()
    let config = Self.temporaryFolder().appendingPathExtension("yaml")
    defer { try? FileManager.default.removeItem(at: config) }
    let text = try String(
      contentsOf: CLIRunner.root.appendingPathComponent("GeoData/huisvesting_synthetic.yaml"),
      encoding: .utf8
    )
    .replacingOccurrences(
      of: "file: genk_wijken", with: "file: \(CLIRunner.root.path)/GeoData/genk_wijken"
    )
    .replacingOccurrences(
      of: "groups_file: impulswijken",
      with: "groups_file: \(CLIRunner.root.path)/GeoData/impulswijken"
    )
    .replacingOccurrences(
      of: "../Examples/housing/register_synthetic_2024.csv", with: "/nonexistent/register_2024.csv"
    )
    .replacingOccurrences(
      of: "../Examples/housing/", with: "\(CLIRunner.root.path)/Examples/housing/")
    try text.write(to: config, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run(["housing", "-q", "-c", config.path, "-o", out.path])
    #expect(r.status == 66, "\(r.stderr)")
    #expect(r.stderr.contains("/nonexistent/register_2024.csv"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
