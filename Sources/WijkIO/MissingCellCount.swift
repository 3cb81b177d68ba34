import WijkCore

/// How many cells of one column are missing for one reason, and where: what a join report,
/// the summary, `results.json` and `wijk info` say about missing values.
public struct MissingCellCount: Hashable, Sendable, Codable {
  /// The column, as the header writes it.
  public var column: String
  /// Why the cells are missing.
  public var kind: MissingKind
  /// The markers as written (e.g. `["C"]`, `["<5", "< 10"]`); empty for empty cells.
  public var markers: [String]
  /// Number of cells.
  public var count: Int
  /// The first lines (1-based, the header is line 1) holding such a cell, at most
  /// ``shownLines``.
  public var lines: [Int]

  /// How many lines a count keeps.
  public static let shownLines = 10

  /// A count as given.
  public init(column: String, kind: MissingKind, markers: [String], count: Int, lines: [Int]) {
    self.column = column
    self.kind = kind
    self.markers = markers
    self.count = count
    self.lines = lines
  }

  /// The missing cells of `columns` in `table` (read by ``CSVReader``), per column and kind,
  /// in column order then kind order. A missing cell whose reason is not a marker's (e.g.
  /// "zero base") is counted as ``MissingKind/notAvailable`` with its reason as the marker.
  public static func count(in table: Table, columns: [String]) -> [MissingCellCount] {
    var out: [MissingCellCount] = []
    for name in columns {
      guard let c = table.columnIndex(name) else { continue }
      var byKind: [MissingKind: MissingCellCount] = [:]
      for (r, row) in table.rows.enumerated() {
        guard case .missing(let reason) = row[c] else { continue }
        let (kind, marker) = MissingValues.kind(ofReason: reason) ?? (.notAvailable, reason ?? "")
        var entry =
          byKind[kind]
          ?? MissingCellCount(
            column: table.columns[c], kind: kind, markers: [], count: 0, lines: [])
        entry.count += 1
        if !marker.isEmpty && !entry.markers.contains(marker) { entry.markers.append(marker) }
        if entry.lines.count < shownLines { entry.lines.append(table.lineNumbers[r]) }
        byKind[kind] = entry
      }
      out += MissingKind.allCases.compactMap { byKind[$0] }
    }
    return out
  }

  /// E.g. `leefloon: 1 cell confidential (C), line 3`.
  public var description: String {
    let what =
      markers.isEmpty
      ? kind.rawValue
      : "\(kind.rawValue) (\(markers.map(\.visibleInMessages).joined(separator: ", ")))"
    let at =
      (lines.count == 1 ? "line " : "lines ") + lines.map(String.init).joined(separator: ", ")
      + (count > lines.count ? ", …" : "")
    return "\(column): \(count) cell\(count == 1 ? "" : "s") \(what), \(at)"
  }
}
