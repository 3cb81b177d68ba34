import Foundation
import Testing

/// `--timing json` (issue 15): one JSON line on stderr with the stages in order, seconds that
/// add up to no more than the total, and the peak memory.
@Suite struct TimingOptionTests {
  static func timing(_ stderr: String) throws -> [String: Any] {
    let line = try #require(stderr.split(separator: "\n").last { $0.hasPrefix("{\"command\"") })
    return try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  @Test func analyseReportsReadPrepareComputeWrite() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("timing-\(UUID())")
    let r = try CLIRunner.run(["analyse", "--out", out.path, "-q", "--timing", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let t = try Self.timing(r.stderr)
    #expect(t["command"] as? String == "analyse")
    let stages = try #require(t["stages"] as? [String: Double])
    #expect(Set(stages.keys) == ["read", "prepare", "compute", "write"])
    let total = try #require(t["total_s"] as? Double)
    #expect(stages.values.allSatisfy { $0 >= 0 })
    #expect(stages.values.reduce(0, +) <= total + 0.001)
    #expect((t["peak_rss_mib"] as? Double ?? 0) > 1)
  }

  @Test func joinOfPointsSplitsItsStages() throws {
    let case01 = "Tests/Fixtures/cases/01-point-on-shared-boundary"
    let r = try CLIRunner.run([
      "join", "\(case01)/wards.geojson", "--code", "wijkcode", "--points",
      "\(case01)/points.csv", "--x", "x", "--y", "y", "--timing", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let stages = try #require(try Self.timing(r.stderr)["stages"] as? [String: Double])
    #expect(Set(stages.keys) == ["read", "prepare", "compute", "write"])
  }
}
