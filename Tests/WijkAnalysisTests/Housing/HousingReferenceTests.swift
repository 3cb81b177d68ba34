import Foundation
import Testing
import WijkCore

@testable import WijkAnalysis

/// The housing module's per-ward counts against an independent count of the same registers
/// with shapely/GEOS (`Tests/Fixtures/housing/expected_counts.py`: `covers` and the
/// smallest code, written to `expected_counts.json`). Counts are integers: compared exactly.
@Suite struct HousingReferenceTests {
  struct Expected: Decodable {
    var wards: [String: [String: Int]]
    var outside_lines: [Int]
    var boundary_lines: [Int]
  }

  static func expected(_ name: String) throws -> Expected {
    let data = try Data(contentsOf: fixture("housing/expected_counts.json"))
    let all = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    let one = try JSONSerialization.data(withJSONObject: all[name]!)
    return try JSONDecoder().decode(Expected.self, from: one)
  }

  static func configuration() throws -> HousingConfiguration {
    try HousingConfigurationLoader.load(path: geoData("huisvesting_synthetic.yaml").path)
  }

  static func wards(_ c: HousingConfiguration) throws -> WardTable {
    try WardLayerGate.load(c.analysis.wards).table
  }

  static func aggregate(
    _ file: String, date: String, layout: RegisterLayout, wards: WardTable
  ) throws -> (columns: [String: [Double?]], report: RegisterJoinReport) {
    let register = try RegisterReader.read(
      RegisterFile(file: file, date: date), layout: layout, wardsCRS: wards.crs)
    return try RegisterAggregation.aggregate(register, layout: layout, wards: wards)
  }

  /// Compares every expected ward count with the module's column, and the reported lines.
  static func compare(
    _ columns: [String: [Double?]], _ report: RegisterJoinReport, wards: WardTable,
    with e: Expected
  ) {
    let names = [
      "records": "buildings", "dwellings": "dwellings", "social_rental": "social_rental",
      "private_rental": "private_rental", "owner_occupied": "owner_occupied", "vacant": "vacant",
    ]
    for (column, key) in names {
      for (i, code) in wards.codes.enumerated() {
        #expect(columns[column]?[i] == Double(e.wards[code]![key]!), "\(column) in \(code)")
      }
    }
    #expect(report.outside.map(\.line) == e.outside_lines)
    #expect(report.boundary.map(\.line) == e.boundary_lines)
  }

  @Test(arguments: [("register_synthetic_2021", "2021"), ("register_synthetic_2024", "2024")])
  func syntheticRegisterCountsEqualShapely(name: String, date: String) throws {
    let c = try Self.configuration()
    let wards = try Self.wards(c)
    let file = geoData("../Examples/housing/\(name).csv").standardized.path
    let (columns, report) = try Self.aggregate(file, date: date, layout: c.layout, wards: wards)
    let e = try Self.expected(name)
    Self.compare(columns, report, wards: wards, with: e)
    // Nothing is dropped silently: counted + outside = all rows.
    #expect(report.countedRecords + report.outside.count == report.records)
    #expect(!report.outside.isEmpty && !report.boundary.isEmpty)
    #expect(report.boundary.allSatisfy { $0.ward != nil })
  }

  /// The same 400 buildings in WGS84 longitude/latitude (pyproj) and in Lambert 72 land in
  /// the same wards (points keep 3 m from every boundary, far more than the datum shift's
  /// difference between PROJ versions), and both equal shapely's count of the Lambert file.
  @Test func wgs84RegisterLandsInTheSameWardsAsLambert72() throws {
    let c = try Self.configuration()
    let wards = try Self.wards(c)
    let lambert = try Self.aggregate(
      fixture("housing/register_synthetic_lambert.csv").path, date: "L", layout: c.layout,
      wards: wards)
    var layout = c.layout
    layout.position = .geographic(longitude: "lengtegraad", latitude: "breedtegraad")
    let wgs84 = try Self.aggregate(
      fixture("housing/register_synthetic_wgs84.csv").path, date: "W", layout: layout, wards: wards)
    #expect(wgs84.report.transformation?.contains("EPSG:4326") == true)
    for name in ["records", "dwellings", "social_rental", "vacant", "subsidies", "permits"] {
      #expect(wgs84.columns[name]! == lambert.columns[name]!, "\(name)")
    }
    #expect(wgs84.report.outside.map(\.line) == lambert.report.outside.map(\.line))
    Self.compare(
      wgs84.columns, wgs84.report, wards: wards,
      with: try Self.expected("register_synthetic_lambert"))
  }

  /// Latitude and longitude in each other's column: stopped before PROJ, naming the line
  /// (case 05).
  @Test func swappedLongitudeAndLatitudeAreCaught() throws {
    let c = try Self.configuration()
    let wards = try Self.wards(c)
    var layout = c.layout
    layout.position = .geographic(longitude: "breedtegraad", latitude: "lengtegraad")
    #expect {
      _ = try Self.aggregate(
        fixture("housing/register_synthetic_wgs84.csv").path, date: "W", layout: layout,
        wards: wards)
    } throws: { error in
      guard case HousingError.outsideAreaOfUse(_, let line, _, _, _) = error else { return false }
      return line == 2 && "\(error)".contains("swapped")
    }
  }
}
