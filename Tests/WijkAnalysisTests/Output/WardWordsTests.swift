import Cartography
import Foundation
import SpatialWeights
import Testing
import WijkCore

@testable import WijkAnalysis

/// Every sentence wijk writes about a ward and an indicator (ward-plan standouts, the
/// summary's "why", the LISA and Gi* cells of the tables) is checked against the ward's own
/// figures: its rank, its value and the city's (location quotient). The rules are written
/// here, apart from the wording code, so that they can catch it:
/// - words of a low value ("laag", "lage", "low", "cold", "onder de stad") never for a ward
///   in the top fifth or above the city, and words of a high value never for a ward in the
///   bottom fifth or below the city; the neighbour-only phrases ("omgeven door lage waarden")
///   are the one exception, since they speak of the neighbours;
/// - "in een cluster van hoge waarden" only for a ward above the city in the upper half;
/// - "uitschieter" / "outlier" never for a ward at the city's value;
/// - every number said (percent against the city, "x times the city", rank, "of all n") is
///   the ward's own.
@Suite(.serialized) struct WardWordsTests {
  struct Figures {
    var label: String
    var lq: Double?
    var z: Double?
    var rank: Int?
    var ranked: Int
  }

  static let neighbourPhrases = [
    "omgeven door hoge waarden", "omgeven door lage waarden", "surrounded by high values",
    "surrounded by low values",
  ]

  /// What is wrong with `sentence` about a ward with figures `f` (empty: nothing).
  static func violations(_ sentence: String, _ f: Figures) -> [String] {
    var text = sentence.lowercased().replacingOccurrences(of: f.label.lowercased(), with: "")
    for p in neighbourPhrases { text = text.replacingOccurrences(of: p, with: "") }
    var out: [String] = []
    let d = f.lq.map { $0 - 1 } ?? f.z
    let above = (d ?? 0) >= 0.005
    let below = (d ?? 0) <= -0.005
    let rank = f.rank ?? 0
    let topFifth = f.rank != nil && 5 * (rank - 1) < f.ranked
    let bottomFifth = f.rank != nil && 5 * (f.ranked - rank) < f.ranked
    let upperHalf = f.rank != nil && 2 * rank <= f.ranked
    func says(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
    if says(["laag", "lage", "low", "cold", "onder de stad", "below the city"]),
      topFifth || above
    {
      out.append("low words for a ward at rank \(rank)/\(f.ranked), \(d ?? .nan) from the city")
    }
    if says(["hoog", "hoge", "high", "hot", "boven de stad", "above the city", "concentrat"]),
      bottomFifth || below
    {
      out.append("high words for a ward at rank \(rank)/\(f.ranked), \(d ?? .nan) from the city")
    }
    if says(["cluster van hoge", "cluster of high"]), !(upperHalf && above) {
      out.append("a cluster of high values, but rank \(rank)/\(f.ranked), \(d ?? .nan)")
    }
    if says(["cluster van lage", "cluster of low"]), upperHalf || !below {
      out.append("a cluster of low values, but rank \(rank)/\(f.ranked), \(d ?? .nan)")
    }
    if says(["uitschieter", "outlier"]), !above && !below { out.append("an outlier at the city") }
    if says(["gelijk aan de stad", "level with the city"]), above || below {
      out.append("level with the city, but \(d ?? .nan)")
    }
    for m in matches(#"(\d+)% (boven|onder|above|below) (de|the) (stad|city)"#, text) {
      let n = Int(m[1])!
      let up = m[2] == "boven" || m[2] == "above"
      if let d, n != Int((abs(d) * 100).rounded()) || up != (d > 0) {
        out.append("says \(m[0]) for a difference of \(d)")
      }
    }
    for m in matches(#"(rang|rank) (\d+) (van|of) (\d+)"#, text)
    where Int(m[2]) != f.rank || Int(m[4]) != f.ranked {
      out.append("says \(m[0]) for rank \(rank) of \(f.ranked)")
    }
    for m in matches(#"(van alle|of all) (\d+) (wijken|wards)"#, text) where Int(m[2]) != f.ranked {
      out.append("says \(m[0]) for \(f.ranked) ranked wards")
    }
    for m in matches(#"(\d+)[,.](\d) (keer het stadscijfer|times the city)"#, text) {
      let said = Double("\(m[1]).\(m[2])")!
      if let lq = f.lq, abs(said - lq) > 0.05 + 1e-9 { out.append("says \(m[0]) for LQ \(lq)") }
    }
    let ordinal: [(String, Int)] = [
      ("op één na hoogste", 2), ("op twee na hoogste", 3), ("second highest", 2),
      ("third highest", 3), ("op één na laagste", f.ranked - 1),
      ("op twee na laagste", f.ranked - 2),
      ("second lowest", f.ranked - 1), ("third lowest", f.ranked - 2),
    ]
    if let (words, r) = ordinal.first(where: { text.contains($0.0) }) {
      if rank != r { out.append("says \(words) for rank \(rank)") }
    } else if says(["hoogste", "highest"]), rank != 1 {
      out.append("says highest for rank \(rank)")
    } else if says(["laagste", "lowest"]), rank != f.ranked {
      out.append("says lowest for rank \(rank) of \(f.ranked)")
    }
    return out
  }

  static func matches(_ pattern: String, _ text: String) -> [[String]] {
    let re = try! NSRegularExpression(pattern: pattern)
    let ns = text as NSString
    return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
      (0..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
    }
  }

  /// Every sentence about ward `w` of `i`, in `language`, with the figures to check it by.
  static func sentences(_ i: IndicatorResult, ward w: Int, language: String) -> [String] {
    let ranked = i.wards.filter { $0.rank != nil }.count
    let v = i.wards[w]
    let lang = language == "en" ? Language.english : .dutch
    let indicator = PlanIndicator(
      id: i.id, label: i.label, unit: i.unit, kind: i.kind, worse: i.worse, ward: v,
      cityValue: i.city.value, cityNumeratorTotal: i.city.numeratorTotal,
      cityBaseTotal: i.city.baseTotal, rankedWards: ranked, tests: i.tests)
    let plan = WardPlan(
      code: v.code, name: v.code, shortName: v.code, title: "t", period: nil, language: language,
      wardCount: i.wards.count, neighbours: [], indicators: [indicator], groups: [], trend: [],
      standouts: [], housing: nil, illustrativeInputs: [], credits: [], significance: 0.05,
      multipleTesting: SignificanceSummary(
        correction: .fdr, alpha: 0.05, indicators: [i], globalMoran: nil),
      smallNumberThreshold: 5,
      provenance: Provenance(
        tool: "wijk", toolVersion: "0", libraries: [:], inputs: [], configurationFile: nil,
        seed: 1, permutations: 0, createdAt: "2026-01-01"))
    return Standouts.pick(plan, limit: 100).map(\.text)
      + [
        SummaryReport.why(v, ranked: ranked, Words(language: lang)),
        SpatialWording.lisaLabel(v, rankedWards: ranked, lang),
        SpatialWording.giLabel(v, rankedWards: ranked, lang),
      ]
  }

  /// Checks every sentence of every ward of `indicators`; returns how many were checked.
  @discardableResult
  static func checkAll(_ indicators: [IndicatorResult], _ what: String) -> Int {
    var checked = 0
    for i in indicators {
      let ranked = i.wards.filter { $0.rank != nil }.count
      for (w, v) in i.wards.enumerated() {
        let f = Figures(
          label: i.label, lq: i.kind == "count" ? nil : v.locationQuotient, z: v.zScore,
          rank: v.rank, ranked: ranked)
        for language in ["nl", "en"] {
          for s in sentences(i, ward: w, language: language) where !s.isEmpty {
            checked += 1
            let wrong = violations(s, f)
            #expect(wrong.isEmpty, "\(what) \(i.id) \(v.code) [\(language)] \"\(s)\": \(wrong)")
          }
        }
      }
    }
    return checked
  }

  @Test func noSentenceOfTheGenkMainJobContradictsTheWardsFigures() throws {
    let run = try GenkEndToEndTests.run.get()
    let checked = Self.checkAll(run.result.indicators, "Genk")
    #expect(checked > 300)
  }

  // The checker itself catches what the issue saw before the words were fixed.
  @Test func theCheckerCatchesTheOldContradictions() {
    let top = Figures(label: "Leegstand", lq: 2.15, z: 2.8, rank: 1, ranked: 30)
    #expect(!Self.violations("Gi*-coldspot voor leegstand (z = -0,53, p = 0,027)", top).isEmpty)
    let below = Figures(label: "x", lq: 0.95, z: -0.3, rank: 17, ranked: 30)
    #expect(!Self.violations("uitschieter (LH), hotspot", below).isEmpty)
    let level = Figures(label: "x", lq: 0.997, z: 0.1, rank: 12, ranked: 30)
    #expect(!Self.violations("ruimtelijke uitschieter (HL) voor x", level).isEmpty)
    #expect(!Self.violations("X: 53,0%, 40% boven de stad (rang 2 van 30)", top).isEmpty)
    #expect(Self.violations("Leegstand: hoge waarde, omgeven door lage waarden", top).isEmpty)
  }

  // MARK: - Constructed layouts

  /// A 5 × 5 rook lattice of wards W01…W25 (row by row) with a rate per 100: numerator
  /// `rates[k] · base / 100` on `bases[k]` (1000 each unless given).
  static func lattice(_ rates: [Double], bases: [Double]? = nil, correction: String = "none")
    throws -> IndicatorResult
  {
    let n = 5
    let codes = (1...25).map { String(format: "W%02d", $0) }
    var neighbours: [[Int]] = []
    for r in 0..<n {
      for c in 0..<n {
        var list: [Int] = []
        if r > 0 { list.append((r - 1) * n + c) }
        if c > 0 { list.append(r * n + c - 1) }
        if c < n - 1 { list.append(r * n + c + 1) }
        if r < n - 1 { list.append((r + 1) * n + c) }
        neighbours.append(list)
      }
    }
    let weights = try SpatialWeights(ids: codes, neighbours: neighbours)
    let b = bases ?? Array(repeating: 1000, count: 25)
    let table = WardTable(
      source: "lattice", crs: .epsg(31370), codes: codes, names: codes,
      geometries: Array(repeating: .collection([]), count: 25),
      areaSquareMetres: Array(repeating: 1e6, count: 25),
      labelPoints: Array(repeating: Coordinate(x: 0, y: 0), count: 25),
      columns: [
        "n": zip(rates, b).map { Optional($0 * $1 / 100) }, "b": b.map(Optional.some),
      ])
    let config = try ConfigurationLoader.parse(
      """
      wards: { file: w.geojson, code: code, name: name }
      indicators:
        - { id: rate, kind: rate, numerator: n, base: b, per: 100, label: Leegstand, unit: "%" }
      multiple_testing: \(correction)
      """, file: "/tmp/lattice.yaml")
    return try IndicatorAnalysis.compute(
      config.indicators[0], table: table, weights: weights,
      settings: IndicatorSettings(configuration: config))
  }

  /// Centre W13 is the highest ward, its four neighbours the four lowest: esda's Gi* tail is
  /// "cold" (its neighbours are low). Corner W01 is low with the two highest others beside it.
  static let topAmongLow: [Double] = {
    var v: [Double] = [9, 58, 12, 14, 16, 59, 18, 1, 20, 22, 24, 2, 60, 3, 26, 28, 30, 4]
    v += [32, 34, 36, 38, 40, 42, 44]
    return v
  }()

  @Test func theHighestWardAmongLowNeighboursIsNeverCalledCold() throws {
    let i = try Self.lattice(Self.topAmongLow)
    let top = i.wards[12]
    #expect(top.rank == 1)
    #expect(top.hotspot == "coldspot")  // the statistic: its neighbours are significantly low
    #expect(top.lisaCategory == "HL")
    let nl = Self.sentences(i, ward: 12, language: "nl")
    #expect(nl.contains { $0.contains("hoge waarde, omgeven door lage waarden") }, "\(nl)")
    let low = i.wards[0]
    #expect(low.hotspot == "hotspot" && low.lisaCategory == "LH")
    let en = Self.sentences(i, ward: 0, language: "en")
    #expect(en.contains { $0.contains("low value surrounded by high values") }, "\(en)")
    Self.checkAll([i], "top among low")
  }

  /// W25 (a corner) is exactly at the city's rate (and the wards' mean) with the two lowest
  /// values beside it; W07 is a concentration ward (LQ 3) whose neighbours are unremarkable.
  static let atTheCity: [Double] = [
    14, 22, 18, 26, 12, 20, 60, 18, 24, 16, 28, 20, 14, 30, 10, 22, 26, 12, 16, 1, 24, 18, 27, 2,
    20,
  ]

  @Test func aWardAtTheCitysValueIsNoOutlierAndAConcentrationWardNeedsNoCluster() throws {
    let rates = Self.atTheCity
    #expect(rates.count == 25 && rates.reduce(0, +) == 500 && rates[24] == 20)
    let i = try Self.lattice(rates)
    let level = i.wards[24]
    #expect(abs(level.locationQuotient! - 1) < 1e-12)
    #expect(level.lisaPseudoP == 1)  // at the mean: I = 0 whatever the neighbours
    #expect(level.hotspot == "coldspot")
    let words = Self.sentences(i, ward: 24, language: "nl")
    #expect(
      words.contains {
        $0 == "Leegstand: omgeven door lage waarden (Gi* p = \(Self.p(level.giStarPseudoP))" + ")"
      }, "\(words)")
    let kolderbos = i.wards[6]
    #expect(kolderbos.flags.contains("concentration ward"))
    #expect(kolderbos.lisaCategory == "not significant" && kolderbos.hotspot == nil)
    let plan = Self.sentences(i, ward: 6, language: "nl")
    #expect(
      plan.first
        == "Concentratiewijk voor leegstand: 60,0%, 3,0 keer het stadscijfer van 20,0% (hoogste van alle 25 wijken)"
    )
    Self.checkAll([i], "at the city")
  }

  static func p(_ v: Double?) -> String {
    String(format: "%.3f", v ?? .nan).replacingOccurrences(of: ".", with: ",")
  }

  // A city rate dominated by large wards: the three highest wards hold most dwellings, so the
  // city's rate (about 57%) is far above the wards' mean (about 24%). A ward at 30–44% is
  // above the mean (local Moran "H") but below the city: never "high".
  @Test func aWardBetweenTheMeanAndTheCityIsNeitherHighNorLow() throws {
    var bases = Array(repeating: 100.0, count: 25)
    for k in [1, 5, 12] { bases[k] = 20_000 }
    let i = try Self.lattice(Self.topAmongLow, bases: bases)
    Self.checkAll([i], "weighted city")
    let between = i.wards.indices.filter {
      i.wards[$0].lisaQuadrant?.first == "H" && i.wards[$0].locationQuotient! < 1
    }
    #expect(between.count >= 5)
    for k in between {
      let text = Self.sentences(i, ward: k, language: "nl").joined(separator: " | ")
      #expect(!text.contains("hoge waarde,") && !text.contains("cluster van hoge"), "\(text)")
    }
  }
}
