import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk housing`: the GIS module "huisvesting".
struct Housing: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "housing",
    abstract: "Map a housing register per ward (the module \"huisvesting\") and write its outputs.",
    discussion: """
      Places every row of a housing register (points: CSV with x/y in a named CRS or \
      longitude/latitude, or any point layer) in its ward, sums dwellings, tenure, landlord, \
      vacancy, subsidies and permits per ward, and runs the concentration statistics of \
      `wijk analyse` on the indicators of the configuration. With two registers (two dates) \
      it also reports the change. Points outside every ward or on a boundary are reported, \
      never dropped silently.

      With no arguments, runs on GeoData/huisvesting_synthetic.yaml: a SYNTHETIC register \
      (Examples/housing/) inside Genk's 30 real wards, and writes to out/housing/:

        wards.csv, wards.xlsx, wards_codebook.csv, summary.md/.html, maps/*.svg,
        and the working files, as `wijk analyse`
        huisvesting_wijken[_synthetic].csv   the brochure table (; and decimal commas; small
                                             numbers withheld as <5 and x, with a note)
        housing_not_for_publication.json     working file: the registers as joined, the
                                             exact ward columns, the change
      """)

  @Option(name: .shortAndLong, help: "The housing configuration file (YAML).")
  var config = "GeoData/huisvesting_synthetic.yaml"

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var out = "out/housing"

  @OptionGroup var wardLayer: WardLayerOptions

  @OptionGroup var output: OutputFlags

  func run() throws {
    try reportingErrors {
      let configuration = try HousingConfigurationLoader.load(path: config)
      let run = try HousingAnalysis.run(
        configuration, configurationFile: config, options: wardLayer.loading,
        progress: output.progress)
      let written = try HousingOutputs.write(
        run, to: out, options: output.options, progress: output.progress)
      announce(
        run.analysis.result, written: written, to: out, quiet: output.quiet,
        notes: run.housing.registers.flatMap(\.sentences))
    }
  }
}
