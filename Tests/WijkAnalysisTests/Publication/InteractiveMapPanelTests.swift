import Foundation
import Testing

@testable import WijkAnalysis

/// The ward panel of `map.html` shows the published figures under their own labels: rank,
/// location quotient and share of the city of every ward and indicator equal the published
/// result's (a ward-table column added once shifted "rank" onto the EB rate and "LQ" onto
/// the density, field-checked against results JSON).
@Suite struct InteractiveMapPanelTests {
  @Test func cellOrderIsTheColumnOrder() throws {
    let p = genk.publication
    let t = Words(language: .dutch)
    for i in p.result.indicators {
      let names = WardExport.indicatorColumns(i, p.result, t).map(\.name)
      #expect(names.count == WardExport.Cell.allCases.count)
      #expect(WardExport.cells(i, ward: 0, p, t).count == names.count)
      #expect(names[WardExport.Cell.rank.rawValue] == i.id + "_rang")
      #expect(names[WardExport.Cell.locationQuotient.rawValue] == i.id + "_lq")
      #expect(names[WardExport.Cell.shareOfCity.rawValue] == i.id + "_aandeel_stad_pct")
      #expect(names[WardExport.Cell.hotspot.rawValue] == i.id + "_hotspot")
    }
  }

  @Test func panelFiguresAreThePublishedOnes() throws {
    let p = genk.publication
    let t = Words(language: .dutch)
    var checked = 0
    for i in p.result.indicators {
      for (w, v) in i.wards.enumerated() where p.withheld(i.id, ward: w) == nil {
        let rows = InteractiveMapPage.figures(i, ward: w, p, t)
        func row(_ label: String) -> String? { rows.first { $0.label == label }?.text }
        #expect(row("rang") == v.rank.map(String.init), "\(i.id) \(w)")
        if let lq = v.locationQuotient, !p.withheldCity.contains(i.id) {
          #expect(row("locatiequotiënt") == t.number(lq, 2), "\(i.id) \(w)")
        }
        checked += 1
      }
    }
    #expect(checked > 100)
  }
}
