import ArgumentParser
import Foundation
import WijkAnalysis
import WijkCore
import WijkIO

/// `wijk info`: describe and check a ward layer.
struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Describe and check a ward layer: CRS, fields, extent, invalid, overlapping and missing wards.",
    discussion: """
      Reads a GeoJSON, GeoPackage or Shapefile and prints its driver, CRS, feature count, \
      extent and fields, then checks what breaks a ward analysis: invalid polygons (with \
      GEOS's reason and location), wards that overlap (with the overlap in m²) and gaps \
      inside the outer boundary that no ward covers. Overlaps and gaps of 1 m² or less are \
      rounding slivers and are not listed. Then slivers: two wards closer than \
      --sliver-tolerance (1 m) where they do not touch, with the distance, the length and the \
      area of the strip between them ("W01 and W02 are 0.05 m apart along 1000 m (a 50 m² \
      sliver)"), also when the strip is open at its ends and no gap; points there fall in no \
      ward and exact contiguity does not make the two neighbours. Gaps and slivers leave the \
      layer usable but the verdict says it needs attention.

      Exit 0 when the file is readable, whatever the checks find; non-zero with a message \
      when it is not. Use --json for scripts.
      """)

  @Argument(help: "A GeoJSON, GeoPackage or Shapefile.")
  var file: String

  @Option(help: "The layer to check, for a GeoPackage with several.")
  var layer: String?

  @Option(help: "The field that names features in messages (default: the first text field).")
  var id: String?

  @Option(help: "The CRS to assume when the file declares none, e.g. EPSG:31370.")
  var crs: String?

  @Option(
    help: """
      The text encoding of the attributes (UTF-8, Windows-1252, ISO-8859-1), overriding a \
      .cpg file, the DBF header and detection.
      """)
  var encoding: TextEncoding?

  @Option(help: "Wards closer than this many metres without touching are reported as slivers.")
  var sliverTolerance = LayerInspector.sliverTolerance

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws {
    guard sliverTolerance.isFinite, sliverTolerance > 0 else {
      throw ValidationError("--sliver-tolerance must be a distance in metres above 0.")
    }
  }

  func run() throws {
    try reportingErrors {
      let inspection = try LayerInspector.inspect(
        path: file, layer: layer, idField: id, encoding: encoding,
        assumeCRS: crs.map { CRSDefinition(authorityCode: $0) }, sliverTolerance: sliverTolerance)
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
      } else {
        print(InfoText.render(inspection))
      }
    }
  }
}
