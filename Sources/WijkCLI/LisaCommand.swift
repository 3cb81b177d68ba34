import ArgumentParser
import Foundation
import WijkAnalysis

/// Options shared by `wijk lisa` and `wijk gistar`.
struct LocalCommandOptions: ParsableArguments {
  @Option(help: "Significance level.")
  var alpha = 0.05

  @Flag(help: "Correct for testing every unit: Benjamini-Hochberg false discovery rate.")
  var fdr = false

  @Flag(help: "Correct for testing every unit: Bonferroni (alpha / n).")
  var bonferroni = false

  @Option(
    help: """
      Write the layer with the result columns to FILE.gpkg, .geojson (WGS84 \
      longitude/latitude, RFC 7946) or .csv.
      """)
  var out: String?

  @Flag(help: "Print the results per unit and the headline numbers as JSON.")
  var json = false

  func validate() throws {
    if fdr && bonferroni { throw ValidationError("Choose one of --fdr and --bonferroni.") }
    try checkOption("alpha", alpha, .significanceLevel)
    if let out { try asUsage { _ = try LocalLayerExport.format(of: out) } }
  }

  func options(_ inference: InferenceOptions) -> LocalOptions {
    LocalOptions(
      permutations: inference.permutations, seed: inference.seed, alpha: alpha,
      correction: fdr ? .fdr : bonferroni ? .bonferroni : .none)
  }

  /// Writes `--out`, then prints the report as JSON or as a table.
  func finish(_ report: LocalReport, units: UnitLayer, prefix: String) throws {
    noteWeights(report.weightsNotices)
    noteLeftOut(missing: report.missing, islands: report.islands, column: report.column)
    if let out {
      try LocalLayerExport.write(report, units: units, prefix: prefix, to: out)
      note("wrote \(out)")
    }
    if json { return try printJSON(report) }
    print(
      "\(report.statistic) of \(report.column): \(report.n) units, \(report.weights) weights, "
        + "\(report.transformation)"
        + (report.star.map { $0 ? ", unit included" : ", unit excluded" } ?? ""))
    if let undefined = report.undefined { return print("not computed: \(undefined)") }
    print(
      "significance: p < \(show(report.threshold)) (alpha \(report.alpha), correction "
        + "\(report.correction); \(report.permutations > 0 ? "pseudo p, \(report.permutations) permutations, seed \(report.seed)" : "analytic p"))"
    )
    print(
      report.clusterCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        .joined(separator: ", "))
    print("id\tvalue\tstatistic\tz\tp\tpseudo_p\tcluster")
    for u in report.units {
      print(
        [
          u.id, show(u.value), show(u.statistic), show(u.z), show(u.p), show(u.pseudoP),
          u.cluster ?? u.status,
        ].joined(separator: "\t"))
    }
  }
}

/// `wijk lisa`: local Moran's I per unit.
struct LisaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lisa",
    abstract: "Local Moran's I (LISA) per unit: statistic, quadrant, pseudo p, cluster.",
    discussion: """
      Matches esda 2.9 Moran_Local(y, w, transformation="r") on the analytic values: \
      I_i = (n−1) z_i (Wz)_i / Σ z_j², with esda's (n−1)/n factor that GeoDa's local I does \
      not have, on row-standardised weights by default. Quadrants are named HH, LH, LL, HL \
      (esda and GeoDa number them differently). Inference by conditional permutation: the \
      unit's value fixed, its neighbours drawn from the others, seeded by --seed; a unit is \
      significant when its folded pseudo p is below --alpha (or the --fdr / --bonferroni \
      threshold); with --permutations 0 the analytic p (two-tailed, total randomisation) \
      is used.

      Units with no value and islands are listed and never significant (esda labels an \
      island a significant outlier). --out adds the columns lisa_stat, lisa_z, lisa_p, \
      lisa_psim, lisa_quad, lisa_sig and lisa_cluster to the layer and writes it atomically.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "The numeric field to test.")
  var column: String

  @OptionGroup var weights: WeightsOptions

  @Option(help: "Transformation of the weights: row (default), binary, ...")
  var transform = "row"

  @OptionGroup var inference: InferenceOptions

  @OptionGroup var local: LocalCommandOptions

  func validate() throws {
    try asUsage { _ = try AutocorrelationCommands.transformation(transform) }
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let report = try AutocorrelationCommands.lisa(
        units, column: column, weights: weights.request, transformation: transform,
        options: local.options(inference))
      try local.finish(report, units: units, prefix: "lisa")
    }
  }
}
