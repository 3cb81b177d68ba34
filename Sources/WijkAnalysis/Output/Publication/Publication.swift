/// Which of one ward's figures of an indicator are withheld, and why.
public struct WithheldFigures: Sendable, Codable, Equatable {
  /// The numerator (the count of a count indicator); `nil` when it is published.
  public var numerator: Withheld?
  /// The base; `nil` when it is published or the indicator has none.
  public var base: Withheld?

  /// What the indicator's value prints as: the count's own marker for a count indicator,
  /// "derived" for a rate or mean.
  public func value(kind: String) -> Withheld {
    kind == "count" ? (numerator ?? .derived) : .derived
  }

  /// Why the ward's figures are withheld, for a status column and the note: a small count
  /// of its own (numerator or base), else to protect a total, else derived.
  public var reason: Withheld {
    if numerator == .smallCount || base == .smallCount { return .smallCount }
    if numerator == .complementary || base == .complementary { return .complementary }
    return .derived
  }
}

/// A sum between a ward's own counts that a published table lets a reader use: the
/// register's categories of one variable add up to its dwellings.
public struct CountRelation: Sendable, Equatable {
  /// The column the parts add up to (e.g. `dwellings`).
  public var total: String
  /// The columns that add up to it (e.g. `social_rental`, `private_rental`, `owner_occupied`).
  public var parts: [String]

  /// `parts` add up to `total` in every ward.
  public init(total: String, parts: [String]) {
    self.total = total
    self.parts = parts
  }
}

/// The one publication step between the results and every published output (the CSV and its
/// spreadsheet, the summary, the maps, the brochure, the ward plans, the check report): the
/// figures as they may be published, with small numbers withheld, complementary cells
/// withheld, every number rounded, and a note of what was withheld and why.
///
/// The rules, each held here once:
/// - Primary suppression: a count from 1 to threshold − 1 (``SmallNumbers``) is withheld
///   ("<5"), and so is every figure of the ward's indicator computed from it or from a small
///   base: value, share, density, EB rate, LQ, rank, z, local I, LISA quadrant, category and
///   p, Gi* z and p, hotspot, flags, and its class on a map ("x").
/// - Secondary suppression (``CellSuppression``): where a published total (city, ward group,
///   rest of the city, or a register row) would give a small count back, the cheapest other
///   count that protects it is withheld too ("x"), with everything derived from it; a total
///   no cell can protect is withheld itself.
/// - Statistics of *other* wards that combine every ward give a withheld value back by
///   inversion: a rank leaves a gap, z-scores give the mean and so the sum, EB rates carry
///   the prior's variance, a neighbour's Gi* and local I carry the value, and D, Theil,
///   Gini and Moran's I change with it. These are recomputed over the published wards only
///   (the withheld ward as missing): ranks and z among the published wards, EB with the
///   prior of the published wards, local Moran and Gi* with the withheld ward out of the
///   sample, the city indices and map classes over the published values. Shares and LQs
///   stay against the true city total and rate, which the protected totals publish anyway.
/// - Significance (multiple testing): the families are the published figures' own. Local
///   Moran and Gi* of an indicator are corrected over its published wards with a pseudo p
///   (the recomputation's), the global Moran's I over the published indicators; decided on
///   the unrounded p-values. A withheld ward gets no p, no category, no flag and no words;
///   an exact family would carry its p in the threshold. Where no ward of an indicator is
///   withheld, its families and significant wards are the exact ones.
/// - Rounding (``PublishedPrecision``) of every published number.
///
/// The exact figures stay in the working files (``WorkingFiles``).
public struct Publication: Sendable {
  /// The published figures: the run's result with every withheld number `nil`, every other
  /// number rounded, and the statistics that combine wards recomputed over the published
  /// ones. Writers read only this.
  public var result: AnalysisResult
  /// Counts from 1 to this − 1 are small.
  public var threshold: Int
  /// Withheld cells of the ward table, by column, one entry per ward (`nil` = published).
  public var cells: [String: [Withheld?]]
  /// Indicator id → one entry per ward: the ward's withheld figures (`nil` = all published).
  public var wards: [String: [WithheldFigures?]]
  /// Indicators whose city totals are withheld (no cell could protect them).
  public var withheldCity: Set<String>
  /// Columns whose city total is withheld.
  public var withheldColumnTotals: Set<String>
  /// Group name → indicators whose group figures are withheld.
  public var withheldGroups: [String: Set<String>]
  /// Zone code → indicators whose carried values are withheld (a ward they come from is).
  public var withheldZones: [String: Set<String>]
  /// The withheld cells and totals as the suppression found them.
  var pattern: CellSuppression.Pattern

  /// The publication of `run`.
  ///
  /// - Parameters:
  ///   - extraColumns: count columns of the ward table published besides the indicators'
  ///     (the housing brochure's register columns); they get the same rules.
  ///   - relations: sums between a ward's columns that the published tables show.
  /// - Throws: the errors of ``IndicatorAnalysis/compute(_:table:weights:settings:)`` when
  ///   an indicator is recomputed over the published wards.
  public static func make(
    _ run: Analysis.Run, extraColumns: [String] = [], relations: [CountRelation] = []
  ) throws -> Publication {
    try make(run, extraColumns: extraColumns, relations: relations, pattern: nil)
  }

  /// The publication of `run` with the withheld cells of `pattern` when given (the leak
  /// tests publish other values of the withheld cells with the same pattern).
  static func make(
    _ run: Analysis.Run, extraColumns: [String], relations: [CountRelation],
    pattern given: CellSuppression.Pattern?
  ) throws -> Publication {
    let r = run.result
    let engine = CellSuppression.forRun(run, extraColumns: extraColumns, relations: relations)
    let pattern = given ?? engine.pattern(forced: smallBaseNumerators(run))
    var p = Publication(
      result: r, threshold: r.smallNumberThreshold, cells: [:], wards: [:], withheldCity: [],
      withheldColumnTotals: [], withheldGroups: [:], withheldZones: [:], pattern: pattern)
    for case .city(let column) in pattern.withheldTotals { p.withheldColumnTotals.insert(column) }
    for column in Set(engine.values.keys.map(\.column)) {
      p.cells[column] = run.table.codes.indices.map { pattern.withheld[TableCell(column, $0)] }
    }
    for spec in run.specs {
      let columns = [spec.numerator] + (spec.base.map { [$0] } ?? [])
      p.wards[spec.id] = run.table.codes.indices.map { w in
        let n = pattern.withheld[TableCell(spec.numerator, w)]
        let b = spec.base.flatMap { pattern.withheld[TableCell($0, w)] }
        guard n != nil || b != nil else { return nil }
        return WithheldFigures(numerator: n, base: b)
      }
      if columns.contains(where: { pattern.withheldTotals.contains(.city(column: $0)) })
        || (p.wards[spec.id]!.contains { $0 != nil } && hasPartialBase(spec, run.table))
      {
        p.withheldCity.insert(spec.id)
      }
      for g in r.groups
      where columns.contains(where: { c in
        pattern.withheldTotals.contains(.group(name: g.name, column: c, rest: false))
          || pattern.withheldTotals.contains(.group(name: g.name, column: c, rest: true))
      }) {
        p.withheldGroups[g.name, default: []].insert(spec.id)
      }
    }
    let indexed = try PublishedIndex.prepare(&p, run: run)
    try p.publishIndicators(indexed)
    p.result.bivariate = try PublishedBivariate.publish(p, run: indexed)
    try PublishedSeries.publish(&p, run: run)
    p.publishGroups()
    p.publishZones()
    p.result.wards = r.wards.map {
      var w = $0
      w.areaSquareKilometres = PublishedPrecision.round(
        w.areaSquareKilometres, PublishedPrecision.area)
      return w
    }
    p.result.weights.meanNeighbours = PublishedPrecision.round(r.weights.meanNeighbours, 2)
    return p
  }

  /// Whether the indicator's city totals sum its base over fewer wards than have one (a
  /// ward with residents but no income estimate): that sum is a relation between the base
  /// cells the suppression does not protect, so with a ward withheld it would give the
  /// withheld base back; the city totals are withheld then.
  static func hasPartialBase(_ spec: IndicatorSpec, _ table: WardTable) -> Bool {
    guard let base = spec.base, spec.baseIsCount, let b = table.columns[base],
      let n = table.columns[spec.numerator]
    else { return false }
    return zip(n, b).contains { $0 == nil && $1 != nil }
  }

  /// The numerator of a ward whose base is small is withheld with it: as "<5" when it is a
  /// count below the threshold (a rate's is at most its base), as "x" otherwise (a mean's
  /// numerator is a sum).
  static func smallBaseNumerators(_ run: Analysis.Run) -> [TableCell: Withheld] {
    var out: [TableCell: Withheld] = [:]
    let t = run.result.smallNumberThreshold
    for spec in run.specs {
      guard spec.baseIsCount, let base = spec.base, let b = run.table.columns[base],
        let n = run.table.columns[spec.numerator]
      else { continue }
      for w in b.indices where SmallNumbers.isSmall(b[w], threshold: t) && n[w] != nil {
        let cell = TableCell(spec.numerator, w)
        let small = spec.kind != .mean && (n[w] ?? 0) < Double(t)
        out[cell] = small ? .smallCount : .derived
      }
    }
    return out
  }

  // MARK: - Reading

  /// What a withheld figure prints as ("<5" or "x").
  public func marker(_ reason: Withheld) -> String {
    SmallNumbers.marker(reason, threshold: threshold)
  }

  /// Ward `ward`'s withheld figures of `indicator`, `nil` when all are published.
  public func withheld(_ indicator: String, ward: Int) -> WithheldFigures? {
    wards[indicator]?[ward] ?? nil
  }

  /// Whether a cell of the ward table is withheld, and why.
  public func withheld(column: String, ward: Int) -> Withheld? {
    cells[column]?[ward] ?? nil
  }

  /// Whether anything at all is withheld.
  public var withholdsAnything: Bool {
    wards.values.contains { $0.contains { $0 != nil } } || !withheldCity.isEmpty
      || cells.values.contains { $0.contains { $0 != nil } }
  }

  // MARK: - Published figures

  /// Each indicator published (``PublishedIndicator``), then the global Moran family corrected
  /// again over the published indicators' pseudo p (before rounding), so that the summary of
  /// the tests (``AnalysisResult/multipleTesting``) counts the published families only.
  mutating func publishIndicators(_ run: Analysis.Run) throws {
    var indicators = try result.indicators.indices.map { k in
      let exact = run.result.indicators[k]
      return try PublishedIndicator.figures(
        exact, spec: run.specs[k], withheld: wards[exact.id] ?? [],
        cityWithheld: withheldCity.contains(exact.id), run: run)
    }
    var summary = Significance.summarise(&indicators, run.settings)
    summary.globalMoran = summary.globalMoran.map(PublishedIndicator.round)
    result.multipleTesting = summary
    result.indicators = try indicators.map { try PublishedIndicator.rounded($0, run.settings) }
  }

  mutating func publishGroups() {
    for g in result.groups.indices {
      let hidden = withheldGroups[result.groups[g].name] ?? []
      result.groups[g].indicators = result.groups[g].indicators.map { v in
        var v = v
        guard !hidden.contains(v.indicator),
          let i = result.indicators.first(where: { $0.id == v.indicator })
        else {
          (v.numerator, v.base, v.value, v.restValue) = (nil, nil, nil, nil)
          (v.shareOfCity, v.locationQuotient) = (nil, nil)
          return v
        }
        let d = PublishedPrecision.value(i)
        v.numerator = PublishedPrecision.round(v.numerator, i.kind == "mean" ? d : 0)
        v.base = PublishedPrecision.round(v.base, 0)
        v.value = PublishedPrecision.round(v.value, d)
        v.restValue = PublishedPrecision.round(v.restValue, d)
        v.shareOfCity = PublishedPrecision.round(v.shareOfCity, PublishedPrecision.share)
        v.locationQuotient = PublishedPrecision.round(
          v.locationQuotient, PublishedPrecision.locationQuotient)
        return v
      }
    }
  }

  /// A zone's value is carried from the wards it overlaps, weighted by area: it is withheld
  /// when any of them is, since the published area shares would give the ward's back.
  mutating func publishZones() {
    for z in result.zones.indices {
      let zone = result.zones[z]
      let overlapping = result.wards.indices.filter {
        (zone.wardShares[result.wards[$0].code] ?? 0) > 0
      }
      for (k, v) in zone.values.enumerated() {
        // By id: the zone's values need not line up with the indicators (the index has none).
        guard let i = result.indicators.first(where: { $0.id == v.indicator }) else { continue }
        var v = v
        if overlapping.contains(where: { withheld(i.id, ward: $0) != nil }) {
          (v.numerator, v.base, v.value) = (nil, nil, nil)
          withheldZones[zone.code, default: []].insert(i.id)
        } else {
          let d = PublishedPrecision.value(i)
          v.numerator = PublishedPrecision.round(v.numerator, i.kind == "mean" ? d : 0)
          v.base = PublishedPrecision.round(v.base, 0)
          v.value = PublishedPrecision.round(v.value, d)
        }
        result.zones[z].values[k] = v
      }
      result.zones[z].areaSquareKilometres = PublishedPrecision.round(
        zone.areaSquareKilometres, PublishedPrecision.area)
      result.zones[z].coveredShare = PublishedPrecision.round(
        zone.coveredShare, PublishedPrecision.share)
      result.zones[z].wardShares = zone.wardShares.mapValues {
        PublishedPrecision.round($0, PublishedPrecision.share)
      }
    }
  }
}

extension CellSuppression {
  /// The engine for a run: the indicators' count columns (numerators of counts and rates,
  /// every base) and `extraColumns`, with the city, group and rest totals of each column the
  /// indicators publish, the extra columns' city totals, and `relations` in every ward.
  static func forRun(
    _ run: Analysis.Run, extraColumns: [String], relations: [CountRelation]
  ) -> CellSuppression {
    let table = run.table
    var indicatorColumns: [String] = []
    var upper: [TableCell: TableCell] = [:]
    for spec in run.specs {
      // a mean's numerator is a sum and a score no count: neither is suppressed as a count
      if spec.kind != .mean && spec.kind != .score { indicatorColumns.append(spec.numerator) }
      // a density's base (the ward area) is no count: nothing to withhold in it
      if let base = spec.base, spec.baseIsCount {
        indicatorColumns.append(base)
        if spec.kind == .rate {
          for w in table.codes.indices { upper[TableCell(spec.numerator, w)] = TableCell(base, w) }
        }
      }
    }
    var columns: [String] = []
    for c in indicatorColumns + extraColumns where !columns.contains(c) && table.columns[c] != nil {
      columns.append(c)
    }
    var values: [TableCell: Double] = [:]
    var rels: [CellRelation] = []
    for c in columns {
      let present = table.codes.indices.filter { table.columns[c]![$0] != nil }
      for w in present { values[TableCell(c, w)] = table.columns[c]![w]! }
      rels.append(
        CellRelation(kind: .city(column: c), terms: present.map { (TableCell(c, $0), 1) }))
    }
    let groups = run.result.groups.map { g in (g.name, Set(g.wards)) }
    for c in columns where indicatorColumns.contains(c) {
      let present = table.codes.indices.filter { table.columns[c]![$0] != nil }
      for (name, members) in groups {
        for rest in [false, true] {
          let wards = present.filter { members.contains(table.codes[$0]) != rest }
          rels.append(
            CellRelation(
              kind: .group(name: name, column: c, rest: rest),
              terms: wards.map { (TableCell(c, $0), 1) }))
        }
      }
    }
    for relation in relations
    where ([relation.total] + relation.parts).allSatisfy({ table.columns[$0] != nil }) {
      for w in table.codes.indices {
        let cells = [relation.total] + relation.parts
        guard cells.allSatisfy({ values[TableCell($0, w)] != nil }) else { continue }
        rels.append(
          CellRelation(
            kind: .row(ward: w, total: relation.total),
            terms: [(TableCell(relation.total, w), -1)]
              + relation.parts.map { (TableCell($0, w), 1) }))
      }
    }
    let groupsOfWard = table.codes.map { code in
      groups.filter { $0.1.contains(code) }.map(\.0).sorted()
    }
    return CellSuppression(
      values: values, threshold: run.result.smallNumberThreshold, relations: rels,
      upperBound: upper, groupsOfWard: groupsOfWard)
  }
}
