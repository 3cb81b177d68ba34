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
        --points P.csv --x X --y Y [--crs EPSG:…] (or --lon L --lat L for WGS84)   points \
      counted per ward (column n_points). --boundary assign (default): every point counts \
      exactly once; a point on a boundary shared by several wards goes to the ward with \
      the smallest code, a point on the outer edge to its only ward, independent of \
      feature order. within: boundary points dropped (GeoPandas sjoin within). \
      intersects: counted in every ward they touch (GeoPandas intersects; totals can \
      exceed the number of points).
        --source S.gpkg --extensive C,... --intensive C,...   areal interpolation (tobler \
      area_interpolate): extensive variables split by area share, intensive ones \
      area-weighted.

      Writes --out as GeoPackage, GeoJSON or CSV (by extension), atomically, and prints a \
      join report (matched, unmatched, on a boundary, outside, repaired) on stderr, or as \
      JSON on stdout with --json. An unmatched row, ward or point is an error (exit 65, \
      nothing written) unless --allow-unmatched makes it a warning; unmatched wards then \
      get no value, never 0.
      """)

  @Argument(help: "The ward layer (GeoJSON, GeoPackage, Shapefile).")
  var wards: String

  @Option(help: "The ward layer's layer name, for a GeoPackage with several.")
  var layer: String?

  @Option(
    help: """
      The text encoding of the inputs (UTF-8, Windows-1252, ISO-8859-1), overriding a .cpg \
      file, the DBF header and detection.
      """)
  var encoding: TextEncoding?

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
  @Option(help: "The lookup's sector column.") var lookupSector: String?
  @Option(help: "The lookup's ward column.") var lookupWard: String?
  @Option(help: "Keep sector rows whose column equals a value: col=value (repeatable).")
  var filter: [String] = []
  @Option(help: "A rate from sums: name=numerator/base*per (repeatable).") var rate: [String] = []
  @Option(help: "A mean from sums: name=numerator/base (repeatable).") var mean: [String] = []

  @Option(help: "A CSV of points.") var points: String?
  @Option(help: "The points' x (easting) column.") var x: String?
  @Option(help: "The points' y (northing) column.") var y: String?
  @Option(help: "The points' CRS (default: the ward layer's), e.g. EPSG:31370.") var crs: String?
  @Option(help: "The points' longitude column (WGS84).") var lon: String?
  @Option(help: "The points' latitude column (WGS84).") var lat: String?
  @Option(help: "The points' id column, for the report.") var pointId: String?
  @Option(help: "assign (default), within or intersects.") var boundary = "assign"

  @Option(help: "A polygon layer to interpolate by area.") var source: String?
  @Option(help: "The source layer name, for a GeoPackage with several.") var sourceLayer: String?
  @Option(help: "Extensive columns (counts), comma-separated.") var extensive: String?
  @Option(help: "Intensive columns (densities, rates), comma-separated.") var intensive: String?

  @Option(help: "Write the joined wards to FILE.gpkg, .geojson or .csv.") var out: String?

  @Flag(help: "Unmatched rows, wards or points are a warning, not an error.")
  var allowUnmatched = false

  @Flag(help: "Print the join report as JSON on stdout.") var json = false

  @OptionGroup var missing: MissingValuesOption

  func validate() throws {
    let given = [table, sectors, points, source].compactMap { $0 }
    guard given.count == 1 else {
      throw ValidationError("Give exactly one of --table, --sectors, --points and --source.")
    }
  }

  func run() throws {
    try reportingErrors {
      var request = JoinRequest(
        wards: wards, layer: layer, code: code, source: try joinSource(),
        allowUnmatched: allowUnmatched, encoding: encoding, decimal: decimal)
      request.missingValues = missing.values
      let format = try out.map { try JoinCommand.format(of: $0) }
      let (joined, report) = try JoinCommand.run(request)
      if let out, let format {
        try LayerWriter.write(joined, to: out, format: format)
      }
      note(report.text)
      if let out { note("wrote \(out)") }
      if json {
        try printJSON(report)
      } else if out == nil {
        // Without --out the joined columns go to stdout as CSV, one row per ward.
        print(CSVWriter.text(JoinCommand.addedColumns(joined, code: code, report: report)), terminator: "")
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
      let ratios =
        try rate.map { try RatioSpec.parse($0, option: "rate") }
        + mean.map { try RatioSpec.parse($0, option: "mean") }
      return .sectors(
        file: sectors, sectorKey: try required(sectorKey, "sector-key"),
        lookup: try required(lookup, "lookup"),
        lookupSector: try required(lookupSector, "lookup-sector"),
        lookupWard: try required(lookupWard, "lookup-ward"), filter: pairs, ratios: ratios)
    }
    if let points {
      if let lon, let lat {
        return .points(
          file: points, x: lon, y: lat, crs: "EPSG:4326", boundary: boundary, id: pointId)
      }
      return .points(
        file: points, x: try required(x, "x"), y: try required(y, "y"), crs: crs,
        boundary: boundary, id: pointId)
    }
    let split = { (s: String?) in
      s.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        ?? []
    }
    return .areal(
      file: source!, layer: sourceLayer, extensive: split(extensive), intensive: split(intensive))
  }

  func required(_ value: String?, _ name: String) throws -> String {
    guard let value else { throw ValidationError("This join needs --\(name).") }
    return value
  }
}
