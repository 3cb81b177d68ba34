import ArgumentParser

/// `wijk info`: check a ward layer.
struct Info: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Describe and check a ward layer: CRS, fields, extent, invalid and overlapping wards.")

  @Argument(help: "A GeoJSON, GeoPackage or Shapefile.")
  var file: String

  func run() throws {
    print("wijk info \(file): not built yet")
  }
}
