import WijkCore
import WijkEngine
import WijkIO

/// What `wijk info` says about a ward layer: driver, CRS, size, fields, and the three faults
/// that break a ward analysis — invalid polygons, overlapping wards, gaps in the coverage.
///
/// Encodes to JSON (`wijk info --json`) with these property names.
public struct LayerInspection: Sendable, Codable, Equatable {
  /// One field of the layer.
  public struct FieldSummary: Sendable, Codable, Equatable {
    public var name: String
    public var type: String
  }
  /// One invalid feature: its position, its label (the id field's value), GEOS's reason and
  /// where.
  public struct InvalidFeature: Sendable, Codable, Equatable {
    public var index: Int
    public var label: String?
    public var reason: String
    public var x: Double?
    public var y: Double?
  }
  /// Two features that overlap, by position and label, with the overlap in m².
  public struct OverlapSummary: Sendable, Codable, Equatable {
    public var first: Int
    public var second: Int
    public var firstLabel: String?
    public var secondLabel: String?
    public var squareMetres: Double
  }
  /// A hole in the coverage: area in m² and a point inside it.
  public struct GapSummary: Sendable, Codable, Equatable {
    public var squareMetres: Double
    public var x: Double
    public var y: Double
  }

  public var file: String
  public var layer: String
  public var driver: String?
  /// `EPSG:31370` or similar; `nil` when the file declares none.
  public var crs: String?
  public var crsName: String?
  public var isGeographic: Bool?
  public var featureCount: Int
  public var geometryTypes: [String: Int]
  /// `[minX, minY, maxX, maxY]` in CRS units.
  public var extent: [Double]?
  /// Total area in km² when the CRS is projected and every feature is valid.
  public var totalSquareKilometres: Double?
  public var fields: [FieldSummary]
  public var invalidFeatures: [InvalidFeature]
  public var overlaps: [OverlapSummary]
  public var gaps: [GapSummary]
  /// Checks that could not run, and why (e.g. overlaps need valid geometry and a projected
  /// CRS).
  public var skipped: [String]
  /// Reader warnings (a guessed encoding, for example).
  public var warnings: [String]

  /// Whether the layer can be used as wards as it is.
  public var isUsableAsWards: Bool {
    invalidFeatures.isEmpty && overlaps.isEmpty && crs != nil
      && geometryTypes.keys.contains { $0.hasSuffix("Polygon") }
  }
}
