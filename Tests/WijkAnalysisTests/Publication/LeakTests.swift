import Foundation
import SpatialStats
import Testing
import WijkCore

@testable import WijkAnalysis

/// A reader tries to recover every withheld small count from every published output, and
/// must fail.
///
/// The strongest attack first: for each small cell and each value 1 … threshold − 1 it
/// could have, the other withheld cells are given values that keep every total a reader
/// knows (``Completions``); the exact analysis is rerun on those values and published with
/// the same withheld cells. Every published output (CSV in both dialects, the spreadsheet's
/// cells, the codebook, the summary in Markdown and HTML, every map with its tooltips and
/// legend, the interactive map (map.html), every ward plan with its map and JSON, the
/// brochure, the housing sections, the check report) must come out byte for byte the same: then no arithmetic on totals, no
/// inversion of a rank, z, share, LQ, EB rate, local Moran or Gi*, no tooltip and no legend
/// bound can tell the true count from the others. Then the classic attacks one by one, each
/// shown to work on the exact working figures (so it is a real attack) and to fail on the
/// published ones.
@Suite(.serialized) struct LeakTests {
  typealias F = PublicationFixtures

  /// The values tried for a small cell: every one of 1 … t − 1 when t ≤ 10, else the ends
  /// and the neighbours of the true value.
  static func candidates(_ truth: Double, threshold t: Int) -> [Double] {
    let all = (1..<t).map(Double.init)
    guard t > 10 else { return all.filter { $0 != truth } }
    return Set([1, Double(t - 1), truth - 1, truth + 1]).filter {
      $0 >= 1 && $0 < Double(t) && $0 != truth
    }
    .sorted()
  }

  /// Reruns `run` with every candidate of every small cell and compares the outputs.
  func assertIndistinguishable(
    _ run: Analysis.Run, _ p: Publication, engine: CellSuppression,
    rerun: (WardTable) throws -> Analysis.Run,
    outputs: (Analysis.Run, Publication) throws -> [String: String],
    republish: (Analysis.Run) throws -> Publication
  ) throws {
    let original = try outputs(run, p)
    let completions = Completions(engine: engine, pattern: p.pattern)
    let small = p.pattern.withheld.keys.filter {
      SmallNumbers.isSmall(engine.values[$0], threshold: p.threshold)
    }.sorted()
    #expect(!small.isEmpty, "the fixture must have small counts")
    for cell in small {
      let truth = engine.values[cell]!
      for value in Self.candidates(truth, threshold: p.threshold) {
        let completion = completions.completion(cell, value)
        #expect(
          completion != nil,
          "\(cell.column) of \(run.table.codes[cell.ward]) = \(value) is ruled out by the totals")
        guard let values = completion else { continue }
        var table = run.table
        for (c, v) in values { table.columns[c.column]![c.ward] = v }
        let other = try rerun(table)
        let published = try republish(other)
        let texts = try outputs(other, published)
        #expect(texts.keys.sorted() == original.keys.sorted())
        for (name, text) in original where texts[name] != text {
          Issue.record(
            "\(name) tells \(cell.column) = \(truth) of \(run.table.codes[cell.ward]) from \(value): \(F.firstDifference(text, texts[name] ?? ""))"
          )
        }
      }
    }
  }

  @Test func syntheticOutputsCannotTellASmallCountFromAnother() throws {
    let run = try F.synthetic.get()
    let p = try Publication.make(run)
    let engine = CellSuppression.forRun(run, extraColumns: [], relations: [])
    try assertIndistinguishable(
      run, p, engine: engine,
      rerun: { try F.rerun(run, table: $0, zones: { _ in [] }) },
      outputs: { r, q in try F.outputs(q, table: r.table, weights: r.weights) },
      republish: { try Publication.make($0, extraColumns: [], relations: [], pattern: p.pattern) })
  }

  @Test func genkOutputsCannotTellASmallCountFromAnother() throws {
    let run = try F.genk.get()
    let p = try Publication.make(run)
    let zones = try F.zones(try F.genkConfiguration.get())
    let engine = CellSuppression.forRun(run, extraColumns: [], relations: [])
    try assertIndistinguishable(
      run, p, engine: engine,
      rerun: { try F.rerun(run, table: $0, zones: zones) },
      outputs: { r, q in try F.outputs(q, table: r.table, weights: r.weights) },
      republish: { try Publication.make($0, extraColumns: [], relations: [], pattern: p.pattern) })
  }

  @Test func housingOutputsCannotTellASmallCountFromAnother() throws {
    let run = try F.housing.get()
    let c = try F.housingConfiguration.get()
    let p = try run.publication()
    let earlier = run.housing.dates.count == 2 ? ["dwellings_at_\(run.housing.dates[0])"] : []
    let engine = CellSuppression.forRun(
      run.analysis, extraColumns: run.housing.brochureColumns + earlier, relations: run.relations)
    func housingRun(_ table: WardTable) throws -> HousingAnalysis.Run {
      var other = run
      other.analysis = try F.rerun(run.analysis, table: table, zones: { _ in [] })
      var columns = table.columns
      if let from = run.housing.dates.first, run.housing.dates.count == 2 {
        columns["dwellings_change"] = zip(columns["dwellings"]!, columns["dwellings_at_\(from)"]!)
          .map { a, b in a.flatMap { a in b.map { a - $0 } } }
        other.analysis.table.columns = columns
      }
      other.housing.columns = columns
      other.housing.changes = HousingAnalysis.changes(c, other.analysis.result.indicators)
      return other
    }
    var current = run
    try assertIndistinguishable(
      run.analysis, p, engine: engine,
      rerun: { table in
        current = try housingRun(table)
        return current.analysis
      },
      outputs: { r, q in
        try F.housingOutputs(r.table.columns == run.analysis.table.columns ? run : current, q)
      },
      republish: { _ in try current.publication(pattern: p.pattern) })
  }

  @Test func checkReportCannotTellASmallCountFromAnother() throws {
    var c = try F.genkConfiguration.get()
    c.smallNumberThreshold = 60  // Nieuw Sledderlo, the site, has 59 non-residential connections
    let run = try Analysis.run(c)
    let check = try SledderloCheck.make(run, c)
    let outcome = try check.run(run.table)
    let published = try LiveabilityPublication.publish(outcome)
    func texts(_ p: PublishedCheck) throws -> [String: String] {
      let doc = try LiveabilityReportDocument.build(p, mapSVG: nil)
      return ["check.md": doc.markdown(), "check.html": doc.html()]
    }
    let original = try texts(published)
    #expect(original["check.md"]!.contains("<60"), "the site's count is withheld")
    // and the site ward is in no published family: no words about its neighbours either
    #expect(original["check.md"]!.contains("| \\<60 | \\<60 | niet gepubliceerd |"))
    let before = published.states[0]
    let engine = CellSuppression.forRun(
      Analysis.Run(
        result: before.result, table: run.table, weights: run.weights, specs: outcome.specs,
        settings: outcome.settings), extraColumns: [], relations: [])
    let completions = Completions(engine: engine, pattern: before.pattern)
    let site = try #require(run.table.index(ofCode: "7101616"))
    let cell = TableCell("v2506_elek_nietres_n", site)
    #expect(before.pattern.withheld[cell] == .smallCount)
    for value in Self.candidates(59, threshold: 60) {
      let completion = completions.completion(cell, value)
      #expect(completion != nil, "59 → \(value) is ruled out by the totals")
      guard let values = completion else { continue }
      var table = run.table
      for (k, v) in values { table.columns[k.column]![k.ward] = v }
      let other = try check.run(table)
      let again = try LiveabilityPublication.publish(
        other, patterns: published.states.map(\.pattern))
      for (name, text) in try texts(again) where original[name] != text {
        Issue.record("\(name) tells 59 from \(value): \(F.firstDifference(original[name]!, text))")
      }
    }
  }

  // MARK: - The classic attacks, one by one

  /// The totals attack: subtract the published cells from each published total (city, ward
  /// group, rest of the city) and narrow each withheld cell down; on the exact counts it
  /// gives the small count back, on the published ones it leaves 1 … 4.
  @Test(arguments: ["synthetic", "genk", "housing"])
  func totalsDoNotGiveASmallCountBack(_ name: String) throws {
    let (run, p, extra) = try Self.fixtureCase(name)
    let cells = p.pattern.withheld
    let engine = CellSuppression.forRun(run, extraColumns: extra, relations: [])
    let small = cells.keys.filter {
      SmallNumbers.isSmall(engine.values[$0], threshold: p.threshold)
    }
    #expect(!small.isEmpty)
    for cell in small {
      // With only the small cell withheld (the old rule), the city total gives it back.
      let alone = TotalsAttack(
        values: engine.values, relations: engine.relations, threshold: p.threshold)
      let naive = alone.range(of: cell, withheld: [cell: .smallCount])
      #expect(naive.lower == naive.upper, "the attack works on the old rule")
      let range = alone.range(
        of: cell, withheld: cells, dropped: p.pattern.withheldTotals)
      #expect(
        range.lower <= 1 && range.upper >= Double(p.threshold - 1),
        "\(cell.column) of \(run.table.codes[cell.ward]): the totals narrow it to \(range)")
    }
  }

  /// Rank and z of the other wards: published over the published wards only, so equal for
  /// every value of the withheld one. Over all wards, the z-scores name the count.
  @Test(arguments: ["synthetic", "genk", "housing"])
  func ranksAndZScoresDoNotGiveItBack(_ name: String) throws {
    let (run, p, _) = try Self.fixtureCase(name)
    // a composite index's published scores are computed without the withheld figures
    var scratch = p
    let published = try PublishedIndex.prepare(&scratch, run: run)
    for (k, i) in p.result.indicators.enumerated() {
      let hidden = i.wards.indices.filter { p.withheld(i.id, ward: $0) != nil }
      guard !hidden.isEmpty else { continue }
      let values = i.wards.indices.map {
        hidden.contains($0) ? nil : published.result.indicators[k].wards[$0].value
      }
      let present = values.compactMap { $0 }
      let mean = present.reduce(0, +) / Double(present.count)
      let sd = (present.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(present.count))
        .squareRoot()
      for w in i.wards.indices where !hidden.contains(w) {
        guard let v = values[w] else { continue }
        #expect(i.wards[w].rank == 1 + present.filter { $0 > v }.count, "rank \(i.id) \(w)")
        if sd > 0, let z = i.wards[w].zScore {
          #expect(abs(z - PublishedPrecision.round((v - mean) / sd, 2)) < 1e-9, "z \(i.id) \(w)")
        }
      }
    }
  }

  /// The candidate attack on z, EB, local Moran and Gi*: put each value 1 … 4 in the
  /// withheld ward (the other withheld cells at their true values: a reader who knows more
  /// than any does), recompute over all wards, and keep the values that reproduce the
  /// published figures of the other wards. On the exact figures exactly the true value
  /// survives for z and Gi*; on the published ones never exactly one.
  @Test(arguments: ["synthetic", "genk", "housing"])
  func recomputingWithEachCandidateDoesNotSingleOneOut(_ name: String) throws {
    let (run, p, _) = try Self.fixtureCase(name)
    var attacked = 0
    for (k, spec) in run.specs.enumerated() where spec.kind != .mean {
      let i = p.result.indicators[k]
      let exact = run.result.indicators[k]
      for w in i.wards.indices where p.withheld(i.id, ward: w)?.numerator == .smallCount {
        guard let truth = run.table.columns[spec.numerator]?[w] ?? nil, truth >= 1 else { continue }
        attacked += 1
        var fitsExact: [Double] = []
        var fitsPublished: [Double] = []
        for c in (1..<p.threshold).map(Double.init) {
          var table = run.table
          table.columns[spec.numerator]![w] = c
          let trial = try IndicatorAnalysis.compute(
            spec, table: table, weights: run.weights, settings: run.settings)
          let others = i.wards.indices.filter { p.withheld(i.id, ward: $0) == nil }
          func fits(_ shown: IndicatorResult) -> Bool {
            others.allSatisfy { j in
              Self.same(shown.wards[j].zScore, trial.wards[j].zScore, 2)
                && Self.same(shown.wards[j].giStarZ, trial.wards[j].giStarZ, 2)
                && Self.same(shown.wards[j].smoothedRate, trial.wards[j].smoothedRate, 1)
                && Self.same(shown.wards[j].localMoranI, trial.wards[j].localMoranI, 2)
            }
          }
          if fits(exact) { fitsExact.append(c) }
          if fits(i) { fitsPublished.append(c) }
        }
        #expect(
          fitsExact == [truth],
          "\(i.id) of \(run.table.codes[w]): the attack works on exact figures")
        #expect(fitsPublished.count != 1, "\(i.id) of \(run.table.codes[w]): \(fitsPublished)")
      }
    }
    #expect(attacked > 0)
  }

  /// Maps: a withheld ward is drawn "not published", its tooltip has no number, and the
  /// legend's classes count only the published wards (their bounds come from them).
  @Test(arguments: ["synthetic", "genk", "housing"])
  func mapsNeitherShowNorBoundAWithheldValue(_ name: String) throws {
    let (run, p, _) = try Self.fixtureCase(name)
    let maps = try AnalysisOutputs.drawMaps(p, table: run.table)
    for i in p.result.indicators {
      guard let svg = maps.first(where: { $0.0 == "\(i.id).svg" })?.1 else { continue }
      let hidden = i.wards.indices.filter {
        p.withheld(i.id, ward: $0) != nil && i.wards[$0].value == nil
      }
      for w in hidden {
        let code = run.table.codes[w]
        let path = try #require(
          svg.range(of: "data-ward=\"\(code)\" data-class=\"withheld\""), "\(i.id) \(code)")
        let line = svg[path.upperBound...].prefix { $0 != "\n" }
        let title = line.split(separator: "<title>").last.map(String.init) ?? ""
        #expect(title.contains("niet gepubliceerd") || title.contains("not published"))
        // After the ward's name ("Winterslag 2 en 4: …") no digit.
        let shown = title.split(separator: ":").dropFirst().joined()
        #expect(!shown.contains { $0.isNumber }, "\(i.id) \(code) tooltip: \(title)")
      }
      let classed = i.classes?.counts.reduce(0, +) ?? 0
      #expect(classed == i.wards.filter { $0.value != nil }.count)
      #expect(!hidden.isEmpty == svg.contains("data-kind=\"withheld\""))
    }
  }

  /// No published output prints a number with more digits than its precision.
  @Test(arguments: ["synthetic", "genk", "housing"])
  func noUnroundedNumberAnywhere(_ name: String) throws {
    let (run, p, _) = try Self.fixtureCase(name)
    let texts =
      name == "housing"
      ? try F.housingOutputs(try F.housing.get(), p)
      : try F.outputs(p, table: run.table, weights: run.weights)
    // A decimal point with four digits or more after it; in Dutch text and the Excel CSV
    // (where the comma is no separator) a decimal comma too.
    let point = try Regex(#"\d\.\d{4,}"#)
    let comma = try Regex(#"\d,\d{4,}"#)
    // A family's significance threshold has its own precision, two significant digits
    // (PublishedPrecision.threshold: α/30 is 0.0017): "p < 0,0017" in text, "threshold" in JSON.
    let threshold = try Regex(#"(p \\?< |"threshold" ?: ?)0[.,]0*[1-9]\d?\b"#)
    for (file, all) in texts where !file.hasSuffix(".svg") && !file.hasSuffix(".html") {
      let text = all.replacing(threshold, with: "p < threshold")
      // SVG coordinates have one decimal; HTML inlines them.
      let dutch = file.hasSuffix(".md") || file.contains("(excel)")
      let match =
        Self.context(text, text.firstMatch(of: point)?.range)
        ?? (dutch ? Self.context(text, text.firstMatch(of: comma)?.range) : nil)
      #expect(match == nil, "\(file): \(match ?? "")")
    }
  }

  // MARK: - Cases

  /// `range` of `text` with 40 characters before it, for a message.
  static func context(_ text: String, _ range: Range<String.Index>?) -> String? {
    guard let range else { return nil }
    let start =
      text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex)
      ?? text.startIndex
    return String(text[start..<range.upperBound])
  }

  static func same(_ a: Double?, _ b: Double?, _ decimals: Int) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?):
      abs(a - PublishedPrecision.round(b, decimals)) < 1e-9 || abs(a - b) < 1e-12
    default: false
    }
  }

  static func fixtureCase(_ name: String) throws -> (Analysis.Run, Publication, [String]) {
    switch name {
    case "synthetic":
      let run = try F.synthetic.get()
      return (run, try Publication.make(run), [])
    case "genk":
      let run = try F.genk.get()
      return (run, try Publication.make(run), [])
    default:
      let h = try F.housing.get()
      let earlier = h.housing.dates.count == 2 ? ["dwellings_at_\(h.housing.dates[0])"] : []
      return (h.analysis, try h.publication(), h.housing.brochureColumns + earlier)
    }
  }
}

/// The totals attack, written independently of ``CellSuppression``: each published total
/// minus its published cells is what the withheld cells add up to; bounds tighten line by
/// line until nothing changes.
struct TotalsAttack {
  let values: [TableCell: Double]
  let relations: [CellRelation]
  let threshold: Int

  func range(
    of target: TableCell, withheld: [TableCell: Withheld], dropped: Set<CellRelation.Kind> = []
  ) -> (lower: Double, upper: Double) {
    let t = Double(threshold)
    var lo: [TableCell: Double] = [:]
    var hi: [TableCell: Double] = [:]
    for (c, why) in withheld {
      let small = why == .smallCount
      lo[c] = small ? ((values[c] ?? 0) >= 1 ? 1 : 0) : (why == .complementary ? t : 0)
      hi[c] = small ? t - 1 : .infinity
    }
    let lines = relations.filter { !dropped.contains($0.kind) }
    var changed = true
    var rounds = 0
    while changed && rounds < 200 {
      changed = false
      rounds += 1
      for line in lines {
        let unknown = line.terms.filter { withheld[$0.cell] != nil }
        guard !unknown.isEmpty else { continue }
        // What the withheld cells of the line add up to: the published total minus the rest.
        let total = line.terms.reduce(0.0) { $0 + $1.sign * (values[$1.cell] ?? 0) }
        let published = line.terms.filter { withheld[$0.cell] == nil }
          .reduce(0.0) { $0 + $1.sign * (values[$1.cell] ?? 0) }
        let rest = total - published
        for u in unknown {
          var minOthers = 0.0
          var maxOthers = 0.0
          for o in unknown where o.cell != u.cell {
            let a = o.sign * lo[o.cell]!
            let b = o.sign * hi[o.cell]!
            minOthers += min(a, b)
            maxOthers += max(a, b)
          }
          let x1 = u.sign * (rest - maxOthers)
          let x2 = u.sign * (rest - minOthers)
          if min(x1, x2) > lo[u.cell]! + 1e-9 {
            lo[u.cell] = min(x1, x2)
            changed = true
          }
          if max(x1, x2) < hi[u.cell]! - 1e-9 {
            hi[u.cell] = max(x1, x2)
            changed = true
          }
        }
      }
    }
    return (lo[target] ?? values[target] ?? 0, hi[target] ?? values[target] ?? 0)
  }
}
