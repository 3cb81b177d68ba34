/// A ward's identity in the results.
public struct WardSummary: Sendable, Codable, Equatable {
  /// Ward code as text, leading zeros kept.
  public var code: String
  /// Ward name as in the ward layer (e.g. "Kolderbos (Genk)").
  public var name: String
  /// The name without the municipality suffix of the Flemish ward files ("Kolderbos").
  public var shortName: String
  /// Planar area in km² (GEOS, in the projected CRS of the ward table).
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
  /// Stored links (non-zero weights); a pair of contiguous wards counts twice.
  public var links: Int
  /// Mean number of neighbours per ward (links / wards, islands included).
  public var meanNeighbours: Double
  /// Fewest neighbours of any ward (0 when there is an island).
  public var minNeighbours: Int
  /// Most neighbours of any ward.
  public var maxNeighbours: Int
  /// Wards without neighbours, left out of every spatial statistic.
  public var islands: [String]
  /// `boundary` or `vertex` for contiguity (``SpatialWeights/ContiguityMethod``); `nil` for
  /// knn and in results written before it was recorded.
  public var contiguity: String? = nil
  /// knn: wards whose k-th nearest distance was tied, decided by the smaller code; `nil`
  /// for contiguity.
  public var tiedWards: [String]? = nil
}

/// Everything one run of `wijk analyse` computed, exact, as written to the working file
/// `results_not_for_publication.json`: every number of every output, plus where it came
/// from. What may be published is ``Publication/result``.
public struct AnalysisResult: Sendable, Codable, Equatable {
  /// Report title, from the configuration.
  public var title: String
  /// `nl` or `en`: the language of labels, maps and reports.
  public var language: String
  /// Input files with their SHA-256, versions, seed and time of the run.
  public var provenance: Provenance
  /// One summary per ward, in ward table order; every per-ward array follows this order.
  public var wards: [WardSummary]
  /// The spatial weights every spatial statistic used.
  public var weights: WeightsSummary
  /// One result per configured indicator, in configuration order.
  public var indicators: [IndicatorResult]
  /// One comparison per configured ward group, in configuration order.
  public var groups: [GroupResult]
  /// Zones with ward values carried onto them by overlay.
  public var zones: [ZoneResult]
  /// One join report per indicator table, in configuration order.
  public var tables: [TableJoinReport]
  /// Counts below this print as "<threshold" in published outputs.
  public var smallNumberThreshold: Int
  /// α of LISA clusters, Gi* hotspots and global Moran's I, from the configuration; the
  /// threshold of each family after correction is in ``multipleTesting``.
  public var significance: Double
  /// The multiple-testing correction and its families (how many tests, which thresholds).
  public var multipleTesting: SignificanceSummary
  /// The location quotient from which a ward is a concentration ward (its own value), from
  /// the configuration.
  public var concentrationQuotient: Double
  /// Sentences for the reader: repaired wards, accepted overlaps, excluded wards,
  /// illustrative inputs.
  public var notices: [String]
  /// Sentences that flag illustrative or synthetic inputs (shown at the top of every report).
  public var illustrativeInputs: [String]
  /// Input files whose names say `illustrative` or `synthetic`.
  public var illustrativeFiles: [String]
  /// Source and licence lines printed on every map and report.
  public var credits: [String]
  /// The sector indicators over their years (population 2011–2022, …): per ward the change,
  /// trend and emerging-hot-spot category; each year's statistics are in ``indicators``.
  public var series: [IndicatorSeries] = []
  /// The composite index (`index:`), `nil` when none is configured; its score's statistics
  /// are the indicator of the same id in ``indicators``.
  public var index: IndexResult? = nil
  /// The configured pairs of indicators (`bivariate:`): bivariate Moran's I and the bivariate
  /// local Moran per ward; `nil` when none is configured.
  public var bivariate: [BivariateResult]? = nil

  /// The indicator with `id`, or `nil`.
  public func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }
}
