import Foundation
import Testing

// Oracles: the field cases' right values (Tests/Fixtures/cases/*/case.md) and the Fluvius
// sector figures summed per ward with pandas (Tests/Fixtures/expected/DERIVED_…csv).
@Suite struct JoinCommandTests {
  static let case01 = "Tests/Fixtures/cases/01-point-on-shared-boundary"
  static let case13 = "Tests/Fixtures/cases/13-ward-code-leading-zeros"

  func pointCounts(_ wards: String, boundary: String?) throws -> [String: Int] {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("counts.csv").path
    let r = try CLIRunner.run(
      [
        "join", "\(Self.case01)/\(wards)", "--code", "wijkcode", "--points",
        "\(Self.case01)/points.csv", "--x", "x", "--y", "y", "--point-id", "punt_id",
        "--out", out,
      ] + (boundary.map { ["--boundary", $0] } ?? []))
    #expect(r.status == 0, "\(r.stderr)")
    var counts: [String: Int] = [:]
    let rows = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
    let header = rows[0].split(separator: ",").map(String.init)
    let (c, n) = (header.firstIndex(of: "wijkcode")!, header.firstIndex(of: "n_points")!)
    for row in rows.dropFirst() {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      counts[cells[c]] = Int(Double(cells[n])!)
    }
    return counts
  }

  // Case 01: W01 = 7, W02 = 3 by the smallest-code rule, whatever the feature order.
  // intersects counts P08 and P09 in both wards: 10 + 2 = 12; within drops the three
  // boundary points P08, P09, P10: 10 − 3 = 7.
  @Test func case01PointsOnSharedBoundaryCountOnce() throws {
    #expect(try pointCounts("wards.geojson", boundary: nil) == ["W01": 7, "W02": 3])
    #expect(try pointCounts("wards_reversed_order.geojson", boundary: nil) == ["W01": 7, "W02": 3])
    let intersects = try pointCounts("wards.geojson", boundary: "intersects")
    #expect(intersects.values.reduce(0, +) == 12)
    let within = try pointCounts("wards.geojson", boundary: "within")
    #expect(within.values.reduce(0, +) == 7)
  }

  @Test func case01ReportNamesBoundaryPointsAndTheRule() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case01)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case01)/points.csv", "--x", "x", "--y", "y", "--point-id", "punt_id", "--json",
    ])
    #expect(r.status == 0)
    #expect(r.stderr.contains("on a boundary (3): P08, P09, P10"))
    #expect(r.stderr.contains("smallest code"))
    let help = try CLIRunner.run(["join", "--help"])
    #expect(help.stdout.contains("smallest"))
  }

  // Case 13: strict join stops (exit 65), nothing written; --pad-keys 2 matches 5 of 5.
  @Test func case13LeadingZeros() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("wards.gpkg").path
    let arguments = [
      "join", "\(Self.case13)/wards.geojson", "--code", "wijkcode", "--table",
      "\(Self.case13)/indicatoren_excel.csv", "--key", "wijkcode", "--out", out,
    ]
    let strict = try CLIRunner.run(arguments)
    #expect(strict.status == 65)
    #expect(!FileManager.default.fileExists(atPath: out))
    let padded = try CLIRunner.run(arguments + ["--pad-keys", "2", "--json"])
    #expect(padded.status == 0, "\(padded.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(padded.stdout.utf8)) as? [String: Any])
    #expect(json["matched"] as? Int == 5)
    #expect(json["wards"] as? Int == 5)
    #expect(FileManager.default.fileExists(atPath: out))
  }

  // Case 11: a bad cell names the file, line 3 and column aandeel_65plus; exit 65.
  @Test func case11BadCellNamesLineAndColumn() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("wards.csv").path
    let r = try CLIRunner.run([
      "join", "\(Self.case01)/wards.geojson", "--code", "wijkcode", "--table",
      "Tests/Fixtures/cases/11-csv-semicolon-decimal-comma/indicatoren_bad_cell.csv", "--key",
      "wijkcode", "--allow-unmatched", "--out", out,
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("indicatoren_bad_cell.csv"))
    #expect(r.stderr.contains("line 3"))
    #expect(r.stderr.contains("aandeel_65plus"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  // Fluvius 2021 per sector, summed per 2020–2024 ward, equals the pandas groupby.
  @Test func fluviusSectorJoinEqualsPandas() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let out = dir.appendingPathComponent("wards.csv").path
    let r = try CLIRunner.run([
      "join", "GeoData/genk_wijken_2020_2024_31370.geojson", "--code", "geoitem",
      "--sectors", "GeoData/genk_fluvius_energy_statsec2019_2018_2021.csv", "--sector-key",
      "geoitem", "--lookup", "GeoData/genk_statsec2024_to_wijk2024.csv", "--lookup-sector",
      "statsec2024", "--lookup-ward", "ggw72024", "--filter", "period=2021",
      "--allow-unmatched", "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let ours = try table(out, key: "geoitem")
    let expected = try table(
      StatisticFixtures.fixtures.appendingPathComponent(
        "expected/DERIVED_genk_fluvius_energy_by_wijk2024.csv"
      ).path, key: "ggw72024",
      period: "2021")
    #expect(ours.count == 30)
    var compared = 0
    for (ward, row) in expected {
      guard let mine = ours[ward] else { continue }
      for (column, value) in row where column.hasPrefix("v2506_") {
        #expect(close(Double(mine[column] ?? ""), Double(value)), "\(ward) \(column)")
        compared += 1
      }
    }
    #expect(compared == 30 * 9)
  }

  /// A CSV as key → column → text, keeping rows whose `period` is `period` when given.
  func table(_ path: String, key: String, period: String? = nil) throws -> [String: [String:
    String]]
  {
    let rows = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
    let header = rows[0].split(separator: ",").map(String.init)
    var out: [String: [String: String]] = [:]
    for row in rows.dropFirst() {
      let cells = Self.fields(String(row))
      guard cells.count == header.count else { continue }
      let record = Dictionary(uniqueKeysWithValues: zip(header, cells))
      if let period, record["period"] != period { continue }
      out[record[key]!] = record
    }
    return out
  }

  /// The fields of one CSV line (RFC 4180 quotes).
  static func fields(_ line: String) -> [String] {
    var out: [String] = []
    var current = ""
    var quoted = false
    for ch in line {
      if ch == "\"" {
        quoted.toggle()
      } else if ch == "," && !quoted {
        out.append(current)
        current = ""
      } else {
        current.append(ch)
      }
    }
    out.append(current)
    return out
  }
}

// Case 05: a site given as WGS84 latitude/longitude lands in W41; swapped columns stop
// with the file, line 2 and site S1 named, before PROJ silently transforms them.
@Suite struct JoinLonLatTests {
  static let case05 = "Tests/Fixtures/cases/05-latlon-axis-order"

  @Test func latLonSiteLandsInW41() throws {
    let json = try StatisticFixtures.runJSON([
      "join", "\(Self.case05)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case05)/site_latlon.csv", "--lon", "lon", "--lat", "lat", "--point-id", "site_id",
      "--allow-unmatched", "--json",
    ])
    #expect(json["unmatchedWards"] as? [String] == ["W42"])
    #expect((json["outside"] as? [String])?.isEmpty == true)
  }

  @Test func swappedLatLonIsNamed() throws {
    let r = try CLIRunner.run([
      "join", "\(Self.case05)/wards.geojson", "--code", "wijkcode", "--points",
      "\(Self.case05)/site_swapped.csv", "--lon", "lon", "--lat", "lat", "--point-id", "site_id",
    ])
    #expect(r.status == 65)
    #expect(r.stderr.contains("site_swapped.csv, line 2 (S1)"))
    #expect(r.stderr.contains("look swapped"))
  }
}

// Areal interpolation, by hand: a source rectangle 229500–230500 × 184000–185000 (1 km²)
// holding 100 people lies half in W01 and half in W02 (case 01's 1 km squares), so each
// gets 50; its density 100 per km² is the area-weighted mean in both.
@Suite struct JoinArealTests {
  @Test func halfAndHalf() throws {
    let dir = try StatisticFixtures.temporaryFolder()
    let source = dir.appendingPathComponent("source.geojson")
    let ring = [
      [229500, 184000], [230500, 184000], [230500, 185000], [229500, 185000], [229500, 184000],
    ]
    let collection: [String: Any] = [
      "type": "FeatureCollection",
      "crs": ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::31370"]],
      "features": [
        [
          "type": "Feature", "properties": ["people": 100.0, "density": 100.0],
          "geometry": ["type": "Polygon", "coordinates": [ring]],
        ]
      ],
    ]
    try JSONSerialization.data(withJSONObject: collection).write(to: source)
    let out = dir.appendingPathComponent("wards.csv").path
    let r = try CLIRunner.run([
      "join", "Tests/Fixtures/cases/01-point-on-shared-boundary/wards.geojson", "--code",
      "wijkcode", "--source", source.path, "--extensive", "people", "--intensive", "density",
      "--out", out,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let rows = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
    let header = rows[0].split(separator: ",").map(String.init)
    let (p, d) = (header.firstIndex(of: "people")!, header.firstIndex(of: "density")!)
    for row in rows.dropFirst() {
      let cells = row.split(separator: ",", omittingEmptySubsequences: false)
      #expect(close(Double(cells[p]), 50, tolerance: 1e-12))
      #expect(close(Double(cells[d]), 100, tolerance: 1e-12))
    }
    #expect(rows.count == 3)
  }
}
