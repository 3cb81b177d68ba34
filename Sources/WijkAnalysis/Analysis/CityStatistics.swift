import SpatialStats
import SpatialWeights

/// The city-level statistics of one indicator: segregation, inequality, global Moran's I,
/// Geary's C and General G.
enum CityStatistics {
  static func add(
    _ spec: IndicatorSpec, _ numerators: [Double?], _ bases: [Double?]?, _ values: [Double?],
    _ table: WardTable, _ weights: SpatialWeights, _ settings: IndicatorSettings,
    _ result: inout IndicatorResult
  ) throws {
    if spec.kind != .mean, let bases {
      addSegregation(numerators, bases, table, &result)
      addSegregationInference(numerators, bases, weights, table, settings, &result)
    }
    // a score's Gini or top share would measure its scale, not an inequality of the wards
    if spec.kind != .score {
      addInequality(numerators, values, table, &result)
      result.city.spatialGini = try spatialGini(values, weights, settings, &result)
    }
    result.city.moran = try moran(values, weights, settings, "Moran's I", &result)
    result.city.geary = try geary(values, weights, settings, &result)
    result.city.generalG = try generalG(values, weights, settings, &result)
    if spec.kind == .rate, let bases {
      result.city.moranEmpiricalBayes = try moranForRates(
        numerators, bases, weights, settings, &result)
    }
  }

  /// D, isolation, Theil's H and Gini segregation of the numerator group within the base.
  static func addSegregation(
    _ group: [Double?], _ total: [Double?], _ table: WardTable, _ result: inout IndicatorResult
  ) {
    do {
      let s = try SingleGroupSegregation(group: group, total: total, unitIDs: table.codes)
      result.city.dissimilarity = record(s.dissimilarity, "dissimilarity", &result)
      result.city.isolation = record(s.isolation, "isolation", &result)
      result.city.theilH = record(s.entropy, "Theil's H", &result)
      result.city.giniSegregation = record(s.gini, "Gini segregation", &result)
    } catch {
      result.city.undefined["segregation"] = "\(error)"
    }
  }

  /// Spatial D over `weights`, spatial proximity and the evenness test of D, when D is
  /// defined: a D of small wards is high by chance, and the test says how high.
  static func addSegregationInference(
    _ group: [Double?], _ total: [Double?], _ weights: SpatialWeights,
    _ table: WardTable, _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) {
    guard result.city.dissimilarity != nil else { return }
    // A ward without residents has no share: out, with its links (segregation would count
    // it as a share of 0 beside its neighbours).
    let populated = total.map { t in t.flatMap { $0 > 0 ? $0 : nil } }
    let group = zip(group, populated).map { x, t in t == nil ? nil : x }
    let total = populated
    do {
      result.city.spatialDissimilarity = record(
        try spatialDissimilarity(group: group, total: total, weights: weights),
        "spatial dissimilarity", &result)
    } catch {
      result.city.undefined["spatial dissimilarity"] = "\(error)"
    }
    addProximity(group, total, table, &result)
    guard settings.permutations > 0 else { return }
    do {
      let test = try dissimilarityTest(
        group: group, total: total, null: .evenness, simulations: settings.permutations,
        seed: settings.seed, unitIDs: weights.ids)
      if let reason = test.reason { result.city.undefined["dissimilarity test"] = "\(reason)" }
      result.city.dissimilarityTest = test.value
    } catch {
      result.city.undefined["dissimilarity test"] = "\(error)"
    }
  }

  /// Spatial proximity needs every pair of wards (n²/2 distances and exponentials, about
  /// 3 s for 20,000 wards): `analyse` computes it up to this many wards, and says so above;
  /// `wijk segregation --spatial` computes it for any layer.
  static let proximityWardLimit = 5_000

  /// Spatial proximity between the ward centroids, in the table's metres; not computed for
  /// a table without centroids, with a ward without geometry, or of more than
  /// ``proximityWardLimit`` wards.
  static func addProximity(
    _ group: [Double?], _ total: [Double?], _ table: WardTable, _ result: inout IndicatorResult
  ) {
    guard table.centroids.count == table.count else { return }
    guard table.count <= proximityWardLimit else {
      result.city.undefined["spatial proximity"] =
        "not computed for more than \(proximityWardLimit) wards (every pair is needed); "
        + "run wijk segregation --spatial"
      return
    }
    let centroids = table.centroids.compactMap { $0 }
    guard centroids.count == table.count else {
      result.city.undefined["spatial proximity"] = "a ward without geometry has no centroid"
      return
    }
    do {
      result.city.spatialProximity = record(
        try spatialProximity(
          group: group, total: total, centroids: centroids, areas: table.areaSquareMetres,
          unitIDs: table.codes),
        "spatial proximity", &result)
    } catch {
      result.city.undefined["spatial proximity"] = "\(error)"
    }
  }

  static func addInequality(
    _ numerators: [Double?], _ values: [Double?], _ table: WardTable,
    _ result: inout IndicatorResult
  ) {
    do {
      result.city.giniInequality = record(
        try Inequality(values: values, unitIDs: table.codes).gini, "Gini", &result)
      result.city.topFifthShare = record(
        try Inequality(values: numerators, unitIDs: table.codes).topShare(percent: 20),
        "top 20% share", &result)
    } catch {
      result.city.undefined["inequality"] = "\(error)"
    }
  }

  /// inequality `Gini_Spatial` (binary weights); a negative value makes it undefined.
  static func spatialGini(
    _ values: [Double?], _ weights: SpatialWeights, _ settings: IndicatorSettings,
    _ result: inout IndicatorResult
  ) throws -> SpatialGiniSummary? {
    guard
      let (g, sample) = try defined("spatial Gini", &result, {
        try SpatialStats.spatialGini(
          values, weights: weights, permutations: settings.permutations, seed: settings.seed)
      })
    else { return nil }
    return SpatialGiniSummary(
      gini: g.gini, nonNeighbourShare: g.nonNeighbourShare, polarization: g.polarization,
      pseudoP: g.permutation?.pseudoP, tail: g.permutation.map(\.tail.rawValue),
      permutations: settings.permutations, excluded: sample.missing)
  }

  /// The statistic `compute` gives with its sample, or `nil` with the reason in the city's
  /// `undefined[name]`: the statistic's own (constant values, too few wards), or, for those
  /// that need values of at least 0 (General G, the spatial Gini), the ward with a negative
  /// value, which is not an error of the run.
  static func defined<T>(
    _ name: String, _ result: inout IndicatorResult,
    _ compute: () throws -> AutocorrelationResult<T>
  ) throws -> (T, AnalysedSample)? {
    let r: AutocorrelationResult<T>
    do {
      r = try compute()
    } catch AutocorrelationError.negativeValue(let unit, let value, _) {
      result.city.undefined[name] = "needs values of at least 0; ward \(unit) has \(value)"
      return nil
    }
    guard let v = r.value else {
      result.city.undefined[name] = r.estimate.reason?.description
      return nil
    }
    return (v, r.sample)
  }

  static func record(
    _ outcome: StatisticOutcome<Double>, _ name: String, _ result: inout IndicatorResult
  ) -> Double? {
    if let reason = outcome.reason { result.city.undefined[name] = reason.description }
    return outcome.value
  }

  static func moran(
    _ values: [Double?], _ weights: SpatialWeights, _ settings: IndicatorSettings,
    _ name: String, _ result: inout IndicatorResult
  ) throws -> MoranSummary? {
    let r = try moranI(
      values, weights: weights, permutations: settings.permutations, seed: settings.seed)
    return summary(r, settings, name, &result)
  }

  /// esda `Geary` (row-standardised weights).
  static func geary(
    _ values: [Double?], _ weights: SpatialWeights, _ settings: IndicatorSettings,
    _ result: inout IndicatorResult
  ) throws -> GearySummary? {
    let r = try gearyC(
      values, weights: weights, permutations: settings.permutations, seed: settings.seed)
    guard let c = r.value else {
      result.city.undefined["Geary's C"] = r.estimate.reason?.description
      return nil
    }
    return GearySummary(
      c: c.c, expectedC: c.expectedC, zRandomisation: c.zRandomisation,
      pRandomisation: c.pRandomisation, pNormality: c.pNormality,
      pseudoP: c.permutation?.pseudoP, permutations: settings.permutations,
      excluded: r.sample.missing + r.sample.islands)
  }

  /// esda `G` (binary weights); a negative value makes it undefined, not an error.
  static func generalG(
    _ values: [Double?], _ weights: SpatialWeights, _ settings: IndicatorSettings,
    _ result: inout IndicatorResult
  ) throws -> GeneralGSummary? {
    guard
      let (g, sample) = try defined("General G", &result, {
        try SpatialStats.generalG(
          values, weights: weights, permutations: settings.permutations, seed: settings.seed)
      })
    else { return nil }
    return GeneralGSummary(
      g: g.g, expectedG: g.expectedG, z: g.z, p: g.p, pseudoP: g.permutation?.pseudoP,
      permutations: settings.permutations, excluded: sample.missing + sample.islands)
  }

  /// esda `Moran_Rate`; wards with base 0 have no rate and are left out, named.
  static func moranForRates(
    _ events: [Double?], _ bases: [Double?], _ weights: SpatialWeights,
    _ settings: IndicatorSettings, _ result: inout IndicatorResult
  ) throws -> MoranSummary? {
    let usable = bases.map { b in b.flatMap { $0 > 0 ? $0 : nil } }
    let usableEvents = zip(events, usable).map { e, b in b == nil ? nil : e }
    let r = try moranIForRates(
      events: usableEvents, base: usable, weights: weights, permutations: settings.permutations,
      seed: settings.seed)
    return summary(r, settings, "Moran's I (EB rate)", &result)
  }

  static func summary(
    _ r: AutocorrelationResult<GlobalMoran>, _ settings: IndicatorSettings, _ name: String,
    _ result: inout IndicatorResult
  ) -> MoranSummary? {
    guard let m = r.value else {
      result.city.undefined[name] = r.estimate.reason?.description
      return nil
    }
    return MoranSummary(
      i: m.i, expectedI: m.expectedI, zRandomisation: m.zRandomisation,
      pNormality: m.pNormality, pRandomisation: m.pRandomisation,
      pseudoP: m.permutation?.pseudoP, tail: m.permutation.map(\.tail.rawValue),
      significant: nil, permutations: settings.permutations, seed: settings.seed,
      excluded: r.sample.missing + r.sample.islands)
  }
}
