import Foundation
import WijkCore
import WijkIO

/// A register row that was not counted in a ward, or counted by the boundary rule.
public struct RegisterPointNote: Sendable, Codable, Equatable {
  /// CSV line (header = 1), or feature number (first = 1) for a point layer.
  public var line: Int
  /// The row's id (``RegisterLayout/id``), when configured.
  public var id: String?
  /// Position in the wards' CRS.
  public var x: Double
  /// Northing in the wards' CRS (metres); ``x`` is the easting.
  public var y: Double
  /// The ward it was counted in (boundary points), `nil` for points outside every ward.
  public var ward: String?
  /// The row's dwellings (1 when the layout has no dwellings column).
  public var dwellings: Double
}

/// What joining one register to the wards found: how many rows and dwellings were counted,
/// and every row outside all wards or on a boundary, by line.
public struct RegisterJoinReport: Sendable, Codable, Equatable {
  /// The register file.
  public var file: String
  /// The register date label (``RegisterFile/date``).
  public var date: String
  /// Rows read from the register, counted or not.
  public var records: Int
  /// Dwellings in all rows, counted or not.
  public var dwellings: Double
  /// Rows counted in a ward: boundary rows included, rows outside every ward not.
  public var countedRecords: Int
  /// Dwellings of the rows counted in a ward.
  public var countedDwellings: Double
  /// Rows outside every ward: reported, not counted.
  public var outside: [RegisterPointNote]
  /// Rows exactly on a ward boundary: counted once, in the covering ward with the smallest
  /// code (``PointJoinMode/assign``).
  public var boundary: [RegisterPointNote]
  /// Year cells outside a series' range, per series: reported, not counted.
  public var yearsOutOfRange: [String: Int]
  /// "transformed from … to …" when the register was not in the wards' CRS, else `nil`.
  public var transformation: String?
  /// The reader's warnings (encoding, number convention), as sentences.
  public var warnings: [String]

  /// Sentences for messages and the working files (English).
  public var sentences: [String] { sentences(dutch: false) }

  /// Sentences for reports, in Dutch or English; the reader's warnings stay as they are.
  public func sentences(dutch: Bool) -> [String] {
    var out: [String] = []
    func t(_ nl: String, _ en: String) -> String { dutch ? nl : en }
    if !outside.isEmpty {
      let lines = outside.map { String($0.line) }.joined(separator: ", ")
      out.append(
        t(
          "\(date): \(outside.count) rij(en) van het register liggen buiten alle wijken en zijn niet geteld (regels \(lines)).",
          "\(date): \(outside.count) register row(s) lie outside every ward and were not counted (lines \(lines))."))
    }
    if !boundary.isEmpty {
      let lines = boundary.map { "\($0.line) → \($0.ward ?? "?")" }.joined(separator: ", ")
      out.append(
        t(
          "\(date): \(boundary.count) rij(en) van het register liggen precies op een wijkgrens; elk is één keer geteld, in de wijk met de kleinste code (regels \(lines)).",
          "\(date): \(boundary.count) register row(s) lie exactly on a ward boundary; each was counted once, in the ward with the smallest code (lines \(lines))."))
    }
    for (name, n) in yearsOutOfRange.sorted(by: { $0.key < $1.key }) where n > 0 {
      out.append(
        t(
          "\(date): \(n) rij(en) hebben een jaar voor `\(name)` buiten het ingestelde bereik; niet geteld.",
          "\(date): \(n) row(s) have a \(name) year outside the configured range; not counted."))
    }
    if let transformation {
      out.append(t("\(date): het register is \(transformation).", "\(date): the register was \(transformation)."))
    }
    return out + warnings
  }
}

/// Sums a register per ward: each row goes to one ward with ``WardPointIndex`` in
/// ``PointJoinMode/assign`` mode (the covering ward with the smallest code), then its
/// dwellings are added to the ward's columns.
///
/// Columns (one value per ward, in the table's order): `records` (rows), `dwellings`, one per
/// category value name and per flag (in dwellings), and per year series `<name>` (rows with
/// a year in range) and `<name>_<year>` for every year of the range. Wards with no row get 0.
public enum RegisterAggregation {
  /// - Returns: the columns and the join report.
  /// - Throws: `PointJoinError` (ward geometry), ``HousingError`` (missing column, bad
  ///   dwelling count, unmapped code, bad year), each naming the line.
  public static func aggregate(
    _ register: HousingRegister, layout: RegisterLayout, wards: WardTable
  ) throws -> (columns: [String: [Double?]], report: RegisterJoinReport) {
    let index = try WardPointIndex(codes: wards.codes, geometries: wards.geometries)
    let joined = index.join(register.positions)
    let dwellings = try dwellingCounts(register, layout)
    let sums = WardSums(wardOfRow: joined.wardOfPoint, wardCount: wards.count)
    sums.columns["records"] = joined.counts.map(Double.init)
    sums.start("dwellings")
    for row in dwellings.indices { sums.add("dwellings", row, dwellings[row]) }
    try addCategories(register, layout, dwellings, sums)
    try addFlags(register, layout, dwellings, sums)
    let outOfRange = try addYears(register, layout, sums)
    let report = makeReport(register, layout, joined, dwellings, wards, outOfRange)
    return (sums.columns.mapValues { $0.map(Optional.some) }, report)
  }

  /// Column sums per ward; a row outside every ward adds nothing.
  final class WardSums {
    let wardOfRow: [Int32]
    let wardCount: Int
    var columns: [String: [Double]] = [:]
    init(wardOfRow: [Int32], wardCount: Int) {
      self.wardOfRow = wardOfRow
      self.wardCount = wardCount
    }
    /// A column of zeros, so that a value nobody has still gets its column.
    func start(_ name: String) { columns[name] = [Double](repeating: 0, count: wardCount) }
    func add(_ name: String, _ row: Int, _ amount: Double) {
      let w = wardOfRow[row]
      guard w >= 0 else { return }
      columns[name, default: [Double](repeating: 0, count: wardCount)][Int(w)] += amount
    }
  }

  static func dwellingCounts(_ r: HousingRegister, _ layout: RegisterLayout) throws -> [Double] {
    guard let name = layout.dwellings else {
      return [Double](repeating: 1, count: r.positions.count)
    }
    let column = try column(r, name)
    return try column.enumerated().map { i, v in
      guard let n = number(v), n >= 0, n == n.rounded() else {
        throw HousingError.badDwellingCount(
          file: r.file, line: r.line(i), column: name, value: v.text ?? "")
      }
      return n
    }
  }

  /// A cell as a number by the one ``CellPolicy`` (layers often store years and counts as
  /// text, written with a decimal point); `nil` for a missing-value marker or other text.
  static func number(_ cell: AttributeValue) -> Double? {
    if case .number(let x, _) = CellPolicy(convention: .decimalPoint).number(cell) { return x }
    return nil
  }

  static func column(_ r: HousingRegister, _ name: String) throws(HousingError) -> [AttributeValue]
  {
    guard let c = r.table.column(name) else {
      throw .unknownColumn(file: r.file, column: name, available: r.table.columns)
    }
    return c
  }

  static func addCategories(
    _ r: HousingRegister, _ layout: RegisterLayout, _ dwellings: [Double], _ sums: WardSums
  ) throws {
    for (_, mapping) in layout.categories.sorted(by: { $0.key < $1.key }) {
      var valueOf: [String: String] = [:]
      for (name, codes) in mapping.codes {
        sums.start(name)
        for code in codes { valueOf[code] = name }
      }
      let ignored = Set(mapping.ignore)
      for (i, cell) in try column(r, mapping.column).enumerated() {
        let code = cell.text ?? ""
        if let name = valueOf[code] {
          sums.add(name, i, dwellings[i])
        } else if !ignored.contains(code) {
          throw HousingError.unknownCode(
            file: r.file, line: r.line(i), column: mapping.column, value: code,
            known: (Array(valueOf.keys) + mapping.ignore).sorted())
        }
      }
    }
  }

  static func addFlags(
    _ r: HousingRegister, _ layout: RegisterLayout, _ dwellings: [Double], _ sums: WardSums
  ) throws {
    for (name, flag) in layout.flags {
      sums.start(name)
      let yes = Set(flag.values)
      for (i, cell) in try column(r, flag.column).enumerated() where yes.contains(cell.text ?? "") {
        sums.add(name, i, dwellings[i])
      }
    }
  }

  /// Counts rows per year; returns how many rows per series had a year out of range.
  static func addYears(
    _ r: HousingRegister, _ layout: RegisterLayout, _ sums: WardSums
  ) throws -> [String: Int] {
    var outOfRange: [String: Int] = [:]
    for (name, series) in layout.years {
      sums.start(name)
      for year in series.from...series.to { sums.start("\(name)_\(year)") }
      outOfRange[name] = 0
      // An empty cell means "none" (a layer may hold an empty text instead of a null).
      for (i, cell) in try column(r, series.column).enumerated()
      where !cell.isMissing && cell.text?.trimmingCharacters(in: .whitespaces).isEmpty == false {
        guard let y = number(cell), y == y.rounded() else {
          throw HousingError.badYear(
            file: r.file, line: r.line(i), column: series.column, value: cell.text ?? "")
        }
        guard (series.from...series.to).contains(Int(y)) else {
          outOfRange[name, default: 0] += 1
          continue
        }
        sums.add(name, i, 1)
        sums.add("\(name)_\(Int(y))", i, 1)
      }
    }
    return outOfRange
  }

  static func makeReport(
    _ r: HousingRegister, _ layout: RegisterLayout, _ joined: PointJoinResult,
    _ dwellings: [Double], _ wards: WardTable, _ outOfRange: [String: Int]
  ) -> RegisterJoinReport {
    let ids = layout.id.flatMap { r.table.column($0) }
    func note(_ i: Int) -> RegisterPointNote {
      let w = joined.wardOfPoint[i]
      return RegisterPointNote(
        line: r.line(i), id: ids?[i].text, x: r.positions[i].x, y: r.positions[i].y,
        ward: w >= 0 ? wards.codes[Int(w)] : nil, dwellings: dwellings[i])
    }
    let counted = joined.wardOfPoint.indices.filter { joined.wardOfPoint[$0] >= 0 }
    return RegisterJoinReport(
      file: r.file, date: r.date, records: r.positions.count, dwellings: dwellings.reduce(0, +),
      countedRecords: counted.count, countedDwellings: counted.reduce(0) { $0 + dwellings[$1] },
      outside: joined.outsidePoints.map(note), boundary: joined.boundaryPoints.map(note),
      yearsOutOfRange: outOfRange, transformation: r.transformation, warnings: r.warnings)
  }
}
