import SpatialStats

/// One indicator for a ward group and for the rest of the city.
public struct GroupIndicatorValue: Sendable, Codable, Equatable {
  /// The indicator's `id`.
  public var indicator: String
  /// Σ numerator and Σ base over the group's wards (`nil` when a member ward has none).
  public var numerator: Double?
  /// Σ base over the group's wards; `nil` without a base column or when a member ward has
  /// none.
  public var base: Double?
  /// The group's value: the count, or Σ numerator / Σ base (× per), never a mean of rates.
  public var value: Double?
  /// The same for every ward outside the group.
  public var restValue: Double?
  /// The group's share of the city numerator (0–1).
  public var shareOfCity: Double?
  /// Group value / city value (rates and means; counts with a base).
  public var locationQuotient: Double?
  /// Member wards without a value, which make the group's sums missing.
  public var missingWards: [String]
}

/// A ward group against the rest of the city, indicator by indicator.
public struct GroupResult: Sendable, Codable, Equatable {
  /// The group's name from the configuration (e.g. `impulswijken`).
  public var name: String
  /// True when the group's list is illustrative (not the city's official list).
  public var illustrative: Bool
  /// Codes of the member wards, as configured (each checked to be a ward).
  public var wards: [String]
  /// One comparison per configured indicator, in configuration order.
  public var indicators: [GroupIndicatorValue]
}

/// Compares ward groups with the rest of the city: sums over member wards, then rates and
/// location quotients recomputed from the sums with ``RateTable`` (two units: the group and
/// the rest).
public enum GroupComparison {
  /// - Throws: ``AnalysisError/unknownGroupWards(group:codes:)`` naming codes that are not
  ///   wards of `table`; `ConcentrationError` for a count above 0 on a base of 0.
  public static func compare(
    _ group: WardGroup, table: WardTable, indicators: [IndicatorSpec]
  ) throws -> GroupResult {
    let unknown = group.wards.filter { table.index(ofCode: $0) == nil }
    guard unknown.isEmpty else {
      throw AnalysisError.unknownGroupWards(group: group.name, codes: unknown)
    }
    let inGroup = Set(group.wards)
    let member = table.codes.map { inGroup.contains($0) }
    let values = try indicators.map { spec in try compare(spec, member: member, table: table) }
    return GroupResult(
      name: group.name, illustrative: group.illustrative, wards: group.wards, indicators: values)
  }

  static func compare(
    _ spec: IndicatorSpec, member: [Bool], table: WardTable
  ) throws -> GroupIndicatorValue {
    let n = try table.column(spec.numerator)
    let b = try spec.base.map { (c) throws(AnalysisError) in try table.column(c) }
    let missing = table.codes.indices.filter {
      member[$0] && (n[$0] == nil || (b != nil && b![$0] == nil))
    }
    let (gn, rn) = sums(n, member)
    var out = GroupIndicatorValue(
      indicator: spec.id, numerator: gn, base: nil, value: gn, restValue: rn,
      shareOfCity: nil, locationQuotient: nil, missingWards: missing.map { table.codes[$0] })
    if let gn, let rn, gn + rn > 0 { out.shareOfCity = gn / (gn + rn) }
    guard let b else { return out }
    let (gb, rb) = sums(b, member)
    out.base = gb
    let per = spec.kind == .rate ? (spec.per ?? 100) : 1
    let rates = try RateTable(
      counts: [gn, rn], bases: [gb, rb], unitIDs: ["group", "rest"], per: per)
    out.locationQuotient = rates.locationQuotients[0].value
    if spec.kind != .count {
      out.value = rates.rates[0].value
      out.restValue = rates.rates[1].value
    }
    return out
  }

  /// Σ over the group and over the rest; a side is `nil` when one of its wards is missing.
  static func sums(_ column: [Double?], _ member: [Bool]) -> (Double?, Double?) {
    var group: Double? = 0
    var rest: Double? = 0
    for (value, inGroup) in zip(column, member) {
      if inGroup {
        group = group.flatMap { g in value.map { g + $0 } }
      } else {
        rest = rest.flatMap { r in value.map { r + $0 } }
      }
    }
    return (group, rest)
  }
}
