import Testing

@testable import WijkAnalysis

/// Significance in the published figures: the multiple-testing families are those of the
/// publication's recomputation over the published wards, and equal the exact ones where
/// nothing is withheld.
@Suite(.serialized) struct PublishedSignificanceTests {
  typealias F = PublicationFixtures

  /// The Genk main job withholds nothing: the published families, thresholds, significant
  /// wards, hotspots, concentration wards and the global Moran decisions are the exact ones.
  @Test func withNothingWithheldThePublishedSignificanceIsTheExact() throws {
    let run = try GenkEndToEndTests.run.get()
    let p = try Publication.make(run)
    #expect(!p.withholdsAnything)
    #expect(p.result.multipleTesting.localTests == run.result.multipleTesting.localTests)
    #expect(
      p.result.multipleTesting.globalMoran?.significant
        == run.result.multipleTesting.globalMoran?.significant)
    for (e, q) in zip(run.result.indicators, p.result.indicators) {
      #expect(q.wards.map(\.lisaCategory) == e.wards.map(\.lisaCategory), "\(e.id)")
      #expect(q.wards.map(\.hotspot) == e.wards.map(\.hotspot), "\(e.id)")
      #expect(q.wards.map(\.flags) == e.wards.map(\.flags), "\(e.id)")
      #expect(q.tests.map(\.tests) == e.tests.map(\.tests), "\(e.id)")
      #expect(q.tests.map(\.significant) == e.tests.map(\.significant), "\(e.id)")
      #expect(q.city.moran?.significant == e.city.moran?.significant, "\(e.id)")
      for (a, b) in zip(q.tests, e.tests) {
        let decimals = PublishedPrecision.threshold(b.threshold)
        #expect(a.threshold == PublishedPrecision.round(b.threshold, decimals), "\(e.id)")
      }
    }
  }

  /// With wards withheld (the synthetic fixture; Genk at a threshold of 50): a withheld ward
  /// has no p, no category, no hotspot and no flag; each family counts the published wards
  /// with a p of the recomputation, and its threshold and significant wards are the
  /// correction applied to their unrounded p-values; the global Moran family is corrected
  /// again over the published indicators.
  @Test(arguments: ["synthetic", "genk"])
  func theFamiliesOfAPublishedIndicatorAreItsPublishedWards(_ name: String) throws {
    let run = try name == "synthetic" ? F.synthetic.get() : F.genk.get()
    let p = try Publication.make(run)
    let s = run.settings
    var recomputedMoran: [Double?] = []
    var withheldSomewhere = false
    for (k, i) in p.result.indicators.enumerated() {
      let hidden = i.wards.indices.map { p.withheld(i.id, ward: $0) != nil }
      withheldSomewhere = withheldSomewhere || hidden.contains(true)
      let shown =
        hidden.contains(true)
        ? try PublishedIndicator.recomputed(run.specs[k], hidden: hidden, run: run)
        : run.result.indicators[k]
      recomputedMoran.append(shown.city.moran?.pseudoP)
      for w in i.wards.indices where hidden[w] {
        let v = i.wards[w]
        #expect(v.lisaCategory == PublishedIndicator.notPublished, "\(i.id) \(v.code)")
        #expect(v.lisaPseudoP == nil && v.giStarPseudoP == nil && v.hotspot == nil)
        #expect(v.flags.isEmpty && v.undefined.isEmpty)
      }
      for (statistic, pOf) in [
        ("local Moran", \WardIndicatorValue.lisaPseudoP), ("Gi*", \.giStarPseudoP),
      ] {
        let tested = shown.wards.indices.compactMap {
          hidden[$0] ? nil : shown.wards[$0][keyPath: pOf]
        }
        let expected = s.multipleTesting.apply(tested, alpha: s.significance)
        guard let family = i.tests.first(where: { $0.statistic == statistic }) else {
          #expect(tested.isEmpty, "\(i.id) \(statistic)")
          continue
        }
        #expect(family.tests == tested.count, "\(i.id) \(statistic)")
        #expect(family.significant == expected.significant.filter { $0 }.count)
        #expect(
          family.threshold
            == PublishedPrecision.round(
              expected.threshold, PublishedPrecision.threshold(expected.threshold)))
        #expect(i.wards.compactMap { $0[keyPath: pOf] }.count == tested.count)
      }
      #expect(
        i.wards.map(\.lisaCategory).enumerated().allSatisfy { w, c in
          hidden[w] || c == shown.wards[w].lisaCategory
        }, "\(i.id)")
      #expect(
        i.wards.map(\.hotspot).enumerated().allSatisfy { w, h in
          hidden[w] || h == shown.wards[w].hotspot
        }, "\(i.id)")
    }
    #expect(withheldSomewhere, "the fixture must withhold wards")
    let tested = recomputedMoran.compactMap { $0 }
    let global = s.multipleTesting.apply(tested, alpha: s.significance)
    #expect(p.result.multipleTesting.globalMoran?.tests == tested.count)
    var k = 0
    for (i, q) in zip(p.result.indicators, recomputedMoran) where q != nil {
      #expect(i.city.moran?.significant == global.significant[k], "\(i.id)")
      k += 1
    }
  }
}
