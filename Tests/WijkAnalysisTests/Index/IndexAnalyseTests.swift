import Foundation
import SpatialStats
import Testing

@testable import WijkAnalysis

/// The composite index of the main job (`index:` in GeoData/wijk-genk.yaml), computed by
/// `wijk analyse` from its own ward figures, against the numpy/pandas reference
/// (`Tests/Fixtures/reference/composite_index_references.py`, configuration `genk_main_job`,
/// which aggregates the shared files itself): scores to 1e-9, ranks, deciles, the three
/// 5–95 % rank ranges and the sensitivity table exactly.
@Suite struct IndexAnalyseTests {
  struct Reference: Decodable {
    struct Bound: Decodable { var lower: Int, upper: Int }
    struct Row: Decodable {
      var kind: String, target: String, change: String
      var entering: [String], leaving: [String]
      var largest_rank_change: Int
    }
    struct Sensitivity: Decodable { var top: [String], rows: [Row] }
    struct Configuration: Decodable {
      var scored: [String]
      var score: [String: Double]
      var rank: [String: Int]
      var decile: [String: Int]
      var intervals: [String: [String: Bound]?]?
      var sensitivity: Sensitivity?
    }
    var configurations: [String: Configuration]
  }

  static let reference = Result {
    try JSONDecoder().decode(
      Reference.self, from: Data(contentsOf: fixture("reference/composite_index.json")))
      .configurations["genk_main_job"]!
  }

  /// The main job with 99 permutations (the index does not depend on them).
  static let run = Result {
    var c = try ConfigurationLoader.load(path: geoData("wijk-genk.yaml").path)
    c.permutations = 99
    return try Analysis.run(c)
  }

  @Test("scores, ranks and deciles equal the reference; the unscored wards are the reference's")
  func scoresRanksDeciles() throws {
    let ref = try Self.reference.get()
    let index = try #require(try Self.run.get().result.index)
    #expect(index.scoredCount == ref.scored.count)
    for w in index.wards {
      guard let score = w.score else {
        #expect(ref.score[w.code] == nil, "\(w.code) is scored in the reference")
        #expect(!w.lacking.isEmpty)
        continue
      }
      let want = try #require(ref.score[w.code])
      #expect(abs(score - want) <= 1e-9 * max(1, abs(want)), "\(w.code): \(score) vs \(want)")
      #expect(w.rank == ref.rank[w.code])
      #expect(w.decile == ref.decile[w.code])
    }
  }

  @Test("the 5-95 % rank ranges (weights, figures, both) equal the reference's draws")
  func rankRanges() throws {
    let ref = try Self.reference.get()
    let index = try #require(try Self.run.get().result.index)
    for w in index.wards where w.score != nil {
      for (name, got) in [
        ("weights", w.rankRangeWeights), ("figures", w.rankRangeFigures),
        ("combined", w.rankRange),
      ] {
        let bound = try #require(ref.intervals?[name]??[w.code])
        #expect(got == [bound.lower, bound.upper], "\(w.code) \(name)")
      }
    }
  }

  @Test("the sensitivity table equals the reference's, row by row")
  func sensitivity() throws {
    let ref = try #require(try Self.reference.get().sensitivity)
    let index = try #require(try Self.run.get().result.index)
    #expect(index.top == ref.top)
    #expect(index.sensitivity.count == ref.rows.count)
    for (got, want) in zip(index.sensitivity, ref.rows) {
      #expect(got.kind == want.kind && got.name == want.target && got.change == want.change)
      #expect(got.entering == want.entering && got.leaving == want.leaving)
      #expect(got.largestRankChange == want.largest_rank_change)
    }
  }

  @Test("the score is analysed as an indicator: map classes, local Moran, Gi*, no share or LQ")
  func scoreIsAnIndicator() throws {
    let r = try Self.run.get().result
    let index = try #require(r.index)
    let score = try #require(r.indicator(index.id))
    #expect(score.kind == "score")
    #expect(score.classes != nil)
    #expect(score.city.moran != nil)
    #expect(score.wards.allSatisfy { $0.shareOfCity == nil && $0.locationQuotient == nil })
    for (v, w) in zip(score.wards, index.wards) { #expect(v.value == w.score) }
    #expect(r.illustrativeInputs.contains { $0.contains("index_illustrative") })
  }

  /// Publication: a ward whose 65+ share is withheld has no published score, and the other
  /// wards' scores are those of the index without that ward's figures (not the exact ones,
  /// whose ranks carry the withheld figure).
  @Test("a ward with a withheld figure has no published score; the rest is recomputed without it")
  func publishedIndexLeavesWithheldFiguresOut() throws {
    let run = try Self.run.get()
    let p = try Publication.make(run)
    let exact = try #require(run.result.index)
    let published = try #require(p.result.index)
    let spec = try #require(run.configuration?.index)
    let hidden = run.result.wards.indices.filter {
      p.withheld("share_65plus_2021", ward: $0) != nil
    }
    #expect(!hidden.isEmpty)
    var input = try IndexAnalysis.input(spec, result: run.result, file: "test")
    for name in input.values.keys {
      for w in hidden { input.values[name]![w] = nil }
    }
    let want = try CompositeIndex.compute(spec.composite, input: input)
    var differs = false
    for w in published.wards.indices {
      if hidden.contains(w) {
        #expect(published.wards[w].score == nil && p.withheld(spec.id, ward: w) != nil)
        continue
      }
      let s = want.wards[w].score.map { PublishedPrecision.round($0, 2) }
      #expect(published.wards[w].score == s, "\(published.wards[w].code)")
      #expect(published.wards[w].rank == want.wards[w].rank)
      if exact.wards[w].rank != want.wards[w].rank { differs = true }
    }
    // a withheld ward that was scored moves the others' ranks: the recomputation matters
    if hidden.contains(where: { exact.wards[$0].score != nil }) { #expect(differs) }
    let cells = WardExport.published(p)
    let column = try #require(cells.columns.firstIndex { $0.name == "\(spec.id)_deciel" })
    for w in hidden { #expect(cells.rows[w][column] == .text("x")) }
  }
}
