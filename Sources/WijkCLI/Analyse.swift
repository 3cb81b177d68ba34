import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk analyse`: the main job.
struct Analyse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the full concentration analysis (the main job) and write its outputs.",
    discussion: """
      With no arguments, runs on GeoData/wijk-genk.yaml (Genk's 30 wards on the 2020-2024 \
      sectors: Statbel residents and density 2011-2022, 65+ share and income 2021, Fluvius \
      energy 2021, each indicator by its aggregation rule, every year with its statistics, \
      and per ward the change, trend and emerging hot spot) and writes to out/:

      For publication (small numbers withheld, every number rounded; see the codebook):
        wards.csv           the ward table; with language: nl for Belgian Excel (; and
                            decimal commas, codes kept as text), --plain-csv for scripts
        wards.xlsx          the same table and a codebook sheet
        wards_codebook.csv  what each column holds, the small-number rule, what was withheld
        summary.md/.html    city figures, the wards that stand out, hotspots, groups, maps
        maps/*.svg          per indicator and year a choropleth (the years in one pooled
                            set of classes), the LISA cluster map, its significance map
                            (-lisa-p) and the Moran scatterplot (-moran); a change map;
                            per pair of bivariate: its bivariate LISA map (<x>-vs-<y>-lisa)

      Working files for analysts, exact, NOT for publication:
        wards_not_for_publication.gpkg    every indicator and statistic (opens in QGIS)
        results_not_for_publication.json  every number, with provenance (inputs and
                                          checksums, versions, configuration, seed, date)

      The working GeoPackage opens in QGIS styled: a style per indicator (the map's \
      colours, with classes over the exact figures; LISA clusters in GeoDa's colours), the \
      first as default, and Dutch field names. With --out-db (or out_db: in the \
      configuration) the same exact ward table is also written to a PostGIS table, a working \
      table not for publication (default wijk_wards_not_for_publication; its comment says \
      so), in one transaction, before the files are put in place.

      The ward layer may be any GDAL data source, e.g. a PostGIS table: wards.file: \
      "PG:dbname=genk host=…" with wards.layer: public.wijken, or an SQL query as \
      layer: "sql:SELECT …". Passwords are never shown.

      The configuration names the ward layer, the indicator tables (per ward, or per \
      sector with a lookup), the indicators, the composite index, pairs of indicators \
      (bivariate:), ward groups, weights, small-number threshold \
      and seed; see the commented GeoData/wijk-genk.yaml. A count from 1 to \
      small_number_threshold - 1 prints as <5, what follows from it as x, and where a total \
      would give it back another count is withheld too (secondary suppression). Outputs \
      are written all or nothing: a failed run leaves earlier outputs as they were.
      """)

  @Option(name: .shortAndLong, help: "The configuration file (YAML).")
  var config = "GeoData/wijk-genk.yaml"

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var out = "out"

  @OptionGroup var wardLayer: WardLayerOptions

  @OptionGroup var output: OutputFlags

  @OptionGroup var missing: MissingValuesOption

  @OptionGroup var database: DatabaseOutputOptions

  @OptionGroup var timing: TimingOption

  func run() throws {
    try reportingErrors {
      let clock = timing.clock()
      clock?.enter("read")
      var configuration = try ConfigurationLoader.load(path: config)
      configuration.missingValues += missing.markers
      let run = try Analysis.run(
        configuration, configurationFile: config, options: wardLayer.loading,
        progress: output.progress, clock: clock)
      clock?.enter("write")
      defer { timing.report(clock, command: "analyse") }
      let written = try AnalysisOutputs.write(
        run, to: out, options: output.options,
        database: try database.target(configured: configuration.outDB),
        progress: output.progress)
      announce(run.result, written: written, to: out, quiet: output.quiet)
    }
  }
}
