import SpatialStats

// Decoding of the configuration types from YAML keys (snake_case), strictly.

import SpatialWeights
import WijkIO

extension AnalysisConfiguration: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case title, language, wards, tables, indicators, groups, weights
    case groupsFile = "groups_file"
    case zones
    case smallNumberThreshold = "small_number_threshold"
    case seed, permutations, significance
    case multipleTesting = "multiple_testing"
    case concentrationQuotient = "concentration_quotient"
    case classification, credits
    case missingValues = "missing_values"
    case outDB = "out_db"
    case sectorVintages = "sector_vintages"
    case sectorTables = "sector_tables"
    case trend
    case emergingHotSpots = "emerging_hot_spots"
    case index, bivariate
  }

  public init(from decoder: any Decoder) throws {
    try self.init(decoder, extraKeys: [], excludedKeys: [], defaultTitle: "wijk analyse")
  }

  /// Decodes the keys of `wijk analyse` for a configuration that embeds them (`wijk housing`):
  /// `extraKeys` are the embedder's own keys (it decodes them), `excludedKeys` the analyse keys
  /// that do not apply to it (refused as unknown).
  init(
    _ decoder: any Decoder, extraKeys: [String], excludedKeys: [String], defaultTitle: String
  ) throws {
    let c = try decoder.strictContainer(
      CodingKeys.self, allowing: extraKeys, excluding: excludedKeys)
    title = try c.decodeIfPresent(String.self, forKey: .title) ?? defaultTitle
    language = try c.decodeIfPresent(String.self, forKey: .language) ?? "nl"
    wards = try c.decode(WardSource.self, forKey: .wards)
    tables = try c.decodeIfPresent([IndicatorTable].self, forKey: .tables) ?? []
    let entries = try c.decode([IndicatorEntry].self, forKey: .indicators)
    indicators = entries.compactMap { if case .classic(let s) = $0 { s } else { nil } }
    sectorIndicators = entries.compactMap { if case .sector(let s) = $0 { s } else { nil } }
    sectorVintages = try c.decodeIfPresent([SectorVintage].self, forKey: .sectorVintages) ?? []
    sectorTables = try c.decodeIfPresent([SectorTable].self, forKey: .sectorTables) ?? []
    trend = try c.decodeIfPresent(TrendSpec.self, forKey: .trend) ?? TrendSpec()
    emergingHotSpots =
      try c.decodeIfPresent(EmergingHotSpotSpec.self, forKey: .emergingHotSpots)
      ?? EmergingHotSpotSpec()
    groups = try c.decodeIfPresent([WardGroup].self, forKey: .groups) ?? []
    groupsFile = try c.decodeIfPresent(String.self, forKey: .groupsFile)
    zones = try c.decodeIfPresent(WardSource.self, forKey: .zones)
    weights = try c.decodeIfPresent(WeightsSpec.self, forKey: .weights) ?? WeightsSpec(kind: .queen)
    smallNumberThreshold = try c.decodeIfPresent(Int.self, forKey: .smallNumberThreshold) ?? 5
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 12345
    permutations = try c.decodeIfPresent(Int.self, forKey: .permutations) ?? 999
    significance = try c.decodeIfPresent(Double.self, forKey: .significance) ?? 0.05
    multipleTesting =
      try c.decodeIfPresent(MultipleTestingCorrection.self, forKey: .multipleTesting) ?? .fdr
    concentrationQuotient =
      try c.decodeIfPresent(Double.self, forKey: .concentrationQuotient) ?? 1.2
    classification =
      try c.decodeIfPresent(ClassificationSpec.self, forKey: .classification)
      ?? ClassificationSpec(method: .quantiles, classes: 5)
    credits = try c.decodeIfPresent([String].self, forKey: .credits) ?? []
    missingValues = try decodeMarkers(c, .missingValues)
    outDB = try c.decodeIfPresent(DatabaseOutput.self, forKey: .outDB)
    index = try c.decodeIfPresent(IndexSpec.self, forKey: .index)
    bivariate = try c.decodeIfPresent([BivariatePairSpec].self, forKey: .bivariate) ?? []
  }
}

extension WardSource {
  enum CodingKeys: String, CodingKey, CaseIterable { case file, layer, code, name, crs, encoding }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    file = try c.decode(String.self, forKey: .file)
    layer = try c.decodeIfPresent(String.self, forKey: .layer)
    code = try c.decode(String.self, forKey: .code)
    name = try c.decode(String.self, forKey: .name)
    crs = try c.decodeIfPresent(String.self, forKey: .crs)
    encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
    if let e = encoding, TextEncoding(name: e) == nil {
      throw DecodingError.dataCorruptedError(
        forKey: .encoding, in: c,
        debugDescription: "'\(e)' is not an encoding wijk reads (UTF-8, Windows-1252, ISO-8859-1)")
    }
  }
}

extension IndicatorTable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case file, key, filter, lookup
    case padKeys = "pad_keys"
    case allowUnmatched = "allow_unmatched"
    case decimal, encoding
    case missingValues = "missing_values"
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self, allowing: TablePart.keyNames)
    file = try c.decode(String.self, forKey: .file)
    part = try TablePart(from: decoder)
    key = try c.decode(String.self, forKey: .key)
    filter = try c.decodeIfPresent([String: String].self, forKey: .filter)
    lookup = try c.decodeIfPresent(SectorLookup.self, forKey: .lookup)
    padKeys = try c.decodeIfPresent(Int.self, forKey: .padKeys)
    allowUnmatched =
      try c.decodeIfPresent(UnmatchedAllowance.self, forKey: .allowUnmatched) ?? .none
    missingValues =
      c.contains(.missingValues) ? try decodeMarkers(c, .missingValues) : nil
    decimal = try c.decodeIfPresent(String.self, forKey: .decimal)
    encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
    if let d = decimal, !["point", "comma"].contains(d) {
      throw DecodingError.dataCorruptedError(
        forKey: .decimal, in: c, debugDescription: "'\(d)' is not point or comma")
    }
  }
}

extension SectorLookup {
  enum CodingKeys: String, CodingKey, CaseIterable { case file, sector, ward }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self, allowing: TablePart.keyNames)
    file = try c.decode(String.self, forKey: .file)
    part = try TablePart(from: decoder)
    sector = try c.decode(String.self, forKey: .sector)
    ward = try c.decode(String.self, forKey: .ward)
  }
}

extension IndicatorSpec {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, kind, numerator, base, per, label, unit, worse
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    kind = try c.decode(IndicatorKind.self, forKey: .kind)
    if kind == .score {
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: c,
        debugDescription: "'score' is not allowed here; use one of: count, rate, mean")
    }
    numerator = try c.decode(String.self, forKey: .numerator)
    base = try c.decodeIfPresent(String.self, forKey: .base)
    per = try c.decodeIfPresent(Double.self, forKey: .per)
    label = try c.decode(LocalisedText.self, forKey: .label)
    unit = try c.decodeIfPresent(LocalisedText.self, forKey: .unit)
    worse = try c.decodeIfPresent(Direction.self, forKey: .worse)
    if kind != .count && base == nil {
      throw DecodingError.keyNotFound(
        CodingKeys.base,
        .init(codingPath: decoder.codingPath, debugDescription: "a \(kind.rawValue) needs a base"))
    }
  }
}

extension LocalisedText {
  enum CodingKeys: String, CodingKey, CaseIterable { case nl, en }
  public init(from decoder: any Decoder) throws {
    // A plain string is accepted for both languages.
    if let single = try? decoder.singleValueContainer().decode(String.self) {
      self.init(nl: single, en: single)
      return
    }
    let c = try decoder.strictContainer(CodingKeys.self)
    self.init(
      nl: try c.decode(String.self, forKey: .nl), en: try c.decode(String.self, forKey: .en))
  }
}

extension WardGroup: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case name, wards, illustrative }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    wards = try c.decode([String].self, forKey: .wards)
    illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
  }
}

extension WeightsSpec {
  enum CodingKeys: String, CodingKey, CaseIterable { case kind, k, snap, contiguity }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    self.init(
      kind: try c.decode(Kind.self, forKey: .kind),
      k: try c.decodeIfPresent(Int.self, forKey: .k),
      snap: try c.decodeIfPresent(Double.self, forKey: .snap),
      contiguity: try c.decodeIfPresent(ContiguityMethod.self, forKey: .contiguity))
  }
}

extension ClassificationSpec {
  enum CodingKeys: String, CodingKey, CaseIterable { case method, classes }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    self.init(
      method: try c.decodeIfPresent(Method.self, forKey: .method) ?? .quantiles,
      classes: try c.decodeIfPresent(Int.self, forKey: .classes) ?? 5)
  }
}

/// A `missing_values:` list: one marker or a list; an empty marker is refused (an empty
/// cell is always missing).
func decodeMarkers<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> [String] {
  guard c.contains(key) else { return [] }
  let list =
    try (try? c.decode(String.self, forKey: key)).map { [$0] }
    ?? c.decode([String].self, forKey: key)
  for m in list where m.trimmingCharacters(in: .whitespaces).isEmpty {
    throw DecodingError.dataCorruptedError(
      forKey: key, in: c,
      debugDescription: "an empty marker; empty cells are always missing, list only text")
  }
  return list
}
