/// The change a programme makes to one column of one ward.
public struct ColumnChange: Sendable, Equatable, Codable {
  /// The ward code.
  public var ward: String
  /// The ward-table column changed (e.g. `social_rental`).
  public var column: String
  /// The column's value before this phase (earlier phases applied).
  public var before: Double
  /// `before` + Σ (added − removed) × change per dwelling; never negative.
  public var after: Double
  /// In the published report: why ``before`` is withheld; `nil` when published.
  public var withheldBefore: Withheld?
  /// In the published report: why ``after`` is withheld; `nil` when published.
  public var withheldAfter: Withheld?
  /// The column in words, through the indicator that reads it ("teller van ‘Aandeel …’");
  /// `nil` when no indicator reads it.
  public var label: String? = nil
}

/// Applies a programme to a ward table: each dwelling line adds
/// `(added − removed) × change per unit` to each column its item maps to (profile
/// `items`), in the line's ward.
///
/// A column the ward table does not have (a housing register not configured) is skipped
/// with a note, so one profile serves cities with and without that register; a change that
/// would make a count negative or touch a missing value is an error, never clamped.
public enum ProgrammeApplication {
  /// - Parameters:
  ///   - programme: the programme (or phase).
  ///   - file: its file, for messages.
  ///   - profile: maps items to columns.
  ///   - location: where the site lies (its only ward is the default ward).
  ///   - table: changed in place.
  ///   - dutch: whether the notes are written in Dutch (the report's language).
  /// - Returns: one change per (ward, column), in programme order, and notes.
  /// - Throws: ``LiveabilityError/unknownItem(file:key:item:known:)``,
  ///   ``LiveabilityError/unknownWard(file:key:code:)``,
  ///   ``LiveabilityError/wardNeeded(file:line:shares:)``,
  ///   ``LiveabilityError/missingValue(column:ward:)``,
  ///   ``LiveabilityError/negativeColumn(column:ward:before:change:)``.
  public static func apply(
    _ programme: Programme, file: String, profile: RulesProfile, location: SiteLocation,
    to table: inout WardTable, dutch: Bool = false
  ) throws(LiveabilityError) -> (changes: [ColumnChange], notes: [String]) {
    var order: [String] = []
    var deltas: [String: (ward: Int, column: String, delta: Double)] = [:]
    var notes: [String] = []
    for (n, line) in programme.dwellings.enumerated() {
      let key = "dwellings[\(n)]"
      guard let perUnit = profile.items[line.item] else {
        throw .unknownItem(
          file: file, key: key + ".item", item: line.item, known: profile.items.keys.sorted())
      }
      let ward = try wardIndex(
        line, programme, key: key, file: file, location: location, table: table)
      let units = line.added - line.removed
      for (column, change) in perUnit.sorted(by: { $0.key < $1.key }) {
        guard table.columns[column] != nil else {
          notes.append(
            dutch
              ? "Woningtype `\(line.item)`: de wijktabel heeft geen kolom `\(column)`, dus die "
                + "wijziging is niet toegepast (stel het woningregister in dat die kolom levert)."
              : "\(line.item): the ward table has no column \(column), so its change is not applied "
                + "(configure the register that provides it).")
          continue
        }
        let id = "\(ward)|\(column)"
        if deltas[id] == nil { order.append(id) }
        deltas[id, default: (ward, column, 0)].delta += units * change
      }
    }
    var changes: [ColumnChange] = []
    for id in order {
      let (ward, column, delta) = deltas[id]!
      guard let before = table.columns[column]![ward] else {
        throw .missingValue(column: column, ward: table.codes[ward])
      }
      if before + delta < 0 {
        throw .negativeColumn(
          column: column, ward: table.codes[ward], before: before, change: delta)
      }
      table.columns[column]![ward] = before + delta
      changes.append(
        ColumnChange(ward: table.codes[ward], column: column, before: before, after: before + delta)
      )
    }
    return (changes, Array(Set(notes)).sorted())
  }

  /// The line's ward, the programme's, or the site's only ward.
  static func wardIndex(
    _ line: DwellingLine, _ p: Programme, key: String, file: String, location: SiteLocation,
    table: WardTable
  ) throws(LiveabilityError) -> Int {
    if let code = line.ward ?? p.ward {
      guard let i = table.index(ofCode: code) else {
        throw .unknownWard(file: file, key: line.ward != nil ? key + ".ward" : "ward", code: code)
      }
      return i
    }
    guard location.wards.count == 1, let i = table.index(ofCode: location.wards[0].code) else {
      let shares = location.wards.map {
        "\($0.name) (\($0.code)) \(String(format: "%.1f", $0.shareOfSite * 100)) %"
      }
      throw .wardNeeded(file: file, line: key, shares: shares)
    }
    return i
  }
}
