import Cartography
import SpatialStats

/// The change maps of the sector indicators: per series with a trend, the published change
/// over its period in % of the first year (`maps/<id>-change.svg`), in quantile classes of the
/// wards' changes, and the LISA cluster map of the change (`maps/<id>-change-lisa.svg`,
/// ``ChangeLISA``); a ward withheld in some year of the series is grey, "not published".
enum ChangeMaps {
  /// File name → SVG, one per series with a change.
  static func draw(
    _ p: Publication, table: WardTable, credits: [String], language: Language
  ) throws -> [(String, String)] {
    var maps: [(String, String)] = []
    for s in p.result.series where s.wards.contains(where: { $0.changePercent != nil }) {
      let values = s.wards.map(\.changePercent)
      guard let (classes, palette) = try classes(values) else { continue }
      let withheld = Set(
        table.codes.indices.filter { w in
          s.indicators.contains { id in id.map { p.withheld($0, ward: w) != nil } ?? false }
        }.map { table.codes[$0] })
      let span = "\(s.years.first ?? 0)–\(s.years.last ?? 0)"
      let label =
        language == .dutch
        ? "Verandering \(s.label.lowercased()) \(span)"
        : "Change in \(s.label.lowercased()) \(span)"
      var indicator = IndicatorResult(
        id: "\(s.id)-change", label: label, kind: "mean", unit: "%", worse: "neither", per: nil,
        city: CityIndicatorStatistics(undefined: [:]),
        wards: zip(table.codes, values).map { code, v in
          WardIndicatorValue(
            code: code, numerator: nil, base: nil, value: v, smallBase: false,
            lisaCategory: "no data", undefined: [:], flags: [])
        },
        classes: ClassesSummary(
          method: palette.kind == .diverging
            ? "quantiles below and above 0 (\(classes.bins.count) classes)"
            : classes.method.description,
          upperBounds: classes.bins, counts: classes.counts,
          classOfWard: classes.classIndex, notes: classes.notes),
        warnings: [])
      guard
        let map = try IndicatorMaps.choroplethMap(
          indicator, withheldWardIDs: withheld, table: table, credits: credits,
          language: language, palette: palette)
      else { continue }
      maps.append(("\(s.id)-change.svg", map.svg()))
      guard s.wards.contains(where: { $0.changeLisaCategory != nil }) else { continue }
      for (w, ward) in s.wards.enumerated() {
        indicator.wards[w].lisaCategory =
          withheld.contains(ward.code)
          ? PublishedIndicator.notPublished : ward.changeLisaCategory ?? "no data"
      }
      indicator.tests = s.changeTests.map { [$0] } ?? []
      let r = p.result
      maps.append(
        (
          "\(s.id)-change-lisa.svg",
          try IndicatorMaps.clusters(
            indicator, table: table, credits: credits, language: language,
            significance: r.significance, correction: r.multipleTesting.correction,
            permutations: r.provenance.permutations, seed: r.provenance.seed)
        ))
    }
    return maps
  }

  /// Classes and colours of a change: when wards both lose and gain, 0 is a class bound, the
  /// declines are in up to two quantile classes below it and the gains in up to two above
  /// (RdBu: red decline, blue growth, meeting at 0); with one sign only, five quantiles in
  /// one hue. `nil` when no ward has a change.
  static func classes(_ values: [Double?]) throws -> (Classification, Palette)? {
    let present = values.compactMap { $0 }
    let (losses, gains) = (present.filter { $0 <= 0 }, present.filter { $0 > 0 })
    guard !losses.isEmpty, !gains.isEmpty else {
      guard let c = try Classifier.quantiles(values, classes: 5).value else { return nil }
      return (c, try Palette.named("Blues", classes: c.bins.count))
    }
    func bounds(_ side: [Double]) throws -> [Double] {
      Array(Set(try Classifier.quantiles(side, classes: min(2, side.count)).value?.bins ?? [])).sorted()
    }
    // the losses' highest bound becomes 0, the centre
    let below = try bounds(losses).dropLast().filter { $0 < 0 } + [0]
    let above = try bounds(gains)
    guard let c = try Classifier.userDefined(values, bins: below + above).value else { return nil }
    return (c, try Palette.diverging("RdBu", below: below.count, above: above.count))
  }
}
