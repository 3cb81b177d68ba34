import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk bivariate`: bivariate Moran's I and bivariate local Moran of two columns.
struct BivariateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bivariate",
    abstract: "Bivariate Moran: does a unit's --x go with high or low --y around it?",
    discussion: """
      Global: I_BV = Σ zx_i (W zy)_i / (n − 1), x and y standardised (esda 2.9 \
      Moran_BV(x, y, w, transformation="r")), with a pseudo p from permuting y. Per unit: \
      the bivariate local Moran I_i = (n − 1) zx_i (W zy)_i / Σ zx² (esda Moran_Local_BV), \
      quadrant HH (high x among high y), LH, LL, HL, and a pseudo p from conditional \
      permutations (x_i kept, the neighbours' y drawn from the other units), seeded by \
      --seed. The local statistic has no analytic p, so --permutations must be at least 99. \
      Example: does social rental housing (--x) co-locate with low income (--y) around it? \
      Look for HL units.

      Units missing either value and islands are listed and never significant. --out adds \
      bv_stat, bv_psim, bv_quad, bv_sig and bv_cluster to the layer (bv_z and bv_p stay \
      empty: there are no analytic moments).
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The unit's own variable (the horizontal axis of the scatterplot).")
  var x: String

  @Option(help: "The variable whose spatial lag is compared with --x.")
  var y: String

  @OptionGroup var weights: WeightsOptions

  @Option(help: "Transformation of the weights: row (default, esda \"r\"), binary, ...")
  var transform = "row"

  @OptionGroup var inference: InferenceOptions

  @OptionGroup var local: LocalCommandOptions

  func validate() throws {
    try asUsage { _ = try AutocorrelationCommands.transformation(transform) }
    try inference.requireTest("bivariate local Moran")
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let report = try AutocorrelationCommands.bivariate(
        units, x: x, y: y, weights: weights.request, transformation: transform,
        options: local.options(inference))
      if let g = report.global, !local.json {
        print(
          "\(g.statistic) of \(x) against the lag of \(y): I = \(g.value)   pseudo p = "
            + "\(show(g.pseudoP)) (\(g.tail ?? "–") tail, \(report.permutations) permutations, "
            + "seed \(report.seed))")
      }
      try local.finish(report, units: units, prefix: "bv")
    }
  }
}
