import ArgumentParser
import WijkAnalysis

/// The options of a global test of one column (`wijk moran`, `wijk geary`): the layer, the
/// column, the weights and their transformation, the permutations, JSON output.
struct GlobalTestOptions: ParsableArguments {
  @OptionGroup var input: LayerOptions

  @Option(help: "The numeric field to test.")
  var column: String

  @OptionGroup var weights: WeightsOptions

  @Option(help: "Transformation of the weights: row (default, esda \"r\"), binary, ...")
  var transform = "row"

  @OptionGroup var inference: InferenceOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws {
    try asUsage { _ = try AutocorrelationCommands.transformation(transform) }
  }
}
