// Decoding of the housing configuration from YAML keys (snake_case), strictly, like
// AnalysisConfiguration+Decoding.swift: unknown keys are errors naming the key.

extension HousingConfiguration: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case registers, register }

  public init(from decoder: any Decoder) throws {
    analysis = try AnalysisConfiguration(
      decoder, extraKeys: CodingKeys.allCases.map(\.stringValue),
      excludedKeys: ["tables", "zones", "out_db", "index"], defaultTitle: "wijk housing")
    let c = try decoder.container(keyedBy: CodingKeys.self)
    registers = try c.decode([RegisterFile].self, forKey: .registers)
    layout = try c.decode(RegisterLayout.self, forKey: .register)
  }
}

extension RegisterFile: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case file, date }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self, allowing: TablePart.keyNames)
    file = try c.decode(String.self, forKey: .file)
    date = try c.decode(String.self, forKey: .date)
    part = try TablePart(from: decoder)
  }
}

extension RegisterPosition: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case x, y, crs, longitude, latitude }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    if c.contains(.longitude) || c.contains(.latitude) {
      for key in [CodingKeys.x, .y, .crs] where c.contains(key) {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath + [key],
            debugDescription: "give either x, y and crs, or longitude and latitude, not both"))
      }
      self = .geographic(
        longitude: try c.decode(String.self, forKey: .longitude),
        latitude: try c.decode(String.self, forKey: .latitude))
    } else {
      self = .projected(
        x: try c.decode(String.self, forKey: .x), y: try c.decode(String.self, forKey: .y),
        crs: try c.decode(String.self, forKey: .crs))
    }
  }
}

extension RegisterLayout: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, position, dwellings, categories, flags, years
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decodeIfPresent(String.self, forKey: .id)
    position = try c.decodeIfPresent(RegisterPosition.self, forKey: .position)
    dwellings = try c.decodeIfPresent(String.self, forKey: .dwellings)
    categories = try c.decodeIfPresent([String: CategoryMapping].self, forKey: .categories) ?? [:]
    flags = try c.decodeIfPresent([String: FlagMapping].self, forKey: .flags) ?? [:]
    years = try c.decodeIfPresent([String: YearSeries].self, forKey: .years) ?? [:]
  }
}

extension CategoryMapping: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case column, codes, ignore }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    column = try c.decode(String.self, forKey: .column)
    codes = try c.decode([String: [String]].self, forKey: .codes)
    ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
  }
}

extension FlagMapping: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case column, values }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    column = try c.decode(String.self, forKey: .column)
    values = try c.decode([String].self, forKey: .values)
  }
}

extension YearSeries: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case column, from, to }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    column = try c.decode(String.self, forKey: .column)
    from = try c.decode(Int.self, forKey: .from)
    to = try c.decode(Int.self, forKey: .to)
  }
}
