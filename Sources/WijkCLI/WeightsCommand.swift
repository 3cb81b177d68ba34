import ArgumentParser
import Foundation
import SpatialWeights
import WijkAnalysis

/// `wijk weights`: build spatial weights from a layer and write them for other tools.
struct WeightsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weights",
    abstract: "Build spatial weights (queen, rook, kNN, distance band) and write GAL, GWT or CSV.",
    discussion: """
      queen = the boundaries of two units share at least a point, rook = they share a piece \
      of positive length, both found from the boundary segments with exact predicates, so a \
      T-junction (a corner of one unit on the straight edge of another) and edges split at \
      different points count (libpysal 4.14 Graph.build_contiguity(strict=True)). --snap T \
      counts boundaries at most T layer units apart as touching, and as sharing a boundary \
      where they run within T of each other along more than T (for slivers of a few \
      centimetres; libpysal's fuzzy_contiguity, GeoDa's precision threshold). \
      --contiguity vertex compares vertex coordinates instead, exactly as libpysal's \
      weights.Queen/Rook.from_dataframe (only to reproduce libpysal: it misses T-junctions). \
      knn = the k nearest centroids (KNN); when several units lie at the k-th nearest \
      distance, the smaller ids (Unicode code-point order) are kept, whatever the order of \
      the features, and those units are named. distance = centroids within --threshold \
      metres, the threshold itself included (DistanceBand, binary). Distances are in metres: \
      a geographic layer (degrees, e.g. a WGS84 GeoJSON as `wijk join` writes) is first \
      projected to --project-to (EPSG:31370 by default), and the output says so; only a \
      layer without a CRS is measured in its own units, with a note. Weights are binary as \
      built; the statistics row-standardise them.

      Prints the number of links (directed, as libpysal's nonzero), the mean, minimum and \
      maximum number of neighbours, the islands (units without neighbours) by id, the pairs \
      that only the boundary comparison or only the snap tolerance makes neighbours (with \
      their shared length), and the kNN ties. --json adds the shared boundary length of \
      every touching pair. --out writes .gal (GeoDa neighbour lists), .gwt (weighted links) \
      or .csv (focal,neighbour,weight), atomically.
      """)

  @OptionGroup var input: LayerOptions

  @Option(help: "queen | rook | knn | distance.")
  var kind: WeightsKind = .queen

  @Option(help: "Neighbours per unit for --kind knn.")
  var k = 4

  @Option(help: "Distance band in metres for --kind distance.")
  var threshold: Double?

  @Option(
    help: "Snap tolerance in layer units for queen/rook: boundaries this close touch (0 = exact).")
  var snap = 0.0

  @Option(
    help: ArgumentHelp(
      "boundary (shared boundary segments, default) | vertex (shared vertices, as libpysal's "
        + "Queen/Rook).", valueName: "method"))
  var contiguity: ContiguityMethod = .boundary

  @Option(help: "Write the weights to FILE.gal, FILE.gwt or FILE.csv.")
  var out: String?

  @Flag(help: "Print the summary as JSON.")
  var json = false

  func validate() throws {
    try checkWeightOptions(kind: kind, k: k, threshold: threshold, snap: snap, kindOption: "kind")
    if let out { try asUsage { _ = try WeightsFileFormat.of(path: out) } }
  }

  func run() throws {
    try reportingErrors {
      let units = try input.read()
      let request = WeightsRequest(
        kind: kind, k: k, threshold: threshold, snap: snap, contiguity: contiguity)
      let built = try units.builtWeights(request)
      let weights = built.weights
      if let out {
        let format = try WeightsFileFormat.of(path: out)
        let source = (input.file as NSString).lastPathComponent
        try writeTextAtomically(
          weights.text(format, source: source, idField: input.id ?? "id"), to: out)
        note("wrote \(out)")
      }
      let report = WeightsReport(built, request: request, units: units)
      if json { try printJSON(report) } else { print(report.text) }
    }
  }
}
