// Permutation inference: reproducible from the seed, and distributed like esda's. Draws never
// match esda's draw for draw, so we compare the mean of p_sim over many seeds: esda's mean over
// 200 seeds (spatial_*.json) against ours over 100 seeds, within max(0.01, 5 combined standard
// errors) — the standard error of a mean of p_sim over 100 seeds is at most 0.005 here.

import Foundation
import SpatialWeights
import Testing

@testable import SpatialStats

@Suite struct PermutationTests {
  static let seeds: [UInt64] = Array(0..<100)

  @Test func theSameSeedGivesTheSameResult() throws {
    let (y, w, _) = try AutocorrelationCase(
      dataset: "columbus", variable: "HOVAL", weights: "queen"
    ).load()
    let a = try localMoran(y, weights: w, permutations: 199, seed: 42).value!.permutation!
    let b = try localMoran(y, weights: w, permutations: 199, seed: 42).value!.permutation!
    let c = try localMoran(y, weights: w, permutations: 199, seed: 43).value!.permutation!
    #expect(a == b)
    #expect(a.pseudoP != c.pseudoP)
    #expect(a.seed == 42 && a.permutations == 199)
    let g1 = try moranI(y, weights: w, permutations: 99, seed: 7).value!.permutation!
    let g2 = try moranI(y, weights: w, permutations: 99, seed: 7).value!.permutation!
    #expect(g1 == g2)
  }

  @Test func theGeneratorStreamIsFixed() {
    // xoshiro256** seeded by SplitMix64(0): the first output, fixed forever so that a
    // reported seed replays on any machine (value from this implementation, pinned)
    var g = PermutationGenerator(seed: 0)
    let first = g.next()
    var h = PermutationGenerator(seed: 0)
    #expect(h.next() == first)
    #expect(first == 0x99EC_5F36_CB75_F2B4)
  }

  static func tolerance(_ sdEsda: Double, _ sdOurs: Double, _ nOurs: Int) -> Double {
    max(0.01, 5 * (sdEsda * sdEsda / 200 + sdOurs * sdOurs / Double(nOurs)).squareRoot())
  }

  @Test(arguments: [("lattice3x3", "rook"), ("columbus", "queen")])
  func globalPseudoPAgreesWithEsdaInDistribution(dataset: String, weights: String) throws {
    let (y, w, permutation) = try Self.load(dataset, weights)
    let checks: [(String, (UInt64) throws -> Double)] = [
      ("moran", { try moranI(y, weights: w, seed: $0).value!.permutation!.pseudoP }),
      ("geary", { try gearyC(y, weights: w, seed: $0).value!.permutation!.pseudoP }),
      ("general_g", { try generalG(y, weights: w, seed: $0).value!.permutation!.pseudoP }),
    ]
    for (key, run) in checks {
      let ours = try Self.seeds.map(run)
      let e = permutation[key] as! [String: Any]
      let (mean, sd) = Self.meanAndSD(ours)
      let tol = Self.tolerance(e["sd"] as! Double, sd, ours.count)
      #expect(
        abs(mean - (e["mean"] as! Double)) <= tol,
        "\(dataset) \(key): ours \(mean), esda \(e["mean"]!), tolerance \(tol)")
    }
  }

  // Local tests use Columbus only: on the 3×3 lattice with integer values many draws tie
  // exactly with the observed statistic, and esda counts a tie as "≥" or not depending on
  // summation order (see localTiesCountAsAtLeastAsLarge for that case by hand).
  @Test(arguments: [("columbus", "queen")])
  func localPseudoPAgreesWithEsdaInDistribution(dataset: String, weights: String) throws {
    let (y, w, permutation) = try Self.load(dataset, weights)
    let checks: [(String, (UInt64) throws -> [Double])] = [
      ("local_moran", { try localMoran(y, weights: w, seed: $0).value!.permutation!.pseudoP }),
      ("g_local_R", { try localG(y, weights: w, seed: $0).value!.permutation!.pseudoP }),
      (
        "local_moran",
        {
          try localMoran(y, weights: w, seed: $0, scheme: .shared).value!.permutation!.pseudoP
        }
      ),
      (
        "g_local_B_star",
        {
          try localG(y, weights: w, transformation: .binary, star: true, seed: $0)
            .value!.permutation!.pseudoP
        }
      ),
    ]
    for (key, run) in checks {
      let runs = try Self.seeds.map(run)
      let e = permutation[key] as! [String: [Double]]
      var worst = (unit: -1, excess: -Double.infinity)
      for unit in y.indices {
        let (mean, sd) = Self.meanAndSD(runs.map { $0[unit] })
        let excess = abs(mean - e["mean"]![unit]) - Self.tolerance(e["sd"]![unit], sd, runs.count)
        if excess > worst.excess { worst = (unit, excess) }
      }
      #expect(worst.excess <= 0, "\(dataset) \(key): unit \(worst.unit) off by \(worst.excess)")
    }
  }

  static func load(_ dataset: String, _ weights: String) throws
    -> ([Double?], SpatialWeights, [String: Any])
  {
    if dataset == "columbus" {
      let (y, w, expected) = try AutocorrelationCase(
        dataset: "columbus", variable: "CRIME", weights: weights
      ).load()
      return (y, w, expected["permutation"] as! [String: Any])
    }
    let f = try AutocorrelationFixtures.reference("small")["lattice3x3"] as! [String: Any]
    let lists = (f["neighbours"] as! [String: [[Int]]])[weights]!
    let expected = (f["weights"] as! [String: [String: Any]])[weights]!
    return (
      f["values"] as! [Double], try AutocorrelationFixtures.weights(lists),
      expected["permutation"] as! [String: Any]
    )
  }

  static func meanAndSD(_ x: [Double]) -> (Double, Double) {
    let mean = x.reduce(0, +) / Double(x.count)
    let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
    return (mean, variance.squareRoot())
  }

  @Test func localTiesCountAsAtLeastAsLarge() throws {
    // Lattice unit 0 (a corner, neighbours 1 and 3, values 1 and 1): of the C(8, 2) = 28
    // neighbour pairs the others can supply, only {1, 3} (the two 1s) gives a Moran I_0 at least
    // the observed one, so q = 1/28 and the folded p_sim is about (999/28 + 1)/1000 = 0.0367.
    // Counted strictly (ties as smaller) it would be 0.001.
    let (y, w, _) = try Self.load("lattice3x3", "rook")
    let p = try Self.seeds.map {
      try localMoran(y, weights: w, seed: $0).value!.permutation!.pseudoP[0]
    }
    let (mean, _) = Self.meanAndSD(p)
    #expect(abs(mean - (999.0 / 28 + 1) / 1000) < 0.003, "mean p_sim \(mean)")
  }
}
