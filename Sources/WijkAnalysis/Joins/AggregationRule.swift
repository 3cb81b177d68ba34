// How each indicator's sector values become ward values, and what a ward value rests on.

/// How one indicator's sector values become a ward value.
///
/// Each indicator states its rule, because not every figure adds up: a count is summed, a
/// share is recomputed from summed numerators and bases, a mean per declaration can only be
/// estimated from sector means without the number of declarations, and a median cannot be
/// aggregated at all. A ward is missing for an indicator when one of its sectors that matters
/// has no value (never silently left out); see ``RuleAggregation``.
public enum AggregationRule: Hashable, Sendable {
  /// `sum`: Σ over the ward's sectors (residents, households, kWh). Exact.
  case sum(column: String)
  /// `ratio_of_sums`: per × Σ numerator / Σ base, each side summed over the sectors (and over
  /// its columns, e.g. base `x65 + rest`). Exact; missing when Σ base = 0.
  case ratioOfSums(numerator: [String], base: [String], per: Double)
  /// `weighted_mean`: Σ (value × weight) / Σ weight over the sectors, e.g. the
  /// population-weighted mean of sector means per declaration. An **estimate** (the figure's
  /// true weight, such as the number of declarations, is not in the data), flagged as one,
  /// except for a ward with a single sector of non-zero weight, whose value it is. Sectors of
  /// weight 0 add nothing and need no value.
  case weightedMean(column: String, weight: String)
  /// `not_aggregable`: a ward of one sector takes its value; a ward of several is refused and
  /// shows the lowest and highest sector value (a median of the ward lies between them). With
  /// a `weight` (e.g. residents), sectors of weight 0 have nobody to describe and are left
  /// out.
  case notAggregable(column: String, weight: String?)

  /// The name used in a configuration: `sum`, `ratio_of_sums`, `weighted_mean`,
  /// `not_aggregable`.
  public var keyword: String {
    switch self {
    case .sum: "sum"
    case .ratioOfSums: "ratio_of_sums"
    case .weightedMean: "weighted_mean"
    case .notAggregable: "not_aggregable"
    }
  }

  /// The sector columns the rule reads.
  public var columns: [String] {
    switch self {
    case .sum(let c): [c]
    case .ratioOfSums(let n, let b, _): n + b
    case .weightedMean(let c, let w): [c, w]
    case .notAggregable(let c, let w): [c] + (w.map { [$0] } ?? [])
    }
  }
}

/// An indicator with its output name and aggregation rule.
public struct RuleIndicator: Hashable, Sendable {
  /// The output name (e.g. `population`, `income_mean`).
  public var name: String
  /// How its sector values become ward values.
  public var rule: AggregationRule

  public init(name: String, rule: AggregationRule) {
    self.name = name
    self.rule = rule
  }
}

/// A sector whose value an aggregation needed and did not have.
public struct SectorGap: Hashable, Sendable, CustomStringConvertible {
  /// The sector code (as normalised for the join).
  public var sector: String
  /// The column without a value.
  public var column: String
  /// The file that should hold it.
  public var source: String
  /// `true` when the file has no row for the sector at all; `false` for an empty cell
  /// (e.g. a value Statbel does not publish).
  public var noRow: Bool

  public var description: String {
    noRow
      ? "\(sector): no row in \(source)" : "\(sector): no value for \(column) in \(source)"
  }
}

/// How a ward figure was made, or why there is none.
public enum FigureBasis: Hashable, Sendable, CustomStringConvertible {
  /// Computed exactly from its sectors (a sum, a ratio of sums, or a single sector's value).
  case exact
  /// An estimate: the weighted mean of `sectors` sector values of `column`, weighted by
  /// `weight`.
  case estimate(column: String, weight: String, sectors: Int)
  /// No value: sectors that matter lack one.
  case missing([SectorGap])
  /// No value: the base (or total weight) over the ward's sectors is 0.
  case zeroBase
  /// No value: a sector's weight is negative.
  case negativeWeight(sector: String, value: Double)
  /// Refused: the figure does not aggregate and the ward has `sectors` sectors with a value
  /// (``WardFigure/range`` gives their lowest and highest).
  case notAggregable(sectors: Int)

  /// Whether the figure is an estimate (every report must say so, and how it was made).
  public var isEstimate: Bool { if case .estimate = self { true } else { false } }

  public var description: String {
    switch self {
    case .exact: "exact"
    case .estimate(let column, let weight, let sectors):
      "estimate: mean of the \(sectors) sector values of \(column), weighted by \(weight)"
    case .missing(let gaps):
      "missing: " + gaps.map(\.description).joined(separator: "; ")
    case .zeroBase: "missing: the base is 0 over the ward's sectors"
    case .negativeWeight(let sector, let value):
      "missing: sector \(sector) has the negative weight \(value)"
    case .notAggregable(let sectors):
      "not aggregable: the ward has \(sectors) sectors with a value; their range is shown"
    }
  }
}

/// One ward's value of one indicator and what it rests on.
public struct WardFigure: Hashable, Sendable {
  /// The value; `nil` when missing or refused (see ``basis``).
  public var value: Double?
  /// Exact, estimate (and how), missing (and why) or not aggregable.
  public var basis: FigureBasis
  /// The ward's sectors in the lookup, in code-point order.
  public var sectors: [String]
  /// For a refused ``AggregationRule/notAggregable(column:weight:)`` figure: the lowest and
  /// highest value among its sectors.
  public var range: ClosedRange<Double>? = nil
  /// Sectors counted as 0 because their table has no row for them and says such a sector
  /// counts 0 (``SectorFigures/Source/absentRowsAreZero``); a report names them.
  public var zeroForAbsentRow: [String] = []
}

/// A problem with the rules or their columns (data problems give missing figures instead).
public enum AggregationRuleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An indicator reads a column that none of the tables has.
  case unknownColumn(String, indicator: String, available: [String])
  /// Two tables both offer the column, so it is unclear which one is meant.
  case columnInSeveralTables(String, sources: [String])

  public var description: String {
    switch self {
    case .unknownColumn(let column, let indicator, let available):
      "Indicator '\(indicator)' reads the column '\(column)', which no table has. The tables "
        + "have: \(available.joined(separator: ", "))."
    case .columnInSeveralTables(let column, let sources):
      "The column '\(column)' is in \(sources.joined(separator: " and ")); take it from one "
        + "table only."
    }
  }
}
