import Cartography
import WijkCore

/// The per-ward table for the housing brochure, from the published figures
/// (``HousingAnalysis/Run/publication()``): one row per ward and a city row, then the note
/// of what was withheld and why. Written for Belgian Excel (`;`, decimal commas) by
/// ``HousingOutputs``.
///
/// Columns: `wijkcode`, `wijk`, the brochure's register columns
/// (``HousingResult/brochureColumns``: dwellings, records, category values, flags, the year
/// series' totals), then for every current indicator that has a base `<id>` (one decimal)
/// and `<id>_lq` (two), and with two dates `dwellings_at_<earlier date>` and
/// `dwellings_change`. A withheld count prints "<5" (a small count) or "x" (withheld so that
/// the city row cannot give a small count back); a share, LQ or change computed from a
/// withheld count prints "x".
public enum HousingBrochure {
  /// The brochure table of `run` published as `p`.
  public static func table(_ run: HousingAnalysis.Run, _ p: Publication) -> Table {
    let r = p.result
    let h = run.housing
    let current = run.currentIndicatorIDs
    let rated = r.indicators.filter { current.contains($0.id) && $0.kind != "count" }
    let counts = h.brochureColumns
    var columns = ["wijkcode", "wijk"] + counts
    for i in rated { columns += [i.id, "\(i.id)_lq"] }
    let earlier = h.dates.count == 2 ? "dwellings_at_\(h.dates[0])" : nil
    if let earlier { columns += [earlier, "dwellings_change"] }
    let x = AttributeValue.text(SmallNumbers.notPublished)
    var rows: [[AttributeValue]] = []
    for w in h.wardCodes.indices {
      var row: [AttributeValue] = [.text(h.wardCodes[w]), .text(run.analysis.table.shortName(w))]
      row += counts.map { count($0, w, h, p) }
      for i in rated {
        let v = i.wards[w]
        row +=
          p.withheld(i.id, ward: w) != nil
          ? [x, x] : [real(v.value), real(v.locationQuotient)]
      }
      if let earlier {
        let hidden =
          p.withheld(column: earlier, ward: w) != nil
          || p.withheld(column: "dwellings", ward: w) != nil
        row += [
          count(earlier, w, h, p),
          hidden ? x : integer(h.columns["dwellings_change"]?[w] ?? nil),
        ]
      }
      rows.append(row)
    }
    rows.append(cityRow(run, p, counts, rated, earlier))
    let language = Language(rawValue: r.language) ?? .dutch
    rows.append(Array(repeating: .missing, count: columns.count))
    for note in p.notes(language) {
      rows.append([.missing, .text(note)] + Array(repeating: .missing, count: columns.count - 2))
    }
    return Table(
      source: "huisvesting", columns: columns, rows: rows, lineNumbers: rows.indices.map { $0 + 2 })
  }

  /// The city: column sums (withheld where no cell could protect them), each indicator's
  /// city value, LQ 1.
  static func cityRow(
    _ run: HousingAnalysis.Run, _ p: Publication, _ counts: [String], _ rated: [IndicatorResult],
    _ earlier: String?
  ) -> [AttributeValue] {
    let h = run.housing
    let x = AttributeValue.text(SmallNumbers.notPublished)
    func total(_ name: String) -> AttributeValue {
      if p.withheldColumnTotals.contains(name) { return x }
      return integer(
        h.columns[name].flatMap { c in c.contains { $0 == nil } ? nil : c.reduce(0) { $0 + $1! } })
    }
    var row: [AttributeValue] = [
      .text(""), .text(p.result.language == "en" ? "City total" : "Totaal stad"),
    ]
    row += counts.map(total)
    for i in rated {
      row += p.withheldCity.contains(i.id) ? [x, x] : [real(i.city.value), .real(1)]
    }
    if let earlier {
      let hidden =
        p.withheldColumnTotals.contains(earlier)
        || p.withheldColumnTotals.contains("dwellings")
      row += [total(earlier), hidden ? x : total("dwellings_change")]
    }
    return row
  }

  /// A register count: its marker when withheld, else the whole number.
  static func count(_ column: String, _ w: Int, _ h: HousingResult, _ p: Publication)
    -> AttributeValue
  {
    if let reason = p.withheld(column: column, ward: w) { return .text(p.marker(reason)) }
    return integer(h.columns[column]?[w] ?? nil)
  }

  static func integer(_ x: Double?) -> AttributeValue {
    x.map { .integer(Int64($0.rounded())) } ?? .missing
  }

  static func real(_ x: Double?) -> AttributeValue { x.map(AttributeValue.real) ?? .missing }
}

extension HousingAnalysis.Run {
  /// The ids of `analysis.result.indicators` on the current date: all but the earlier
  /// date's copies (``IndicatorChange/earlierIndicator``), found by id, not as the first
  /// half of the list, which an indicator on one date only would shift.
  public var currentIndicatorIDs: Set<String> {
    let earlier = Set(housing.changes.map(\.earlierIndicator))
    return Set(analysis.result.indicators.map(\.id).filter { !earlier.contains($0) })
  }
}
