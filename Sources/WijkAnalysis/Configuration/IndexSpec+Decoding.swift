import SpatialStats

// Decoding of `index:` (IndexSpec), strictly, with the allowed values in every message.

extension IndexSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, label, illustrative, transformation, combination, missing, domains, indicators
    case intervals, sensitivity
  }
  enum IntervalKeys: String, CodingKey, CaseIterable { case draws, concentration }
  enum SensitivityKeys: String, CodingKey, CaseIterable { case top }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    label = try c.decode(LocalisedText.self, forKey: .label)
    illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
    transformation = try decodeChoice(c, .transformation) ?? .zScore
    combination = try decodeChoice(c, .combination) ?? .weightedSum
    missing = try Self.decodeMissing(c)
    domains = try c.decodeIfPresent([IndexDomainSpec].self, forKey: .domains) ?? []
    indicators = try c.decode([IndexIndicatorSpec].self, forKey: .indicators)
    (draws, concentration, top) = (1000, 50, 5)
    if c.contains(.intervals) {
      let i = try c.superDecoder(forKey: .intervals).strictContainer(IntervalKeys.self)
      draws = try i.decodeIfPresent(Int.self, forKey: .draws) ?? draws
      concentration = try i.decodeIfPresent(Double.self, forKey: .concentration) ?? concentration
    }
    if c.contains(.sensitivity) {
      let s = try c.superDecoder(forKey: .sensitivity).strictContainer(SensitivityKeys.self)
      top = try s.decodeIfPresent(Int.self, forKey: .top) ?? top
    }
    try validate(c)
  }

  /// `missing: missing` or `missing: { rule: reweight, minimum_share: 0.5 }`.
  static func decodeMissing(_ c: KeyedDecodingContainer<CodingKeys>) throws -> CompositeMissingRule {
    guard c.contains(.missing) else { return .missingIndex }
    if let word = try? c.decode(String.self, forKey: .missing) {
      guard word == "missing" else {
        throw DecodingError.dataCorruptedError(
          forKey: .missing, in: c,
          debugDescription:
            "'\(word)' is not allowed here; use missing, or { rule: reweight, minimum_share: 0.5 }")
      }
      return .missingIndex
    }
    let rule = try c.decode(ReweightRule.self, forKey: .missing)
    return .reweight(minimumShare: rule.minimumShare)
  }

  /// Ranges and cross-references the decoder can see: the analysis checks the indicator ids.
  func validate(_ c: KeyedDecodingContainer<CodingKeys>) throws {
    func fail(_ key: CodingKeys, _ reason: String) -> DecodingError {
      DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: reason)
    }
    guard draws >= 20 else { throw fail(.intervals, "draws must be at least 20, not \(draws)") }
    guard concentration > 0, concentration.isFinite else {
      throw fail(.intervals, "concentration must be above 0, not \(concentration)")
    }
    guard top >= 1 else { throw fail(.sensitivity, "top must be at least 1, not \(top)") }
    let ids = domains.map(\.id)
    for i in indicators {
      if domains.isEmpty, let d = i.domain {
        throw fail(.indicators, "\(i.name) names domain '\(d)' but the index has no domains")
      }
      if !domains.isEmpty, !ids.contains(i.domain ?? "") {
        throw fail(
          .indicators,
          "\(i.name) needs a domain: one of \(ids.joined(separator: ", "))")
      }
    }
  }
}

/// `{ rule: reweight, minimum_share: 0.5 }`.
struct ReweightRule: Decodable {
  var minimumShare: Double
  enum CodingKeys: String, CodingKey, CaseIterable {
    case rule
    case minimumShare = "minimum_share"
  }
  init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    let rule = try c.decode(String.self, forKey: .rule)
    guard rule == "reweight" else {
      throw DecodingError.dataCorruptedError(
        forKey: .rule, in: c, debugDescription: "'\(rule)' is not allowed here; use reweight")
    }
    minimumShare = try c.decode(Double.self, forKey: .minimumShare)
    guard minimumShare > 0, minimumShare <= 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .minimumShare, in: c,
        debugDescription: "minimum_share must be in (0, 1], not \(minimumShare)")
    }
  }
}

extension IndexDomainSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case id, weight, label }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
    label = try c.decodeIfPresent(LocalisedText.self, forKey: .label)
    guard weight > 0, weight.isFinite else {
      throw DecodingError.dataCorruptedError(
        forKey: .weight, in: c, debugDescription: "a weight must be above 0, not \(weight)")
    }
  }
}

extension IndexIndicatorSpec: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case indicator, change, domain, worse, weight, uncertainty
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    let indicator = try c.decodeIfPresent(String.self, forKey: .indicator)
    let change = try c.decodeIfPresent(String.self, forKey: .change)
    switch (indicator, change) {
    case (let id?, nil): source = .indicator(id)
    case (nil, let id?): source = .change(id)
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .indicator, in: c,
        debugDescription:
          "give either indicator: (an indicator of the run, e.g. gas_share or share_65plus_2021) or change: (a sector indicator with years, e.g. population)"
      )
    }
    domain = try c.decodeIfPresent(String.self, forKey: .domain)
    guard let w: WorseDirection = try decodeChoice(c, .worse) else {
      throw DecodingError.keyNotFound(
        CodingKeys.worse,
        .init(codingPath: decoder.codingPath, debugDescription: "worse: higher or lower"))
    }
    worse = w
    weight = try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1
    uncertainty = try decodeChoice(c, .uncertainty) ?? .none
    guard weight > 0, weight.isFinite else {
      throw DecodingError.dataCorruptedError(
        forKey: .weight, in: c, debugDescription: "a weight must be above 0, not \(weight)")
    }
    if case .change = source, uncertainty != .none {
      throw DecodingError.dataCorruptedError(
        forKey: .uncertainty, in: c,
        debugDescription: "a change has no uncertainty model wijk knows; leave it out (none)")
    }
  }
}

/// An enumerated key spelt as its raw value, with the allowed values in the error.
func decodeChoice<K: CodingKey, T: RawRepresentable & CaseIterable>(
  _ c: KeyedDecodingContainer<K>, _ key: K
) throws -> T? where T.RawValue == String {
  guard let word = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
  guard let value = T(rawValue: word) else {
    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw DecodingError.dataCorruptedError(
      forKey: key, in: c, debugDescription: "'\(word)' is not allowed here; use one of: \(allowed)")
  }
  return value
}
