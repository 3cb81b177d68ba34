import WijkCore

/// Ward figures of every indicator, with what each rests on.
public struct RuleAggregationResult: Sendable {
  /// The ward codes of the lookup, in code-point order (location-unknown pseudo-wards such as
  /// `71016ONB` included: they hold the `xxxxxZZZZ` sectors).
  public var wards: [String]
  /// Per indicator name, one figure per ward in the order of ``wards``.
  public var figures: [String: [WardFigure]]
  /// Sectors of the figures that the lookup places in no ward, in code-point order: they
  /// count in no ward (a report must list them).
  public var sectorsWithoutWard: [String]

  /// The figure of `indicator` for `ward`, or `nil` if either is unknown.
  public func figure(_ indicator: String, ward: String) -> WardFigure? {
    guard let i = wards.firstIndex(of: ward) else { return nil }
    return figures[indicator]?[i]
  }
}

/// Aggregates sector figures to wards through a sector → ward lookup, each indicator by its
/// ``AggregationRule``.
///
/// A ward consists of every sector the lookup gives it, whether or not the data has a row
/// for it. For each indicator, a sector that matters and has no value makes the ward's figure
/// missing, with the sectors and why (``FigureBasis/missing(_:)``); it is never dropped from
/// the sum. What matters: every sector for `sum` and `ratio_of_sums`; the sectors of non-zero
/// weight for `weighted_mean` and for `not_aggregable` with a weight (a sector without
/// residents has no income to describe); every sector for `not_aggregable` without one.
/// pandas reproduces every figure on the Genk data (`Tests/Fixtures/reference/
/// years_aggregation_references.py`).
public enum RuleAggregation {
  /// - Parameters:
  ///   - figures: The sector numbers of one year.
  ///   - lookup: The sector → ward table of the sectors' vintage (each sector at most once).
  ///   - lookupSector: Its sector column (e.g. `statsec2024`).
  ///   - lookupWard: Its ward column (e.g. `ggw72024`).
  ///   - indicators: What to compute.
  ///   - normalisation: For the lookup's sector codes; use the one `figures` was read with.
  /// - Throws: ``AggregationRuleError/unknownColumn(_:indicator:available:)``;
  ///   ``JoinError/missingColumn(_:source:)`` and
  ///   ``JoinError/duplicateKeys(source:column:occurrences:)`` for the lookup.
  public static func aggregate(
    _ figures: SectorFigures, lookup: Table, lookupSector: String, lookupWard: String,
    indicators: [RuleIndicator], normalisation: KeyNormalisation = .codes
  ) throws -> RuleAggregationResult {
    for indicator in indicators {
      for column in indicator.rule.columns where figures.sourceOfColumn[column] == nil {
        throw AggregationRuleError.unknownColumn(
          column, indicator: indicator.name, available: figures.sourceOfColumn.keys.sorted())
      }
    }
    let wardOfSector = try SectorAggregation.lookupMap(
      lookup, sector: lookupSector, ward: lookupWard, normalisation: normalisation)
    var sectorsOfWard: [String: [String]] = [:]
    for (sector, ward) in wardOfSector { sectorsOfWard[ward, default: []].append(sector) }
    let wards = sectorsOfWard.keys.sorted { $0.precedesByCodePoints($1) }
    var result = RuleAggregationResult(
      wards: wards, figures: [:],
      sectorsWithoutWard: figures.sectors.filter { wardOfSector[$0] == nil })
    for indicator in indicators {
      result.figures[indicator.name] = wards.map { ward in
        let sectors = sectorsOfWard[ward]!.sorted { $0.precedesByCodePoints($1) }
        var figure = WardMerge(figures: figures, sectors: sectors).figure(indicator.rule)
        figure.sectors = sectors
        figure.zeroForAbsentRow = sectors.filter { sector in
          indicator.rule.columns.contains { figures.cell($0, sector: sector) == .zeroForAbsentRow }
        }
        return figure
      }
    }
    return result
  }
}

/// One ward's sectors, merged by one rule.
private struct WardMerge {
  let figures: SectorFigures
  let sectors: [String]

  func figure(_ rule: AggregationRule) -> WardFigure {
    switch rule {
    case .sum(let column):
      return ratio([column], base: [], per: 1)
    case .ratioOfSums(let numerator, let base, let per):
      return ratio(numerator, base: base, per: per)
    case .weightedMean(let column, let weight):
      return weightedMean(column, weight: weight)
    case .notAggregable(let column, let weight):
      return notAggregable(column, weight: weight)
    }
  }

  /// per × Σ numerator / Σ base over every sector (a plain sum without a base).
  private func ratio(_ numerator: [String], base: [String], per: Double) -> WardFigure {
    let (values, gaps) = read(numerator + base, of: sectors)
    guard gaps.isEmpty else { return .init(value: nil, basis: .missing(gaps), sectors: []) }
    let n = values.reduce(0.0) { sum, row in sum + numerator.indices.reduce(0) { $0 + row[$1] } }
    guard !base.isEmpty else { return .init(value: n, basis: .exact, sectors: []) }
    let b = values.reduce(0.0) { sum, row in
      sum + base.indices.reduce(0) { $0 + row[numerator.count + $1] }
    }
    guard b != 0 else { return .init(value: nil, basis: .zeroBase, sectors: []) }
    return .init(value: per * n / b, basis: .exact, sectors: [])
  }

  /// Σ (value × weight) / Σ weight over the sectors of non-zero weight.
  private func weightedMean(_ column: String, weight: String) -> WardFigure {
    let weighted: [(sector: String, weight: Double)]
    switch weightedSectors(weight) {
    case .failure(let figure): return figure
    case .success(let list): weighted = list
    }
    let (values, gaps) = read([column], of: weighted.map(\.sector))
    guard gaps.isEmpty else { return .init(value: nil, basis: .missing(gaps), sectors: []) }
    let total = weighted.reduce(0) { $0 + $1.weight }
    guard total > 0 else { return .init(value: nil, basis: .zeroBase, sectors: []) }
    let sum = zip(values, weighted).reduce(0.0) { $0 + $1.0[0] * $1.1.weight }
    let basis: FigureBasis =
      weighted.count == 1
      ? .exact : .estimate(column: column, weight: weight, sectors: weighted.count)
    return .init(value: sum / total, basis: basis, sectors: [])
  }

  /// One sector's value; refused with the range of the values for several.
  private func notAggregable(_ column: String, weight: String?) -> WardFigure {
    var used = sectors
    if let weight {
      switch weightedSectors(weight) {
      case .failure(let figure): return figure
      case .success(let list): used = list.map(\.sector)
      }
    }
    let (values, gaps) = read([column], of: used)
    guard gaps.isEmpty else { return .init(value: nil, basis: .missing(gaps), sectors: []) }
    let v = values.map { $0[0] }
    guard let low = v.min(), let high = v.max() else {
      return .init(value: nil, basis: .zeroBase, sectors: [])
    }
    if v.count == 1 { return .init(value: v[0], basis: .exact, sectors: []) }
    return .init(
      value: nil, basis: .notAggregable(sectors: v.count), sectors: [], range: low...high)
  }

  /// The sectors of non-zero weight with their weights, or the missing figure that a sector
  /// without a weight (or with a negative one) makes.
  private func weightedSectors(_ weight: String) -> WeightedSectors {
    let (weights, gaps) = read([weight], of: sectors)
    guard gaps.isEmpty else {
      return .failure(.init(value: nil, basis: .missing(gaps), sectors: []))
    }
    var list: [(sector: String, weight: Double)] = []
    for (sector, w) in zip(sectors, weights.map { $0[0] }) {
      if w < 0 {
        return .failure(
          .init(value: nil, basis: .negativeWeight(sector: sector, value: w), sectors: []))
      }
      if w > 0 { list.append((sector, w)) }
    }
    return .success(list)
  }

  private enum WeightedSectors {
    case success([(sector: String, weight: Double)])
    case failure(WardFigure)
  }

  /// Per sector, the values of `columns`; and every (sector, column) without one.
  private func read(_ columns: [String], of sectors: [String]) -> ([[Double]], [SectorGap]) {
    var rows: [[Double]] = []
    var gaps: [SectorGap] = []
    for sector in sectors {
      var row: [Double] = []
      for column in columns {
        let cell = figures.cell(column, sector: sector)
        if case .value(let v) = cell {
          row.append(v)
          continue
        }
        if cell == .zeroForAbsentRow {
          row.append(0)
          continue
        }
        let gap = SectorGap(
          sector: sector, column: column, source: figures.sourceOfColumn[column] ?? "",
          noRow: cell == .noRow)
        // a missing row is said once per file, not once per column
        if !gap.noRow
          || !gaps.contains(where: { $0.noRow && $0.sector == sector && $0.source == gap.source })
        {
          gaps.append(gap)
        }
      }
      rows.append(row)
    }
    return (rows, gaps)
  }
}
