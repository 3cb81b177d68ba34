import Foundation
import Testing

@testable import WijkAnalysis

/// `wijk analyse` on field cases 29 (T-junctions, a 5 cm sliver) and 24 (kNN ties, two
/// feature orders): Moran's I of `waarde` against esda 2.9 on libpysal 4.14.1's strict, fuzzy
/// and code-ordered weights (Tests/Fixtures/reference/weights_references.py → .json), to
/// 1e-9 relative, and the notices that name what the weights found.
@Suite struct WeightsFieldCaseTests {
  static let fixtures = GenkEndToEndTests.fixtures

  static func reference(_ path: [String]) throws -> Any {
    let data = try Data(
      contentsOf: fixtures.appendingPathComponent("reference/weights_references.json"))
    var node: Any = try JSONSerialization.jsonObject(with: data)
    for key in path { node = (node as! [String: Any])[key]! }
    return node
  }

  /// Runs the analysis of `waarde` on `wards` of case `folder` with `weights`.
  static func run(_ folder: String, wards: String, weights: String) throws -> AnalysisResult {
    let text = """
      title: case
      language: en
      wards: { file: \(wards), code: wijkcode, name: wijkcode }
      tables:
        - { file: indicatoren.csv, key: wijkcode }
      indicators:
        - { id: waarde, kind: count, numerator: waarde, label: Waarde }
      weights: \(weights)
      permutations: 0
      """
    let file = fixtures.appendingPathComponent("cases/\(folder)/case.yaml").path
    return try Analysis.run(try ConfigurationLoader.parse(text, file: file)).result
  }

  static func moran(_ r: AnalysisResult) -> Double? { r.indicators.first?.city.moran?.i }

  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * abs(b)
  }

  @Test func case29TJunctionMoranUsesEveryWard() throws {
    let r = try Self.run(
      "29-contiguity-t-junctions-and-slivers", wards: "wards_tjunction.geojson",
      weights: "{ kind: rook }")
    let expected =
      try Self.reference(["case29", "wards_tjunction", "moran_strict_rook"]) as! Double
    #expect(Self.close(Self.moran(r), expected))
    #expect(abs(Self.moran(r)! - -0.017778) < 1e-6)
    #expect(r.weights.islands.isEmpty && r.weights.contiguity == "boundary")
    #expect(r.notices.contains { $0.contains("W01–W02 (1000 m of shared boundary)") })
    // the vertex method reproduces libpysal's Rook.from_dataframe and says what it misses
    let vertex = try Self.run(
      "29-contiguity-t-junctions-and-slivers", wards: "wards_tjunction.geojson",
      weights: "{ kind: rook, contiguity: vertex }")
    #expect(vertex.weights.islands == ["W01", "W04"])
    #expect(vertex.notices.contains { $0.contains("--contiguity boundary does: W01–W02") })
  }

  @Test func case29SliverNeedsTheSnapTolerance() throws {
    let folder = "29-contiguity-t-junctions-and-slivers"
    // exactly, W01 is an island: the analysis has 3 wards left, too few for its Moran's I
    // (`wijk moran` computes it on them: WeightsFieldCaseCommandTests)
    let exact = try Self.run(folder, wards: "wards_sliver.geojson", weights: "{ kind: rook }")
    #expect(exact.weights.islands == ["W01"])
    #expect(exact.notices.contains { $0.contains("without neighbours") && $0.contains("W01") })
    #expect(Self.moran(exact) == nil)
    let snapped = try Self.run(
      folder, wards: "wards_sliver.geojson", weights: "{ kind: rook, snap: 0.1 }")
    let expectedFuzzy =
      try Self.reference(["case29", "wards_sliver", "moran_fuzzy_0.1"]) as! Double
    #expect(snapped.weights.islands.isEmpty)
    #expect(Self.close(Self.moran(snapped), expectedFuzzy))
    #expect(abs(Self.moran(snapped)! - 0.22) < 1e-6)
    #expect(snapped.notices.contains { $0.contains("W01–W02 (0.05 m apart along 1000 m)") })
  }

  @Test(arguments: ["wards.geojson", "wards_reversed_order.geojson"])
  func case24KnnTiesGiveTheSameMoranForBothFeatureOrders(wards: String) throws {
    let r = try Self.run(
      "24-knn-weights-distance-ties", wards: wards, weights: "{ kind: knn, k: 2 }")
    let expected = try Self.reference(["case24", "wards", "moran"]) as! Double
    #expect(Self.close(Self.moran(r), expected))
    #expect(abs(Self.moran(r)! - -0.966667) < 1e-6)
    #expect(r.weights.tiedWards == ["W02", "W04", "W05", "W06", "W08"])
    let notice = try #require(r.notices.first { $0.contains("2nd nearest distance") })
    #expect(notice.contains("W02 (W01, W03, W05), W04 (W01, W05, W07), W05 (W02, W04, W06, W08)"))
    #expect(notice.contains("smaller ids (code-point order) were kept"))
  }
}
