import Foundation
import WijkCore
import WijkIO

/// One year of a sector indicator as the analysis computes it.
public struct SectorIndicatorYear: Sendable {
  /// The series (``SectorIndicatorSpec/id``).
  public var series: String
  /// The year.
  public var year: Int
  /// The indicator computed on the ward columns (`<id>_<year>`); `nil` for a
  /// not-aggregable indicator, which gets no ward value and no statistics.
  public var spec: IndicatorSpec?
  /// Where the figures come from.
  public var origin: FigureOrigin
  /// Per ward of the table: the aggregation's figure (value, basis, range); `nil` for a
  /// ward the lookup gives no sector.
  public var figures: [WardFigure?]
}

/// Every sector indicator for every year, aggregated to the wards of the layer: the ward
/// columns the yearly indicators are computed from, and what each figure rests on.
public struct SectorYearFigures: Sendable {
  /// Per indicator, per year (oldest first).
  public var years: [[SectorIndicatorYear]]
  /// The indicators, in configuration order.
  public var specs: [SectorIndicatorSpec]
  /// Per indicator, per ward: the sectors of the ward in each year's vintage (code-point
  /// order), to find wards whose definition changes.
  public var sectorsOfWard: [[[String]]]
  /// The ward columns: `Σ columns@year` (e.g. `total@2021`, `x65+rest@2021`), the weighted
  /// mean's numerator `column*weight@year`, and ``SectorIndicatorSpec/areaColumn``.
  public var columns: [String: [Double?]]

  /// The indicators computed per year, as the classic analysis runs them.
  public var indicatorSpecs: [IndicatorSpec] { years.flatMap { $0.compactMap(\.spec) } }
}

/// Reads the sector tables and aggregates every sector indicator for every year through the
/// lookup of that year's vintage (``RuleAggregation``).
///
/// Location-unknown sectors (`xxxxxZZZZ`: not in the lookup, or in a ward without polygon
/// such as `71016ONB`) are reported as not located in ``FigureOrigin/notLocated`` every year;
/// any other sector that reaches no ward of the layer stops the run.
public enum SectorYearAggregation {
  /// - Parameters:
  ///   - configuration: the run's configuration (paths absolute).
  ///   - table: the wards; its areas give ``SectorIndicatorSpec/areaColumn``.
  ///   - language: of the labels and the estimate's sentence.
  /// - Throws: `IOError` for an unreadable file or cell (naming file, line, column),
  ///   `JoinError` for a duplicate sector, ``SectorYearsError`` for a year without rows, mixed
  ///   vintages or sectors without a ward.
  public static func aggregate(_ configuration: AnalysisConfiguration, table: WardTable)
    throws -> SectorYearFigures
  {
    let c = configuration
    var reader = Reader(configuration: c)
    var out = SectorYearFigures(
      years: [], specs: c.sectorIndicators, sectorsOfWard: [], columns: [:])
    out.columns[SectorIndicatorSpec.areaColumn] = table.areaSquareMetres.map { $0 / 1e6 }
    let codes = table.codes.map(KeyNormalisation.codes.normalise)
    for spec in c.sectorIndicators {
      var years: [SectorIndicatorYear] = []
      var sectors: [[String]] = []
      for year in spec.years {
        let (y, wardSectors) = try aggregate(
          spec, year: year, codes: codes, reader: &reader, columns: &out.columns,
          language: c.language)
        years.append(y)
        sectors.append(wardSectors)
      }
      out.years.append(years)
      out.sectorsOfWard.append(sectors)
    }
    return out
  }

  /// The name of a ward column: `Σ columns` in `year`.
  static func column(_ columns: [String], _ year: Int) -> String {
    columns.joined(separator: "+") + "@\(year)"
  }

  /// One indicator in one year: its ward columns, its spec and origin; and per ward of the
  /// layer its sectors in the year's vintage (joined by `,`).
  static func aggregate(
    _ spec: SectorIndicatorSpec, year: Int, codes: [String], reader: inout Reader,
    columns: inout [String: [Double?]], language: String
  ) throws -> (SectorIndicatorYear, [String]) {
    let tables = try reader.tables(for: spec, year: year)
    let vintage = tables[0].vintage
    let figures = try SectorFigures(
      tables.map { t in
        SectorFigures.Source(
          table: t.rows, sectorColumn: t.spec.key,
          columns: t.spec.columns.filter(spec.sectorColumns.contains),
          absentRowsAreZero: t.spec.absentRowsAreZero)
      })
    let sums = sumsOf(spec)
    var rules = sums.map {
      RuleIndicator(name: column($0, year), rule: .ratioOfSums(numerator: $0, base: [], per: 1))
    }
    if !spec.isDensity { rules.append(RuleIndicator(name: "rule", rule: spec.rule)) }
    let aggregated = try RuleAggregation.aggregate(
      figures, lookup: vintage.table, lookupSector: vintage.spec.lookup.sector,
      lookupWard: vintage.spec.lookup.ward, indicators: rules)
    let position = Dictionary(
      aggregated.wards.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    let wardIndex = codes.map { position[$0] }
    let origin = try self.origin(
      spec, year: year, tables: tables, vintage: vintage, aggregated: aggregated,
      figures: figures, onLayer: Set(codes))
    for sum in sums {
      let name = column(sum, year)
      let values = aggregated.figures[name]!
      columns[name] = wardIndex.map { $0.flatMap { values[$0].value } }
    }
    let ruleName = spec.isDensity ? column(sumsOf(spec)[0], year) : "rule"
    let ruleFigures = wardIndex.map { $0.map { aggregated.figures[ruleName]![$0] } }
    let indicator = self.indicator(
      spec, year: year, figures: ruleFigures, columns: &columns, language: language)
    let sectors = wardIndex.map { i in
      i.map { aggregated.figures[ruleName]![$0].sectors.joined(separator: ",") } ?? ""
    }
    return (
      SectorIndicatorYear(
        series: spec.id, year: year, spec: indicator, origin: origin, figures: ruleFigures),
      sectors
    )
  }

  /// The column sets the rule sums: numerator and base of a ratio, the column of a sum, the
  /// weight of a weighted mean (its base).
  static func sumsOf(_ spec: SectorIndicatorSpec) -> [[String]] {
    switch spec.rule {
    case .sum(let c): [[c]]
    case .ratioOfSums(let n, let b, _): spec.isDensity ? [n] : [n, b]
    case .weightedMean(_, let w): [[w]]
    case .notAggregable: []
    }
  }

  /// The yearly indicator on the ward columns; for a weighted mean its numerator column
  /// `column*weight@year` (value × Σ weight) is added, so that numerator / base is the
  /// weighted mean and the base is the residents, withheld with them when small.
  static func indicator(
    _ spec: SectorIndicatorSpec, year: Int, figures: [WardFigure?],
    columns: inout [String: [Double?]], language: String
  ) -> IndicatorSpec? {
    let label = LocalisedText(nl: "\(spec.label.nl) \(year)", en: "\(spec.label.en) \(year)")
    func make(_ kind: IndicatorKind, _ numerator: String, _ base: String?, _ per: Double?)
      -> IndicatorSpec
    {
      IndicatorSpec(
        id: "\(spec.id)_\(year)", kind: kind, numerator: numerator, base: base, per: per,
        label: label, unit: spec.unit, worse: spec.worse)
    }
    switch spec.rule {
    case .sum(let c):
      return make(.count, column([c], year), nil, nil)
    case .ratioOfSums(let n, let b, let per):
      if spec.isDensity {
        var s = make(.mean, column(n, year), SectorIndicatorSpec.areaColumn, nil)
        s.baseIsCount = false
        return s
      }
      return make(.rate, column(n, year), column(b, year), per)
    case .weightedMean(let c, let w):
      let base = column([w], year)
      let numerator = "\(c)*\(w)@\(year)"
      columns[numerator] = zip(figures, columns[base]!).map { f, b in
        guard let v = f?.value, let b else { return nil }
        return v * b
      }
      return make(.mean, numerator, base, nil)
    case .notAggregable:
      return nil
    }
  }

  /// The year's origin, with its location-unknown sectors; other sectors without a ward of
  /// the layer stop the run.
  static func origin(
    _ spec: SectorIndicatorSpec, year: Int, tables: [Reader.YearTable], vintage: Reader.Vintage,
    aggregated: RuleAggregationResult, figures: SectorFigures, onLayer: Set<String>
  ) throws -> FigureOrigin {
    var outside = aggregated.sectorsWithoutWard
    let ruleName =
      aggregated.figures.keys.contains("rule") ? "rule" : aggregated.figures.keys.sorted()[0]
    for (w, ward) in aggregated.wards.enumerated() where !onLayer.contains(ward) {
      let present = Set(figures.sectors)
      outside += aggregated.figures[ruleName]![w].sectors.filter(present.contains)
    }
    outside.sort { $0.precedesByCodePoints($1) }
    let unlocated = outside.filter { $0.hasSuffix("ZZZZ") }
    let others = outside.filter { !$0.hasSuffix("ZZZZ") }
    if !others.isEmpty {
      throw SectorYearsError.sectorsWithoutWard(
        file: Provenance.displayPath(tables[0].spec.file), year: year,
        lookup: Provenance.displayPath(vintage.spec.lookup.file), sectors: others)
    }
    var totals: [String: Double] = [:]
    for columns in sumsOf(spec) {
      for c in columns {
        totals[c] = unlocated.reduce(0) { sum, s in
          if case .value(let v) = figures.cell(c, sector: s) { return sum + v }
          return sum
        }
      }
    }
    return FigureOrigin(
      year: year, files: tables.map { Provenance.displayPath($0.spec.file) },
      vintage: vintage.spec.id, lookup: Provenance.displayPath(vintage.spec.lookup.file),
      notLocated: unlocated, notLocatedTotals: unlocated.isEmpty ? [:] : totals)
  }

  /// Reads each sector table and lookup once, and cuts a table to a year.
  struct Reader {
    struct YearTable {
      var spec: SectorTable
      var rows: Table
      var vintage: Vintage
    }
    struct Vintage {
      var spec: SectorVintage
      var table: Table
    }

    let configuration: AnalysisConfiguration
    var tables: [String: Table] = [:]
    var lookups: [String: Table] = [:]

    init(configuration: AnalysisConfiguration) { self.configuration = configuration }

    /// The tables holding the rule's columns, cut to `year`, all of one vintage.
    mutating func tables(for spec: SectorIndicatorSpec, year: Int) throws -> [YearTable] {
      var out: [YearTable] = []
      for column in spec.sectorColumns {
        guard let t = configuration.sectorTables.first(where: { $0.columns.contains(column) })
        else {
          throw SectorYearsError.unknownColumn(
            indicator: spec.id, column: column,
            available: configuration.sectorTables.flatMap(\.columns))
        }
        if out.contains(where: { $0.spec.id == t.id }) { continue }
        out.append(
          YearTable(spec: t, rows: try rows(t, year: year), vintage: try vintage(t, year: year)))
      }
      let vintages = Array(Set(out.map(\.vintage.spec.id))).sorted()
      if vintages.count > 1 {
        throw SectorYearsError.mixedVintages(indicator: spec.id, year: year, vintages: vintages)
      }
      return out
    }

    /// The rows of `year` (all rows for a table without a year column).
    mutating func rows(_ t: SectorTable, year: Int) throws -> Table {
      let all = try read(t)
      guard let yearColumn = t.yearColumn else { return all }
      let rows = IndicatorTableJoiner.filtered(all, by: [yearColumn: String(year)])
      if rows.rows.isEmpty {
        throw SectorYearsError.noRowsForYear(
          file: Provenance.displayPath(t.file), column: yearColumn, year: year)
      }
      return rows
    }

    mutating func read(_ t: SectorTable) throws -> Table {
      if let cached = tables[t.id] { return cached }
      let markers = MissingValues.standard.adding(configuration.missingValues)
        .adding(t.missingValues ?? [])
      var options = CSVOptions(
        numberConvention: t.decimal.map { $0 == "comma" ? .decimalComma : .decimalPoint },
        encoding: t.encoding.flatMap(TextEncoding.init(name:)), allText: true)
      // Only the columns taken are typed: the others (dates, names) stay as written.
      let header = try CSVReader.read(path: t.file, options: options).table.columns
      options.allText = false
      options.textColumns = Set(header).subtracting(t.columns)
      options.numericColumns = Set(t.columns)
      options.missingValues = markers
      let table = try CSVReader.read(path: t.file, options: options).table
      tables[t.id] = table
      return table
    }

    mutating func vintage(_ t: SectorTable, year: Int) throws -> Vintage {
      let known = configuration.sectorVintages
      guard let id = t.vintages[year] else {
        throw SectorYearsError.yearWithoutVintage(table: t.id, year: year)
      }
      guard let v = known.first(where: { $0.id == id }) else {
        throw SectorYearsError.unknownVintage(table: t.id, vintage: id, known: known.map(\.id))
      }
      if let cached = lookups[v.lookup.file] { return Vintage(spec: v, table: cached) }
      let table = try CSVReader.read(
        path: v.lookup.file,
        options: CSVOptions(
          textColumns: [v.lookup.sector, v.lookup.ward],
          missingValues: MissingValues.standard.adding(configuration.missingValues))
      ).table
      lookups[v.lookup.file] = table
      return Vintage(spec: v, table: table)
    }
  }
}
