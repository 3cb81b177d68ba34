import Foundation
import Testing

/// Issue 10, item 13: an option value out of range is a usage error (exit 64) found before
/// any file is read; a configuration key out of range is exit 78 naming the key. Both obey
/// one table (`SettingRange`).
@Suite struct OptionRangeCommandTests {
  static let columbus = "Tests/Fixtures/columbus/columbus.shp"
  /// A layer that does not exist: exit 64, not 66, shows the options were checked first.
  static let absent = "/nonexistent/wards.gpkg"

  @Test(arguments: [
    (["lisa", absent, "--column", "CRIME", "--out", "x.txt"], "--out x.txt"),
    (["gistar", absent, "--column", "CRIME", "--out", "x.shp"], "--out x.shp"),
    (["moran", absent, "--column", "CRIME", "--transform", "foo"], "--transform foo"),
    (["geary", absent, "--column", "CRIME", "--transform", "foo"], "--transform foo"),
    (["gistar", absent, "--column", "CRIME", "--transform", "doubly"], "expected binary or row"),
    (["lisa", absent, "--column", "CRIME", "--alpha", "1.5"], "--alpha 1.5"),
    (["lisa", absent, "--column", "CRIME", "--alpha", "0"], "--alpha 0"),
    (["gistar", absent, "--column", "CRIME", "--alpha", "1"], "--alpha 1"),
    (["moran", absent, "--column", "CRIME", "--permutations", "100000"], "--permutations"),
    (["moran", absent, "--column", "CRIME", "--weights", "knn", "--k", "0"], "--k 0"),
    (["moran", absent, "--column", "CRIME", "--weights", "distance"], "needs --threshold"),
    (["weights", absent, "--kind", "distance", "--threshold=-5"], "--threshold -5"),
    (["weights", absent, "--snap=-0.1"], "--snap -0.1"),
    (["weights", absent, "--out", "w.txt"], "--out w.txt"),
    (["classify", absent, "--column", "CRIME", "--classes", "0"], "--classes 0"),
    (["classify", absent, "--column", "CRIME", "--method", "user"], "needs --bins"),
    (["join", absent, "--code", "code", "--table", "t.csv", "--key", "code", "--out", "j.txt"], "--out j.txt"),
  ])
  func outOfRangeOptionExits64BeforeReading(arguments: [String], named: String) throws {
    let r = try CLIRunner.run(arguments)
    #expect(r.status == 64, "\(arguments): \(r.stderr)")
    #expect(r.stderr.contains(named), "\(r.stderr)")
    #expect(!r.stderr.contains("/nonexistent"), "no file was opened: \(r.stderr)")
  }

  @Test func kNotBelowTheNumberOfUnitsExits64NamingTheLayerSize() throws {
    let r = try CLIRunner.run(["weights", Self.columbus, "--kind", "knn", "--k", "49"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--k 49 cannot be used"), "\(r.stderr)")
    #expect(r.stderr.contains("1 to 48, the layer has 49 units"), "\(r.stderr)")
  }

  @Test func lastAllowedValuesPass() throws {
    let r = try CLIRunner.run([
      "lisa", Self.columbus, "--column", "CRIME", "--alpha", "0.999", "--permutations", "0",
      "--weights", "knn", "--k", "48",
    ])
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test(arguments: [
    ("per: 100", "per: 0", "key 'indicators[id: share_65plus].per': is 0; expected a number above 0"),
    ("classes: 5", "classes: 12", "key 'classification.classes': is 12; expected a whole number from 2 to 9"),
    ("significance: 0.05", "significance: 1.5", "key 'significance': is 1.5"),
    ("permutations: 999", "permutations: -1", "key 'permutations': is -1"),
  ])
  func outOfRangeConfigurationKeyExits78NamingIt(from: String, to: String, message: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-range-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let data = CLIRunner.root.appendingPathComponent("GeoData")
    try FileManager.default.copyItem(at: data, to: dir.appendingPathComponent("GeoData"))
    let config = dir.appendingPathComponent("GeoData/wijk-genk.yaml")
    let text = try String(contentsOf: config, encoding: .utf8)
    let range = try #require(text.range(of: from), "the configuration has \(from)")
    try text.replacingCharacters(in: range, with: to).write(to: config, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run(["analyse", "--out", "o"], in: dir)
    #expect(r.status == 78, "\(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path))
  }
}
