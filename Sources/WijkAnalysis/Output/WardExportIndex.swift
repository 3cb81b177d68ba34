import Cartography
import WijkCore

/// The ward table's columns of the composite index beside its score's indicator columns
/// (`<id>`, `<id>_rang`, …): the decile and the 5–95 % range of the rank.
extension WardExport {
  /// The columns: English name, Dutch name, type, description in both languages.
  static let indexColumns: [(en: String, nl: String, type: FieldType, about: (String, String))] = [
    ("decile", "deciel", .integer, ("deciel, 1 = het meest achtergestelde tiende", "decile, 1 = the most deprived tenth")),
    ("rank_p5", "rang_p5", .integer, ("5 %-grens van de rang als gewichten en cijfers variëren", "5 % bound of the rank as weights and figures vary")),
    ("rank_p95", "rang_p95", .integer, ("95 %-grens van de rang", "95 % bound of the rank")),
  ]

  /// The exact fields of the working GeoPackage.
  static func indexFields(_ r: AnalysisResult) -> [Field] {
    guard let x = r.index else { return [] }
    return indexColumns.map { Field(name: "\(x.id)_\($0.en)", type: $0.type) }
  }

  /// Ward `w`'s index cells, exact or published (the publication's result has them `nil`
  /// where the score is withheld).
  static func indexRow(_ r: AnalysisResult, ward w: Int) -> [AttributeValue] {
    guard let v = r.index?.wards[w] else { return [] }
    return [v.decile, v.rankRange?[0], v.rankRange?[1]].map {
      $0.map { .integer(Int64($0)) } ?? .missing
    }
  }

  /// The published columns, headers in the run's language.
  static func indexColumns(_ r: AnalysisResult, _ t: Words) -> [Column] {
    guard let x = r.index else { return [] }
    return indexColumns.map {
      Column(
        name: "\(x.id)_\(t($0.nl, $0.en))", type: $0.type,
        description: "\(x.label): \(t($0.about.0, $0.about.1))")
    }
  }

  /// Ward `w`'s published cells: "x" where its score is withheld.
  static func indexCells(_ p: Publication, ward w: Int) -> [AttributeValue] {
    guard let x = p.result.index else { return [] }
    if p.withheld(x.id, ward: w) != nil {
      return indexColumns.map { _ in .text(SmallNumbers.notPublished) }
    }
    return indexRow(p.result, ward: w)
  }
}
