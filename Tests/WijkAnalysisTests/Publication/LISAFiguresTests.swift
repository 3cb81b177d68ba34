import Cartography
import Foundation
import Testing

@testable import WijkAnalysis

/// The significance map and the Moran scatterplot beside each cluster map.
@Suite(.serialized) struct LISAFiguresTests {
  typealias F = PublicationFixtures

  /// The scatterplot's point is local Moran's own: z is the ward's z-score (no ward of Genk
  /// is an island or missing, so the sample is every ward), esda's local I is
  /// (n − 1)/n · z · lag, and the least-squares slope of lag on z is Moran's I (row-standardised
  /// weights). Local Moran and Moran's I are checked against esda in GenkEndToEndTests, so
  /// the points are esda's.
  @Test func theScatterplotPointsAreLocalMoransZAndLag() throws {
    let run = try GenkEndToEndTests.run.get()
    var checked = 0
    for i in run.result.indicators {
      guard let moran = i.city.moran else { continue }
      let wards = i.wards.filter { $0.lisaZ != nil }
      let n = Double(wards.count)
      #expect(wards.count == i.wards.filter { $0.localMoranI != nil }.count, "\(i.id)")
      var (zz, zl) = (0.0, 0.0)
      for w in wards {
        let (z, lag) = (try #require(w.lisaZ), try #require(w.lisaLag))
        #expect(abs(z - (w.zScore ?? .nan)) < 1e-12, "\(i.id) \(w.code) z")
        #expect(abs((n - 1) / n * z * lag - (w.localMoranI ?? .nan)) < 1e-12, "\(i.id) \(w.code)")
        (zz, zl) = (zz + z * z, zl + z * lag)
      }
      #expect(abs(zl / zz - moran.i) < 1e-12, "\(i.id) slope")
      checked += 1
    }
    #expect(checked >= 5, "the five energy indicators")
  }

  /// A ward on the significance map is in the class of its pseudo p when it is a cluster or
  /// outlier on the cluster map, otherwise what the cluster map says.
  @Test func theSignificanceClassIsThePseudoPOfTheClusterMapsSignificantWards() {
    func ward(_ category: String, _ p: Double?) -> WardIndicatorValue {
      var w = WardIndicatorValue(
        code: "x", smallBase: false, lisaCategory: category, undefined: [:], flags: [])
      w.lisaPseudoP = p
      return w
    }
    #expect(LISAFigures.category(ward("HH", 0.001)) == .p0001)
    #expect(LISAFigures.category(ward("LH", 0.002)) == .p001)
    #expect(LISAFigures.category(ward("HL", 0.04)) == .p005)
    #expect(LISAFigures.category(ward("LL", 0.0001)) == .p00001)
    // significant by p but not in the tail of its quadrant, or not after the correction
    #expect(LISAFigures.category(ward("not significant", 0.01)) == .notSignificant)
    #expect(LISAFigures.category(ward("no neighbours", nil)) == .noNeighbours)
    #expect(LISAFigures.category(ward("undefined", nil)) == .noData)
    #expect(LISAFigures.category(ward(PublishedIndicator.notPublished, nil)) == .notPublished)
  }

  /// Genk at a threshold of 50 withholds non-residential connections in five wards: on the
  /// significance map they are "not published", the scatterplot leaves them out and says how
  /// many, and the plotted wards are the published wards of local Moran's sample.
  @Test func aWithheldWardIsNotPlottedAndNotPublishedOnTheSignificanceMap() throws {
    let run = try F.genk.get()
    let p = try Publication.make(run)
    let maps = try AnalysisOutputs.drawMaps(p, table: run.table)
    let names = Set(maps.map(\.0))
    var withheldIndicators = 0
    for i in p.result.indicators {
      let significance = try #require(maps.first { $0.0 == "\(i.id)-lisa-p.svg" }?.1, "\(i.id)")
      #expect(significance.contains("lisa-p-\(i.id)"))
      guard let plot = maps.first(where: { $0.0 == "\(i.id)-moran.svg" })?.1 else {
        #expect(i.city.moran == nil, "\(i.id) has a Moran's I but no scatterplot")
        continue
      }
      let hidden = i.wards.indices.filter { p.withheld(i.id, ward: $0) != nil }
      let plotted = i.wards.indices.filter { i.wards[$0].lisaZ != nil }
      #expect(Set(hidden).isDisjoint(with: plotted), "\(i.id)")
      #expect(plot.components(separatedBy: "<circle").count - 1 == plotted.count, "\(i.id)")
      for w in hidden {
        #expect(LISAFigures.category(i.wards[w]) == .notPublished)
        #expect(!plot.contains("data-ward=\"\(run.table.shortName(w))\""), "\(i.id)")
      }
      if !hidden.isEmpty {
        withheldIndicators += 1
        #expect(plot.contains("\(hidden.count) wijk"), "\(i.id): the note counts the hidden wards")
      }
    }
    #expect(withheldIndicators > 0)
    #expect(names.contains("nonresidential_connections-moran.svg"))
  }

  /// The summary prints the cluster map and the significance map side by side, then the
  /// scatterplot, each a numbered figure; the Markdown links the three files.
  @Test func theSummaryPairsTheClusterAndSignificanceMaps() throws {
    let run = try GenkEndToEndTests.run.get()
    let p = try Publication.make(run)
    let maps = try AnalysisOutputs.drawMaps(p, table: run.table)
    let summary = try SummaryReport.build(p, table: run.table, maps: maps)
    let html = summary.html()
    let id = "gas_share"
    let row = try #require(html.range(of: "<div class=\"figure-row\">"))
    let afterRow = html[row.upperBound...]
    let end = try #require(afterRow.range(of: "</div>"))
    let inRow = afterRow[..<end.lowerBound]
    #expect(inRow.components(separatedBy: "<figure>").count - 1 == 2)
    #expect(html.contains("lisa-\(id)") && html.contains("lisa-p-\(id)"))
    let markdown = summary.markdown()
    for suffix in ["-lisa", "-lisa-p", "-moran"] {
      #expect(markdown.contains("(<maps/\(id)\(suffix).svg>)"), "\(suffix)")
    }
  }
}

/// The configured pair of indicators (`bivariate:`) in the publication.
@Suite(.serialized) struct PublishedBivariateTests {
  typealias F = PublicationFixtures

  /// The synthetic fixture pairs vacancy (small counts withheld) with kWh per household: a
  /// ward withheld in either reads "not published" with no figure, and the others' figures
  /// are the pair computed again without the withheld wards (rounded), never the exact ones.
  @Test func aWardWithheldInEitherIndicatorLeavesThePair() throws {
    let run = try F.synthetic.get()
    let p = try Publication.make(run)
    let exact = try #require(run.result.bivariate?.first)
    let published = try #require(p.result.bivariate?.first)
    let hidden = run.result.wards.indices.filter {
      p.withheld(exact.x, ward: $0) != nil || p.withheld(exact.y, ward: $0) != nil
    }
    #expect(!hidden.isEmpty, "the fixture withholds vacancy somewhere")
    for w in hidden {
      let v = published.wards[w]
      #expect(v.category == PublishedIndicator.notPublished)
      #expect(v.localI == nil && v.quadrant == nil && v.pseudoP == nil)
    }
    func values(_ id: String) throws -> [Double?] {
      let i = try #require(run.result.indicators.first { $0.id == id })
      return i.wards.indices.map { hidden.contains($0) ? nil : i.wards[$0].value }
    }
    let again = try BivariateAnalysis.compute(
      BivariatePairSpec(x: exact.x, y: exact.y), x: values(exact.x), y: values(exact.y),
      labels: (exact.xLabel, exact.yLabel), weights: run.weights, settings: run.settings)
    #expect(published.moranI == PublishedPrecision.round(again.moranI, PublishedPrecision.index))
    #expect(published.moranI != PublishedPrecision.round(exact.moranI, PublishedPrecision.index))
    #expect(published.tests?.tests == again.tests?.tests)
    let maps = try AnalysisOutputs.drawMaps(p, table: run.table)
    #expect(maps.contains { $0.0 == "vacancy-vs-kwh_per_household-lisa.svg" })
  }

  /// A pair naming an indicator the run does not have is a configuration error naming the
  /// key and the indicators there are.
  @Test func anUnknownIndicatorIsAConfigurationError() throws {
    var c = try F.syntheticConfiguration.get()
    c.bivariate = [BivariatePairSpec(x: "vacancy", y: "income")]
    #expect {
      try Analysis.run(c)
    } throws: { error in
      "\(error)".contains("bivariate") && "\(error)".contains("income")
        && "\(error)".contains("kwh_per_household")
    }
  }
}
