import ArgumentParser
import WijkAnalysis
import WijkCore
import WijkIO

/// The ward layer's options, the same in every command that reads one (they set the
/// ``WardLayerGate``'s ``WardLoadingOptions``).
struct WardLayerOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The ward layer's CRS when the file declares none (a Shapefile without .prj), e.g. "
        + "EPSG:31370. Never assumed: without it such a layer is refused where areas are "
        + "measured.", valueName: "crs"))
  var crs: String?

  @Option(
    help: """
      The text encoding of the ward layer's attributes (UTF-8, Windows-1252, ISO-8859-1), \
      overriding a .cpg file, the DBF header and detection (join: of its tables too).
      """)
  var encoding: TextEncoding?

  @Flag(help: "Repair invalid ward polygons with GEOS make-valid instead of stopping.")
  var repair = false

  @Flag(
    help: """
      Accept overlapping wards instead of stopping; the overlaps are reported, and each \
      count says how it treats them.
      """)
  var allowOverlaps = false

  @Flag(
    help: """
      Dissolve features that share a ward code into one ward (a MultiPolygon when the parts \
      are apart) instead of stopping; their other fields must agree.
      """)
  var dissolveDuplicates = false

  @Option(
    help: ArgumentHelp(
      "The projected CRS a geographic ward layer (degrees, e.g. a WGS84 GeoJSON) is "
        + "projected to before areas and distances are measured.", valueName: "crs"))
  var projectTo = "EPSG:31370"

  /// The gate's options these flags ask for.
  var loading: WardLoadingOptions {
    WardLoadingOptions(
      repair: repair, allowOverlaps: allowOverlaps, dissolveDuplicates: dissolveDuplicates,
      projectTo: CRSDefinition(authorityCode: projectTo), crs: crs, encoding: encoding)
  }
}
