import Foundation
import Testing

// The example jobs of Examples/README.md, run in Dutch into one temporary folder, read as a
// Flemish reader reads them: every published text (summary, ward plans, housing brochure,
// check report, maps, CSV values) in Dutch, with no raw column ids, no unrounded numbers and
// dates in words; and every ward named, by label or by number and key, on every map.
@Suite(.serialized) struct DutchHandoutTests {
  /// The outputs of `wijk analyse`, `wijk plan` (two wards, with the trend and the housing
  /// table), `wijk housing` and `wijk check` on the examples, made once for the suite.
  static let outputs: Result<URL, JobFailure> = runJobs()

  struct JobFailure: Error, CustomStringConvertible {
    var description: String
  }

  static func runJobs() -> Result<URL, JobFailure> {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("wijk-handouts-\(UUID())")
    let jobs: [[String]] = [
      ["analyse", "-q", "--out", folder.appendingPathComponent("analyse").path],
      ["housing", "-q", "-o", folder.appendingPathComponent("housing").path],
      [
        "plan", "-q", "--ward", "Kolderbos", "--ward", "Nieuw-Sledderlo", "--years", "2020,2021",
        "--housing", folder.appendingPathComponent("housing/huisvesting_wijken_synthetic.csv").path,
        "--housing-code", "wijkcode",
        "--out", folder.appendingPathComponent("plans").path,
      ],
      [
        "check", "-q", "--scenario", "Examples/sledderlo/scenario_illustrative.yaml", "--out",
        folder.appendingPathComponent("check").path,
      ],
    ]
    for job in jobs {
      do {
        let r = try CLIRunner.run(job)
        if r.status != 0 && !(job[0] == "check" && r.status == 1) {
          return .failure(JobFailure(description: "wijk \(job[0]) exit \(r.status): \(r.stderr)"))
        }
      } catch {
        return .failure(JobFailure(description: "wijk \(job[0]): \(error)"))
      }
    }
    return .success(folder)
  }

  func files() throws -> (URL, [URL]) {
    let folder = try Self.outputs.get()
    let files = HandoutScan.publishedFiles(under: folder)
    return (folder, files)
  }

  func relative(_ url: URL, _ folder: URL) -> String {
    String(url.path.dropFirst(folder.path.count + 1))
  }

  @Test func everyPublishedTextIsDutch() throws {
    let (folder, files) = try files()
    // Every kind of handout was written, so that the scan below scans something.
    for part in ["analyse/summary.html", "plans/", "housing/", "check/check.html"] {
      #expect(files.contains { relative($0, folder).hasPrefix(part) }, "no \(part)")
    }
    // The housing configuration names its register columns (tenure, landlord, dwelling type,
    // vacancy, the year series) by ids with no Dutch label, and the brochure, its summary and
    // the plans' housing tables can only show those ids: known, and not counted here.
    let brochure = try String(
      contentsOf: folder.appendingPathComponent("housing/huisvesting_wijken_synthetic.csv"),
      encoding: .utf8)
    let configured = Set(
      (brochure.split(whereSeparator: \.isNewline).first ?? "").split(separator: ";").map {
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}\r\""))
      })
    #expect(configured.contains("social_rental"))
    var findings: [HandoutScan.Finding] = []
    for url in files {
      let raw = try String(contentsOf: url, encoding: .utf8)
      let text = HandoutScan.visibleText(
        raw, fileExtension: url.pathExtension,
        isCodebook: url.lastPathComponent.contains("codebook"))
      findings += HandoutScan.problems(
        in: text, file: relative(url, folder), isTable: url.pathExtension == "csv",
        configured: configured)
    }
    let report = findings.map(\.description).joined(separator: "\n")
    #expect(findings.isEmpty, "\(findings.count) findings:\n\(report)")
  }

  @Test func everyWardIsNamedOnEveryMap() throws {
    let (folder, files) = try files()
    var maps = 0
    var unnamed: [String] = []
    for url in files where ["svg", "html"].contains(url.pathExtension) {
      let raw = try String(contentsOf: url, encoding: .utf8)
      for (k, svg) in HandoutScan.maps(in: raw).enumerated() where svg.contains("class=\"ward\"") {
        maps += 1
        let missing = HandoutScan.unnamedWards(in: svg)
        if !missing.isEmpty {
          unnamed.append("\(relative(url, folder)) map \(k + 1): \(missing.joined(separator: ", "))")
        }
      }
    }
    #expect(maps >= 10, "only \(maps) maps found")
    let report = unnamed.joined(separator: "\n")
    #expect(unnamed.isEmpty, "wards without a name or number:\n\(report)")
  }

  // The scan itself finds what it must find: an English word, a column id, an unrounded
  // number, an ISO date; and not Dutch words, file names or a CSV header.
  @Test func theScanFindsWhatItLooksFor() {
    let html = "<p>Totaal stad: 3671498.2800000003 (rank 3, gas_share) op 2026-12-01</p>"
    let found = HandoutScan.problems(
      in: HandoutScan.visibleText(html, fileExtension: "html"), file: "x.html", isTable: false)
    #expect(found.map(\.problem) == [
      "English “rank”", "raw identifier “gas_share”", "unrounded number “3671498.2800000003”",
      "date “2026-12-01” not in words",
    ])
    let clean = "<p>De dichtstbijzijnde school ligt op 1.234 m; zie wards.csv en `wijk plan`.</p>"
    #expect(HandoutScan.problems(
      in: HandoutScan.visibleText(clean, fileExtension: "html"), file: "y.html", isTable: false)
      .isEmpty)
    let csv = "\u{FEFF}code;gas_share_lq\r\n=\"01\";0,93\r\n=\"02\";hoog\r\n"
    #expect(HandoutScan.problems(
      in: HandoutScan.visibleText(csv, fileExtension: "csv"), file: "z.csv", isTable: true)
      .isEmpty)
  }
}
