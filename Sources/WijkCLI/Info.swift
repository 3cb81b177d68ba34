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
      Reads a GeoJSON, GeoPackage or Shapefile through the same gate as every other \
      command and prints its driver, CRS, feature count, extent and fields, then lists what \
      the gate would stop at, where the other commands stop at the first: duplicate codes \
      in the --id field (default: the first text field) with their features, invalid \
      polygons (with GEOS's reason and location), wards that overlap (with the overlap in \
      m²), and gaps inside the outer boundary that no ward covers. Overlaps and gaps of \
      1 m² or less are rounding slivers and are not listed. A geographic layer is projected \
      first (--project-to), as every command does.

      A .prj without an EPSG code (ESRI WKT as ArcGIS writes it, or a WKT with TOWGS84) is \
      recognised as the EPSG code PROJ identifies, when PROJ is certain (confidence 100) or \
      when both agree within 1 cm over the code's area of use (a grid of 121 points, \
      through WGS 84 and back); the CRS line says which code, PROJ's confidence and the \
      agreement. Otherwise the file's own definition is used and the reason is given.

      The verdict says whether the commands accept the layer with the options given \
      (--repair, --allow-overlaps, --dissolve-duplicates). Exit 0 when the file is \
      readable, whatever the checks find; non-zero with a message when it is not. Use \
      --json for scripts.
      """)

  @Argument(help: "A GeoJSON, GeoPackage or Shapefile.")
  var file: String

  @Option(help: "The layer to check, for a GeoPackage with several.")
  var layer: String?

  @Option(
    help: """
      The ward-code field: it names features in messages and is checked for duplicates \
      (default: the first text field).
      """)
  var id: String?

  @OptionGroup var wardLayer: WardLayerOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    try reportingErrors {
      let inspection = try LayerInspector.inspect(
        path: file, layer: layer, idField: id, options: wardLayer.loading)
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
