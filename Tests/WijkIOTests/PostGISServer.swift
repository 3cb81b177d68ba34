import Foundation
import Testing

/// The PostGIS server of the database tests: `make test` starts a throwaway one
/// (scripts/with-postgis) and sets `WIJK_TEST_PG` to its connection string and
/// `WIJK_REQUIRE_POSTGIS=1`. Plain `swift test` without it skips the database tests and says
/// why; a run that requires the server (make test, or CI) fails when it is not there.
enum PostGISServer {
  static let environment = ProcessInfo.processInfo.environment
  /// The connection string, e.g. `PG:host=/tmp/wijk-pg.x port=54329 dbname=wijk_test`.
  static let connection = environment["WIJK_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
  /// Whether the run must have the server (`make test` sets WIJK_REQUIRE_POSTGIS=1; CI sets CI).
  static let required =
    environment["WIJK_REQUIRE_POSTGIS"] == "1" || environment["CI"]?.lowercased() == "true"
  static let skipped = Comment(
    rawValue: "skipped: no PostGIS test server (WIJK_TEST_PG is not set). `make test` starts "
      + "one; or run `scripts/with-postgis swift test`.")
  /// A table name no other test run uses.
  static func freshTable(_ prefix: String) -> String {
    prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
  }
}

@Suite struct PostGISServerPresenceTests {
  /// A database test skipped because the server is missing must fail make test and CI.
  @Test func serverIsThereWhenTheRunRequiresIt() {
    if PostGISServer.required {
      #expect(
        PostGISServer.connection != nil,
        "this run requires the PostGIS test server (WIJK_REQUIRE_POSTGIS=1 or CI=true) but WIJK_TEST_PG is not set, so the database tests would be skipped; run the tests through `make test` or scripts/with-postgis"
      )
    }
  }
}
