import WijkCore
import WijkIO

/// Housing figures per ward, the optional input of a ward plan's housing section.
///
/// The hook for the housing module: `wijk plan --housing FILE` reads a ward-level table
/// (CSV: one row per ward, a ward-code column, then one numeric column per figure, e.g.
/// `dwellings`, `social_rental_units`, `vacant_dwellings`), such as the ward table
/// `wijk housing` writes. A housing result built in code can be handed over directly with
/// ``init(source:names:values:)``. Columns that are not numeric are left out.
public struct HousingFigures: Sendable, Equatable {
  /// Where the figures come from (shown under the section).
  public var source: String
  /// Figure names, in table order.
  public var names: [String]
  /// Ward code → one value per name (`nil` = missing, never 0).
  public var values: [String: [Double?]]

  /// Figures built in code; an array of `values` shorter than `names` has no value (`nil`)
  /// for the figures it lacks.
  public init(source: String, names: [String], values: [String: [Double?]]) {
    self.source = source
    self.names = names
    self.values = values
  }

  /// Reads a ward-level CSV.
  /// - Parameters:
  ///   - path: the CSV file (any separator and number convention `CSVReader` detects).
  ///   - codeColumn: the ward-code column (text, leading zeros kept).
  /// - Throws: `IOError` when the file cannot be read or has no code column (the message
  ///   lists the columns); ``WardPlanError/housingTable(file:reason:)`` without a numeric
  ///   column, or with a ward code twice.
  public static func load(path: String, codeColumn: String = "code") throws -> HousingFigures {
    let table = try CSVReader.read(path: path, options: CSVOptions(textColumns: [codeColumn])).table
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
    var lineOf: [String: Int] = [:]
    for (r, row) in table.rows.enumerated() {
      guard let code = row[key].text else { continue }
      if let first = lineOf[code] {
        throw WardPlanError.housingTable(
          file: path,
          reason:
            "ward \(code.visibleInMessages) appears twice "
            + "(lines \(first) and \(table.lineNumbers[r]))")
      }
      lineOf[code] = table.lineNumbers[r]
      values[code] = numeric.map { row[$0].number }
    }
    return HousingFigures(source: path, names: numeric.map { table.columns[$0] }, values: values)
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

  /// The ward's figures with their rank among the table's wards (1 = highest, ties share the
  /// smaller rank, as ``WardIndicatorValue/rank``); `nil` when the ward is not in the table.
  public func plan(forWard code: String) -> PlanHousing? {
    guard let own = values[code] else { return nil }
    // A ward whose array is shorter than `names` has no value for the missing figures.
    func value(_ row: [Double?], _ k: Int) -> Double? { k < row.count ? row[k] : nil }
    let figures = names.indices.map { k -> HousingFigure in
      let all = values.values.compactMap { value($0, k) }
      let mine = value(own, k)
      let rank = mine.map { v in all.filter { $0 > v }.count + 1 }
      return HousingFigure(name: names[k], value: mine, rank: rank, rankedWards: all.count)
    }
    return PlanHousing(source: source, figures: figures)
  }
}
