import Foundation
import Testing
@testable import WijkAnalysis

/// An RFC 7946 GeoJSON (longitude/latitude, no `crs` member) is projected to Lambert 72
/// before areas are measured: the analysis runs, says so, and its areas agree with PROJ.
@Suite struct GeographicWardsTests {
  static func square(_ code: String, _ lon: Double, _ lat: Double) -> String {
    let ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
    return #"{"type":"Feature","properties":{"code":"\#(code)","naam":"\#(code)"},"geometry":{"type":"Polygon","coordinates":[\#(ring)]}}"#
  }

  @Test func rfc7946WardsAreProjectedFirst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-geo-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let features = [
      Self.square("A", 5.50, 50.96), Self.square("B", 5.51, 50.96),
      Self.square("C", 5.50, 50.97), Self.square("D", 5.51, 50.97),
    ]
    try #"{"type":"FeatureCollection","features":[\#(features.joined(separator: ","))]}"#
      .write(to: folder.appendingPathComponent("wards.geojson"), atomically: true, encoding: .utf8)
    try "code,n\nA,1\nB,2\nC,3\nD,5\n".write(
      to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
    let config = try ConfigurationLoader.parse(
      """
      wards: { file: wards.geojson, code: code, name: naam }
      tables: [ { file: t.csv, key: code } ]
      indicators:
        - { id: n, kind: count, numerator: n, label: n }
      """, file: folder.appendingPathComponent("c.yaml").path)
    let run = try Analysis.run(config)
    #expect(run.table.crs.epsgCode == 31370)
    #expect(run.result.notices.contains { $0.contains("projected from") && $0.contains("EPSG:31370") })
    // GeoPandas 1.2 / pyproj: GeoSeries([A], crs=4326).to_crs(31370).area / 1e6 =
    // 0.7814781423111506 km² (vertices transformed, edges straight, as here).
    #expect(abs(run.result.wards[0].areaSquareKilometres - 0.7814781423111506) < 1e-6)
    #expect(run.weights.neighbours(of: 0).count == 3, "A touches B, C and D (queen)")
  }
}
