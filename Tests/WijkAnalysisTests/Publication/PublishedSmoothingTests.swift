import SpatialStats
import Testing

@testable import WijkAnalysis

/// The published empirical Bayes rates borrow strength from other wards; a withheld ward's
/// counts must not reach them, or a neighbour's published rate would give them back.
@Suite(.serialized) struct PublishedSmoothingTests {
  typealias F = PublicationFixtures

  /// Every published ward's EB rates (global and spatial) are esda's formulas over the
  /// published wards only, rounded as published; the withheld wards have none; and at least
  /// one neighbour of a withheld ward has a spatial rate other than the exact one, so that the
  /// test would see the withheld counts if they were used.
  @Test(arguments: ["synthetic", "genk"])
  func smoothedRatesLeaveWithheldWardsOut(_ name: String) throws {
    let run = try name == "synthetic" ? F.synthetic.get() : F.genk.get()
    let p = try Publication.make(run)
    var moved = 0
    for (k, i) in p.result.indicators.enumerated() where i.kind == "rate" {
      let spec = run.specs[k]
      let hidden = i.wards.indices.map { p.withheld(i.id, ward: $0) != nil }
      guard hidden.contains(true), let base = spec.base else { continue }
      let keep = { (column: [Double?]) in column.indices.map { hidden[$0] ? nil : column[$0] } }
      let events = keep(try run.table.column(spec.numerator))
      let bases = keep(try run.table.column(base))
      let neighbours = run.table.codes.indices.map { Array(run.weights.neighbours(of: $0)) }
      let per = spec.per ?? 100
      let spatial = try EmpiricalBayes.spatialRates(
        events: events, bases: bases, neighbours: neighbours, per: per)
      let global = try EmpiricalBayes.globalRates(events: events, bases: bases, per: per)
      let d = PublishedPrecision.value(i)
      let exact = run.result.indicators[k]
      for (w, v) in i.wards.enumerated() {
        if hidden[w] {
          #expect(v.spatialSmoothedRate == nil && v.smoothedRate == nil, "\(i.id) \(v.code)")
          continue
        }
        let want = PublishedPrecision.round(spatial.values[w].value, d)
        #expect(v.spatialSmoothedRate == want, "\(i.id) \(v.code) spatial EB")
        #expect(v.smoothedRate == PublishedPrecision.round(global.values[w].value, d))
        let nextToWithheld = run.weights.neighbours(of: w).contains { hidden[$0] }
        if nextToWithheld, want != PublishedPrecision.round(exact.wards[w].spatialSmoothedRate, d) {
          moved += 1
        }
      }
    }
    #expect(moved > 0, "no published rate depends on a withheld ward")
  }
}
