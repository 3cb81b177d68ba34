import ArgumentParser
import Foundation
import WijkAnalysis
import WijkCore

/// `wijk check`: the liveability check ("leefbaarheidstoets") of a proposed project.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check what a project does to the indicators of its ward and surroundings.",
    discussion: """
      Runs the main analysis (--config), applies the project's programme to the ward table \
      and recomputes every indicator, local Moran and Gi* included; then judges each rule \
      of the profile (pass, attention, fail). Writes to --out:

        check.md/.html  the report, with a map of the site and its surroundings (small
                        numbers withheld as <5 and x, every number rounded)
        site-map.svg    the map
        check_not_for_publication.json   working file, exact: site shares, indicators
                        before/after, rules, verdicts

      The site is a polygon file (GeoJSON, GeoPackage, Shapefile), a CSV with one row and \
      lat/lon or x/y columns, or --site-point with --site-crs. For EPSG:4326 give latitude \
      first: --site-point 50.965,5.5 --site-crs EPSG:4326; for a projected CRS give x,y \
      (easting, northing): --site-point 229465,184466 --site-crs EPSG:31370. The ward \
      layer of the configuration passes the same gate as in every command (--crs, \
      --repair, --allow-overlaps, --dissolve-duplicates, --project-to).

      --scenario FILE runs the check after each phase of the scenario, cumulatively. \
      Exit code 0 whatever the verdict; the verdict is printed and in the report.
      """)

  @Option(name: .shortAndLong, help: "The analysis configuration (YAML).")
  var config = "GeoData/wijk-genk.yaml"

  @Option(help: "The rules profile (YAML).")
  var profile = "GeoData/leefbaarheidstoets_profiel.yaml"

  @Option(help: "The site: a polygon file, or a CSV with one row of lat/lon or x/y.")
  var site: String?

  @Option(help: "The site as one point: 'x,y' in a projected CRS, 'lat,lon' in EPSG:4326.")
  var sitePoint: String?

  @Option(help: "The CRS of --site-point, or of a site file that declares none.")
  var siteCrs: String?

  @Option(help: "The programme (YAML): dwellings added and removed, facilities.")
  var programme: String?

  @Option(help: "A scenario (YAML) of phases, checked cumulatively.")
  var scenario: String?

  @Option(help: "Facilities (points): a layer or a CSV with id, kind, name, x, y.")
  var facilities: String?

  @Option(help: "Buffer radius in metres (overrides the profile).")
  var buffer: Double?

  @Option(name: .shortAndLong, help: "The folder to write to.")
  var out = "out/check"

  @OptionGroup var wardLayer: WardLayerOptions

  @Flag(name: .shortAndLong, help: "Print no progress, only the verdict and errors.")
  var quiet = false

  func validate() throws {
    try checkOption("buffer", buffer, .distance)
    if (site == nil) == (sitePoint == nil) && scenario == nil {
      throw ValidationError("Give the site with --site FILE or --site-point X,Y --site-crs CRS.")
    }
    if site != nil && sitePoint != nil {
      throw ValidationError("Give --site or --site-point, not both.")
    }
    if sitePoint != nil && siteCrs == nil {
      throw ValidationError(
        "--site-point needs --site-crs (e.g. EPSG:31370, or EPSG:4326 with lat,lon).")
    }
    if (programme == nil) == (scenario == nil) {
      throw ValidationError("Give either --programme FILE or --scenario FILE.")
    }
  }

  func run() throws {
    try reportingErrors {
      let configuration = try ConfigurationLoader.load(path: config)
      var rules = try RulesProfile.load(path: profile)
      if let buffer { rules.bufferMetres = buffer }
      let plan = try CheckPlan.make(programme: programme, scenario: scenario)
      let run = try Analysis.run(
        configuration, configurationFile: config, options: wardLayer.loading,
        progress: { note($0, quiet: quiet) })
      let theSite = try readSite(plan: plan, into: run.table.crs)
      let facilitiesFile = facilities ?? plan.facilities
      let facilityList =
        try facilitiesFile.map {
          try FacilitiesReader.read($0, into: run.table.crs)
        } ?? []
      note("checking \(plan.phases.count) phase(s) on \(theSite.source)", quiet: quiet)
      let inputs = CheckInputs(
        title: plan.title, site: theSite, phases: plan.phases, programmeFile: plan.file,
        profile: rules, profileFile: profile, facilities: facilityList,
        facilitiesFile: facilitiesFile,
        illustrativeInputs: CheckPlan.invented(
          [theSite.source, plan.file, facilitiesFile].compactMap { $0 },
          scenarioSaysSo: plan.illustrative, dutch: configuration.language != "en")
          + SummaryReport.illustrativeNotes(run.result))
      let outcome = try LiveabilityCheck.check(inputs, run: run, configuration: configuration)
      let published = try LiveabilityPublication.publish(outcome)
      let map = try CheckMap.svg(outcome, published, site: theSite, run: run, profile: rules)
      let written = try LiveabilityOutputs.write(
        outcome.report, published: published, mapSVG: map, to: out)
      print(CheckSummary.text(published.report))
      note("wrote \(written.count) files to \(out)/ (open check.html)", quiet: quiet)
    }
  }

  func readSite(plan: CheckPlan, into target: CRSDefinition) throws -> Site {
    let declared = siteCrs.map { CRSDefinition(authorityCode: $0) }
    if let sitePoint {
      let numbers = sitePoint.split(separator: ",").map {
        Double($0.trimmingCharacters(in: .whitespaces))
      }
      guard numbers.count == 2, let a = numbers[0], let b = numbers[1], let declared else {
        throw ValidationError(
          "--site-point must be two numbers separated by a comma, e.g. 50.965,5.5.")
      }
      // EPSG:4326 is given latitude first (its authority order); wijk's coordinates are x = lon.
      let geographic = declared.epsgCode == 4326 || declared.epsgCode == 4258
      let c = geographic ? Coordinate(x: b, y: a) : Coordinate(x: a, y: b)
      return try SiteReader.point(
        c, crs: declared, source: "--site-point \(sitePoint)", into: target)
    }
    guard let path = site ?? plan.site else {
      throw ValidationError("The scenario names no site; give --site or --site-point.")
    }
    return try SiteReader.file(path, assumeCRS: declared, into: target)
  }
}
