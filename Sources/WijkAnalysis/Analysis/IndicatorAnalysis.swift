import SpatialStats
import SpatialWeights

/// Computes one indicator on a ward table: per-ward values, shares, rates, empirical Bayes
/// rates, location quotients, ranks, z-scores, local Moran and Gi*, the city-level
/// statistics, and the map classes.
///
/// Every statistic comes from `SpatialStats` (matched to PySAL there); this type only
/// decides what is computed for which kind of indicator and gathers the results. A
/// statistic that is undefined for the data (a base of 0, a constant indicator) is `nil`
/// with its reason, and the wards it leaves out are named in the warnings.
public enum IndicatorAnalysis {
  /// - Parameters:
  ///   - spec: the indicator (its columns must be in `table`).
  ///   - table: the wards with their summed columns.
  ///   - weights: spatial weights over `table.codes`, in the same order.
  /// - Throws: ``AnalysisError/unknownColumn(name:available:)``; `ConcentrationError` when a
  ///   ward has a count above 0 on a base of 0 (the message names the ward).
  public static func compute(
    _ spec: IndicatorSpec, table: WardTable, weights: SpatialWeights, settings: IndicatorSettings
  ) throws -> IndicatorResult {
    let numerators = try table.column(spec.numerator)
    let bases = try spec.base.map { (b) throws(AnalysisError) in try table.column(b) }
    var result = IndicatorResult(
      id: spec.id, label: spec.label.text(settings.language), kind: spec.kind.rawValue,
      unit: spec.unit?.text(settings.language), worse: (spec.worse ?? .neither).rawValue,
      per: spec.kind == .rate ? (spec.per ?? 100) : nil,
      city: CityIndicatorStatistics(undefined: [:]),
      wards: table.codes.indices.map { i in
        WardIndicatorValue(
          code: table.codes[i], numerator: numerators[i], base: bases?[i], smallBase: false,
          lisaCategory: "no data", undefined: [:], flags: [])
      },
      classes: nil, warnings: [])
    let values = try wardValues(spec, numerators, bases, table: table, settings, &result)
    for i in values.indices { result.wards[i].value = values[i] }
    if spec.kind == .rate, let bases {
      try addSpatialEmpiricalBayes(spec, numerators, bases, table, weights, &result)
    }
    addRanksAndZScores(values, &result)
    try CityStatistics.add(spec, numerators, bases, values, table, weights, settings, &result)
    try LocalStatistics.add(values, table, weights, settings, &result)
    result.classes = try classes(values, settings.classification, &result)
    try ConcentrationJoinCounts.add(weights, settings, &result)
    addFlags(settings, &result)
    return result
  }

  /// The indicator value per ward, with shares, densities, rates, LQs and EB rates filled
  /// in on the way.
  static func wardValues(
    _ spec: IndicatorSpec, _ numerators: [Double?], _ bases: [Double?]?,
    table: WardTable, _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws -> [Double?] {
    if spec.kind == .score { return numerators }  // a score has no share, base or LQ
    let shares = try ShareTable(counts: numerators, unitIDs: table.codes)
    for i in table.codes.indices {
      result.wards[i].shareOfCity = shares.shares[i].value
      note(shares.shares[i], "share", i, &result)
    }
    result.city.numeratorTotal = shares.cityTotal
    if spec.kind == .count {
      for i in table.codes.indices {
        result.wards[i].densityPerSquareKilometre = numerators[i].map {
          $0 / (table.areaSquareMetres[i] / 1e6)
        }
      }
      result.city.value = shares.cityTotal
    }
    guard let bases else { return numerators }
    let per = spec.kind == .rate ? (spec.per ?? 100) : 1
    let rates = try RateTable(
      counts: numerators, bases: bases, unitIDs: table.codes, per: per,
      smallBaseBelow: spec.baseIsCount ? settings.smallBaseBelow : 0)
    // Over the wards with both a numerator and a base, so that numerator / base is the city
    // rate reported (a ward with a count but no base is in neither).
    result.city.numeratorTotal = rates.cityCount
    result.city.baseTotal = rates.cityBase
    for i in table.codes.indices {
      result.wards[i].locationQuotient = rates.locationQuotients[i].value
      note(rates.locationQuotients[i], "location quotient", i, &result)
      result.wards[i].smallBase = rates.isSmallBase[i]
    }
    if spec.kind == .count { return numerators }
    result.city.value = rates.cityRate.value
    if spec.kind == .rate {
      let eb = try EmpiricalBayes.globalRates(
        events: numerators, bases: bases, unitIDs: table.codes, per: per)
      for i in table.codes.indices { result.wards[i].smoothedRate = eb.values[i].value }
    }
    for i in table.codes.indices { note(rates.rates[i], "value", i, &result) }
    return rates.rates.map(\.value)
  }

  /// The spatial empirical Bayes rate of every ward: its rate shrunk towards the rate of its
  /// neighbourhood (the ward and its neighbours in `weights`, binary), as esda's
  /// `Spatial_Empirical_Bayes`; beside the global EB rate, it says whether a small ward's
  /// high rate is shared around it.
  static func addSpatialEmpiricalBayes(
    _ spec: IndicatorSpec, _ numerators: [Double?], _ bases: [Double?], _ table: WardTable,
    _ weights: SpatialWeights, _ result: inout IndicatorResult
  ) throws {
    let neighbours = table.codes.indices.map { Array(weights.neighbours(of: $0)) }
    let eb = try EmpiricalBayes.spatialRates(
      events: numerators, bases: bases, neighbours: neighbours, unitIDs: table.codes,
      per: spec.per ?? 100)
    for i in table.codes.indices { result.wards[i].spatialSmoothedRate = eb.values[i].value }
  }

  /// Records why `outcome` is undefined for ward `i` (nothing when it is defined).
  static func note<T>(
    _ outcome: StatisticOutcome<T>, _ name: String, _ i: Int, _ result: inout IndicatorResult
  ) {
    if let reason = outcome.reason { result.wards[i].undefined[name] = reason.description }
  }

  /// Rank 1 = highest; z-score against the mean and population standard deviation of the
  /// wards with a value.
  static func addRanksAndZScores(_ values: [Double?], _ result: inout IndicatorResult) {
    let present = values.compactMap { $0 }
    for (i, rank) in Ranks.fromHighest(values).enumerated() { result.wards[i].rank = rank }
    guard present.count > 1 else { return }
    let mean = present.reduce(0, +) / Double(present.count)
    let sd = (present.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(present.count))
      .squareRoot()
    for i in values.indices {
      guard let v = values[i] else { continue }
      if sd > 0 {
        result.wards[i].zScore = (v - mean) / sd
      } else {
        result.wards[i].undefined["z-score"] = UndefinedReason.allValuesEqual.description
      }
    }
  }

  static func classes(
    _ values: [Double?], _ spec: ClassificationSpec, _ result: inout IndicatorResult
  ) throws -> ClassesSummary? {
    guard values.contains(where: { $0 != nil }) else { return nil }
    let outcome: StatisticOutcome<Classification> =
      switch spec.method {
      case .quantiles: try Classifier.quantiles(values, classes: spec.classes)
      case .equalInterval: try Classifier.equalInterval(values, classes: spec.classes)
      case .fisherJenks: try Classifier.fisherJenks(values, classes: spec.classes)
      }
    guard let c = outcome.value else {
      result.warnings.append("no map classes: \(outcome.reason?.description ?? "")")
      return nil
    }
    return ClassesSummary(
      method: c.method.description, upperBounds: c.bins, counts: c.counts,
      classOfWard: c.classIndex, notes: c.notes)
  }

  /// Tags that reports and ward plans show. A concentration ward is one by its own value
  /// (``isConcentrationWard(_:kind:quotient:rankedWards:)``); the spatial tags say what the local
  /// statistics found about its surroundings.
  static func addFlags(_ settings: IndicatorSettings, _ result: inout IndicatorResult) {
    let ranked = result.wards.filter { $0.rank != nil }.count
    for i in result.wards.indices {
      var w = result.wards[i]
      if isConcentrationWard(
        w, kind: result.kind, quotient: settings.concentrationQuotient, rankedWards: ranked)
      {
        w.flags.append("concentration ward")
      }
      if w.smallBase { w.flags.append("small base") }
      if w.lisaCategory == "HH" { w.flags.append("HH cluster") }
      if w.lisaCategory == "LL" { w.flags.append("LL cluster") }
      if w.lisaCategory == "HL" || w.lisaCategory == "LH" {
        w.flags.append("spatial outlier (\(w.lisaCategory))")
      }
      if let h = w.hotspot { w.flags.append(h) }
      if w.concentrationCluster == true { w.flags.append("concentration cluster") }
      result.wards[i] = w
    }
  }

  /// A concentration ward, by its own value: a group over-represented in it, i.e. a location
  /// quotient (ward share / city share) at or above `quotient` and a rank in the top fifth of
  /// the ranked wards (rank ≤ ⌈n/5⌉: 6 of 30), for a rate or a count with a base. Both, so
  /// that the word is kept for the wards that stand out from the city and from the other
  /// wards. Not for a mean (kWh per household is not a group's share), and not on a small
  /// base (a share of a handful is too unstable to call). Whether it lies in a cluster is a
  /// separate statement (local Moran, Gi*), never a condition.
  static func isConcentrationWard(
    _ w: WardIndicatorValue, kind: String, quotient: Double, rankedWards: Int
  ) -> Bool {
    guard kind != IndicatorKind.mean.rawValue, !w.smallBase, let lq = w.locationQuotient,
      let rank = w.rank
    else { return false }
    return lq >= quotient && 5 * (rank - 1) < rankedWards
  }
}
