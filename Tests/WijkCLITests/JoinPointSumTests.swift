import Foundation
import Testing

/// `join --points --sum C` (issue 15): a point attribute summed per ward under the boundary
/// rule of case 01. Point Pk carries 2^(k−1), so each ward's sum spells out which points it
/// got: W01 holds P01–P04 and the boundary points P08, P09, P10 (smallest code wins, the outer
/// edge to its only ward), W02 holds P05–P07 — the assignment case01/case.md prescribes.
@Suite struct JoinPointSumTests {
  static let case01 = "Tests/Fixtures/cases/01-point-on-shared-boundary"

  /// case 01's points with a column `bewoners` = 2^(k−1), or `marker` for point P06.
  static func points(markingP06 marker: String? = nil) throws -> String {
    let text = try String(
      contentsOfFile: "\(CLIRunner.root.path)/\(case01)/points.csv", encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    lines[0] += ";bewoners"
    for k in 1..<lines.count {
      lines[k] += ";" + (k == 6 && marker != nil ? marker! : String(1 << (k - 1)))
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sum-\(UUID()).csv")
    try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
    return path.path
  }

  static func join(_ points: String, _ extra: [String] = []) throws -> CLIRunner.Result {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("sum-\(UUID()).csv")
    var r = try CLIRunner.run(
      [
        "join", "\(case01)/wards.geojson", "--code", "wijkcode", "--points", points, "--x", "x",
        "--y", "y", "--point-id", "punt_id", "--sum", "bewoners", "--out", out.path,
      ] + extra)
    r.stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    return r
  }

  @Test func case01SumsFollowTheBoundaryRule() throws {
    let r = try Self.join(try Self.points())
    #expect(r.status == 0, "\(r.stderr)")
    let rows = r.stdout.components(separatedBy: "\r\n")
    #expect(rows.first == "wijkcode,wijknaam,n_points,bewoners")
    #expect(rows.contains("W01,Hoëvelde,7,911"), "1+2+4+8 + 128+256+512: \(rows)")
    #expect(rows.contains("W02,Kolderveld-Noord,3,112"), "16+32+64: \(rows)")
  }

  @Test func aPointWithoutValueLeavesItsWardEmptyNeverZero() throws {
    let r = try Self.join(try Self.points(markingP06: "n.b."))
    #expect(r.status == 0, "\(r.stderr)")
    let rows = r.stdout.components(separatedBy: "\r\n")
    #expect(rows.contains("W01,Hoëvelde,7,911"))
    #expect(rows.contains("W02,Kolderveld-Noord,3,"), "\(rows)")
    #expect(r.stderr.contains("1 point(s) without a value leave their ward's sum missing"))
  }

  @Test func sumWithAnotherBoundaryRuleIsAUsageError() throws {
    let r = try Self.join(try Self.points(), ["--boundary", "intersects"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--sum needs --boundary assign"))
  }
}
