import Cartography
import WijkCore

/// The online housing brochure: `online/index.html`, one self-contained page for the city's
/// website with the interactive map of the housing indicators and the brochure table below
/// it, from the same ``Publication`` as the printed brochure (`huisvesting_wijken.csv`).
enum HousingOnline {
  /// The page.
  /// - Throws: `CartographyError.nothingToDraw` when no indicator has a map.
  static func html(
    _ run: HousingAnalysis.Run, _ p: Publication, maps: [(String, String)]
  ) throws -> String {
    let language = Language(rawValue: p.result.language) ?? .dutch
    let t = Words(language: language)
    let brochure = HousingBrochure.table(run, p)
    let rows = brochure.rows.map { $0.map { cell($0, t) } }
    // the CSV ends with a blank row and its notes: on the page they are notes under the map
    let end = rows.firstIndex { $0.allSatisfy(\.isEmpty) } ?? rows.count
    let table = InteractiveTable(
      title: t("Huisvesting per wijk", "Housing per ward"),
      header: brochure.columns.map { header($0, p.result, t) }, rows: Array(rows[..<end]))
    var notes = rows[end...].map { $0.filter { !$0.isEmpty }.joined(separator: " ") }
      .filter { !$0.isEmpty }
    notes = SummaryReport.illustrativeNotes(p.result) + notes + SummaryReport.credits(p.result)
    return try InteractiveMapPage.page(
      p, maps: maps, table: run.analysis.table,
      title: t("Huisvesting in de wijken", "Housing in the wards"), tables: [table],
      notes: notes
    ).html()
  }

  /// A column header in the page's language: an indicator's label, "(LQ)" for its location
  /// quotient, the words of the fixed columns, else the column's id (as the CSV has it).
  static func header(_ column: String, _ r: AnalysisResult, _ t: Words) -> String {
    let labels = Dictionary(r.indicators.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    if let label = labels[column] { return label }
    if column.hasSuffix("_lq"), let label = labels[String(column.dropLast(3))] {
      return "\(label) (LQ)"
    }
    if column.hasPrefix("dwellings_at_") {
      return t("woningen op ", "dwellings at ") + column.dropFirst("dwellings_at_".count)
    }
    let words = [
      "wijkcode": t("wijkcode", "code"), "wijk": t("wijk", "ward"),
      "dwellings": t("woningen", "dwellings"), "records": t("registerregels", "records"),
      "dwellings_change": t("verschil woningen", "change in dwellings"),
      "permits": t("vergunningen", "permits"), "subsidies": t("premies", "subsidies"),
      "vacant": t("leegstaand", "vacant"),
    ]
    // a register category (tenure, landlord, dwelling type) has no label in the housing
    // configuration: its id, as the printed brochure shows it
    return words[column] ?? column
  }

  /// A published cell as text: numbers in the page's format with the digits they have.
  static func cell(_ v: AttributeValue, _ t: Words) -> String {
    switch v {
    case .text(let s): return s
    case .integer(let n): return t.number(Double(n), 0)
    case .real(let x):
      let digits = x.shortText.split(separator: ".").dropFirst().first?.count ?? 0
      return t.number(x, digits)
    case .missing: return ""
    }
  }
}
