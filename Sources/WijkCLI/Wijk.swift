import ArgumentParser
import WijkAnalysis

/// The `wijk` command: spatial neighbourhood analysis for a city's wards.
@main
struct Wijk: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wijk",
    abstract: "Spatial neighbourhood analysis: wards, indicators, concentration statistics.",
    discussion: """
      Run `wijk analyse` in the project folder for the full analysis of the data in \
      GeoData/ (see the README). Each statistic is also a command of its own, for scripting \
      and for comparison with other tools (GeoDa, PySAL, QGIS). Every command that reads a \
      ward layer checks it the same way (CRS, duplicate codes, invalid and overlapping \
      wards, encoding) and takes the same options for it: --crs, --encoding, --repair, \
      --allow-overlaps, --dissolve-duplicates, --project-to.

      Exit codes: 0 success; 64 wrong arguments (an option value out of range, an output \
      format no writer has: checked before any file is read, except a kNN k not below the \
      number of units); 65 bad input data (the message names the \
      file, row or feature, and field); 66 an input file is missing or unreadable; 73 an \
      output cannot be written; 78 bad configuration (the message names the key); 70 an \
      internal failure (please report it).
      """,
    version: WijkVersion.current,
    subcommands: [
      Analyse.self, Check.self, Housing.self, Plan.self, Info.self,
      WeightsCommand.self, MoranCommand.self, GearyCommand.self, GeneralGCommand.self,
      BivariateCommand.self, LocalGearyCommand.self, JoinCountCommand.self,
      LisaCommand.self, GiStarCommand.self,
      ClassifyCommand.self, SegregationCommand.self, JoinWardsCommand.self,
    ],
    defaultSubcommand: nil)
}
