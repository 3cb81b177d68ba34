import ArgumentParser
import Foundation
import WijkAnalysis
import WijkIO

/// `wijk join`: join a table, sectors, points or polygons onto a ward layer.
struct JoinWardsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Join a table, sector figures, points or polygons onto wards and write the layer.",
    discussion: """
      Give one of:
        --table T.csv --key K [--pad-keys N]     one row per ward, matched on the code as \
      text (never as a number); --pad-keys left-pads all-digit keys with zeros (Excel \
      turns 01 into 1).
        --sectors T.csv --sector-key K --lookup L.csv --lookup-sector S --lookup-ward W \
      [--filter col=value]   figures per statistical sector summed per ward through the \
      lookup; --rate name=num/base*per and --mean name=num/base are recomputed from the \
      summed numerator and base (a rate is never summed or averaged).
        --points P.csv --x X --y Y [--points-crs EPSG:…] (or --lon L --lat L for WGS84)   points \
      counted per ward (column n_points). --boundary assign (default): every point counts \
      exactly once; a point on a boundary shared by several wards goes to the ward with \
      the smallest code, compared as text in Unicode code-point order (so "10" comes \
      before "9", and "K01" before "W01"), a point on the outer edge to its only ward, \
      independent of feature order. within: boundary points dropped (GeoPandas sjoin \
      within). intersects: counted in every ward they touch (GeoPandas intersects; totals \
      can exceed the number of points). --sum C (repeatable, with assign) adds column C \
      summed over the points of each ward (residents or dwellings per address point); a \
      point without a value leaves its ward's sum empty, and the report counts them.
        --source S.gpkg [--source-id F] --extensive C,... [--intensive C,...] \
      [--rate name=num/base*per] [--mean name=num/base]   areal interpolation (tobler \
      area_interpolate): extensive variables (counts) split by area share, intensive ones \
      (densities) area-weighted; a share or rate is recomputed per ward from the split \
      numerator and base (give it with --rate, never as --intensive). The report names \
      every source polygon split over several wards or lying partly outside them, with \
      its area shares, and per count what lies outside every ward. Figures held in a \
      separate table are first joined onto the source polygons: wijk join S.geojson \
      --code F --table T.csv --key F --out S.gpkg.

      Tables (--table, --sectors, --lookup, --points) may be CSV, Statbel's pipe-separated \
      .txt (also the .zip as published), .xlsx or .ods workbooks (--sheet by name or number, \
      --header-row, --skip-rows; --lookup-sheet for the lookup), GeoPackage or DBF attribute \
      tables, or a database (PG:dbname=… with --sheet naming the table or sql:SELECT …). \
      Every cell goes through the same rules: codes as text, missing-value markers (C, <5, \
      …) missing for their cell, other text in a numeric column an error naming the cell. A \
      workbook code stored as a number next to codes with leading zeros (102 beside 0101) is \
      an error naming the cell, unless --pad-keys pads the codes.

      The ward layer passes the same gate as in every command: its CRS (--crs when the \
      file declares none), invalid polygons (--repair), overlapping wards \
      (--allow-overlaps), duplicate codes (--dissolve-duplicates), a geographic layer \
      projected to --project-to. With accepted overlaps, assign counts a point in an \
      overlap once (smallest code), within and intersects count it in every ward that \
      holds it, and the report says which.

      Writes --out as GeoPackage (in the wards' CRS), GeoJSON or CSV (by extension), \
      atomically. GeoJSON is WGS84 longitude/latitude (RFC 7946), transformed from the \
      wards' CRS; --geojson-crs source writes it in the wards' own CRS with a crs member \
      (urn:ogc:def:crs:EPSG::31370, as GDAL writes with RFC7946=NO), for tools that need \
      the original coordinates. A layer without a CRS cannot be written as GeoJSON: give \
      --crs. Prints a join report (matched, unmatched, on a boundary, outside, repaired, \
      what was written) on stderr, or as JSON on stdout with --json. An unmatched row, \
      ward or point is an error (exit 65, nothing written) unless --allow-unmatched makes \
      it a warning; unmatched wards then get no value, never 0.
      """)

  @Argument(help: "The ward layer (GeoJSON, GeoPackage, Shapefile).")
  var wards: String

  @Option(help: "The ward layer's layer name, for a GeoPackage with several.")
  var layer: String?

  @OptionGroup var wardLayer: WardLayerOptions

  @Option(
    help: """
      How numbers are written in the CSV inputs: point (1234.5) or comma (1.234,5). By \
      default a ;-separated file is read with decimal commas, any other with points.
      """)
  var decimal: NumberConvention?

  @Option(help: "The ward layer's code field.")
  var code: String

  @Option(help: "A table with one row per ward.") var table: String?
  @Option(help: "The table's ward-code column.") var key: String?
  @Option(help: "Left-pad all-digit table keys with zeros to this width.") var padKeys: Int?

  @Option(help: "A table with one row per sector.") var sectors: String?
  @Option(help: "The sector table's sector-code column.") var sectorKey: String?
  @Option(help: "The sector → ward lookup table.") var lookup: String?
  @Option(help: "The lookup's sheet or table (as --sheet).") var lookupSheet: String?
  @Option(help: "The lookup's sector column.") var lookupSector: String?
  @Option(help: "The lookup's ward column.") var lookupWard: String?
  @Option(help: "Keep sector rows whose column equals a value: col=value (repeatable).")
  var filter: [String] = []
  @Option(
    help: """
      A rate from sums or split counts: name=numerator/base*per (repeatable; --sectors, \
      --source).
      """)
  var rate: [String] = []
  @Option(
    help: """
      A mean from sums or split counts: name=numerator/base (repeatable; --sectors, --source).
      """)
  var mean: [String] = []

  @Option(help: "A table of points (CSV, workbook, DBF, …) with x/y columns.") var points: String?
  @Option(help: "The points' x (easting) column.") var x: String?
  @Option(help: "The points' y (northing) column.") var y: String?
  @Option(help: "The points' CRS (default: the ward layer's), e.g. EPSG:31370.")
  var pointsCrs: String?
  @Option(help: "The points' longitude column (WGS84).") var lon: String?
  @Option(help: "The points' latitude column (WGS84).") var lat: String?
  @Option(help: "The points' id column, for the report.") var pointId: String?
  @Option(help: "assign (default), within or intersects.") var boundary = "assign"
  @Option(
    help: ArgumentHelp(
      "A numeric point column summed per ward, e.g. residents per address point (repeatable; "
        + "--boundary assign).", valueName: "column"))
  var sum: [String] = []

  @Option(help: "A polygon layer to interpolate by area.") var source: String?
  @Option(help: "The source layer name, for a GeoPackage with several.") var sourceLayer: String?
  @Option(help: "The source polygons' id field (unique), naming them in the report.")
  var sourceId: String?
  @Option(help: "Extensive columns (counts), comma-separated.") var extensive: String?
  @Option(help: "Intensive columns (densities, rates), comma-separated.") var intensive: String?

  @Option(help: "Write the joined wards to FILE.gpkg, .geojson or .csv.") var out: String?

  @Option(
    help: ArgumentHelp(
      "wgs84 (default: RFC 7946 longitude/latitude) or source (the wards' own CRS, with a crs "
        + "member) for a .geojson --out.", valueName: "crs"))
  var geojsonCrs: GeoJSONCRS = .wgs84

  @Flag(help: "Unmatched rows, wards or points are a warning, not an error.")
  var allowUnmatched = false

  @Flag(help: "Print the join report as JSON on stdout.") var json = false

  @OptionGroup var timing: TimingOption

  @OptionGroup var missing: MissingValuesOption

  @OptionGroup(title: "The table joined (--table, --sectors or --points)")
  var tableSource: TableSourceOptions

  func validate() throws {
    let given = [table, sectors, points, source].compactMap { $0 }
    guard given.count == 1 else {
      throw ValidationError("Give exactly one of --table, --sectors, --points and --source.")
    }
    if (!rate.isEmpty || !mean.isEmpty) && sectors == nil && source == nil {
      throw ValidationError(
        "--rate and --mean are recomputed from sums (--sectors) or split counts (--source); "
          + "a --table or --points join has nothing to recompute them from.")
    }
    if !sum.isEmpty && points == nil { throw ValidationError("--sum sums a column of --points.") }
    if !sum.isEmpty && boundary != "assign" {
      throw ValidationError(
        "--sum needs --boundary assign: with \(boundary) a point is counted in no ward or in several.")
    }
    try checkOption("pad-keys", padKeys.map(Double.init), .keyWidth)
    if let out { try asUsage { _ = try JoinCommand.format(of: out) } }
  }

  func run() throws {
    try reportingErrors {
      var request = JoinRequest(
        wards: wards, layer: layer, code: code, source: try joinSource(),
        allowUnmatched: allowUnmatched, encoding: wardLayer.encoding, decimal: decimal,
        wardOptions: wardLayer.loading)
      request.missingValues = missing.values
      request.part = tableSource.part
      request.lookupPart = TablePart(layer: lookupSheet)
      request.clock = timing.clock()
      defer { timing.report(request.clock, command: "join") }
      let format = try out.map { try geojsonCrs.format(JoinCommand.format(of: $0)) }
      var (joined, report) = try JoinCommand.run(request)
      request.clock?.enter("write")
      if let out, let format {
        try JoinCommand.write(joined, to: out, format: format, report: &report)
      }
      note(report.text)
      if json {
        try printJSON(report)
      } else if out == nil {
        // Without --out the joined columns go to stdout as CSV, one row per ward.
        print(
          CSVWriter.text(JoinCommand.addedColumns(joined, code: code, report: report)),
          terminator: "")
      }
    }
  }

  func joinSource() throws -> JoinSource {
    if let table {
      return .table(file: table, key: try required(key, "key"), padKeys: padKeys)
    }
    if let sectors {
      var pairs: [String: String] = [:]
      for f in filter {
        let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ValidationError("--filter \(f): expected col=value.") }
        pairs[parts[0]] = parts[1]
      }
      let ratios = try ratios()
      return .sectors(
        file: sectors, sectorKey: try required(sectorKey, "sector-key"),
        lookup: try required(lookup, "lookup"),
        lookupSector: try required(lookupSector, "lookup-sector"),
        lookupWard: try required(lookupWard, "lookup-ward"), filter: pairs, ratios: ratios)
    }
    if let points {
      if let lon, let lat {
        return .points(
          file: points, x: lon, y: lat, crs: "EPSG:4326", boundary: boundary, id: pointId,
          sums: sum)
      }
      return .points(
        file: points, x: try required(x, "x"), y: try required(y, "y"), crs: pointsCrs,
        boundary: boundary, id: pointId, sums: sum)
    }
    let split = { (s: String?) in
      s.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        ?? []
    }
    return .areal(
      file: source!, layer: sourceLayer, extensive: split(extensive), intensive: split(intensive),
      ratios: try ratios(), id: sourceId)
  }

  /// The --rate and --mean options.
  func ratios() throws -> [RatioSpec] {
    try rate.map { try RatioSpec.parse($0, option: "rate") }
      + mean.map { try RatioSpec.parse($0, option: "mean") }
  }

  /// The CRS of a GeoJSON `--out`.
  enum GeoJSONCRS: String, ExpressibleByArgument, CaseIterable {
    case wgs84, source

    /// `format` with GeoJSON in the layer's CRS for `source`.
    func format(_ format: LayerWriter.Format) -> LayerWriter.Format {
      self == .source && format == .geoJSON ? .geoJSONInLayerCRS : format
    }
  }

  func required(_ value: String?, _ name: String) throws -> String {
    guard let value else { throw ValidationError("This join needs --\(name).") }
    return value
  }
}
