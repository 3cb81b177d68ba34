import WijkCore

/// Numbers per statistical sector, gathered from one or more tables by sector code.
///
/// An indicator may need columns from several files of the same year (mean income per sector
/// from the income file, its weight, the residents, from the population file), so the
/// figures are keyed by sector code rather than by row. A sector a file has no row for and an
/// empty cell are kept apart: both make a value missing, for different reasons.
public struct SectorFigures: Sendable {
  /// One table's part: which column holds the sector code and which columns to take.
  public struct Source: Sendable {
    public var table: Table
    public var sectorColumn: String
    public var columns: [String]
    /// Whether a sector without a row counts 0 in every column: true for a count table that
    /// lists only sectors with something to count (Statbel's Census tables have no row for
    /// a sector without residents). Never for means or medians.
    public var absentRowsAreZero: Bool

    public init(
      table: Table, sectorColumn: String, columns: [String], absentRowsAreZero: Bool = false
    ) {
      self.table = table
      self.sectorColumn = sectorColumn
      self.columns = columns
      self.absentRowsAreZero = absentRowsAreZero
    }
  }

  /// What a source holds for one sector and column.
  public enum Cell: Hashable, Sendable {
    case value(Double)
    /// The source has no row for the sector and says such a sector counts 0.
    case zeroForAbsentRow
    /// The row exists, the cell is empty or a missing marker.
    case empty
    /// The source has no row for the sector.
    case noRow
  }

  /// Every sector code of every source (normalised), in code-point order.
  public let sectors: [String]
  /// The file each column comes from.
  public let sourceOfColumn: [String: String]
  private let values: [String: [String: Double?]]
  private let zeroColumns: Set<String>

  /// Reads the columns of every source.
  ///
  /// - Parameters:
  ///   - sources: The tables, each already filtered to one year.
  ///   - normalisation: Applied to the sector codes (default: trim and NFC only).
  /// - Throws: ``AggregationRuleError/columnInSeveralTables(_:sources:)``;
  ///   ``JoinError/missingColumn(_:source:)``,
  ///   ``JoinError/duplicateKeys(source:column:occurrences:)`` (a sector twice in one table),
  ///   ``JoinError/notANumber(source:line:column:value:)``.
  public init(_ sources: [Source], normalisation: KeyNormalisation = .codes) throws {
    var sourceOfColumn: [String: String] = [:]
    var values: [String: [String: Double?]] = [:]
    var sectors: Set<String> = []
    var zeroColumns: Set<String> = []
    for source in sources {
      let table = source.table
      guard let key = table.columnIndex(source.sectorColumn) else {
        throw JoinError.missingColumn(source.sectorColumn, source: table.source)
      }
      let codes = table.rows.map { $0[key].text.map(normalisation.normalise) }
      _ = try KeyJoin.uniqueIndex(
        codes, positions: table.lineNumbers, source: table.source, column: source.sectorColumn)
      let reader = AggregationMerger(table: table, indicators: [], missing: .propagate)
      for column in source.columns {
        if let other = sourceOfColumn[column] {
          throw AggregationRuleError.columnInSeveralTables(column, sources: [other, table.source])
        }
        guard let c = table.columnIndex(column) else {
          throw JoinError.missingColumn(column, source: table.source)
        }
        sourceOfColumn[column] = table.source
        var byCode: [String: Double?] = [:]
        for (r, code) in codes.enumerated() {
          guard let code else { continue }
          byCode[code] = try reader.number(table.rows[r][c], row: r, column: column)
        }
        values[column] = byCode
        if source.absentRowsAreZero { zeroColumns.insert(column) }
      }
      sectors.formUnion(codes.compactMap { $0 })
    }
    self.sectors = sectors.sorted { $0.precedesByCodePoints($1) }
    self.sourceOfColumn = sourceOfColumn
    self.values = values
    self.zeroColumns = zeroColumns
  }

  /// The cell of `column` for `sector` (normalised code); `.noRow` for an unknown column too.
  public func cell(_ column: String, sector: String) -> Cell {
    guard let byCode = values[column] else { return .noRow }
    guard let entry = byCode[sector] else {
      return zeroColumns.contains(column) ? .zeroForAbsentRow : .noRow
    }
    return entry.map(Cell.value) ?? .empty
  }
}
