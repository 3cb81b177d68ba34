import ArgumentParser
import Foundation
import SpatialWeights
import WijkAnalysis

/// The layer a single-statistic command reads: file, layer, id field, and the ward layer
/// options every command shares.
struct LayerOptions: ParsableArguments {
  @Argument(help: "A GeoJSON, GeoPackage or Shapefile of areal units (wards, tracts, ...).")
  var file: String

  @Option(help: "The layer to read, for a GeoPackage with several.")
  var layer: String?

  @Option(
    help: "The field with each unit's id, unique (default: feature numbers 1, 2, ...).")
  var id: String?

  @OptionGroup var wardLayer: WardLayerOptions

  /// Reads the layer through the gate and notes on stderr what the gate did.
  func read() throws -> UnitLayer {
    let units = try UnitLayer.read(
      path: file, layer: layer, idField: id, options: wardLayer.loading)
    for sentence in units.warnings { note(sentence) }
    return units
  }
}

/// Which spatial weights a statistic uses.
struct WeightsOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "queen | rook | knn | distance: built from the layer (binary; each statistic then "
        + "row-standardises unless told otherwise).", valueName: "kind"))
  var weights: WeightsKind = .queen

  @Option(help: "Neighbours per unit for --weights knn.")
  var k = 4

  @Option(
    help: """
      Distance band in metres for --weights distance (a geographic layer is projected \
      first, see --project-to; only a layer without a CRS is measured in its own units).
      """)
  var threshold: Double?

  @Option(
    help: "Snap tolerance in layer units for queen/rook: boundaries this close touch (0 = exact).")
  var snap = 0.0

  @Option(
    help: ArgumentHelp(
      "boundary (shared boundary segments: T-junctions count) | vertex (shared vertices, "
        + "exactly as libpysal's Queen/Rook.from_dataframe).", valueName: "method"))
  var contiguity: ContiguityMethod = .boundary

  @Option(help: "Read the weights from a GeoDa/libpysal .gal or .gwt file instead.")
  var weightsFile: String?

  func validate() throws {
    try checkWeightOptions(kind: weights, k: k, threshold: threshold, snap: snap, kindOption: "weights")
  }

  var request: WeightsRequest {
    WeightsRequest(
      kind: weights, k: k, threshold: threshold, snap: snap, contiguity: contiguity,
      file: weightsFile)
  }
}

/// The permutation test's size and seed.
struct InferenceOptions: ParsableArguments {
  @Option(help: "Random permutations for the pseudo p-value (0 = none).")
  var permutations = 999

  @Option(help: "Seed of the permutations; the same seed gives the same pseudo p.")
  var seed: UInt64 = 12345

  func validate() throws {
    try checkOption("permutations", Double(permutations), .permutations)
  }

  /// For a statistic with no analytic p-value (local Geary, bivariate local Moran, local
  /// join counts): at least 99 permutations, else a usage error naming it.
  func requireTest(_ statistic: String) throws {
    if permutations < 99 {
      throw ValidationError(
        "--permutations must be 99 or more: the \(statistic) has no analytic p-value.")
    }
  }
}

/// The kNN, distance-band and snap options of `--weights` (statistics) and `--kind`
/// (`wijk weights`), checked before any file is read.
func checkWeightOptions(
  kind: WeightsKind, k: Int, threshold: Double?, snap: Double, kindOption: String
) throws {
  try checkOption("k", Double(k), .neighbours)
  try checkOption("threshold", threshold, .distance)
  try checkOption("snap", snap, .tolerance)
  if kind == .distance && threshold == nil {
    throw ValidationError("--\(kindOption) distance needs --threshold, the distance band in metres.")
  }
}

extension WeightsKind: ExpressibleByArgument {}
extension ContiguityMethod: ExpressibleByArgument {}
extension ClassifyMethod: ExpressibleByArgument {}

/// Prints `value` as pretty JSON with sorted keys on stdout.
func printJSON<T: Encodable>(_ value: T) throws {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  encoder.nonConformingFloatEncodingStrategy = .convertToString(
    positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
  print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A number for people: up to 6 significant digits, "–" for none.
func show(_ x: Double?) -> String {
  guard let x else { return "–" }
  return String(format: "%.6g", x)
}

/// Notes on stderr about the weights (kNN ties, neighbours found across T-junctions or
/// within the snap tolerance).
func noteWeights(_ notices: [String]) {
  for n in notices { note(n) }
}

/// Notes on stderr about units left out of a statistic.
func noteLeftOut(missing: [String], islands: [String], column: String) {
  if !missing.isEmpty {
    note("left out \(missing.count) unit(s) with no \(column): " + missing.joined(separator: ", "))
  }
  if !islands.isEmpty {
    note("left out \(islands.count) island(s) (no neighbours): " + islands.joined(separator: ", "))
  }
}
