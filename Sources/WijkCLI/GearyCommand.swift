import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk geary`: global Geary's C of one column on one layer.
struct GearyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "geary",
    abstract: "Global Geary's C of a column, with analytic and permutation inference.",
    discussion: """
      Computes C = (n − 1) Σ_ij w_ij (y_i − y_j)² / (2 S0 Σ_i (y_i − ȳ)²) on row-standardised \
      weights (esda's default transformation "r"). C below 1 means neighbours are alike \
      (positive spatial autocorrelation), above 1 unlike; E[C] = 1. Prints z and p under \
      normality and under randomisation (one-tailed in the direction of C − 1, as esda), \
      and the folded pseudo p of --permutations random permutations drawn with --seed. \
      Matches esda 2.9 Geary(y, w, transformation="r") on the analytic values (Columbus \
      CRIME, rook: C = 0.5154408058652411).

      Units with no value are left out and named; so are islands.
      """)

  @OptionGroup var options: GlobalTestOptions

  func run() throws {
    try reportingErrors {
      let o = options
      let units = try o.input.read()
      let r = try AutocorrelationCommands.geary(
        units, column: o.column, weights: o.weights.request, transformation: o.transform,
        permutations: o.inference.permutations, seed: o.inference.seed)
      noteWeights(r.weightsNotices)
      noteLeftOut(missing: r.missing, islands: r.islands, column: o.column)
      if o.json { return try printJSON(r) }
      print("Geary's C of \(o.column): \(r.n) units, \(r.weights) weights, \(r.transformation)")
      if let undefined = r.undefined { return print("C: \(undefined)") }
      print("C = \(r.c!)   E[C] = \(show(r.expectedC))")
      print("normality:     z = \(show(r.zNormality))   p = \(show(r.pNormality)) (one-tailed)")
      print(
        "randomisation: z = \(show(r.zRandomisation))   p = \(show(r.pRandomisation)) (one-tailed)")
      if let p = r.pseudoP {
        print("permutations:  pseudo p = \(show(p)) (\(r.permutations), seed \(r.seed))")
      }
    }
  }
}
