import Foundation
import Testing

// Oracle: mapclassify 2.10.0 on the Columbus columns (Tests/Fixtures/reference/
// concentration_classification.json, made by concentration_references.py).
@Suite struct ClassifyCommandTests {
  /// (reference key, wijk arguments)
  static let methods: [(String, [String])] = [
    ("quantiles4", ["--method", "quantiles", "--classes", "4"]),
    ("quantiles5", ["--method", "quantiles", "--classes", "5"]),
    ("equalInterval4", ["--method", "equal_interval", "--classes", "4"]),
    ("equalInterval5", ["--method", "equal_interval", "--classes", "5"]),
    ("fisherJenks4", ["--method", "fisher_jenks", "--classes", "4"]),
    ("fisherJenks5", ["--method", "fisher_jenks", "--classes", "5"]),
    ("stdMean", ["--method", "std_mean"]),
    ("boxPlot", ["--method", "box_plot"]),
    ("headTailBreaks", ["--method", "head_tail"]),
  ]

  @Test(arguments: ["CRIME", "INC", "HOVAL"])
  func columbusColumnMatchesMapclassify(column: String) throws {
    let sets = try StatisticFixtures.json("reference/concentration_classification.json")["sets"]
    let reference = try #require((sets as? [String: Any])?[column] as? [String: Any])
    let user = (reference["userDefinedInput"] as! [Double]).map { "\($0)" }.joined(separator: ",")
    for (key, arguments) in Self.methods + [("userDefined", ["--method", "user", "--bins", user])] {
      let expected = try #require(reference[key] as? [String: Any])
      let json = try StatisticFixtures.runJSON(
        ["classify", StatisticFixtures.columbus, "--column", column, "--json"] + arguments)
      let bins = json["bins"] as? [Double] ?? []
      let refBins = expected["bins"] as! [Double]
      #expect(bins.count == refBins.count, "\(column) \(key)")
      for (a, b) in zip(bins, refBins) { #expect(close(a, b), "\(column) \(key) bins") }
      #expect(json["counts"] as? [Int] == expected["counts"] as? [Int], "\(column) \(key)")
      let classes = (json["units"] as? [[String: Any]] ?? []).map { $0["classIndex"] as? Int }
      #expect(classes == (expected["classes"] as! [Int]).map { Optional($0) }, "\(column) \(key)")
    }
  }

  @Test func userWithoutBinsIsAnError() throws {
    let r = try CLIRunner.run([
      "classify", StatisticFixtures.columbus, "--column", "CRIME", "--method", "user",
    ])
    #expect(r.status == 64, "a usage error")
    #expect(r.stderr.contains("--bins"))
  }
}
