import Foundation
import SpatialWeights
import Testing
import WijkCore

@testable import WijkAnalysis

/// Reading and locating sites: case 05 (axis order), straddling squares, invalid and
/// outside sites.
@Suite struct SiteTests {
  typealias F = LiveabilityFixtures
  static let case05 = F.fixtures.appendingPathComponent("cases/05-latlon-axis-order")

  func case05Table() throws -> WardTable {
    try WardLayerGate.load(
      WardSource(
        file: Self.case05.appendingPathComponent("wards.geojson").path, layer: nil,
        code: "wijkcode", name: "wijknaam", crs: nil)
    ).table
  }

  @Test func case05LatLonAndLonLatGiveTheCasePosition() throws {
    let target = CRSDefinition.epsg(31370)
    let csv = try SiteReader.file(
      Self.case05.appendingPathComponent("site_latlon.csv").path, into: target)
    let geojson = try SiteReader.file(
      Self.case05.appendingPathComponent("site_lonlat_rfc7946.geojson").path, into: target)
    // case.md: X = 229465.37, Y = 184465.66 (tolerance 1 m).
    for site in [csv, geojson] {
      let c = try #require(site.geometry.allCoordinates.first)
      #expect(abs(c.x - 229465.37) < 1 && abs(c.y - 184465.66) < 1)
    }
    let location = try SiteLocator.locate(csv, in: try case05Table(), bufferMetres: 100)
    #expect(location.wards.map(\.code) == ["W41"])
  }

  @Test func case05SwappedIsAnErrorNamingFileAndRow() throws {
    let path = Self.case05.appendingPathComponent("site_swapped.csv").path
    #expect(
      throws: LiveabilityError.latitudeLongitudeSwapped(
        source: path, row: 2, latitude: 5.5, longitude: 50.965)
    ) {
      try SiteReader.file(path, into: .epsg(31370))
    }
    let message = LiveabilityError.latitudeLongitudeSwapped(
      source: path, row: 2, latitude: 5.5, longitude: 50.965
    ).description
    #expect(message.contains("site_swapped.csv, row 2") && message.contains("look swapped"))
  }

  @Test func farAwayPointIsOutsideTheAreaOfUse() throws {
    #expect(throws: LiveabilityError.self) {
      try SiteReader.point(
        Coordinate(x: -70, y: 40), crs: .epsg(4326), source: "--site-point", into: .epsg(31370))
    }
    do {
      _ = try SiteReader.point(
        Coordinate(x: -70, y: 40), crs: .epsg(4326), source: "--site-point", into: .epsg(31370))
    } catch let e as LiveabilityError {
      guard case .outsideAreaOfUse = e else {
        Issue.record("got \(e)")
        return
      }
    }
  }

  /// The same point given in WGS84 and in Lambert 72 gives the same check (same wards and
  /// shares, same verdicts and indicator values; distances within 1 m).
  @Test func wgs84AndLambert72GiveTheSameReport() throws {
    let table = try case05Table()
    let weights = try SpatialWeightsMaker.queen(table)
    let wgs = try SiteReader.point(
      Coordinate(x: 5.5, y: 50.965), crs: .epsg(4326), source: "wgs84", into: .epsg(31370))
    let lambert = try SiteReader.point(
      Coordinate(x: 229465.37, y: 184465.66), crs: .epsg(31370), source: "lambert",
      into: .epsg(31370))
    var t = table
    t.columns = ["hh": [100, 200], "gas": [50, 100]]
    let facilities = [
      Facility(id: "S", kind: "school", name: "S", location: Coordinate(x: 229000, y: 184000))
    ]
    let rules = [
      F.rule("c", .maxChange, indicator: "households", direction: "increase", attention: 5),
      F.rule("d", .maxDistance, facility: "school", attention: 500),
    ]
    func run(_ site: Site) throws -> LiveabilityReport {
      try LiveabilityCheck.check(
        CheckInputs(
          title: "t", site: site,
          phases: [
            Programme(name: "p", dwellings: [DwellingLine(item: "owner_gas_free", added: 10)])
          ],
          programmeFile: "p", profile: F.profile(rules, buffer: 300), profileFile: "profile",
          facilities: facilities),
        table: t, weights: weights, configuration: F.configuration, provenance: F.provenance
      ).report
    }
    let a = try run(wgs)
    let b = try run(lambert)
    #expect(a.location.wards == b.location.wards)
    // Ward values are identical; surroundings values differ only through the sub-metre
    // difference of the transformed point (buffer areas): within 1e-4 relative.
    #expect(a.phases[0].indicators.count == b.phases[0].indicators.count)
    for (x, y) in zip(a.phases[0].indicators, b.phases[0].indicators) {
      #expect(x.indicator == y.indicator && x.scope == y.scope && x.ward == y.ward)
      if x.scope == "ward" {
        #expect(x == y)
      } else {
        #expect(abs(x.before! - y.before!) <= 1e-4 * abs(y.before!))
        #expect(abs(x.after! - y.after!) <= 1e-4 * abs(y.after!))
      }
    }
    #expect(a.phases[0].rules.map(\.verdict) == b.phases[0].rules.map(\.verdict))
    #expect(a.phases[0].changes == b.phases[0].changes)
    let da = try #require(a.phases[0].rules[1].after)
    let db = try #require(b.phases[0].rules[1].after)
    #expect(abs(da - db) < 1)
    #expect(a.location.surroundings.map(\.code) == b.location.surroundings.map(\.code))
  }

  /// Site [800,1400]×[200,600] = 600 × 400 = 240 000 m² across W1 and W2:
  /// in W1 x ∈ [800,1000] → 200 × 400 = 80 000 m² = 1/3; in W2 x ∈ [1000,1400] →
  /// 400 × 400 = 160 000 m² = 2/3.
  @Test func straddlingSiteReportsBothShares() throws {
    let site = Site(source: "straddle", geometry: F.square(800, 200, 1400, 600))
    let l = try SiteLocator.locate(site, in: F.table, bufferMetres: 100)
    #expect(l.siteSquareMetres == 240_000)
    #expect(l.wards.map(\.code) == ["W2", "W1"])
    #expect(
      abs(l.wards[0].shareOfSite - 2.0 / 3) < 1e-12 && abs(l.wards[1].shareOfSite - 1.0 / 3) < 1e-12
    )
    #expect(l.wards[0].squareMetres == 160_000 && l.wards[1].squareMetres == 80_000)
    #expect(l.shareOutsideWards < 1e-12)
    // A programme line without a ward cannot be placed: an error listing both shares.
    #expect(throws: LiveabilityError.self) {
      try F.check(
        [],
        programme: [
          Programme(name: "p", dwellings: [DwellingLine(item: "owner_gas_free", added: 1)])
        ], site: site)
    }
    do {
      _ = try F.check(
        [],
        programme: [
          Programme(name: "p", dwellings: [DwellingLine(item: "owner_gas_free", added: 1)])
        ], site: site)
    } catch let e as LiveabilityError {
      #expect(
        e.description.contains("Two (W2) 66.7 %") && e.description.contains("One (W1) 33.3 %"))
    }
    // With the ward named, it works: W2 hh 200 → 201.
    let ok = try F.check(
      [],
      programme: [
        Programme(
          name: "p", ward: "W2", dwellings: [DwellingLine(item: "owner_gas_free", added: 1)])
      ], site: site)
    #expect(
      ok.report.phases[0].changes == [
        ColumnChange(ward: "W2", column: "hh", before: 200, after: 201, label: "households")
      ])
  }

  /// Site [2900,3100]×[0,100]: half in W3 (100 × 100 = 10 000 of 20 000 m²), half outside.
  @Test func siteHalfOutsideReportsTheOutsideShare() throws {
    let l = try SiteLocator.locate(
      Site(source: "s", geometry: F.square(2900, 0, 3100, 100)), in: F.table, bufferMetres: 50)
    #expect(l.wards.map(\.code) == ["W3"] && abs(l.wards[0].shareOfSite - 0.5) < 1e-12)
    #expect(abs(l.shareOutsideWards - 0.5) < 1e-12)
  }

  @Test func siteOutsideEveryWardNamesTheNearest() throws {
    let site = Site(source: "far.geojson", geometry: F.square(3500, 0, 3600, 100))
    #expect(
      throws: LiveabilityError.siteOutsideWards(
        source: "far.geojson", nearestWard: "Three (W3)", metres: 500)
    ) {
      try SiteLocator.locate(site, in: F.table, bufferMetres: 50)
    }
    #expect(
      LiveabilityError.siteOutsideWards(
        source: "far.geojson", nearestWard: "Three (W3)", metres: 500
      ).description
        == "far.geojson: the site lies outside every ward; the nearest ward is Three (W3), 500 m away."
    )
  }

  @Test func invalidSitePolygonIsAnError() throws {
    let path = F.fixtures.appendingPathComponent("liveability/site_bowtie.geojson").path
    do {
      _ = try SiteReader.file(path, into: .epsg(31370))
      Issue.record("no error")
    } catch let e as LiveabilityError {
      guard case .invalidSitePolygon(_, let feature, let reason) = e else {
        Issue.record("got \(e)")
        return
      }
      #expect(feature == 0 && reason.contains("Self-intersection"))
      #expect(e.description.contains("feature 0: the site polygon is invalid"))
    }
  }

  @Test func pointOnASharedBoundaryGoesToTheSmallestCode() throws {
    let l = try SiteLocator.locate(
      Site(source: "p", geometry: .point(Coordinate(x: 1000, y: 500))), in: F.table,
      bufferMetres: 10)
    #expect(l.wards.map(\.code) == ["W1"] && l.wards[0].shareOfSite == 1)
  }
}

enum SpatialWeightsMaker {
  static func queen(_ t: WardTable) throws -> SpatialWeights {
    try .queen(ids: t.codes, geometries: t.geometries)
  }
}
