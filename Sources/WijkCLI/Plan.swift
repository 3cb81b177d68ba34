import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk plan`: the yearly ward plans of the ward-development team.
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write the yearly ward plan of one or more wards (or all of them).",
    discussion: """
      Runs the same analysis as `wijk analyse` and writes, per ward, a fiche that prints on \
      one A4 page from the HTML, and its Markdown version, to out/plans/: what stands out, \
      the ward and its neighbours on a map, its indicators (the last year of each sector \
      indicator) against the city and its ward groups with its rank, its hotspot status and \
      housing figures (with --housing). A second page shows the years of the sector tables \
      (Statbel 2011-2022): per indicator a chart of the ward beside the city (counts as an \
      index, first year = 100) and its change, trend (Sen's slope, Mann-Kendall, the years \
      it rests on), rank over time and emerging-hot-spot category. A third page has the \
      trend of the other tables' periods (with --years). Next to each page: the map and the \
      charts (SVG) and the plan's numbers (JSON).

      Wards are found by name or code as typed: "kolderbos", "Kolderbos (Genk)", \
      "Nieuw-Sledderlo", "nieuw sledderlo" and 7101616 all work.

        wijk plan --ward Kolderbos
        wijk plan --all --years 2018,2019,2020,2021
      """)

  @Option(name: .shortAndLong, help: "The configuration file (YAML).")
  var config = "GeoData/wijk-genk.yaml"

  @Option(name: .customLong("ward"), help: "A ward name or code (repeatable).")
  var wards: [String] = []

  @Flag(help: "Write the plan of every ward.")
  var all = false

  @Option(
    help: ArgumentHelp(
      "Years for the trend, comma-separated (e.g. 2018,2019,2020,2021); each year is analysed with the tables' period filter set to it.",
      valueName: "years"))
  var years: String?

  @Option(help: "The column the tables' filter uses for the year.")
  var periodColumn = "period"

  @Option(
    help: """
      A ward-level housing table with a ward-code column and numeric figures (CSV, .xlsx,       .ods, GeoPackage, DBF or PG:…).
      """)
  var housing: String?

  @Option(help: "The housing table's sheet or table (default: the first or only one).")
  var housingSheet: String?

  @Option(help: "The ward-code column of the housing table.")
  var housingCode = "code"

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var out = "out/plans"

  @OptionGroup var wardLayer: WardLayerOptions

  @Flag(name: .shortAndLong, help: "Print no progress, only errors.")
  var quiet = false

  func validate() throws {
    if all == !wards.isEmpty {
      throw ValidationError("Give --ward NAME (one or more) or --all.")
    }
    if yearList.count == 1 {
      throw ValidationError(
        "--years needs two years or more for a trend; to plan another year, change the period filter in the configuration."
      )
    }
  }

  var yearList: [String] {
    (years ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  func run() throws {
    try reportingErrors {
      let started = Date()
      let configuration = try ConfigurationLoader.load(path: config)
      let figures = try housing.map { try HousingFigures.load(path: $0, sheet: housingSheet, codeColumn: housingCode) }
      let pages = try WardPlans.make(
        configuration, configurationFile: config,
        request: WardPlanRequest(
          wards: wards, years: yearList, periodColumn: periodColumn, housing: figures),
        options: wardLayer.loading,
        progress: { note($0, quiet: quiet) })
      let written = try WardPlans.write(pages, to: out)
      for notice in pages.first?.plan.illustrativeInputs ?? [] {
        note("note: \(notice)", quiet: quiet)
      }
      let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
      note(
        "wrote \(pages.count) ward plan(s), \(written.count) files, to \(out)/ in \(seconds) s",
        quiet: quiet)
    }
  }
}
