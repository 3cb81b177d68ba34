import Testing

@testable import WijkAnalysis

/// Secondary suppression and its audit on small hand-made tables (threshold 5).
@Suite struct CellSuppressionTests {
  /// One column over `values.count` wards with a city total, and the given groups.
  func column(
    _ values: [Double], groups: [String: [Int]] = [:], bases: [Double]? = nil
  ) -> CellSuppression {
    var cells: [TableCell: Double] = [:]
    var upper: [TableCell: TableCell] = [:]
    for (w, v) in values.enumerated() {
      cells[TableCell("n", w)] = v
      if let bases {
        cells[TableCell("b", w)] = bases[w]
        upper[TableCell("n", w)] = TableCell("b", w)
      }
    }
    let all = values.indices.map { (TableCell("n", $0), 1.0) }
    var relations = [CellRelation(kind: .city(column: "n"), terms: all)]
    for (name, members) in groups {
      relations.append(
        CellRelation(
          kind: .group(name: name, column: "n", rest: false),
          terms: members.map { (TableCell("n", $0), 1.0) }))
      relations.append(
        CellRelation(
          kind: .group(name: name, column: "n", rest: true),
          terms: values.indices.filter { !members.contains($0) }.map { (TableCell("n", $0), 1.0) }))
    }
    let groupsOfWard = values.indices.map { w in
      groups.filter { $0.value.contains(w) }.keys.sorted()
    }
    return CellSuppression(
      values: cells, threshold: 5, relations: relations, upperBound: upper,
      groupsOfWard: groupsOfWard)
  }

  func withheld(_ p: CellSuppression.Pattern) -> [Int: Withheld] {
    p.withheld.reduce(into: [:]) { $0[$1.key.ward] = $1.value }
  }

  // 2 beside a total: 5 and 6 would leave 2 ≤ x ≤ 2 or 3 (x + 5 ≥ … ); 7 is the smallest
  // that lets x be anything from 1 to 4 (2 + 7 = 9 = x + y with y ≥ 5).
  @Test func theSmallestCellThatProtectsIsWithheld() {
    let s = column([2, 5, 6, 7, 20, 30])
    let p = s.pattern()
    #expect(withheld(p) == [0: .smallCount, 3: .complementary])
    #expect(s.isProtected(TableCell("n", 0), p))
    let naive = CellSuppression.Pattern(
      withheld: [TableCell("n", 0): .smallCount], withheldTotals: [])
    #expect(!s.isProtected(TableCell("n", 0), naive))
    #expect(s.provableRanges(naive)[TableCell("n", 0)]! == (2, 2))
  }

  // 2 and 3 add up to 5: each could be 1 … 4, so they protect each other; 1 and 1 add up to
  // 2, which gives both back, so a third cell is withheld.
  @Test func smallCellsProtectEachOtherOnlyWhenTheirSumAllows() {
    #expect(withheld(column([2, 3, 40, 50]).pattern()) == [0: .smallCount, 1: .smallCount])
    let p = column([1, 1, 40, 50]).pattern()
    #expect(withheld(p) == [0: .smallCount, 1: .smallCount, 2: .complementary])
  }

  // The partner comes from the same ward group, so that the group's total is protected by
  // the same cell: 9 outside the group would do for the city, not for the group.
  @Test func thePartnerIsInTheSameGroup() {
    let s = column([2, 9, 30, 12, 40], groups: ["g": [0, 2, 3]])
    #expect(withheld(s.pattern()) == [0: .smallCount, 3: .complementary])
  }

  // A published base bounds its numerator: 2 + 9 = 11 with the partner at most its base of
  // 9 leaves x ≥ 2, so a larger partner is needed.
  @Test func aPublishedBaseBoundsTheNumerator() {
    let s = column([2, 9, 12, 50], bases: [100, 9, 60, 80])
    let p = s.pattern()
    #expect(withheld(p) == [0: .smallCount, 2: .complementary])
  }

  // A total that is one small cell and zeros cannot be protected by a cell: it is withheld.
  @Test func aTotalOfOneSmallCountIsWithheld() {
    let p = column([3, 0, 0, 0]).pattern()
    #expect(p.withheldTotals == [.city(column: "n")])
    #expect(withheld(p) == [0: .smallCount])
  }

  // A register row: social + private + owner = dwellings in each ward. A small owner count
  // needs a second cell in its row and a partner ward in its column: a 2 × 2 rectangle.
  @Test func registerRowsAreProtectedByARectangle() {
    let columns = ["social", "private", "owner", "dwellings"]
    let rows: [[Double]] = [[30, 40, 2, 72], [20, 35, 45, 100], [50, 10, 60, 120]]
    var values: [TableCell: Double] = [:]
    var relations: [CellRelation] = []
    for (w, row) in rows.enumerated() {
      for (c, v) in zip(columns, row) { values[TableCell(c, w)] = v }
      relations.append(
        CellRelation(
          kind: .row(ward: w, total: "dwellings"),
          terms: [(TableCell("dwellings", w), -1)]
            + columns.dropLast().map { (TableCell($0, w), 1) }))
    }
    for c in columns {
      relations.append(
        CellRelation(kind: .city(column: c), terms: rows.indices.map { (TableCell(c, $0), 1) }))
    }
    let s = CellSuppression(
      values: values, threshold: 5, relations: relations, upperBound: [:],
      groupsOfWard: [[], [], []])
    let p = s.pattern()
    #expect(s.isProtected(TableCell("owner", 0), p))
    #expect(p.withheld.count >= 4, "the small cell, one more in its row, two in a partner row")
    #expect(p.withheld.keys.contains { $0.ward == 0 && $0.column != "owner" })
    #expect(p.withheld.keys.contains { $0.ward != 0 && $0.column == "owner" })
  }
}
