import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk joincount`: local join counts of a yes/no column per unit.
struct JoinCountCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "joincount",
    abstract: "Local join counts of a yes/no column per unit: clusters of \"yes\" units.",
    discussion: """
      LJC_i = x_i Σ_j w_ij x_j on binary weights, x 0 or 1 (Anselin & Li 2019; esda 2.9 \
      Join_Counts_Local): for a "yes" unit the number of its neighbours that are "yes" too, \
      0 for a "no" unit. Give a column of 0 and 1, or a numeric column with --above to call \
      a unit "yes" when its value is above that number (e.g. an unemployment rate above the \
      city's). Inference by conditional permutation (the unit fixed, its neighbours drawn \
      from the others), seeded by --seed; only the upper tail is tested (more "yes" \
      neighbours than chance), and units with LJC = 0 have no p, as in esda. A significant \
      unit is a "cluster"; the multiple-testing correction runs over the units with a p. \
      There is no analytic p, so --permutations must be 99 or more.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "A numeric field: 0/1, or any number with --above.")
  var column: String

  @Option(help: "Call a unit \"yes\" when its value is above this number (default: the column is 0/1).")
  var above: Double?

  @OptionGroup var weights: WeightsOptions

  @OptionGroup var inference: InferenceOptions

  @OptionGroup var local: LocalCommandOptions

  func validate() throws {
    try inference.requireTest("local join count")
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let report = try AutocorrelationCommands.localJoinCount(
        units, column: column, above: above, weights: weights.request,
        options: local.options(inference))
      try local.finish(report, units: units, prefix: "ljc")
    }
  }
}
