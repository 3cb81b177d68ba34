import ArgumentParser
import Foundation
import WijkAnalysis

/// `wijk weights`: build spatial weights from a layer and write them for other tools.
struct WeightsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weights",
    abstract: "Build spatial weights (queen, rook, kNN, distance band) and write GAL, GWT or CSV.",
    discussion: """
      Matches libpysal 4.14: queen = a shared vertex (weights.Queen.from_dataframe), rook = a \
      shared edge (Rook.from_dataframe), knn = the k nearest centroids (KNN), distance = \
      centroids within --threshold metres (DistanceBand, binary). Distances are in metres: \
      a geographic layer (degrees, e.g. a WGS84 GeoJSON as `wijk join` writes) is first \
      projected to --project-to (EPSG:31370 by default), and the output says so; only a \
      layer without a CRS is measured in its own units, with a note. Contiguity compares \
      exact vertex coordinates, as libpysal; --snap merges vertices closer than the tolerance \
      (for boundaries that nearly touch). Weights are binary as built; the statistics \
      row-standardise them.

      Prints the number of links (directed, as libpysal's nonzero), the mean, minimum and \
      maximum number of neighbours and the islands (units without neighbours) by id. \
      --out writes .gal (GeoDa neighbour lists), .gwt (weighted links) or .csv \
      (focal,neighbour,weight), atomically.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "queen | rook | knn | distance.")
  var kind: WeightsKind = .queen

  @Option(help: "Neighbours per unit for --kind knn.")
  var k = 4

  @Option(help: "Distance band in metres for --kind distance.")
  var threshold: Double?

  @Option(help: "Vertex snap tolerance in layer units for queen/rook (0 = exact).")
  var snap = 0.0

  @Option(help: "Write the weights to FILE.gal, FILE.gwt or FILE.csv.")
  var out: String?

  @Flag(help: "Print the summary as JSON.")
  var json = false

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let request = WeightsRequest(kind: kind, k: k, threshold: threshold, snap: snap)
      let weights = try units.weights(request)
      if let out {
        let format = try WeightsFileFormat.of(path: out)
        let source = (input.file as NSString).lastPathComponent
        try writeTextAtomically(
          weights.text(format, source: source, idField: input.id ?? "id"), to: out)
        note("wrote \(out)")
      }
      let report = WeightsReport(weights, request: request, units: units)
      if json { try printJSON(report) } else { print(report.text) }
    }
  }
}
