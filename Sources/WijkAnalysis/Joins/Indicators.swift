import Foundation
import WijkCore
import WijkIO

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
  /// The reason of each missing unit's cell, in the order of `missingUnits` (`nil` for an
  /// empty cell; else e.g. `"confidential (C)"`).
  public var unitReasons: [String?] = []
  /// For a count, the sum over the units with a value: a lower bound of the unknown total
  /// (only meaningful when the values cannot be negative).
  public var knownPart: Double? = nil
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
  /// What a unit is called in reasons ("sector").
  var unitName = "unit"

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
        let merged = try mergeOne(spec.kind, rows, columnIndex)
        let value = merged.value
        if !merged.missing.isEmpty {
          result.missingFlags.append(
            MissingFlag(
              key: key, indicator: spec.name, missingUnits: merged.missing.map(\.unit),
              unitReasons: merged.missing.map(\.reason), knownPart: merged.knownPart,
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
  ) throws(JoinError) -> (
    value: AttributeValue, missing: [(unit: String, reason: String?)], knownPart: Double?
  ) {
    var missingUnits: [(unit: String, reason: String?)] = []
    var sums = [Double](repeating: 0, count: 2)
    var allIntegers = true
    for (row, unit) in rows {
      var parts: [Double] = []
      for c in kind.columns {
        let cell = table.rows[row][index[c]!]
        guard let x = try number(cell, row: row, column: c) else {
          missingUnits.append((unit, Self.reason(of: cell)))
          break
        }
        parts.append(x)
      }
      guard parts.count == kind.columns.count else { continue }
      switch kind {
      case .count, .rate:
        for (i, p) in parts.enumerated() { sums[i] += p }
      case .mean:
        sums[0] += parts[0] * parts[1]
        sums[1] += parts[1]
      }
      allIntegers = allIntegers && Self.isWhole(table.rows[row][index[kind.columns[0]]!])
    }
    let known: Double? = if case .count = kind { sums[0] } else { nil }
    if !missingUnits.isEmpty && missing == .propagate {
      return (.missing(reason: Self.reason(missingUnits, unitName)), missingUnits, known)
    }
    switch kind {
    case .count:
      let total = sums[0]
      if allIntegers && abs(total) < 9e15 { return (.integer(Int64(total)), missingUnits, known) }
      return (.real(total), missingUnits, known)
    case .rate(_, _, let per):
      if sums[1] == 0 { return (.missing(reason: "zero base"), missingUnits, known) }
      return (.real(per * sums[0] / sums[1]), missingUnits, known)
    case .mean:
      if sums[1] == 0 { return (.missing(reason: "zero weight"), missingUnits, known) }
      return (.real(sums[0] / sums[1]), missingUnits, known)
    }
  }

  /// Why a merged value is missing, naming the units by the kind of their missing cell:
  /// e.g. `confidential: sector 71999A002` or `empty: sectors S3, S7; confidential: sector S5`.
  static func reason(_ missing: [(unit: String, reason: String?)], _ unitName: String) -> String {
    var order: [String] = []
    var units: [String: [String]] = [:]
    for m in missing {
      let kind = MissingValues.kind(ofReason: m.reason)?.kind.rawValue ?? m.reason ?? "no value"
      if units[kind] == nil { order.append(kind) }
      units[kind, default: []].append(m.unit)
    }
    return order.map { k in
      let u = units[k]!
      let names = u.map(\.visibleInMessages).joined(separator: ", ")
      return "\(k): \(unitName)\(u.count == 1 ? "" : "s") \(names)"
    }.joined(separator: "; ")
  }

  /// A text cell (a table built in memory, a layer's text attribute) is read by the one
  /// ``CellPolicy`` with a decimal point, as tables read by ``CSVReader`` already are.
  private static let textPolicy = CellPolicy(convention: .decimalPoint)

  /// The missing-value reason of a missing cell, or of a text cell holding a marker.
  private static func reason(of cell: AttributeValue) -> String? {
    if case .text(let s) = cell, case .missing(let kind, let marker) = textPolicy.read(s) {
      return MissingValues.reason(kind, marker: marker)
    }
    return cell.missingReason
  }

  /// Whether a cell is a whole number (`42`, not `42.0`): counts stay integers.
  private static func isWhole(_ cell: AttributeValue) -> Bool {
    if case .integer = cell { return true }
    if case .text(let s) = cell, case .number(_, let whole) = textPolicy.read(s) { return whole }
    return false
  }

  /// The cell as a number; `nil` when missing (a text cell that is a missing-value marker
  /// too). Other text is an error naming line, column and cell.
  func number(_ cell: AttributeValue, row: Int, column: String) throws(JoinError)
    -> Double?
  {
    switch cell {
    case .missing: return nil
    case .integer, .real: return cell.number
    case .text(let s):
      switch Self.textPolicy.read(s) {
      case .number(let x, _): return x
      case .missing: return nil
      case .notANumber:
        throw .notANumber(
          source: table.source, line: table.lineNumbers[row], column: column, value: s)
      }
    }
  }
}

extension AttributeValue {
  /// The reason of a missing value; `nil` for other values and for a plain missing one.
  var missingReason: String? { if case .missing(let r) = self { r } else { nil } }
}
