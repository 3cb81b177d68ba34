import Foundation
import Testing

/// Shared by the single-statistic command tests: fixture paths, JSON parsing, tolerances.
enum StatisticFixtures {
  static let columbus = "Tests/Fixtures/columbus/columbus.shp"
  static let fixtures = CLIRunner.root.appendingPathComponent("Tests/Fixtures")

  /// A JSON file of the fixtures as a dictionary.
  static func json(_ relative: String) throws -> [String: Any] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(relative))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Runs `wijk` and parses its stdout as a JSON object; the run must succeed.
  static func runJSON(_ arguments: [String]) throws -> [String: Any] {
    let r = try CLIRunner.run(arguments)
    #expect(r.status == 0, "wijk \(arguments.joined(separator: " ")): \(r.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
  }

  /// A fresh empty folder for outputs.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wijk-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// |a − b| ≤ 1e-9 · max(1, |b|): the project's tolerance for analytic values.
func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
  guard let a, let b else { return false }
  return abs(a - b) <= tolerance * max(1, abs(b))
}
