/// A ward's identity in the results.
public struct WardSummary: Sendable, Codable, Equatable {
  public var code: String
  public var name: String
  /// The name without the municipality suffix of the Flemish ward files ("Kolderbos").
  public var shortName: String
  public var areaSquareKilometres: Double

  /// One summary per ward of `table`, in its order.
  public static func all(of table: WardTable) -> [WardSummary] {
    table.codes.indices.map {
      WardSummary(
        code: table.codes[$0], name: table.names[$0], shortName: table.shortName($0),
        areaSquareKilometres: table.areaSquareMetres[$0] / 1e6)
    }
  }
}

/// The spatial weights an analysis used.
public struct WeightsSummary: Sendable, Codable, Equatable {
  /// `queen`, `rook` or `knn` (with k).
  public var kind: String
  public var links: Int
  public var meanNeighbours: Double
  public var minNeighbours: Int
  public var maxNeighbours: Int
  /// Wards without neighbours, left out of every spatial statistic.
  public var islands: [String]
}

/// Everything one run of `wijk analyse` computed, as written to `results.json`: every number
/// of every output, plus where it came from.
public struct AnalysisResult: Sendable, Codable, Equatable {
  public var title: String
  public var language: String
  public var provenance: Provenance
  public var wards: [WardSummary]
  public var weights: WeightsSummary
  public var indicators: [IndicatorResult]
  public var groups: [GroupResult]
  /// Zones with ward values carried onto them by overlay.
  public var zones: [ZoneResult]
  public var tables: [TableJoinReport]
  /// Counts below this print as "<threshold" in published outputs.
  public var smallNumberThreshold: Int
  public var significance: Double
  /// Sentences for the reader: repaired wards, accepted overlaps, excluded wards,
  /// illustrative inputs.
  public var notices: [String]
  /// Sentences that flag illustrative or synthetic inputs (shown at the top of every report).
  public var illustrativeInputs: [String]
  /// Input files whose names say `illustrative` or `synthetic`.
  public var illustrativeFiles: [String]
  /// Source and licence lines printed on every map and report.
  public var credits: [String]

  /// The indicator with `id`, or `nil`.
  public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }
}
