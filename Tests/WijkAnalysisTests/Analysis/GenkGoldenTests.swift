import Foundation
import Testing
import WijkIO

@testable import WijkAnalysis

/// Golden files of the main job on Genk: the published `wards.csv` (Belgian Excel, as
/// `language: nl` writes it) byte for byte, and the working file
/// `results_not_for_publication.json` as a decoded value with the run's date and the
/// machine's absolute paths normalised (checksums, versions and every number are kept).
/// Re-record after an intended change with `WIJK_RECORD_GOLDEN=1 swift test --filter
/// GenkGoldenTests` and review the diff.
@Suite struct GenkGoldenTests {
  static let golden = GenkEndToEndTests.fixtures.appendingPathComponent("golden/genk")
  static let recording = ProcessInfo.processInfo.environment["WIJK_RECORD_GOLDEN"] == "1"

  /// The result with what differs between machines and days taken out.
  static func normalised(_ r: AnalysisResult) -> AnalysisResult {
    var r = r
    let root = GenkEndToEndTests.root.path + "/"
    r.provenance.createdAt = "<date>"
    r.provenance.configurationFile = r.provenance.configurationFile.map {
      $0.replacingOccurrences(of: root, with: "")
    }
    for i in r.provenance.inputs.indices {
      r.provenance.inputs[i].path = r.provenance.inputs[i].path.replacingOccurrences(
        of: root, with: "")
    }
    r.tables = r.tables.map { t in
      var t = t
      t.file = t.file.replacingOccurrences(of: root, with: "")
      t.joinReport = t.joinReport.replacingOccurrences(of: root, with: "")
      return t
    }
    return r
  }

  @Test func wardsCSVIsUnchanged() throws {
    let run = try GenkEndToEndTests.run.get()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-golden-\(UUID()).csv")
    let published = WardExport.published(try Publication.make(run))
    try CSVWriter.write(
      published.table, to: file.path, dialect: .excel, textColumns: published.textColumns)
    let produced = try Data(contentsOf: file)
    let goldenFile = Self.golden.appendingPathComponent("wards.csv")
    if Self.recording { try produced.write(to: goldenFile) }
    #expect(
      produced == (try Data(contentsOf: goldenFile)), "wards.csv differs from \(goldenFile.path)")
  }

  @Test func resultsJSONIsUnchanged() throws {
    let run = try GenkEndToEndTests.run.get()
    let produced = Self.normalised(run.result)
    let goldenFile = Self.golden.appendingPathComponent(WorkingFiles.results)
    if Self.recording { try Data(try AnalysisOutputs.json(produced).utf8).write(to: goldenFile) }
    let recorded = try JSONDecoder().decode(AnalysisResult.self, from: Data(contentsOf: goldenFile))
    var a = produced
    var b = recorded
    a.provenance.libraries = [:]  // library versions may differ between machines
    b.provenance.libraries = [:]
    #expect(a == b, "\(WorkingFiles.results) differs from \(goldenFile.path)")
  }
}
