import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk localgeary`: local Geary of one or more columns per unit.
struct LocalGearyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "localgeary",
    abstract: "Local Geary per unit, of one column or several together (multivariate).",
    discussion: """
      c_i = (1/k) Σ_v Σ_j w_ij (z_iv − z_jv)² on row-standardised weights, each of the k \
      columns standardised (esda 2.9 Geary_Local, and Geary_Local_MV for several --column). \
      A small c_i means the unit is like its neighbours, a large one unlike them. \
      Inference by conditional permutation (the unit fixed, its neighbours drawn from the \
      others with all their columns), seeded by --seed; the folded pseudo p counts ties on \
      both tails. A significant unit is HH, LL, "other positive" or "negative" (one \
      column, esda's labels), or "positive"/"negative" (several). There is no analytic p, \
      so --permutations must be 99 or more.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "A numeric field; repeat for the multivariate local Geary.")
  var column: [String]

  @OptionGroup var weights: WeightsOptions

  @OptionGroup var inference: InferenceOptions

  @OptionGroup var local: LocalCommandOptions

  func validate() throws {
    if column.isEmpty { throw ValidationError("Give at least one --column.") }
    try inference.requireTest("local Geary")
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let report = try AutocorrelationCommands.localGeary(
        units, columns: column, weights: weights.request, options: local.options(inference))
      try local.finish(report, units: units, prefix: "lg")
    }
  }
}
