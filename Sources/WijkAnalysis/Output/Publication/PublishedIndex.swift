import SpatialStats

/// The composite index as it may be published: a ward whose figures of any index indicator
/// are withheld has no published score, and the index of every other ward is computed again
/// without that ward's withheld figures, since transformations (z-scores, ranks), the rank
/// intervals and the sensitivity table combine every ward's figures and would carry them.
enum PublishedIndex {
  /// `run` with the index computed over the published figures (``Analysis/Run`` whose ward
  /// table holds the published scores and whose score indicator is computed on them), the
  /// withheld wards marked in `publication`, and the published index rounded.
  ///
  /// - Throws: the errors of ``IndexAnalysis/compute(_:input:seed:language:labels:)`` and of
  ///   ``IndicatorAnalysis/compute(_:table:weights:settings:)``.
  static func prepare(_ publication: inout Publication, run: Analysis.Run) throws -> Analysis.Run {
    guard let spec = run.configuration?.index, var index = run.result.index,
      let k = run.specs.firstIndex(where: { $0.kind == .score && $0.id == spec.id })
    else { return run }
    let hidden = hiddenWards(spec, publication, run.result)
    var published = run
    if hidden.contains(true) {
      var input = try IndexAnalysis.input(spec, result: run.result, file: "the configuration")
      for name in input.values.keys {
        input.values[name] = input.values[name]!.indices.map {
          hidden[$0] ? nil : input.values[name]![$0]
        }
      }
      index = try IndexAnalysis.compute(
        spec, input: input, seed: index.seed, language: run.result.language,
        labels: Dictionary(uniqueKeysWithValues: index.indicators.map { ($0.name, $0.label) }))
      index.notes = index.notes.filter { note in
        !hidden.indices.contains { hidden[$0] && note.hasPrefix(run.result.wards[$0].code + " ") }
      }
      published.table.columns[IndexAnalysis.column(spec)] = index.wards.map(\.score)
      published.result.indicators[k] = try IndicatorAnalysis.compute(
        run.specs[k], table: published.table, weights: run.weights, settings: run.settings)
      publication.wards[spec.id] = hidden.map {
        $0 ? WithheldFigures(numerator: .derived, base: nil) : nil
      }
      for w in hidden.indices where hidden[w] {
        index.wards[w] = IndexWardValue(
          code: index.wards[w].code, score: nil, rank: nil, decile: nil, rankRange: nil,
          rankRangeWeights: nil, rankRangeFigures: nil, lacking: [], reweighted: false)
      }
    }
    index.scoredCount = index.wards.filter { $0.score != nil }.count
    publication.result.index = rounded(index)
    return published
  }

  /// Per ward: whether any figure an index indicator takes from it is withheld (for a change,
  /// any year of the series).
  static func hiddenWards(_ spec: IndexSpec, _ p: Publication, _ r: AnalysisResult) -> [Bool] {
    let ids = spec.indicators.flatMap { entry -> [String] in
      switch entry.source {
      case .indicator(let id): return [id]
      case .change(let id):
        return r.series.first { $0.id == id }?.indicators.compactMap { $0 } ?? []
      }
    }
    return r.wards.indices.map { w in ids.contains { p.withheld($0, ward: w) != nil } }
  }

  static func rounded(_ index: IndexResult) -> IndexResult {
    var index = index
    for w in index.wards.indices {
      index.wards[w].score = PublishedPrecision.round(index.wards[w].score, PublishedPrecision.score)
    }
    return index
  }
}
