import Foundation
import Testing

/// Without --out, `wijk join` prints the ward codes and the columns it added as CSV.
@Suite struct JoinStdoutTests {
  // Case 01: W01 = 7, W02 = 3 under the smallest-code rule.
  @Test func pointCountsGoToStdoutWithoutOut() throws {
    let dir = "Tests/Fixtures/cases/01-point-on-shared-boundary"
    let r = try CLIRunner.run([
      "join", "\(dir)/wards.geojson", "--code", "wijkcode", "--points", "\(dir)/points.csv",
      "--x", "x", "--y", "y", "--points-crs", "EPSG:31370",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "wijkcode,n_points\r\nW01,7\r\nW02,3\r\n")
  }
}
