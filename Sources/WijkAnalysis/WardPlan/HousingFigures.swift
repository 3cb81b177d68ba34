import WijkCore
import WijkIO

/// Housing figures per ward, the optional input of a ward plan's housing section.
///
/// The hook for the housing module: `wijk plan --housing FILE` reads a ward-level table
/// (CSV: one row per ward, a ward-code column, then one numeric column per figure, e.g.
/// `dwellings`, `social_rental_units`, `vacant_dwellings`), such as the ward table
/// `wijk housing` writes (its brochure `huisvesting_wijken.csv`). A housing result built in
/// code can be handed over directly with ``init(source:names:values:)``. Columns that are
/// not numeric are left out; a cell the table withholds ("<5", "x") keeps its marker and
/// the column stays, and a whole number below the small-number threshold is withheld by the
/// plan itself (``plan(forWard:threshold:)``).
public struct HousingFigures: Sendable, Equatable {
  /// Where the figures come from (shown under the section).
  public var source: String
  /// Figure names, in table order.
  public var names: [String]
  /// Ward code → one value per name (`nil` = missing, never 0).
  public var values: [String: [Double?]]
  /// Ward code → per name the marker of a cell the table withholds ("<5", "x"), else `nil`.
  public var withheld: [String: [String?]]

  /// Figures built in code; an array of `values` shorter than `names` has no value (`nil`)
  /// for the figures it lacks.
  public init(
    source: String, names: [String], values: [String: [Double?]],
    withheld: [String: [String?]] = [:]
  ) {
    self.source = source
    self.names = names
    self.values = values
    self.withheld = withheld
  }

  /// The marker of a cell a published table withholds ("x", "<5"), read by the standard
  /// missing-value list as confidential or a small count; `nil` for any other cell.
  static func withheldMarker(_ cell: AttributeValue) -> String? {
    guard case .missing(let reason?) = cell,
      let (kind, marker) = MissingValues.kind(ofReason: reason),
      kind == .confidential || kind == .smallCount
    else { return nil }
    return marker
  }

  /// Reads a ward-level table.
  /// - Parameters:
  ///   - path: the table: a CSV (any separator and number convention `CSVReader` detects),
  ///     a workbook, an attribute table or a database (``TableReader``).
  ///   - sheet: its sheet or table (``TableSource/layer``); `nil` for the first or only one.
  ///   - codeColumn: the ward-code column (text, leading zeros kept).
  /// - Throws: `IOError` when the file cannot be read or has no code column (the message
  ///   lists the columns); ``WardPlanError/housingTable(file:reason:)`` without a numeric
  ///   column, or with a ward code twice.
  public static func load(path: String, sheet: String? = nil, codeColumn: String = "code")
    throws -> HousingFigures
  {
    let table = try TableReader.read(
      TableSource(path, layer: sheet), options: CSVOptions(textColumns: [codeColumn])
    ).table
    guard let key = table.columnIndex(codeColumn) else {
      throw WardPlanError.housingTable(
        file: path,
        reason:
          "no column '\(codeColumn)'; the columns are \(table.columns.joined(separator: ", "))")
    }
    let numeric = table.columns.indices.filter { c in isNumeric(table, column: c) && c != key }
    guard !numeric.isEmpty else {
      throw WardPlanError.housingTable(
        file: path, reason: "no numeric column besides '\(codeColumn)'")
    }
    var values: [String: [Double?]] = [:]
    var withheld: [String: [String?]] = [:]
    var lineOf: [String: Int] = [:]
    for (r, row) in table.rows.enumerated() {
      // A code written for Excel as ="0123" is the code 0123.
      guard let code = row[key].text.map(ExcelText.unwrap), !code.isEmpty else { continue }
      if let first = lineOf[code] {
        throw WardPlanError.housingTable(
          file: path,
          reason:
            "ward \(code.visibleInMessages) appears twice "
            + "(lines \(first) and \(table.lineNumbers[r]))")
      }
      lineOf[code] = table.lineNumbers[r]
      values[code] = numeric.map { row[$0].number }
      withheld[code] = numeric.map { c in withheldMarker(row[c]) }
    }
    return HousingFigures(
      source: path, names: numeric.map { table.columns[$0] }, values: values, withheld: withheld)
  }

  /// A column with at least one number and nothing but numbers or missing cells.
  static func isNumeric(_ table: Table, column c: Int) -> Bool {
    var any = false
    for row in table.rows {
      if row[c].number != nil {
        any = true
      } else if !row[c].isMissing {
        return false
      }
    }
    return any
  }

  /// The ward's figures with their rank among the table's published figures (1 = highest,
  /// ties share the smaller rank, as ``WardIndicatorValue/rank``); `nil` when the ward is
  /// not in the table. A cell the table withholds keeps its marker; a whole number from 1
  /// to `threshold` − 1 is withheld as "<threshold"; neither has a rank nor counts in the
  /// ranking, so no rank gives it back.
  public func plan(forWard code: String, threshold: Int) -> PlanHousing? {
    guard let own = values[code] else { return nil }
    // A ward whose array is shorter than `names` has no value for the missing figures.
    func value(_ row: [Double?], _ k: Int) -> Double? { k < row.count ? row[k] : nil }
    func marker(_ ward: String, _ k: Int) -> String? {
      if let m = withheld[ward], k < m.count, let text = m[k] { return text }
      guard let v = values[ward].flatMap({ value($0, k) }), v.rounded() == v,
        SmallNumbers.isSmall(v, threshold: threshold)
      else { return nil }
      return SmallNumbers.marker(.smallCount, threshold: threshold)
    }
    let figures = names.indices.map { k -> HousingFigure in
      let all = values.keys.filter { marker($0, k) == nil }.compactMap {
        values[$0].flatMap { value($0, k) }
      }
      let hidden = marker(code, k)
      let mine = hidden == nil ? value(own, k) : nil
      let rank = mine.map { v in all.filter { $0 > v }.count + 1 }
      return HousingFigure(
        name: names[k], value: mine, rank: rank, rankedWards: all.count, withheld: hidden)
    }
    return PlanHousing(source: source, figures: figures)
  }
}
