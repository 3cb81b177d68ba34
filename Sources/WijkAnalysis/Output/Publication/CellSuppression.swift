/// A cell of a ward table: one column (a count), one ward.
public struct TableCell: Hashable, Sendable, Comparable {
  /// The ward table column (e.g. `vacant`, `v2506_elek_res_n`).
  public var column: String
  /// The ward's index in the ward table.
  public var ward: Int

  /// The cell of `column` in ward `ward`.
  public init(_ column: String, _ ward: Int) {
    self.column = column
    self.ward = ward
  }

  public static func < (a: TableCell, b: TableCell) -> Bool {
    (a.column, a.ward) < (b.column, b.ward)
  }
}

/// A sum a reader of the published outputs knows: Σ sign × cell = a published total.
///
/// A city total is the sum of a column over the wards; a ward group's total and the rest of
/// the city's are sums over their wards; a register row says that the categories of a ward
/// add up to its dwellings (parts +1, total −1, known sum 0).
struct CellRelation: Sendable {
  /// Which total the relation is, so that the publication can withhold it when no cell can
  /// protect it.
  enum Kind: Hashable, Sendable {
    /// The city total of a column.
    case city(column: String)
    /// A ward group's total of a column (`rest`: the wards outside the group).
    case group(name: String, column: String, rest: Bool)
    /// The categories of one ward that add up to one of its columns.
    case row(ward: Int, total: String)
  }

  var kind: Kind
  /// The cells and their signs (+1 or −1).
  var terms: [(cell: TableCell, sign: Double)]
}

/// Secondary (complementary) cell suppression of a ward table of counts, with an audit.
///
/// Primary suppression withholds every count from 1 to threshold − 1. A reader who knows the
/// published cells, the totals (``CellRelation``) and the rule (a "<5" cell holds 1 to 4, an
/// "x" count at least the threshold, a count at most its published base) can narrow a
/// withheld cell down: a column whose total is published and that has one "<5" gives it
/// back by subtraction (962 − 960 = 2). The audit computes, for every small cell, the range
/// such a reader can prove by propagating the bounds through every relation to a fixpoint
/// (the interval reasoning one can do with a spreadsheet; exact for one-dimensional tables,
/// nested totals and the 2 × 2 rectangles of register rows). A small cell is protected when
/// its provable range is still the whole 1 … threshold − 1.
///
/// While a small cell is not protected, the cheapest other cell of a relation that holds it
/// is withheld too: the smallest count of at least the threshold, preferring a ward in the
/// same ward groups (so that the group totals are protected by the same cell), trying the
/// candidates in that order until one protects the cell (the minimum-cost, fewest-cells
/// choice of secondary suppression; Hundepool et al. 2012, *Statistical Disclosure
/// Control*, Wiley, §4.4, and the hypercube method of Repsilber 1994 that τ-ARGUS uses for
/// the rectangles). A relation that no cell can protect (a total made of one small cell
/// and zeros) is itself withheld. As in τ-ARGUS, the choice of the complementary cells is
/// not treated as information.
struct CellSuppression {
  /// The counts; a missing cell is published as missing and is in no relation.
  var values: [TableCell: Double]
  /// The small-number threshold t: counts 1 … t − 1 are small.
  var threshold: Int
  /// The totals a reader knows.
  var relations: [CellRelation]
  /// A cell's published upper bound: the numerator of a rate is at most its base.
  var upperBound: [TableCell: TableCell]
  /// Group memberships of each ward (sorted group names), to prefer partners in the same
  /// groups.
  var groupsOfWard: [[String]]

  /// The result: the withheld cells and the totals withheld because no cell could protect
  /// them.
  struct Pattern: Sendable, Equatable {
    var withheld: [TableCell: Withheld]
    var withheldTotals: Set<CellRelation.Kind>
  }

  /// The pattern, starting from the primary cells and `forced` (cells withheld for another
  /// reason, e.g. the numerator of a ward whose base is small).
  func pattern(forced: [TableCell: Withheld] = [:]) -> Pattern {
    var p = Pattern(withheld: forced, withheldTotals: [])
    for (cell, v) in values where SmallNumbers.isSmall(v, threshold: threshold) {
      p.withheld[cell] = .smallCount
    }
    let targets = p.withheld.keys.filter { SmallNumbers.isSmall(values[$0], threshold: threshold) }
      .sorted()
    // Each pass withholds one more cell or one more total, so this ends.
    while let leak = targets.first(where: { !isProtected($0, p) }) {
      if let partner = partner(for: leak, p) {
        p.withheld[partner] = .complementary
      } else if let total = totalToWithhold(for: leak, p) {
        p.withheldTotals.insert(total)
      } else {
        break  // unreachable: a leaking cell lies in some relation that can be withheld
      }
    }
    return p
  }

  /// The cheapest published cell that protects `leak`; when none does alone, the cheapest
  /// one (the next pass adds more).
  func partner(for leak: TableCell, _ p: Pattern) -> TableCell? {
    let candidates = candidates(for: leak, p)
    for c in candidates {
      var trial = p
      trial.withheld[c] = .complementary
      if isProtected(leak, trial) { return c }
    }
    return candidates.first
  }

  /// Published cells of at least the threshold in the active relations that hold `leak` or
  /// a withheld cell linked to it (a register row's second cell needs its own partner in its
  /// column: the rectangle), cheapest first: same ward groups, then smaller value, then
  /// column and ward order.
  func candidates(for leak: TableCell, _ p: Pattern) -> [TableCell] {
    let linked = component(of: leak, p)
    var seen = Set<TableCell>()
    for r in active(p) where r.terms.contains(where: { linked.contains($0.cell) }) {
      for (cell, _) in r.terms where p.withheld[cell] == nil {
        if let v = values[cell], v >= Double(threshold) { seen.insert(cell) }
      }
    }
    let own = groupsOfWard[leak.ward]
    return seen.sorted { a, b in
      let (sa, sb) = (groupsOfWard[a.ward] == own, groupsOfWard[b.ward] == own)
      if sa != sb { return sa }
      if values[a]! != values[b]! { return values[a]! < values[b]! }
      return a < b
    }
  }

  /// The withheld cells linked to `cell` through the active relations.
  func component(of cell: TableCell, _ p: Pattern) -> Set<TableCell> {
    let relations = active(p)
    var seen: Set<TableCell> = [cell]
    var queue = [cell]
    while let c = queue.popLast() {
      for r in relations where r.terms.contains(where: { $0.cell == c }) {
        for (other, _) in r.terms where p.withheld[other] != nil && seen.insert(other).inserted {
          queue.append(other)
        }
      }
    }
    return seen
  }

  /// A total to withhold when no cell is left to protect `leak`: a group's before the
  /// city's; a register row is never withheld (its total is a cell, already a candidate).
  func totalToWithhold(for leak: TableCell, _ p: Pattern) -> CellRelation.Kind? {
    let holding = active(p).filter { r in r.terms.contains { $0.cell == leak } }.map(\.kind)
    return holding.first { if case .group = $0 { true } else { false } }
      ?? holding.first { if case .city = $0 { true } else { false } }
  }

  func active(_ p: Pattern) -> [CellRelation] {
    relations.filter { !p.withheldTotals.contains($0.kind) }
  }

  // MARK: - Audit

  /// Whether the range a reader can prove for `cell` is still all of 1 … threshold − 1.
  func isProtected(_ cell: TableCell, _ p: Pattern) -> Bool {
    guard let range = provableRanges(p)[cell] else { return true }
    return range.lower <= 1 + 1e-9 && range.upper >= Double(threshold - 1) - 1e-9
  }

  /// The bounds a reader can prove for every withheld cell, by propagating the rule's bounds
  /// through the active relations until nothing tightens.
  func provableRanges(_ p: Pattern) -> [TableCell: (lower: Double, upper: Double)] {
    var lo: [TableCell: Double] = [:]
    var hi: [TableCell: Double] = [:]
    for (cell, reason) in p.withheld {
      (lo[cell], hi[cell]) = readerBounds(cell, reason, p)
    }
    let relevant = active(p).filter { r in r.terms.contains { p.withheld[$0.cell] != nil } }
    for _ in 0..<100 {
      var changed = false
      for r in relevant {
        let hidden = r.terms.filter { p.withheld[$0.cell] != nil }
        // The part of the known total the withheld cells make up.
        let sum = hidden.reduce(0.0) { $0 + $1.sign * (values[$1.cell] ?? 0) }
        for (k, term) in hidden.enumerated() {
          var others = (lower: 0.0, upper: 0.0)
          for (m, o) in hidden.enumerated() where m != k {
            let a = o.sign * lo[o.cell]!
            let b = o.sign * hi[o.cell]!
            others.lower += min(a, b)
            others.upper += max(a, b)
          }
          // sign × x = sum − others.
          let (x1, x2) = (term.sign * (sum - others.upper), term.sign * (sum - others.lower))
          let (newLo, newHi) = (min(x1, x2), max(x1, x2))
          if newLo > lo[term.cell]! + 1e-9 {
            lo[term.cell] = newLo
            changed = true
          }
          if newHi < hi[term.cell]! - 1e-9 {
            hi[term.cell] = newHi
            changed = true
          }
        }
      }
      if !changed { break }
    }
    return lo.reduce(into: [:]) { $0[$1.key] = ($1.value, hi[$1.key]!) }
  }

  /// What the printed marker tells a reader: "<5" is 1 … t − 1 (0 … t − 1 for a zero on a
  /// small base), "x" a count of at least t (or anything, for a derived numerator), never
  /// above a published base.
  func readerBounds(_ cell: TableCell, _ reason: Withheld, _ p: Pattern) -> (Double, Double) {
    let t = Double(threshold)
    var upper = Double.infinity
    if let base = upperBound[cell], p.withheld[base] == nil, let b = values[base] { upper = b }
    switch reason {
    case .smallCount: return ((values[cell] ?? 0) >= 1 ? 1 : 0, min(t - 1, upper))
    case .complementary: return (t, upper)
    case .derived: return (0, upper)
    }
  }
}
