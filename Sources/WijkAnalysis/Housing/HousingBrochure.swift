import WijkCore

/// The per-ward table for the housing brochure: one row per ward and a city row, counts
/// from 1 to threshold − 1 printed as "<5", shares with one decimal and location quotients
/// with two, written for Belgian Excel (`;`, decimal commas) by ``HousingOutputs``.
///
/// Columns: `wijkcode`, `wijk`, the current date's register columns (``HousingResult/
/// currentColumns``: dwellings, records, category values, flags, years), then for every
/// current indicator that has a base `<id>` and `<id>_lq`, and with two dates
/// `dwellings_at_<earlier date>` and `dwellings_change` (a difference, not suppressed).
public enum HousingBrochure {
  /// The brochure table of `run`: one row per ward in ward-table order, then the city row
  /// (column sums, city values, LQ 1). A share or LQ whose numerator or base is a small count
  /// prints as ``SmallNumbers/notPublished``.
  public static func table(_ run: HousingAnalysis.Run) -> Table {
    let r = run.analysis.result
    let h = run.housing
    let threshold = r.smallNumberThreshold
    let current = Set(r.indicators.prefix(run.currentIndicatorCount).map(\.id))
    let rated = r.indicators.filter { current.contains($0.id) && $0.kind != "count" }
    var columns = ["wijkcode", "wijk"] + h.currentColumns
    for i in rated { columns += [i.id, "\(i.id)_lq"] }
    let earlier = h.dates.count == 2 ? "dwellings_at_\(h.dates[0])" : nil
    if let earlier { columns += [earlier, "dwellings_change"] }
    var rows: [[AttributeValue]] = []
    for w in h.wardCodes.indices {
      var row: [AttributeValue] = [.text(h.wardCodes[w]), .text(run.analysis.table.shortName(w))]
      row += h.currentColumns.map { count(h.columns[$0]?[w] ?? nil, threshold) }
      for i in rated {
        if SmallNumbers.hidesDerived(i.wards[w], threshold: threshold) {
          row += [.text(SmallNumbers.notPublished), .text(SmallNumbers.notPublished)]
        } else {
          row += [rounded(i.wards[w].value, 1), rounded(i.wards[w].locationQuotient, 2)]
        }
      }
      if let earlier {
        row += [
          count(h.columns[earlier]?[w] ?? nil, threshold),
          rounded(h.columns["dwellings_change"]?[w] ?? nil, 0),
        ]
      }
      rows.append(row)
    }
    rows.append(cityRow(run, rated, earlier, threshold))
    return Table(
      source: "huisvesting", columns: columns, rows: rows, lineNumbers: rows.indices.map { $0 + 2 })
  }

  /// The city: column sums, each indicator's city value, LQ 1.
  static func cityRow(
    _ run: HousingAnalysis.Run, _ rated: [IndicatorResult], _ earlier: String?, _ threshold: Int
  ) -> [AttributeValue] {
    let h = run.housing
    func total(_ name: String) -> Double? {
      h.columns[name].flatMap { c in c.contains { $0 == nil } ? nil : c.reduce(0) { $0 + $1! } }
    }
    var row: [AttributeValue] = [
      .text(""), .text(run.analysis.result.language == "en" ? "City" : "Stad"),
    ]
    row += h.currentColumns.map { count(total($0), threshold) }
    for i in rated { row += [rounded(i.city.value, 1), .real(1)] }
    if let earlier {
      row += [count(total(earlier), threshold), rounded(total("dwellings_change"), 0)]
    }
    return row
  }

  /// A count; 1 … threshold − 1 as "<threshold" (``SmallNumbers``).
  static func count(_ x: Double?, _ threshold: Int) -> AttributeValue {
    guard let x else { return .missing }
    if SmallNumbers.isSmall(x, threshold: threshold) { return .text("<\(threshold)") }
    return .integer(Int64(x.rounded()))
  }

  static func rounded(_ x: Double?, _ decimals: Int) -> AttributeValue {
    guard let x else { return .missing }
    if decimals == 0 { return .integer(Int64(x.rounded())) }
    let scale = pow10(decimals)
    return .real((x * scale).rounded() / scale)
  }

  static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
}

extension HousingAnalysis.Run {
  /// How many of `analysis.result.indicators` are on the current date (the rest are the
  /// earlier date's copies).
  public var currentIndicatorCount: Int {
    housing.dates.count == 2
      ? analysis.result.indicators.count / 2 : analysis.result.indicators.count
  }
}
