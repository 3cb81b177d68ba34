import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk generalg`: Getis-Ord General G of one column on one layer.
struct GeneralGCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generalg",
    abstract: "Getis-Ord General G of a column: do high values cluster, or low ones?",
    discussion: """
      Computes G = Σ_i Σ_j w_ij y_i y_j / Σ_i Σ_{j≠i} y_i y_j on binary weights (esda forces \
      binary weights), with E[G] = S0 / (n (n − 1)), Var[G] of Getis & Ord (1992), z and the \
      one-tailed p = 1 − Φ(|z|) as esda reports it, and the folded pseudo p of \
      --permutations random permutations drawn with --seed. G above E[G] (z > 0) means high \
      values cluster; below, low values do. Values must be 0 or more. Matches esda 2.9 \
      getisord.G(y, w) on the analytic values (Columbus CRIME, rook: G = 0.1038281688).

      Units with no value are left out and named; so are islands.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The numeric field to test (values of 0 or more).")
  var column: String

  @OptionGroup var weights: WeightsOptions

  @OptionGroup var inference: InferenceOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let r = try AutocorrelationCommands.generalG(
        units, column: column, weights: weights.request,
        permutations: inference.permutations, seed: inference.seed)
      noteWeights(r.weightsNotices)
      noteLeftOut(missing: r.missing, islands: r.islands, column: column)
      if json { return try printJSON(r) }
      print("General G of \(column): \(r.n) units, \(r.weights) weights, binary")
      if let undefined = r.undefined { return print("G: \(undefined)") }
      print("G = \(r.g!)   E[G] = \(show(r.expectedG))")
      print("normality:     z = \(show(r.z))   p = \(show(r.p)) (one-tailed)")
      if let p = r.pseudoP {
        print("permutations:  pseudo p = \(show(p)) (\(r.permutations), seed \(r.seed))")
      }
    }
  }
}
