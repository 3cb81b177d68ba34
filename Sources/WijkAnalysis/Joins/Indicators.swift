import Foundation
import WijkCore

/// How an indicator combines when areal units (sectors, wards) are merged.
///
/// Only additive quantities are summed; a rate or mean is always recomputed from summed
/// numerators and bases, never summed or averaged itself (an average of rates weights a
/// sector of 10 households like one of 1,000).
public enum AggregationKind: Hashable, Sendable {
  /// An additive quantity (a count, kWh, m²), summed over the units.
  case count(column: String)
  /// `per × Σ numerator / Σ base` over the units (e.g. `per: 100` for a percentage); missing
  /// when `Σ base` is 0.
  case rate(numerator: String, base: String, per: Double)
  /// A per-unit mean given with its weight (e.g. mean use per connection, with the connection
  /// count): `Σ (mean × weight) / Σ weight`; missing when `Σ weight` is 0.
  case mean(column: String, weight: String)

  /// The table columns the indicator reads.
  var columns: [String] {
    switch self {
    case .count(let c): [c]
    case .rate(let n, let b, _): [n, b]
    case .mean(let c, let w): [c, w]
    }
  }
}

/// One output indicator: its name and how it is computed.
public struct AggregationSpec: Hashable, Sendable {
  /// The output column name.
  public var name: String
  /// Which columns it reads and how they combine.
  public var kind: AggregationKind
  /// Checks nothing; an unknown column is reported when the table is merged.
  public init(name: String, kind: AggregationKind) {
    self.name = name
    self.kind = kind
  }
  /// A count kept under its own column name.
  public static func count(_ column: String) -> AggregationSpec {
    AggregationSpec(name: column, kind: .count(column: column))
  }
}

/// What a merge does when a contributing unit has no value.
public enum MissingPolicy: Hashable, Sendable {
  /// The merged value is missing (the default): a ward total is never silently too low.
  case propagate
  /// Sum the known part; the merge is still flagged in the result.
  case sumKnown
}

/// A merged value that lacked input from some units.
public struct MissingFlag: Hashable, Sendable {
  /// The output row's key (e.g. ward code and period).
  public var key: [String]
  /// The ``AggregationSpec/name`` of the indicator concerned.
  public var indicator: String
  /// The units (e.g. sector codes) whose value was missing.
  public var missingUnits: [String]
  /// Whether the merged value is missing (``MissingPolicy/propagate``) or a partial sum.
  public var resultIsMissing: Bool
}

/// Indicators merged per output key.
public struct AggregatedTable: Sendable {
  /// Names of the key parts (e.g. `["ggw72024", "period"]`).
  public var keyColumns: [String]
  /// One key per output row, sorted in code-point order part by part.
  public var keys: [[String]]
  /// The indicators computed, in the order of each row's `values`.
  public var indicators: [AggregationSpec]
  /// Per row, one value per indicator.
  public var values: [[AttributeValue]]
  /// Per row, how many units were merged.
  public var unitCounts: [Int]
  /// One flag per row and indicator that lacked the value of some unit.
  public var missingFlags: [MissingFlag]

  /// The value of `indicator` in the row with `key`, or `nil` if either is unknown.
  public func value(_ indicator: String, key: [String]) -> AttributeValue? {
    guard let c = indicators.firstIndex(where: { $0.name == indicator }),
      let r = keys.firstIndex(of: key)
    else { return nil }
    return values[r][c]
  }

  /// As a table: key columns, indicators, then `n_units`.
  public func table(source: String) -> Table {
    Table(
      source: source, columns: keyColumns + indicators.map(\.name) + ["n_units"],
      rows: keys.indices.map { r in
        keys[r].map { .text($0) } + values[r] + [.integer(Int64(unitCounts[r]))]
      },
      lineNumbers: keys.indices.map { $0 + 2 })
  }
}

/// Merges table rows into groups, indicator by indicator (see ``AggregationKind``).
struct AggregationMerger {
  let table: Table
  let indicators: [AggregationSpec]
  let missing: MissingPolicy

  /// - Parameters:
  ///   - members: per output key, the table rows to merge and a label for each (unit code).
  /// - Throws: ``JoinError/missingColumn(_:source:)``,
  ///   ``JoinError/notANumber(source:line:column:value:)``.
  func merge(keyColumns: [String], members: [[String]: [(row: Int, unit: String)]])
    throws(JoinError) -> AggregatedTable
  {
    var columnIndex: [String: Int] = [:]
    for name in indicators.flatMap(\.kind.columns) {
      guard let i = table.columnIndex(name) else {
        throw .missingColumn(name, source: table.source)
      }
      columnIndex[name] = i
    }
    let keys = members.keys.sorted { l, r in
      l.lexicographicallyPrecedes(r) { $0.precedesByCodePoints($1) }
    }
    var result = AggregatedTable(
      keyColumns: keyColumns, keys: keys, indicators: indicators, values: [], unitCounts: [],
      missingFlags: [])
    for key in keys {
      let rows = members[key]!
      var out: [AttributeValue] = []
      for spec in indicators {
        let (value, missingUnits) = try mergeOne(spec.kind, rows, columnIndex)
        if !missingUnits.isEmpty {
          result.missingFlags.append(
            MissingFlag(
              key: key, indicator: spec.name, missingUnits: missingUnits,
              resultIsMissing: value.isMissing))
        }
        out.append(value)
      }
      result.values.append(out)
      result.unitCounts.append(rows.count)
    }
    return result
  }

  private func mergeOne(
    _ kind: AggregationKind, _ rows: [(row: Int, unit: String)], _ index: [String: Int]
  ) throws(JoinError) -> (AttributeValue, [String]) {
    var missingUnits: [String] = []
    var sums = [Double](repeating: 0, count: 2)
    var allIntegers = true
    for (row, unit) in rows {
      let parts = try kind.columns.map { (c) throws(JoinError) -> Double? in
        try number(row: row, column: c, index: index[c]!)
      }
      if parts.contains(where: { $0 == nil }) {
        missingUnits.append(unit)
        continue
      }
      switch kind {
      case .count, .rate:
        for (i, p) in parts.enumerated() { sums[i] += p! }
      case .mean:
        sums[0] += parts[0]! * parts[1]!
        sums[1] += parts[1]!
      }
      allIntegers = allIntegers && Self.isWholeNumber(table.rows[row][index[kind.columns[0]]!])
    }
    if !missingUnits.isEmpty && missing == .propagate {
      return (
        .missing(reason: "no value for \(missingUnits.count) of \(rows.count) units"),
        missingUnits
      )
    }
    switch kind {
    case .count:
      let total = sums[0]
      if allIntegers && abs(total) < 9e15 { return (.integer(Int64(total)), missingUnits) }
      return (.real(total), missingUnits)
    case .rate(_, _, let per):
      if sums[1] == 0 { return (.missing(reason: "zero base"), missingUnits) }
      return (.real(per * sums[0] / sums[1]), missingUnits)
    case .mean:
      if sums[1] == 0 { return (.missing(reason: "zero weight"), missingUnits) }
      return (.real(sums[0] / sums[1]), missingUnits)
    }
  }

  /// Whether a cell is written as a whole number (`42`, not `42.0`): counts stay integers.
  private static func isWholeNumber(_ cell: AttributeValue) -> Bool {
    switch cell {
    case .integer: return true
    case .text(let s):
      let t = s.trimmingCharacters(in: .whitespaces)
      return !t.isEmpty && t.drop { $0 == "-" }.allSatisfy { $0.isASCII && $0.isNumber }
    default: return false
    }
  }

  /// The cell as a number; `nil` when missing.
  func number(row: Int, column: String, index: Int) throws(JoinError) -> Double? {
    let cell = table.rows[row][index]
    switch cell {
    case .missing: return nil
    case .integer, .real: return cell.number
    case .text(let s):
      let t = s.trimmingCharacters(in: .whitespaces)
      if t.isEmpty { return nil }
      guard let d = Double(t) else {
        throw .notANumber(
          source: table.source, line: table.lineNumbers[row], column: column, value: s)
      }
      return d
    }
  }
}
