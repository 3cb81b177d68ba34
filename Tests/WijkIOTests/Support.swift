import Foundation

/// Paths of committed fixtures, relative to this file (`Tests/WijkIOTests/`).
enum Fixture {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `Tests/Fixtures/<relative>`.
  static func path(_ relative: String) -> String {
    tests.appendingPathComponent("Fixtures/" + relative).path
  }

  /// A file of a field case, e.g. `case("09-shapefile-dbf-encoding", "x.shp")`.
  static func `case`(_ folder: String, _ file: String) -> String {
    path("cases/\(folder)/\(file)")
  }

  /// A WijkIO fixture (`Tests/Fixtures/io/`), made by `make_fixtures.sh`.
  static func io(_ file: String) -> String { path("io/" + file) }

  /// A file of the project's shipped data (`GeoData/`).
  static func geoData(_ file: String) -> String {
    tests.deletingLastPathComponent().appendingPathComponent("GeoData/" + file).path
  }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
  let path: String
  init() {
    path = NSTemporaryDirectory() + "wijkio-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }

  /// The names in the folder (to check that no temporary file was left behind).
  var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] }
}
