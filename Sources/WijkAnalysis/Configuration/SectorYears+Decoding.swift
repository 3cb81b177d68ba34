// Decoding of the sector-table keys from YAML, strictly (unknown keys are errors).

/// One entry of `indicators:`: a classic indicator (`kind:` over the joined ward columns), or
/// one aggregated from sector tables by its rule (`aggregation:`).
enum IndicatorEntry: Decodable {
  case classic(IndicatorSpec)
  case sector(SectorIndicatorSpec)

  init(from decoder: any Decoder) throws {
    let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
    self =
      keys.contains("aggregation")
      ? .sector(try SectorIndicatorSpec(from: decoder)) : .classic(try IndicatorSpec(from: decoder))
  }
}

/// `2021`, `"2011-2022"` or a list of either.
func decodeYears<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> [Int] {
  if let one = try? c.decode(Int.self, forKey: key) { return [one] }
  let texts =
    try (try? c.decode(String.self, forKey: key)).map { [$0] }
    ?? c.decode([String].self, forKey: key)
  var years: [Int] = []
  for t in texts {
    guard let y = YearList.parse(t) else {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: c, debugDescription: "'\(t)' is not a year or a range like 2011-2022")
    }
    years += y
  }
  guard years == Array(Set(years)).sorted(), !years.isEmpty else {
    throw DecodingError.dataCorruptedError(
      forKey: key, in: c, debugDescription: "give each year once, oldest first")
  }
  return years
}

/// One column or a list of columns.
func decodeColumns<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> [String] {
  if let one = try? c.decode(String.self, forKey: key) { return [one] }
  return try c.decode([String].self, forKey: key)
}

extension SectorVintage: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case id, lookup }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    lookup = try c.decode(SectorLookup.self, forKey: .lookup)
  }
}

extension SectorTable: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, file, key, columns, vintage, years, year, decimal, encoding
    case yearColumn = "year_column"
    case absentRows = "absent_rows"
    case missingValues = "missing_values"
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    file = try c.decode(String.self, forKey: .file)
    key = try c.decode(String.self, forKey: .key)
    columns = try decodeColumns(c, .columns)
    yearColumn = try c.decodeIfPresent(String.self, forKey: .yearColumn)
    if c.contains(.year) && c.contains(.years) {
      throw DecodingError.dataCorruptedError(
        forKey: .year, in: c, debugDescription: "give year (one) or years, not both")
    }
    years = try decodeYears(c, c.contains(.year) ? .year : .years)
    if yearColumn == nil && years.count > 1 {
      throw DecodingError.dataCorruptedError(
        forKey: .years, in: c, debugDescription: "several years need a year_column")
    }
    vintages = try Self.vintages(c, years: years)
    let absent = try c.decodeIfPresent(String.self, forKey: .absentRows) ?? "missing"
    guard ["zero", "missing"].contains(absent) else {
      throw DecodingError.dataCorruptedError(
        forKey: .absentRows, in: c, debugDescription: "'\(absent)' is not zero or missing")
    }
    absentRowsAreZero = absent == "zero"
    missingValues = c.contains(.missingValues) ? try decodeMarkers(c, .missingValues) : nil
    decimal = try c.decodeIfPresent(String.self, forKey: .decimal)
    encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
  }

  /// `vintage: statsec2020` for every year, or `{ 2011-2018: statsec2011, 2019-2022: … }`.
  static func vintages(_ c: KeyedDecodingContainer<CodingKeys>, years: [Int]) throws
    -> [Int: String]
  {
    if let one = try? c.decode(String.self, forKey: .vintage) {
      return Dictionary(uniqueKeysWithValues: years.map { ($0, one) })
    }
    let ranges = try c.decode([String: String].self, forKey: .vintage)
    var out: [Int: String] = [:]
    for (range, vintage) in ranges {
      guard let ys = YearList.parse(range) else {
        throw DecodingError.dataCorruptedError(
          forKey: .vintage, in: c, debugDescription: "'\(range)' is not a year or a range")
      }
      for y in ys where out.updateValue(vintage, forKey: y) != nil {
        throw DecodingError.dataCorruptedError(
          forKey: .vintage, in: c, debugDescription: "the year \(y) has two vintages")
      }
    }
    return out
  }
}

extension SectorIndicatorSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, aggregation, column, numerator, base, per, weight, years, year, label, unit, worse
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    let keyword = try c.decode(String.self, forKey: .aggregation)
    switch keyword {
    case "sum":
      rule = .sum(column: try c.decode(String.self, forKey: .column))
    case "ratio_of_sums":
      let base = try decodeColumns(c, .base)
      let per = try c.decodeIfPresent(Double.self, forKey: .per)
      rule = .ratioOfSums(
        numerator: try decodeColumns(c, .numerator), base: base,
        per: per ?? (base == [Self.areaColumn] ? 1 : 100))
    case "weighted_mean":
      rule = .weightedMean(
        column: try c.decode(String.self, forKey: .column),
        weight: try c.decode(String.self, forKey: .weight))
    case "not_aggregable":
      rule = .notAggregable(
        column: try c.decode(String.self, forKey: .column),
        weight: try c.decodeIfPresent(String.self, forKey: .weight))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .aggregation, in: c,
        debugDescription:
          "'\(keyword)' is not allowed here; use one of: sum, ratio_of_sums, weighted_mean, not_aggregable"
      )
    }
    years = try decodeYears(c, c.contains(.year) ? .year : .years)
    label = try c.decode(LocalisedText.self, forKey: .label)
    unit = try c.decodeIfPresent(LocalisedText.self, forKey: .unit)
    worse = try c.decodeIfPresent(Direction.self, forKey: .worse)
    if case .ratioOfSums(_, let base, _) = rule, base.contains(Self.areaColumn), base.count > 1 {
      throw DecodingError.dataCorruptedError(
        forKey: .base, in: c, debugDescription: "\(Self.areaColumn) is a base on its own")
    }
  }
}

extension TrendSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case significance
    case minimumYears = "minimum_years"
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    significance = try c.decodeIfPresent(Double.self, forKey: .significance) ?? 0.05
    minimumYears = try c.decodeIfPresent(Int.self, forKey: .minimumYears) ?? 3
  }
}

extension EmergingHotSpotSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case indicators, significance, correction
    case trendSignificance = "trend_significance"
    case minimumYears = "minimum_years"
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    indicators = try c.decodeIfPresent([String].self, forKey: .indicators)
    significance = try c.decodeIfPresent(Double.self, forKey: .significance) ?? 0.05
    let correction = try c.decodeIfPresent(String.self, forKey: .correction) ?? "fdr"
    guard ["fdr", "none"].contains(correction) else {
      throw DecodingError.dataCorruptedError(
        forKey: .correction, in: c, debugDescription: "'\(correction)' is not fdr or none")
    }
    falseDiscoveryRate = correction == "fdr"
    trendSignificance = try c.decodeIfPresent(Double.self, forKey: .trendSignificance) ?? 0.05
    minimumYears = try c.decodeIfPresent(Int.self, forKey: .minimumYears) ?? 10
  }
}
