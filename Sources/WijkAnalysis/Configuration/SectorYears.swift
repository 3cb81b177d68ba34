import Foundation

// The configuration of figures per statistical sector and year: the sector vintages and their
// lookups, the tables with their years, and the indicators with their aggregation rules.

/// A scheme of statistical sector codes (Statbel renumbers sectors now and then) and the
/// lookup that places its sectors in the wards.
///
/// A ward is defined, per vintage, by the sectors its lookup gives it; a ward whose set of
/// sectors differs between two vintages has a changed definition, and its trend is not
/// carried across the change (``WardSeries/definitionChanged``).
public struct SectorVintage: Sendable, Equatable {
  /// The name tables refer to (e.g. `statsec2020`).
  public var id: String
  /// The sector → ward lookup of this vintage.
  public var lookup: SectorLookup
}

/// A table of figures per statistical sector, for one or several years (`sector_tables:`).
///
/// Its rows are read numeric cell by cell through WijkIO's cell policy; the rows of a year go
/// through the lookup of that year's vintage to the wards, each indicator by its
/// ``AggregationRule``.
public struct SectorTable: Sendable, Equatable {
  /// A short name for messages (`population`).
  public var id: String
  /// The CSV file.
  public var file: String
  /// The sector code column (e.g. `cd_sector`).
  public var key: String
  /// The column holding the year of each row; `nil` for a table of one year.
  public var yearColumn: String?
  /// The years the table must hold (with a `yearColumn`: each one must have rows).
  public var years: [Int]
  /// The vintage of sector codes each year uses (year → ``SectorVintage/id``).
  public var vintages: [Int: String]
  /// The numeric columns to take.
  public var columns: [String]
  /// A sector the table has no row for counts 0 (a count table that lists only sectors with
  /// residents, as Statbel's Census tables); never for means or medians.
  public var absentRowsAreZero: Bool
  /// Further cells that mean "no value", besides the standard list.
  public var missingValues: [String]?
  /// `point` or `comma`; default detected.
  public var decimal: String?
  /// The text encoding; default detected.
  public var encoding: String?
}

/// An indicator aggregated from sector figures by its rule, for the years it states.
public struct SectorIndicatorSpec: Sendable, Equatable {
  /// Identifier; each year's figures are the indicator `<id>_<year>`.
  public var id: String
  /// How sector values become ward values. A `ratio_of_sums` whose base is the built-in
  /// column ``SectorIndicatorSpec/areaColumn`` is a density (per km² of ward polygon).
  public var rule: AggregationRule
  /// The years to compute, oldest first; every table the rule reads must hold each of them.
  public var years: [Int]
  /// The name in maps, tables and reports.
  public var label: LocalisedText
  /// The unit in legends and tables.
  public var unit: LocalisedText?
  /// Which direction is worse.
  public var worse: Direction?

  /// The built-in base column: the ward polygon's area in km² (in the layer's projected CRS),
  /// the same every year.
  public static let areaColumn = "ward_area_km2"

  /// Whether the rule is a density: a ratio of sums over the ward area.
  public var isDensity: Bool {
    if case .ratioOfSums(_, let base, _) = rule { return base == [Self.areaColumn] }
    return false
  }

  /// The sector columns the rule reads (the built-in area excluded).
  public var sectorColumns: [String] { rule.columns.filter { $0 != Self.areaColumn } }
}

/// How each ward's series is tested for a trend (`trend:`).
public struct TrendSpec: Sendable, Equatable {
  /// α of the Mann–Kendall test (two-sided p < α: a significant trend).
  public var significance: Double = 0.05
  /// Fewer years with a value than this: no trend, and the reason said.
  public var minimumYears: Int = 3
}

/// Emerging hot spots (`emerging_hot_spots:`): Gi* per year and the Mann–Kendall test of its
/// z-scores, read as ArcGIS Pro's categories.
public struct EmergingHotSpotSpec: Sendable, Equatable {
  /// The sector indicators to classify; default: every one with at least ``minimumYears``.
  public var indicators: [String]?
  /// α of each year's Gi*.
  public var significance: Double = 0.05
  /// `correction: fdr` (Benjamini–Hochberg over the wards of each year, as ArcGIS Pro; the
  /// default) or `none`.
  public var falseDiscoveryRate: Bool = true
  /// α of the trend test on the z-scores.
  public var trendSignificance: Double = 0.05
  /// Fewer years: not classified (ArcGIS Pro asks for at least 10 time steps).
  public var minimumYears: Int = 10
}

/// A configuration problem of the sector tables and their indicators (exit 78), or a data
/// problem of their rows (exit 65); each names the file, year, column or sector.
public enum SectorYearsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A table refers to a vintage no `sector_vintages:` entry defines.
  case unknownVintage(table: String, vintage: String, known: [String])
  /// A table states a year without a vintage.
  case yearWithoutVintage(table: String, year: Int)
  /// A table with a year column has no row for a year it states.
  case noRowsForYear(file: String, column: String, year: Int)
  /// An indicator reads a column no sector table offers.
  case unknownColumn(indicator: String, column: String, available: [String])
  /// An indicator's year is missing from a table it reads.
  case yearNotInTable(indicator: String, year: Int, table: String, years: [Int])
  /// An indicator reads columns of tables whose sectors use different vintages in a year.
  case mixedVintages(indicator: String, year: Int, vintages: [String])
  /// Sectors reach no ward of the layer (not in the lookup, or in a ward without polygon)
  /// and are not location-unknown (`xxxxxZZZZ`) rows.
  case sectorsWithoutWard(file: String, year: Int, lookup: String, sectors: [String])
  /// A not-aggregable indicator was asked for as a ward value (e.g. for a trend).
  case notAggregable(indicator: String)

  public var description: String {
    switch self {
    case .unknownVintage(let t, let v, let known):
      "sector table '\(t)': the vintage '\(v)' is not among sector_vintages (\(known.joined(separator: ", ")))"
    case .yearWithoutVintage(let t, let y):
      "sector table '\(t)': the year \(y) has no vintage; give vintage: ID or a range per vintage"
    case .noRowsForYear(let f, let c, let y):
      "\(f): no row has \(c) = \(y), a year the configuration names"
    case .unknownColumn(let i, let c, let a):
      "indicator '\(i)' reads the column '\(c)', which no sector table takes; they take: \(a.joined(separator: ", "))"
    case .yearNotInTable(let i, let y, let t, let ys):
      "indicator '\(i)': the year \(y) is not a year of the sector table '\(t)' (\(YearList.text(ys)))"
    case .mixedVintages(let i, let y, let v):
      "indicator '\(i)' in \(y) reads tables of different sector vintages (\(v.joined(separator: ", "))); they cannot be combined sector by sector"
    case .sectorsWithoutWard(let f, let y, let l, let s):
      "\(f), year \(y): \(s.count) sector(s) reach no ward of the layer through \(l): "
        + s.prefix(10).joined(separator: ", ") + (s.count > 10 ? ", …" : "")
        + ". Only location-unknown rows (xxxxxZZZZ) may; fix the lookup or the vintage."
    case .notAggregable(let i):
      "indicator '\(i)' is declared not_aggregable: wijk does not make a ward value of it (its wards show the range of their sectors' values)"
    }
  }
}

/// Years as the configuration writes them: `2021`, `2011-2022`, or a list of either.
enum YearList {
  /// The years a configuration may name: four digits. A range is expanded year by year, so
  /// without a bound `1-9223372036854775807` trapped and `2-2201902` took minutes (found by
  /// Fuzz/Configuration).
  static let valid = 1000...9999

  /// The years of `text` (`2011-2022` or `2021`), or `nil` (also for years outside ``valid``).
  static func parse(_ text: String) -> [Int]? {
    let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
    guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!),
      a <= b, valid.contains(a), valid.contains(b)
    else { return nil }
    return Array(a...b)
  }

  /// `2011–2022` for a run of years, else the list.
  static func text(_ years: [Int]) -> String {
    guard let first = years.first, let last = years.last else { return "no years" }
    if years == Array(first...last) { return first == last ? "\(first)" : "\(first)–\(last)" }
    return years.map(String.init).joined(separator: ", ")
  }
}
