import Cartography
import SpatialStats

/// The change maps of the sector indicators: per series with a trend, the published change
/// over its period in % of the first year (`maps/<id>-change.svg`), in quantile classes of the
/// wards' changes; a ward withheld in some year of the series is grey, "not published".
enum ChangeMaps {
  /// File name → SVG, one per series with a change.
  static func draw(
    _ p: Publication, table: WardTable, credits: [String], language: Language
  ) throws -> [(String, String)] {
    var maps: [(String, String)] = []
    for s in p.result.series where s.wards.contains(where: { $0.changePercent != nil }) {
      let values = s.wards.map(\.changePercent)
      guard let classes = try Classifier.quantiles(values, classes: 5).value else { continue }
      let withheld = Set(
        table.codes.indices.filter { w in
          s.indicators.contains { id in id.map { p.withheld($0, ward: w) != nil } ?? false }
        }.map { table.codes[$0] })
      let span = "\(s.years.first ?? 0)–\(s.years.last ?? 0)"
      let label =
        language == .dutch
        ? "Verandering \(s.label.lowercased()) \(span)"
        : "Change in \(s.label.lowercased()) \(span)"
      let indicator = IndicatorResult(
        id: "\(s.id)-change", label: label, kind: "mean", unit: "%", worse: "neither", per: nil,
        city: CityIndicatorStatistics(undefined: [:]),
        wards: zip(table.codes, values).map { code, v in
          WardIndicatorValue(
            code: code, numerator: nil, base: nil, value: v, smallBase: false,
            lisaCategory: "no data", undefined: [:], flags: [])
        },
        classes: ClassesSummary(
          method: classes.method.description, upperBounds: classes.bins, counts: classes.counts,
          classOfWard: classes.classIndex, notes: classes.notes),
        warnings: [])
      guard
        let map = try IndicatorMaps.choroplethMap(
          indicator, withheldWardIDs: withheld, table: table, credits: credits,
          language: language)
      else { continue }
      maps.append(("\(s.id)-change.svg", map.svg()))
    }
    return maps
  }
}
