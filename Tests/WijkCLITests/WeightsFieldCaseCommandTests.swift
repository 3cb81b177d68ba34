import Foundation
import Testing

/// `wijk weights` and `wijk moran` on field cases 29 (T-junctions, a sliver) and 24 (kNN ties
/// in two feature orders). Oracle: weights_references.json (libpysal 4.14.1 strict and fuzzy
/// contiguity, esda 2.9 Moran) and the case files.
@Suite struct WeightsFieldCaseCommandTests {
  static let case29 = "Tests/Fixtures/cases/29-contiguity-t-junctions-and-slivers/"
  static let case24 = "Tests/Fixtures/cases/24-knn-weights-distance-ties/"

  @Test func case29RookFindsEveryTJunctionAndNamesThem() throws {
    let r = try CLIRunner.run([
      "weights", Self.case29 + "wards_tjunction.geojson", "--id", "wijkcode", "--kind", "rook",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("weights: rook, 4 units, 10 links"))
    #expect(r.stdout.contains("islands: none"))
    #expect(
      r.stdout.contains(
        "neighbours without a common edge (libpysal's vertex method misses them): 4"))
    #expect(r.stdout.contains("  - W02–W04: 500 m of shared boundary"))
    let json = try StatisticFixtures.runJSON([
      "weights", Self.case29 + "wards_tjunction.geojson", "--id", "wijkcode", "--kind", "rook",
      "--json",
    ])
    let pairs = try #require(json["sharedBoundaries"] as? [[String: Any]])
    let lengths = Dictionary(
      uniqueKeysWithValues: pairs.map {
        ("\($0["first"] as! String)-\($0["second"] as! String)", $0["length"] as! Double)
      })
    #expect(
      lengths == [
        "W01-W02": 1000, "W01-W03": 1000, "W02-W03": 1000, "W02-W04": 500, "W03-W04": 500,
      ])
    #expect(json["contiguity"] as? String == "boundary")
  }

  @Test func case29VertexMethodReproducesLibpysalAndWarns() throws {
    let r = try CLIRunner.run([
      "weights", Self.case29 + "wards_tjunction.geojson", "--id", "wijkcode", "--kind", "queen",
      "--contiguity", "vertex",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("weights: queen (vertex), 4 units, 6 links"))
    #expect(r.stdout.contains("islands (1, no neighbours): W04"))
    #expect(r.stdout.contains("pairs sharing a boundary without a common vertex (not linked here"))
    #expect(r.stdout.contains("  - W03–W04: 500 m of shared boundary"))
  }

  @Test func case29SliverNeedsTheSnapTolerance() throws {
    let file = Self.case29 + "wards_sliver.geojson"
    let exact = try CLIRunner.run(["weights", file, "--id", "wijkcode", "--kind", "rook"])
    #expect(exact.stdout.contains("islands (1, no neighbours): W01"))
    let snapped = try CLIRunner.run([
      "weights", file, "--id", "wijkcode", "--kind", "rook", "--snap", "0.1",
    ])
    #expect(snapped.stdout.contains("islands: none"))
    #expect(snapped.stdout.contains("neighbours only within the snap tolerance: 1"))
    #expect(snapped.stdout.contains("  - W01–W02: 0.05 m apart along 1000 m"))
  }

  /// The case layer with `waarde` from indicatoren.csv added, written to a temporary folder.
  static func layerWithValues(_ file: String, case folder: String = case24) throws -> String {
    let root = CLIRunner.root.appendingPathComponent(folder)
    let csv = try String(
      contentsOf: root.appendingPathComponent("indicatoren.csv"), encoding: .utf8)
    var values: [String: Double] = [:]
    for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
      let cells = line.split(separator: ";")
      values[String(cells[0])] = Double(cells[1])
    }
    let data = try Data(contentsOf: root.appendingPathComponent(file))
    var layer = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    layer["features"] = (layer["features"] as! [[String: Any]]).map { feature in
      var f = feature
      var properties = f["properties"] as! [String: Any]
      properties["waarde"] = values[properties["wijkcode"] as! String]
      f["properties"] = properties
      return f
    }
    let out = try StatisticFixtures.temporaryFolder().appendingPathComponent(file)
    try JSONSerialization.data(withJSONObject: layer).write(to: out)
    return out.path
  }

  /// Moran's I of `waarde` (esda 2.9 on libpysal's fuzzy rook weights): 0.22 on all four
  /// wards within 0.1 m. Exactly, W01 is an island and left out; esda's I on the other three
  /// is −0.076923, but wijk needs four units for the randomisation variance and says so.
  @Test func case29SliverMoranExactlyAndWithinTenCentimetres() throws {
    let path = try Self.layerWithValues("wards_sliver.geojson", case: Self.case29)
    let arguments = [
      "moran", path, "--id", "wijkcode", "--column", "waarde", "--weights", "rook",
      "--permutations", "0", "--json",
    ]
    let exact = try CLIRunner.run(arguments)
    #expect(exact.status == 0, "\(exact.stderr)")
    let e = try #require(
      try JSONSerialization.jsonObject(with: Data(exact.stdout.utf8)) as? [String: Any])
    #expect(e["islands"] as? [String] == ["W01"])
    #expect(
      (e["undefined"] as? String)?.contains("3 units with a value; at least 4 needed") == true)
    #expect(exact.stderr.contains("left out 1 island(s) (no neighbours): W01"))
    let snapped = try CLIRunner.run(arguments + ["--snap", "0.1"])
    let f = try #require(
      try JSONSerialization.jsonObject(with: Data(snapped.stdout.utf8)) as? [String: Any])
    #expect(abs((f["i"] as? Double ?? 0) - 0.22) < 1e-9)
    #expect((f["islands"] as? [String])?.isEmpty == true)
    #expect(snapped.stderr.contains("W01–W02 (0.05 m apart along 1000 m)"))
  }

  @Test(arguments: ["wards.geojson", "wards_reversed_order.geojson"])
  func case24MoranOnKnnIsTheSameForBothOrdersAndNamesTheTies(file: String) throws {
    let path = try Self.layerWithValues(file)
    let r = try CLIRunner.run([
      "moran", path, "--id", "wijkcode", "--column", "waarde", "--weights", "knn", "--k", "2",
      "--permutations", "0", "--json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(abs((json["i"] as? Double ?? 0) - -0.9666666666666667) < 1e-9)
    #expect(r.stderr.contains("5 unit(s) had more units than places at their 2nd nearest distance"))
    #expect(
      r.stderr.contains(
        "W02 (W01, W03, W05), W04 (W01, W05, W07), W05 (W02, W04, W06, W08), "
          + "W06 (W03, W05, W09), W08 (W05, W07, W09)"
      ))
  }

  @Test(arguments: ["wards.geojson", "wards_reversed_order.geojson"])
  func case24WeightsReportNamesTheTiesAndTheRule(file: String) throws {
    let r = try CLIRunner.run([
      "weights", Self.case24 + file, "--id", "wijkcode", "--kind", "knn", "--k", "2",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains(
        "tie rule: units tied at the k-th nearest distance: the smaller ids (Unicode code-point "
          + "order) are kept"
      ))
    #expect(r.stdout.contains("ties at the 2nd nearest distance: 5"))
    #expect(r.stdout.contains("  - W05: W02, W04, W06, W08 at 1000 m; kept W02, W04"))
  }
}
