import SpatialStats
import SpatialWeights

/// The composite index step of `wijk analyse`: the index's figures taken from the run's
/// indicators and series, the index with its rank intervals and sensitivity computed by
/// ``CompositeIndex``, and the score added as an indicator of kind `score` so that it gets
/// its own map, classes, local Moran and Gi* like every indicator.
enum IndexAnalysis {
  /// The column of the ward table that holds the score.
  static func column(_ spec: IndexSpec) -> String { "index:\(spec.id)" }

  /// The indicator the score is analysed as: value = score, no base, no share.
  static func scoreSpec(_ spec: IndexSpec) -> IndicatorSpec {
    IndicatorSpec(
      id: spec.id, kind: .score, numerator: column(spec), base: nil, per: nil,
      label: spec.label, unit: nil, worse: .higher, baseIsCount: false)
  }

  /// Per indicator of the index, its ward figures and uncertainty model, from `result`.
  ///
  /// - Throws: ``ConfigurationError/invalid(file:key:reason:)`` naming
  ///   `index.indicators[k]` when it names no indicator or series of the run, or asks for an
  ///   uncertainty its indicator's kind does not have.
  static func input(
    _ spec: IndexSpec, result: AnalysisResult, file: String
  ) throws(ConfigurationError) -> CompositeIndexInput {
    var values: [String: [Double?]] = [:]
    var uncertainty: [String: IndicatorUncertainty] = [:]
    for (k, entry) in spec.indicators.enumerated() {
      let key = "index.indicators[\(k)]"
      switch entry.source {
      case .indicator(let id):
        guard let i = result.indicator(id) else {
          throw .invalid(
            file: file, key: "\(key).indicator",
            reason: "the run has no indicator '\(id)'; it has: "
              + result.indicators.map(\.id).joined(separator: ", "))
        }
        values[entry.name] = i.wards.map(\.value)
        uncertainty[entry.name] = try model(entry.uncertainty, of: i, file: file, key: key)
      case .change(let id):
        guard let s = result.series.first(where: { $0.id == id }) else {
          throw .invalid(
            file: file, key: "\(key).change",
            reason: "no sector indicator '\(id)' with years; the series are: "
              + result.series.map(\.id).joined(separator: ", "))
        }
        values[entry.name] = s.wards.map(\.changePercent)
      }
    }
    return CompositeIndexInput(
      wards: result.wards.map(\.code), values: values, uncertainty: uncertainty)
  }

  /// Each index indicator's label in reports: its indicator's, or its series' with "change".
  static func labels(_ spec: IndexSpec, _ result: AnalysisResult) -> [String: String] {
    var out: [String: String] = [:]
    let nl = result.language != "en"
    for entry in spec.indicators {
      switch entry.source {
      case .indicator(let id): out[entry.name] = result.indicator(id)?.label
      case .change(let id):
        guard let s = result.series.first(where: { $0.id == id }), let a = s.years.first,
          let b = s.years.last
        else { continue }
        out[entry.name] = "\(s.label): " + (nl ? "verandering" : "change") + " \(a)–\(b) (%)"
      }
    }
    return out
  }

  /// The uncertainty model of `indicator`'s figures, from its own numerators and bases.
  static func model(
    _ kind: IndexIndicatorSpec.Uncertainty, of i: IndicatorResult, file: String, key: String
  ) throws(ConfigurationError) -> IndicatorUncertainty {
    let needs: String? =
      switch kind {
      case .none: nil
      case .poissonCount: i.kind == IndicatorKind.count.rawValue ? nil : "a count"
      case .poissonRate, .binomialShare: i.kind == IndicatorKind.rate.rawValue ? nil : "a rate"
      }
    if let needs {
      throw .invalid(
        file: file, key: "\(key).uncertainty",
        reason: "\(kind.rawValue) needs \(needs); '\(i.id)' is a \(i.kind)")
    }
    let events = i.wards.map(\.numerator)
    let bases = i.wards.map(\.base)
    let per = i.per ?? 100
    return switch kind {
    case .none: .none
    case .poissonCount: .poissonCount
    case .poissonRate: .poissonRate(events: events, base: bases, per: per)
    case .binomialShare: .binomialShare(events: events, trials: bases, per: per)
    }
  }

  /// The index over `input`, with rank intervals and sensitivity.
  ///
  /// - Throws: ``AnalysisError/statistic(indicator:statistic:reason:)`` with
  ///   ``CompositeIndexError``'s message (too few wards, an indicator without variation,
  ///   counts that do not give the figure).
  static func compute(
    _ spec: IndexSpec, input: CompositeIndexInput, seed: UInt64, language: String,
    labels: [String: String]
  ) throws(AnalysisError) -> IndexResult {
    let composite = spec.composite
    let index: CompositeIndexResult
    let intervals: CompositeRankIntervals
    let table: CompositeSensitivityTable
    do {
      index = try CompositeIndex.compute(composite, input: input)
      intervals = try CompositeIndex.rankIntervals(
        composite, input: input,
        settings: CompositeDrawSettings(
          draws: spec.draws, concentration: spec.concentration, seed: seed))
      table = try CompositeIndex.sensitivity(composite, input: input, top: spec.top)
    } catch {
      throw .statistic(indicator: spec.id, statistic: "the composite index", reason: "\(error)")
    }
    return IndexResult(
      id: spec.id, label: spec.label.text(language), illustrative: spec.illustrative,
      transformation: spec.transformation.rawValue, combination: spec.combination.rawValue,
      missing: missingText(spec.missing), domains: domains(spec, language),
      indicators: indicators(spec, labels), scoredCount: index.scoredCount,
      wards: wards(index, intervals), draws: spec.draws, concentration: spec.concentration,
      seed: seed, top: table.top, sensitivity: table.rows.map(row), notes: notes(index))
  }

  static func missingText(_ rule: CompositeMissingRule) -> String {
    switch rule {
    case .missingIndex: "missing"
    case .reweight(let share): "reweight (minimum share \(share))"
    }
  }

  static func domains(_ spec: IndexSpec, _ language: String) -> [IndexDomainSummary] {
    let total = spec.domains.map(\.weight).reduce(0, +)
    return spec.domains.map {
      IndexDomainSummary(
        id: $0.id, label: $0.label?.text(language) ?? $0.id, share: $0.weight / total)
    }
  }

  /// Each indicator's share of the whole index: its domain's share × its share within it.
  static func indicators(_ spec: IndexSpec, _ labels: [String: String])
    -> [IndexIndicatorSummary]
  {
    let domainTotal = spec.domains.map(\.weight).reduce(0, +)
    return spec.indicators.map { i in
      let peers = spec.indicators.filter { $0.domain == i.domain }
      let within = i.weight / peers.map(\.weight).reduce(0, +)
      let domain = spec.domains.first { $0.id == i.domain }.map { $0.weight / domainTotal } ?? 1
      return IndexIndicatorSummary(
        name: i.name, label: labels[i.name] ?? i.name, domain: i.domain,
        worse: i.worse.rawValue, share: within * domain, uncertainty: i.uncertainty.rawValue)
    }
  }

  static func wards(_ index: CompositeIndexResult, _ intervals: CompositeRankIntervals)
    -> [IndexWardValue]
  {
    func range(_ d: CompositeRankDistribution?) -> [Int]? { d.map { [$0.lower, $0.upper] } }
    let known = !intervals.uncertainIndicators.isEmpty
    return index.wards.indices.map { w in
      let s = index.wards[w]
      return IndexWardValue(
        code: s.ward, score: s.score, rank: s.rank, decile: s.decile,
        rankRange: range(intervals.combined[w]), rankRangeWeights: range(intervals.weights[w]),
        rankRangeFigures: known ? range(intervals.figures[w]) : nil, lacking: s.lacking,
        reweighted: s.isReweighted)
    }
  }

  static func row(_ r: CompositeSensitivityRow) -> IndexSensitivityRow {
    let (kind, name) =
      switch r.target {
      case .indicator(let n): ("indicator", n)
      case .domain(let n): ("domain", n)
      }
    return IndexSensitivityRow(
      kind: kind, name: name, change: r.change.rawValue, entering: r.entering,
      leaving: r.leaving, largestRankChange: r.largestRankChange,
      wardsWithLargestChange: r.wardsWithLargestChange)
  }

  static func notes(_ index: CompositeIndexResult) -> [String] {
    index.wards.filter { $0.score == nil }.map {
      "\($0.ward) has no score: it lacks \($0.lacking.joined(separator: ", "))"
    } + index.wards.filter(\.isReweighted).map {
      "\($0.ward) is scored without \($0.lacking.joined(separator: ", ")), its other weights scaled up"
    }
  }
}
