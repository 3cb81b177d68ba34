import Cartography
import WijkCore

/// The interactive map of a run (`map.html`): the published choropleths inline, and for each
/// ward the cells of the published table (``WardExport/cells(_:ward:_:_:)``), so the page
/// shows nothing `wards.csv` and `maps/*.svg` do not: the same classes, the same withheld
/// wards, the same rounding.
enum InteractiveMapPage {
  /// The page for `publication`, from the maps drawn for it (`<id>.svg` by name).
  /// - Throws: `CartographyError.nothingToDraw` when no indicator has a map.
  static func html(_ p: Publication, maps: [(String, String)], table: WardTable) throws -> String {
    let t = Words(language: Language(rawValue: p.result.language) ?? .dutch)
    return try page(
      p, maps: maps, table: table, title: t("Wijken op de kaart", "Wards on the map"),
      notes: SummaryReport.illustrativeNotes(p.result) + SummaryReport.credits(p.result)
    ).html()
  }

  /// The page with its title, tables under the map and notes (sources, what is illustrative);
  /// the small-number note is always added.
  static func page(
    _ p: Publication, maps: [(String, String)], table: WardTable, title: String,
    tables: [InteractiveTable] = [], notes: [String]
  ) throws -> InteractiveMap {
    let r = p.result
    let language = Language(rawValue: r.language) ?? .dutch
    let t = Words(language: language)
    let svgs = Dictionary(maps, uniquingKeysWith: { a, _ in a })
    let layers = r.indicators.compactMap { i in
      svgs["\(i.id).svg"].map { InteractiveLayer(indicator: i.id, label: i.label, svg: $0) }
    }
    let wards = r.wards.indices.map { w in
      InteractiveWard(
        id: r.wards[w].code, name: table.shortName(w),
        figures: Dictionary(
          uniqueKeysWithValues: r.indicators.map { ($0.id, figures($0, ward: w, p, t)) }))
    }
    let smallNumbers = t(
      "Dezelfde cijfers als wards.csv en de kaarten in maps/: kleine aantallen zijn niet gepubliceerd (<\(r.smallNumberThreshold) of x), grijs op de kaart.",
      "The same figures as wards.csv and the maps in maps/: small numbers are not published (<\(r.smallNumberThreshold) or x), grey on the map.")
    return try InteractiveMap(
      title: title, layers: layers, wards: wards, tables: tables,
      notes: [smallNumbers] + notes, language: language)
  }

  /// The panel rows of indicator `i` for ward `w`: value, status, share of the city, LQ,
  /// rank, LISA category and hotspot, as the published table has them.
  static func figures(_ i: IndicatorResult, ward w: Int, _ p: Publication, _ t: Words)
    -> [FigureRow]
  {
    let cells = WardExport.cells(i, ward: w, p, t)
    func c(_ cell: WardExport.Cell) -> AttributeValue { cells[cell.rawValue] }
    let unit = i.unit.map { " \($0)" } ?? ""
    func text(_ v: AttributeValue, _ decimals: Int, _ suffix: String = "") -> String? {
      switch v {
      case .real(let x): return t.number(x, decimals) + suffix
      case .integer(let n): return "\(n)"
      case .text(let s): return s.isEmpty ? nil : s
      case .missing: return nil
      }
    }
    let rows: [(String, String?)] = [
      (t("waarde", "value"), text(c(.value), PublishedPrecision.value(i), unit)),
      (t("status", "status"), text(c(.status), 0)),
      (t("aandeel in de stad", "share of the city"), text(c(.shareOfCity), 1, " %")),
      (t("locatiequotiënt", "location quotient"), text(c(.locationQuotient), 2)),
      (t("rang", "rank"), text(c(.rank), 0)),
      (t("LISA", "LISA"), text(c(.lisa), 0)),
      (t("Gi*", "Gi*"), text(c(.hotspot), 0)),
    ]
    return rows.compactMap { label, value in value.map { FigureRow(label: label, text: $0) } }
  }
}
