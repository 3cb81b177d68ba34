import SpatialStats
import SpatialWeights

/// The configuration of `wijk analyse`: which ward layer, which indicator tables, which
/// indicators, ward groups, weights, small-number threshold and seed.
///
/// Read from YAML by ``ConfigurationLoader``; every key is documented in
/// `GeoData/wijk-genk.yaml`, the configuration the main job runs on. Unknown keys are
/// errors (a typo must not silently fall back to a default). Relative paths are relative to
/// the configuration file's folder.
public struct AnalysisConfiguration: Sendable, Equatable {
  /// Report title (e.g. "Genk: wijkanalyse 2021").
  public var title: String
  /// Language of labels in maps and reports: `nl` or `en`.
  public var language: String
  /// The ward layer and its code and name fields.
  public var wards: WardSource
  /// Indicator tables joined onto the wards, in order; a column of a later table replaces
  /// one of the same name from an earlier table.
  public var tables: [IndicatorTable]
  /// The indicators to compute, in the order the outputs list them.
  public var indicators: [IndicatorSpec]
  /// Named groups of ward codes, e.g. `impulswijken`.
  public var groups: [WardGroup]
  /// A YAML file holding more groups (a list under `groups:`), kept apart so that an
  /// illustrative list can say so in its file name.
  public var groupsFile: String?
  /// Zones (areas that are not wards, e.g. the C-Mine site) that ward values are carried onto
  /// by overlay; `code` and `name` are the zone layer's fields.
  public var zones: WardSource?
  /// The spatial weights of every spatial statistic.
  public var weights: WeightsSpec
  /// Counts below this are shown as "<threshold" in published outputs.
  public var smallNumberThreshold: Int
  /// Seed of every permutation test; reported in every output.
  public var seed: UInt64
  /// Number of conditional permutations for pseudo p-values.
  public var permutations: Int
  /// α of hotspots and LISA clusters (and of the global Moran's I): a test is significant when
  /// its pseudo p is strictly below the threshold ``multipleTesting`` makes of α.
  public var significance: Double
  /// The multiple-testing correction (`multiple_testing: fdr | bonferroni | none`, default
  /// `fdr`), applied per family: per indicator, the wards' local Moran p-values together and
  /// their Gi* p-values together; the indicators' global Moran's I together (``TestFamily``).
  public var multipleTesting: MultipleTestingCorrection
  /// A concentration ward has, on its own figures, a location quotient at or above this and a
  /// rank in the top fifth of the wards (rates and counts with a base; not means, not small
  /// bases). Spatial clustering is a separate
  /// statement (``WardIndicatorValue/lisaCategory``, ``WardIndicatorValue/hotspot``).
  public var concentrationQuotient: Double
  /// Map classification.
  public var classification: ClassificationSpec
  /// Text printed on every map and report about the data's source.
  public var credits: [String]
  /// Further cells that mean "no value" in every table's numeric columns, on top of the
  /// standard list (``MissingValues/standard``), e.g. `["geheim"]`.
  public var missingValues: [String] = []
  /// A database table the ward table is also written to (`out_db:`); `--out-db` overrides.
  public var outDB: DatabaseOutput? = nil
  /// The sector code schemes and their lookups (`sector_vintages:`).
  public var sectorVintages: [SectorVintage] = []
  /// Tables per sector and year (`sector_tables:`), aggregated by each indicator's rule.
  public var sectorTables: [SectorTable] = []
  /// The `indicators:` entries with an `aggregation:` rule, in their order; each is computed
  /// for each of its years, before the classic ``indicators``.
  public var sectorIndicators: [SectorIndicatorSpec] = []
  /// The trend test of every ward's series (`trend:`).
  public var trend = TrendSpec()
  /// Emerging hot spots (`emerging_hot_spots:`).
  public var emergingHotSpots = EmergingHotSpotSpec()
  /// The composite index of the wards (`index:`), computed from the run's indicators.
  public var index: IndexSpec? = nil
  /// Pairs of indicators tested for co-location (`bivariate:`): bivariate Moran's I and the
  /// bivariate local Moran per ward.
  public var bivariate: [BivariatePairSpec] = []
}

/// Where the ward polygons come from.
public struct WardSource: Sendable, Equatable, Codable {
  /// A GeoJSON, GeoPackage or Shapefile path, or a GDAL connection string such as
  /// `PG:dbname=genk host=…` (``DataSourceName``; not resolved against the configuration's
  /// folder).
  public var file: String
  /// Layer name, for a GeoPackage with several layers or a database table
  /// (`public.wijken`); or an SQL query as `sql:SELECT …` (``LayerQuery``).
  public var layer: String?
  /// The ward code field (text; leading zeros kept).
  public var code: String
  /// The ward name field.
  public var name: String
  /// CRS to assume when the file declares none (e.g. `EPSG:31370`).
  public var crs: String?
  /// The text encoding of a Shapefile's attributes (`UTF-8`, `Windows-1252`, `ISO-8859-1`),
  /// overriding `.cpg`, the DBF header and detection; default: as the file says.
  public var encoding: String?
}

/// A table of indicators per ward, or per statistical sector with a lookup to wards.
public struct IndicatorTable: Sendable, Equatable, Codable {
  /// The table: a CSV or Statbel `.txt` (also zipped), a workbook (`.xlsx`, `.ods`), a
  /// GeoPackage or DBF, or a connection such as `PG:dbname=genk` (``TableSource``).
  public var file: String
  /// Its sheet or table and header row (`sheet:`/`layer:`, `header_row:`, `skip_rows:`).
  public var part = TablePart()
  /// The key column (ward code, or sector code when `lookup` is given).
  public var key: String
  /// Keep only rows whose column equals the value (e.g. `period: "2021"`).
  public var filter: [String: String]?
  /// Sector → ward lookup; when present the table is per sector and is aggregated.
  public var lookup: SectorLookup?
  /// Left-pad table keys with zeros to this width before matching (codes that lost their
  /// leading zeros in Excel).
  public var padKeys: Int?
  /// Rows whose key (or ward, through the lookup) is not on the ward layer that may be left
  /// out, such as Statbel's location-unknown sectors (`ZZZZ`): a list of codes or a maximum
  /// share of each column's total (see ``UnmatchedAllowance``). Default: none.
  public var allowUnmatched: UnmatchedAllowance
  /// Further cells that mean "no value" in this table's numeric columns (and its lookup's),
  /// on top of the standard list and the configuration's `missing_values`.
  public var missingValues: [String]?
  /// How numbers are written: `point` (1234.5) or `comma` (1.234,5); default: detected from
  /// the separator (`;` means comma).
  public var decimal: String?
  /// The file's text encoding (`UTF-8`, `Windows-1252`); default: detected.
  public var encoding: String?
}

/// A sector → ward lookup table.
public struct SectorLookup: Sendable, Equatable, Codable {
  /// The lookup table, in any format an indicator table may have.
  public var file: String
  /// Its sheet or table and header row.
  public var part = TablePart()
  /// Its column of statistical sector codes (e.g. `statsec2024`), matched with the table's
  /// `key`.
  public var sector: String
  /// Its column of ward codes (e.g. `ggw72024`), matched with the ward layer's codes.
  public var ward: String
}

/// How an indicator is computed from a ward table's columns.
public enum IndicatorKind: String, Sendable, Equatable, Codable, CaseIterable {
  /// A count (e.g. dwellings): summed over sectors; share of the city and location quotient.
  case count
  /// A rate: `numerator / base × per` (e.g. connections with gas per 100 connections).
  case rate
  /// A mean: `numerator / base` (e.g. kWh per connection), no `per`.
  case mean
  /// A score per ward with no base (a composite index, ``IndexSpec``): no share, no location
  /// quotient; made by wijk, never written as `kind:` in a configuration.
  case score
}

/// One indicator of the analysis.
public struct IndicatorSpec: Sendable, Equatable, Codable {
  /// Short identifier used in file and column names (`gas_share`).
  public var id: String
  /// How the value is computed from `numerator` and `base`.
  public var kind: IndicatorKind
  /// The count column (for `count`), or the numerator column.
  public var numerator: String
  /// The base column (denominator); required for `rate` and `mean`, and for a `count` it
  /// is the population the count is compared with in the location quotient.
  public var base: String?
  /// Multiplier of a rate (100 = percent, 1000 = per mille). Default 100.
  public var per: Double?
  /// The indicator's name in maps, tables and reports.
  public var label: LocalisedText
  /// The unit shown in legends and tables (e.g. "kWh per aansluiting"); `nil` for none.
  public var unit: LocalisedText?
  /// Whether higher values are worse (`higher`), better (`lower`), or neither (`neither`).
  public var worse: Direction?
  /// Whether the base is a count (residents, connections): small bases are flagged and
  /// withheld. `false` for a density's base, the ward area in km², which is no count.
  public var baseIsCount: Bool = true
}

/// Which direction of an indicator is worse (it decides palette direction and hotspot
/// wording).
public enum Direction: String, Sendable, Equatable, Codable {
  case higher, lower, neither
}

/// Text in Dutch and English.
public struct LocalisedText: Sendable, Equatable, Codable {
  /// The Dutch text.
  public var nl: String
  /// The English text.
  public var en: String
  /// The English text for `en`, the Dutch text for any other language code.
  public func text(_ language: String) -> String { language == "en" ? en : nl }
}

/// A named group of wards, compared with the rest of the city.
public struct WardGroup: Sendable, Equatable {
  /// The group's name in reports (e.g. `impulswijken`).
  public var name: String
  /// Codes of the member wards; a code that is not a ward stops the run
  /// (``AnalysisError/unknownGroupWards(group:codes:)``).
  public var wards: [String]
  /// True when the list is illustrative, not the city's official list; every report made
  /// from it says so.
  public var illustrative: Bool
}

/// Spatial weights of the analysis.
public struct WeightsSpec: Sendable, Equatable, Codable {
  /// `queen` (boundaries share a point) or `rook` (a piece of boundary) contiguity on the ward
  /// polygons, or `knn`: the `k` nearest ward centroids (libpysal `KNN`, ties to the smaller
  /// code).
  public enum Kind: String, Sendable, Equatable, Codable { case queen, rook, knn }
  /// Which weights to build.
  public var kind: Kind
  /// Neighbours for `knn`.
  public var k: Int?
  /// Snap tolerance in metres for contiguity: boundaries this close touch (slivers).
  public var snap: Double?
  /// `boundary` (shared boundary segments, the default) or `vertex` (shared vertices, to
  /// reproduce libpysal's `Queen`/`Rook.from_dataframe`), key `contiguity`.
  public var contiguity: ContiguityMethod? = nil
}

/// Map classification.
public struct ClassificationSpec: Sendable, Equatable, Codable {
  /// The classifier, as mapclassify's `Quantiles`, `EqualInterval` and `FisherJenks`; the
  /// raw values are the YAML spellings.
  public enum Method: String, Sendable, Equatable, Codable {
    case quantiles
    case equalInterval = "equal_interval"
    case fisherJenks = "fisher_jenks"
  }
  /// Which classifier.
  public var method: Method
  /// Requested number of classes; fewer are drawn when values tie
  /// (see ``ClassesSummary/notes``).
  public var classes: Int
}
