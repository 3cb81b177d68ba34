import WijkCore
import WijkEngine
import WijkIO

/// What `wijk info` says about a ward layer: driver, CRS, size, fields, and the faults that
/// break a ward analysis — invalid polygons, overlapping wards — or need a look: gaps in the
/// coverage and slivers between wards.
///
/// Encodes to JSON (`wijk info --json`) with these property names.
public struct LayerInspection: Sendable, Codable, Equatable {
  /// One field of the layer.
  public struct FieldSummary: Sendable, Codable, Equatable {
    /// The field name, as the file writes it.
    public var name: String
    /// `text`, `integer` or `real` (`FieldType`).
    public var type: String
  }
  /// One invalid feature: its position, its label (the id field's value), GEOS's reason and
  /// where.
  public struct InvalidFeature: Sendable, Codable, Equatable {
    /// 0-based position of the feature in the file.
    public var index: Int
    /// The id field's value; `nil` when the layer has no text field or the value is missing.
    public var label: String?
    /// GEOS's validity reason (e.g. `Self-intersection`).
    public var reason: String
    /// Easting of the fault GEOS locates, in CRS units; `nil` when it gives no location.
    public var x: Double?
    /// Northing of the fault, in CRS units; `nil` when GEOS gives no location.
    public var y: Double?
  }
  /// Two features that overlap, by position and label, with the overlap in m².
  public struct OverlapSummary: Sendable, Codable, Equatable {
    /// 0-based position of the first feature of the pair.
    public var first: Int
    /// 0-based position of the second feature of the pair.
    public var second: Int
    /// The id field's value of the first feature; `nil` without one.
    public var firstLabel: String?
    /// The id field's value of the second feature; `nil` without one.
    public var secondLabel: String?
    /// Area of the overlap, in m² (overlaps of 1 m² or less are not reported).
    public var squareMetres: Double
  }
  /// A hole in the coverage: area in m² and a point inside it.
  public struct GapSummary: Sendable, Codable, Equatable {
    /// Area of the gap, in m² (gaps of 1 m² or less are not reported).
    public var squareMetres: Double
    /// Easting of a point inside the gap, in CRS units (metres).
    public var x: Double
    /// Northing of a point inside the gap, in CRS units (metres).
    public var y: Double
  }

  /// Two wards closer than the sliver tolerance where they do not touch, and the strip
  /// between them (``WijkEngine/GeometryChecks/slivers(in:tolerance:)``).
  public struct SliverSummary: Sendable, Codable, Equatable {
    /// 0-based position of the first ward of the pair.
    public var first: Int
    /// 0-based position of the second ward of the pair.
    public var second: Int
    /// The id field's value of the first ward; `nil` without one.
    public var firstLabel: String?
    /// The id field's value of the second ward; `nil` without one.
    public var secondLabel: String?
    /// The smallest distance between the two wards, in metres (0 when they touch elsewhere,
    /// for a strip closed at one end).
    public var separation: Double
    /// Length of the strip between them, in metres.
    public var length: Double
    /// Area of the strip, in m².
    public var squareMetres: Double
    /// Easting of a point in the strip, in CRS units; `nil` when it has no area.
    public var x: Double?
    /// Northing of a point in the strip; `nil` when it has no area.
    public var y: Double?
  }

  /// The path as given to `wijk info`.
  public var file: String
  /// The layer's name as GDAL reports it (the GeoPackage layer, a Shapefile's base name).
  public var layer: String
  /// The GDAL driver that read the file (`GPKG`, `GeoJSON`, `ESRI Shapefile`); `nil` when
  /// the reader does not say.
  public var driver: String?
  /// `EPSG:31370` or similar (also when recognised from a definition without a code, see
  /// `crsRecognition`); `nil` when the file declares none or its definition has no code.
  public var crs: String?
  /// How a CRS declared without an EPSG code (an ESRI `.prj`) was recognised, or why not;
  /// `nil` when the file names its code or declares no CRS.
  public var crsRecognition: CRSRecognition?
  /// PROJ's name of the CRS (e.g. "BD72 / Belgian Lambert 72"); `nil` without a CRS or
  /// when PROJ cannot interpret it.
  public var crsName: String?
  /// Whether the CRS is in degrees, according to PROJ; `nil` as for `crsName`.
  public var isGeographic: Bool?
  /// Number of features, with or without geometry.
  public var featureCount: Int
  /// Features per OGC geometry type (`Polygon`, `MultiPolygon`…); `none` counts features
  /// without geometry.
  public var geometryTypes: [String: Int]
  /// `[minX, minY, maxX, maxY]` in CRS units.
  public var extent: [Double]?
  /// Total area in km² when the CRS is projected and every feature is valid.
  public var totalSquareKilometres: Double?
  /// The attribute fields, in file order.
  public var fields: [FieldSummary]
  /// The field whose values name the features and are checked for duplicates (`--id`, else
  /// the first text field); `nil` when the layer has no text field.
  public var codeField: String?
  /// Codes of `codeField` carried by more than one feature, with the features' positions.
  public var duplicateCodes: [DuplicateWardCode]
  /// Features GEOS finds invalid; empty when all are valid or the layer has no geometry.
  public var invalidFeatures: [InvalidFeature]
  /// Overlapping pairs of features; empty when the check was skipped (see `skipped`).
  public var overlaps: [OverlapSummary]
  /// Holes in the coverage of the layer; empty when the check was skipped (see `skipped`).
  public var gaps: [GapSummary]
  /// Pairs of wards closer than ``sliverTolerance`` without touching there; empty when the
  /// check was skipped (see `skipped`).
  public var slivers: [SliverSummary] = []
  /// Wards closer than this (metres) without touching are reported as ``slivers``.
  public var sliverTolerance: Double = LayerInspector.sliverTolerance
  /// What needs a look although the layer can be used (gaps, slivers), one sentence each;
  /// empty when nothing does.
  public var attention: [String] = []
  /// Checks that could not run, and why (e.g. overlaps need valid geometry and a projected
  /// CRS).
  public var skipped: [String]
  /// Reader warnings (a guessed encoding, for example).
  public var warnings: [String]
  /// What the ward layer gate did on its way (CRS recognised, layer projected, wards
  /// repaired, duplicates dissolved, overlaps accepted), as sentences.
  public var notes: [String]
  /// Whether every command accepts the layer as wards with the options given: polygons, a
  /// CRS, and every fault repaired, dissolved or accepted by an option.
  public var isUsableAsWards: Bool
}
