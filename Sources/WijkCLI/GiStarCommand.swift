import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk gistar`: local Getis-Ord G per unit (hot and cold spots).
struct GiStarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gistar",
    abstract: "Getis-Ord Gi* per unit: z, p, pseudo p, hot and cold spots.",
    discussion: """
      By default the classic Gi* of Getis & Ord (1992), as ArcGIS reports it: binary \
      weights with the unit itself included (--transform binary --star). esda 2.9's \
      G_Local(y, w) default is different: row-standardised, the unit excluded \
      (--transform row --no-star). The choice is printed with the result. Analytic values \
      (G, E[G], Var[G], z, one-tailed p = 1 − Φ(|z|)) match esda G_Local.

      A unit is a hot spot when it is significant (pseudo p, or with --permutations 0 the \
      analytic p, below --alpha or the --fdr / --bonferroni threshold) and its statistic lies \
      in the upper tail of its permutations (its neighbours' values are high; with \
      --permutations 0: z > 0), a cold spot in the lower tail. Values must be non-negative. --out adds gi_stat, gi_z, gi_p, gi_psim, \
      gi_sig and gi_cluster to the layer.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The numeric field (non-negative values).")
  var column: String

  @OptionGroup var weights: WeightsOptions

  @Option(help: "binary (default, classic Gi*) or row (esda's default).")
  var transform = "binary"

  @Flag(inversion: .prefixedNo, help: "Include the unit itself (Gi*, default) or not (Gi).")
  var star = true

  @OptionGroup var inference: InferenceOptions

  @OptionGroup var local: LocalCommandOptions

  func validate() throws {
    try asUsage { _ = try AutocorrelationCommands.giStarTransformation(transform) }
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let report = try AutocorrelationCommands.giStar(
        units, column: column, weights: weights.request, transformation: transform, star: star,
        options: local.options(inference))
      try local.finish(report, units: units, prefix: "gi")
    }
  }
}
