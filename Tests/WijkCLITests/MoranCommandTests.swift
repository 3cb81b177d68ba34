import Foundation
import Testing

// Oracle: esda 2.9.0 Moran on Columbus CRIME with the queen weights of columbus.gal,
// row-standardised (Tests/Fixtures/columbus/reference_results_esda.json).
@Suite struct MoranCommandTests {
  static func reference() throws -> [String: Any] {
    let all = try StatisticFixtures.json("columbus/reference_results_esda.json")
    let weights = (all["weights"] as! [String: Any])["queen_gal"] as! [String: Any]
    return (weights["variables"] as! [String: Any])["CRIME"] as! [String: Any]
  }

  func check(_ json: [String: Any]) throws {
    let ref = try Self.reference()
    let pairs: [(String, String)] = [
      ("i", "moran_I"), ("expectedI", "moran_EI"), ("varianceNormality", "moran_VI_norm"),
      ("zNormality", "moran_z_norm"), ("pNormality", "moran_p_norm_two_sided"),
      ("varianceRandomisation", "moran_VI_rand"), ("zRandomisation", "moran_z_rand"),
      ("pRandomisation", "moran_p_rand_two_sided"),
    ]
    for (ours, theirs) in pairs {
      #expect(close(json[ours] as? Double, ref[theirs] as? Double), "\(ours)")
    }
    #expect(json["n"] as? Int == 49)
    #expect((json["missing"] as? [Any])?.isEmpty == true)
  }

  @Test func columbusCrimeQueenMatchesEsda() throws {
    let json = try StatisticFixtures.runJSON([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID", "--json",
    ])
    try check(json)
    #expect(json["transformation"] as? String == "row")
    #expect(json["seed"] as? Int == 12345)
    // I is far in the tail: no permutation of 999 reaches it, so p = 1/1000.
    #expect(json["pseudoP"] as? Double == 0.001)
  }

  @Test func weightsFileGivesTheSameI() throws {
    let json = try StatisticFixtures.runJSON([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--id", "POLYID",
      "--weights-file", "Tests/Fixtures/columbus/columbus.gal", "--json",
    ])
    try check(json)
  }

  @Test func textOutputPrintsI() throws {
    let r = try CLIRunner.run([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--permutations", "0",
    ])
    #expect(r.status == 0)
    // esda prints 0.5001885571828611; we sum in another order, so compare to 1e-9
    let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("I = ") })
    let printed = Double(line.dropFirst(4).split(separator: " ").first ?? "")
    #expect(close(printed, 0.5001885571828611))
  }

  @Test func unknownColumnExits65NamingFileAndField() throws {
    let r = try CLIRunner.run(["moran", StatisticFixtures.columbus, "--column", "CRIMEX"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("columbus.shp has no field \"CRIMEX\""))
  }

  @Test func gwtFileOfOtherUnitsIsRefused() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let gal = dir.appendingPathComponent("other.gal").path
    try "2\nA 1\nB\nB 1\nA\n".write(toFile: gal, atomically: true, encoding: .utf8)
    let r = try CLIRunner.run([
      "moran", StatisticFixtures.columbus, "--column", "CRIME", "--weights-file", gal,
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("ids not in the layer: A, B"))
  }
}
