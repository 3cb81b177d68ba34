import Foundation
import WijkCore
import WijkIO

/// What `wijk join` joins onto the wards.
public enum JoinSource: Sendable, Equatable {
  /// A table with one row per ward, matched on `key` (as text; `padKeys` left-pads all-digit
  /// keys with zeros to that width, for codes Excel stripped).
  case table(file: String, key: String, padKeys: Int?)
  /// A table per statistical sector, aggregated to wards through a sector → ward lookup:
  /// every numeric column is summed; `ratios` are recomputed from the summed numerator and base.
  case sectors(
    file: String, sectorKey: String, lookup: String, lookupSector: String, lookupWard: String,
    filter: [String: String], ratios: [RatioSpec])
  /// Points counted per ward (`x`, `y` columns in `crs`; `nil` = the ward layer's CRS), and
  /// the point attributes `sums` summed per ward (residents or dwellings per address point).
  case points(
    file: String, x: String, y: String, crs: String?, boundary: String, id: String?,
    sums: [String] = [])
  /// A polygon layer interpolated to wards by area: extensive variables (counts) split by
  /// area share, intensive ones (densities) area-weighted, `ratios` recomputed from the
  /// split numerators and bases. `id` names the source polygons in the report (default:
  /// their first text field).
  case areal(
    file: String, layer: String?, extensive: [String], intensive: [String],
    ratios: [RatioSpec] = [], id: String? = nil)
}

/// A ratio recomputed from sums: `name = per × Σ numerator / Σ base`.
public struct RatioSpec: Sendable, Equatable {
  /// The column the ratio is written to on the wards.
  public var name: String
  /// The column summed for the numerator (e.g. households with a gas connection).
  public var numerator: String
  /// The column summed for the base (e.g. all households).
  public var base: String
  /// Multiplier of the ratio: 100 for a percentage, 1 for a mean (`name=num/base` without `*per`).
  public var per: Double

  /// A ratio as given, unchecked; ``parse(_:option:)`` reads and checks one from option text.
  public init(name: String, numerator: String, base: String, per: Double) {
    self.name = name
    self.numerator = numerator
    self.base = base
    self.per = per
  }

  /// Parses "name=num/base*per" (rate) or "name=num/base" (mean, per 1).
  ///
  /// - Throws: ``CommandInputError/invalidOption(name:value:expected:)``.
  public static func parse(_ text: String, option: String) throws(CommandInputError) -> RatioSpec {
    let bad = CommandInputError.invalidOption(
      name: option, value: text, expected: "name=numerator/base" + (option == "rate" ? "*per" : ""))
    let sides = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard sides.count == 2, !sides[0].isEmpty else { throw bad }
    var rest = sides[1]
    var per = 1.0
    if let star = rest.lastIndex(of: "*") {
      guard let p = Double(rest[rest.index(after: star)...]) else { throw bad }
      per = p
      rest = String(rest[..<star])
    }
    let parts = rest.split(separator: "/").map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw bad }
    return RatioSpec(name: sides[0], numerator: parts[0], base: parts[1], per: per)
  }
}

/// A `wijk join` request: the ward layer, its code field and what to join.
public struct JoinRequest: Sendable, Equatable {
  /// Path of the ward layer (GeoJSON, GeoPackage, Shapefile) the columns are joined onto.
  public var wards: String
  /// Layer name in a GeoPackage with several layers; `nil` for the file's only spatial layer.
  public var layer: String?
  /// The ward-code field of the ward layer, matched as text (leading zeros kept).
  public var code: String
  /// What is joined onto the wards, and how.
  public var source: JoinSource
  /// Unmatched rows, wards or points outside every ward are warnings instead of errors.
  public var allowUnmatched: Bool
  /// The text encoding of every input, overriding `.cpg`, the DBF header and detection.
  public var encoding: TextEncoding?
  /// The number convention of CSV inputs, overriding detection from the separator.
  public var decimal: NumberConvention?
  /// The ward layer options (CRS, repair, overlaps, duplicates), as in every command; the
  /// ward layer's encoding is `encoding` unless these name one.
  public var wardOptions: WardLoadingOptions
  /// The cells that mean "no value" in numeric columns (`--missing-values` adds to the
  /// standard list).
  public var missingValues: MissingValues = .standard
  /// The sheet or table, header row and rows to skip of the table joined (`--sheet`,
  /// `--header-row`, `--skip-rows`; for `--table`, `--sectors` or `--points`).
  public var part = TablePart()
  /// Records the stages of the run (`--timing`): read, prepare, compute (and the caller's
  /// write); `nil` records nothing.
  public var clock: StageClock? = nil
  /// The sheet or table of the sector → ward lookup (`--lookup-sheet`).
  public var lookupPart = TablePart()

  /// A request as given; files and fields are checked only when ``JoinCommand/run(_:)`` reads them.
  public init(
    wards: String, layer: String? = nil, code: String, source: JoinSource,
    allowUnmatched: Bool = false, encoding: TextEncoding? = nil, decimal: NumberConvention? = nil,
    wardOptions: WardLoadingOptions = WardLoadingOptions()
  ) {
    self.wardOptions = wardOptions
    self.decimal = decimal
    self.wards = wards
    self.layer = layer
    self.code = code
    self.source = source
    self.allowUnmatched = allowUnmatched
    self.encoding = encoding
  }
}

extension JoinRequest {
  /// The CSV options of every table this request reads: its encoding, number convention and
  /// missing-value markers.
  func csvOptions(textColumns: Set<String>, numericColumns: Set<String> = []) -> CSVOptions {
    CSVOptions(
      numberConvention: decimal, encoding: encoding, textColumns: textColumns,
      numericColumns: numericColumns, missingValues: missingValues)
  }

  /// Reads the table joined (`file`, with ``part``) through the one table reader.
  func readTable(_ file: String, options: CSVOptions) throws(IOError) -> TableReading {
    try TableReader.read(part.source(file), options: options)
  }
}

/// What a join did: `wijk join` prints it on stderr and, with `--json`, on stdout.
public struct JoinCommandReport: Codable, Sendable, Equatable {
  /// "table", "sectors", "points (assign)", "areal".
  public var kind: String
  /// Number of wards (features) in the ward layer.
  public var wards: Int
  /// Wards that received data (rows, sectors, points or overlapping area).
  public var matched: Int
  /// Ward codes without data.
  public var unmatchedWards: [String]
  /// Keys, sectors or points (ids) that reached no ward.
  public var unmatched: [String]
  /// Points on a ward boundary (counted by the boundary rule).
  public var onBoundary: [String]
  /// Points outside every ward.
  public var outside: [String]
  /// Wards repaired by GEOS make-valid (`--repair`).
  public var repaired: [String]
  /// Columns added to the wards.
  public var columns: [String]
  /// Sentences: the join report, reader notes, warnings.
  public var notes: [String]
  /// Areal interpolation: each source polygon split over several wards, or partly outside
  /// every ward, with its area shares.
  public var splitSources: [SplitSource] = []
  /// Areal interpolation: per extensive column, what lies outside every ward.
  public var outsideWards: [OutsideTotal] = []
  /// The file written, with its format and CRS, once ``JoinCommand/write(_:to:format:report:)``
  /// has written it.
  public var output: String?
  /// Missing cells of the joined or summed columns, per column and kind (`C`, `<5`, …).
  public var missingCells: [MissingCellCount] = []

  /// Records the missing cells (not the empty ones) and says them in a note.
  mutating func noteMissing(_ counts: [MissingCellCount]) {
    let marked = counts.filter { $0.kind != .empty }
    missingCells += marked
    if !marked.isEmpty {
      notes.append(
        "missing values, each for its cell only (never read as 0): "
          + marked.map(\.description).joined(separator: "; "))
    }
  }

  /// The lines printed on stderr.
  public var text: String {
    var lines = ["join (\(kind)): \(matched) of \(wards) wards matched"]
    // Long lists are cut to their first 20 here; --json keeps every item.
    if !unmatchedWards.isEmpty {
      lines.append("wards without data (\(unmatchedWards.count)): " + shortList(unmatchedWards))
    }
    if !unmatched.isEmpty { lines.append("unmatched (\(unmatched.count)): " + shortList(unmatched)) }
    if !onBoundary.isEmpty {
      lines.append("on a boundary (\(onBoundary.count)): " + shortList(onBoundary))
    }
    if !outside.isEmpty {
      lines.append("outside every ward (\(outside.count)): " + shortList(outside))
    }
    lines.append("repaired: " + (repaired.isEmpty ? "none" : shortList(repaired)))
    lines.append("columns added: " + columns.joined(separator: ", "))
    lines += splitSources.map(\.description)
    lines += outsideWards.map(\.description)
    return (lines + notes + (output.map { [$0] } ?? [])).joined(separator: "\n")
  }
}

/// A source polygon of an areal interpolation whose area is shared by several wards or lies
/// partly outside every ward: the weights its counts were split by.
public struct SplitSource: Codable, Sendable, Equatable, CustomStringConvertible {
  /// The source polygon's id (`--source-id`, else its first text field, else "feature N").
  public var source: String
  /// Per ward it overlaps, in ward order: the ward's code and the share of the source's
  /// area inside it (0–1).
  public var shares: [WardShare]
  /// The share of its area outside every ward (0–1).
  public var outsideShare: Double

  /// A ward and the share of a source polygon's area inside it.
  public struct WardShare: Codable, Sendable, Equatable {
    /// The ward code.
    public var ward: String
    /// The share of the source's area inside the ward, 0–1.
    public var share: Double
  }

  /// "71999A002 split by area: W01 30.00 %, W02 70.00 %".
  public var description: String {
    var parts = shares.map { "\($0.ward) \(Self.percent($0.share))" }
    if outsideShare > 0 { parts.append("outside every ward \(Self.percent(outsideShare))") }
    return "\(source) split by area: " + parts.joined(separator: ", ")
  }

  static func percent(_ share: Double) -> String { String(format: "%.2f %%", share * 100) }
}

/// What an areal interpolation could not give to any ward, for one extensive column.
public struct OutsideTotal: Codable, Sendable, Equatable, CustomStringConvertible {
  /// The column.
  public var column: String
  /// The amount outside every ward.
  public var outside: Double
  /// The column's total over every source polygon with a value.
  public var total: Double

  /// "inwoners: 200 of 2200 (9.09 %) lies outside every ward, in no ward's total".
  public var description: String {
    let share = total == 0 ? 0 : outside / total
    return "\(column): \(Self.number(outside)) of \(Self.number(total)) "
      + "(\(SplitSource.percent(share))) lies outside every ward, in no ward's total"
  }

  /// Up to 2 decimals, without trailing zeros.
  static func number(_ x: Double) -> String {
    let rounded = (x * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int64(rounded)) : String(format: "%.2f", rounded)
  }
}
