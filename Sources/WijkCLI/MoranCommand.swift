import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk moran`: global Moran's I of one column on one layer.
struct MoranCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "moran",
    abstract: "Global Moran's I of a column, with analytic and permutation inference.",
    discussion: """
      Computes I = (n/S0) Σ z_i (Wz)_i / Σ z_i² on row-standardised weights (esda's default \
      transformation "r"), with E[I] = −1/(n−1), z and two-tailed p under normality and under \
      randomisation, and the folded pseudo p of --permutations random permutations drawn \
      with --seed. Matches esda 2.9 Moran(y, w, transformation="r", two_tailed=True) on \
      the analytic values.

      Units with no value are left out and named; so are islands (units without neighbours \
      among the others; esda keeps them with a zero lag, which biases I).
      """)

  @OptionGroup var options: GlobalTestOptions

  func run() throws {
    try reportingErrors {
      let o = options
      let units = try o.input.read()
      let r = try AutocorrelationCommands.moran(
        units, column: o.column, weights: o.weights.request, transformation: o.transform,
        permutations: o.inference.permutations, seed: o.inference.seed)
      noteWeights(r.weightsNotices)
      noteLeftOut(missing: r.missing, islands: r.islands, column: o.column)
      if o.json { return try printJSON(r) }
      print("Moran's I of \(o.column): \(r.n) units, \(r.weights) weights, \(r.transformation)")
      if let undefined = r.undefined { return print("I: \(undefined)") }
      print("I = \(r.i!)   E[I] = \(show(r.expectedI))")
      print("normality:     z = \(show(r.zNormality))   p = \(show(r.pNormality)) (two-tailed)")
      print(
        "randomisation: z = \(show(r.zRandomisation))   p = \(show(r.pRandomisation)) (two-tailed)")
      if let p = r.pseudoP {
        print("permutations:  pseudo p = \(show(p)) (\(r.permutations), seed \(r.seed))")
      }
    }
  }
}
