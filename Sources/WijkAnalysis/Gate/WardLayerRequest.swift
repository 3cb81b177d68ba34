import WijkCore
import WijkIO

/// How the wards of a layer are named.
public enum WardCodes: Sendable, Equatable {
  /// The text of a field (a ward code, leading zeros kept); codes must be unique.
  case field(String)
  /// The 1-based feature numbers "1", "2", ..., as GeoDa numbers a layer without an id.
  case featureNumbers
  /// The first text field, else feature numbers: how `wijk info` names features when it is
  /// given no field.
  case firstTextField
}

/// A ward layer to pass through ``WardLayerGate``: the file, which of its layers, and how its
/// wards are named. What the command needs, not what the user chose (that is
/// ``WardLoadingOptions``).
public struct WardLayerRequest: Sendable, Equatable {
  /// A GeoJSON, GeoPackage or Shapefile path.
  public var file: String
  /// The layer, for a GeoPackage with several; `nil` lets `LayerReader` choose.
  public var layer: String?
  /// Where each ward's code comes from.
  public var codes: WardCodes
  /// The field of ward names; `nil` when the command needs none.
  public var nameField: String?
  /// The CRS to assume when the file declares none (a configuration's `wards.crs`);
  /// ``WardLoadingOptions/crs`` takes precedence.
  public var crs: String?
  /// The text encoding of the attributes (a configuration's `wards.encoding`);
  /// ``WardLoadingOptions/encoding`` takes precedence.
  public var encoding: TextEncoding?
  /// Whether the command cannot work without a CRS (it measures areas): a layer without one
  /// is then an error. When `false`, a layer without a CRS is used in its own units and the
  /// report says so.
  public var requiresCRS: Bool

  /// A request as given; nothing is read or checked here.
  public init(
    file: String, layer: String? = nil, codes: WardCodes, nameField: String? = nil,
    crs: String? = nil, encoding: TextEncoding? = nil, requiresCRS: Bool = true
  ) {
    self.file = file
    self.layer = layer
    self.codes = codes
    self.nameField = nameField
    self.crs = crs
    self.encoding = encoding
    self.requiresCRS = requiresCRS
  }

  /// The wards of a configuration: code and name fields, CRS and encoding as configured; a
  /// CRS is required (areas are measured).
  public init(_ source: WardSource) {
    self.init(
      file: source.file, layer: source.layer, codes: .field(source.code),
      nameField: source.name, crs: source.crs,
      encoding: source.encoding.flatMap(TextEncoding.init(name:)),
      requiresCRS: true)
  }
}

/// What the user chose for the ward layer, the same in every command (`--crs`, `--encoding`,
/// `--repair`, `--allow-overlaps`, `--dissolve-duplicates`, `--project-to`).
public struct WardLoadingOptions: Sendable, Equatable {
  /// Repair invalid wards with GEOS make-valid instead of stopping; repaired wards are
  /// reported.
  public var repair: Bool
  /// Accept overlapping wards instead of stopping; overlaps are reported, and each join says
  /// how it counts points in them.
  public var allowOverlaps: Bool
  /// Dissolve features that share a code into one ward (GEOS union; a MultiPolygon when the
  /// parts are apart) instead of stopping; dissolved codes are reported.
  public var dissolveDuplicates: Bool
  /// The projected CRS a geographic layer is projected to (Belgian Lambert 72 by default).
  public var projectTo: CRSDefinition
  /// The ward layer's CRS when the file declares none (`--crs`), e.g. `EPSG:31370`.
  public var crs: String?
  /// The text encoding of the ward layer's attributes (`--encoding`), overriding `.cpg`, the
  /// DBF header and detection.
  public var encoding: TextEncoding?

  /// Defaults: stop on invalid, overlapping or duplicated wards; project a geographic layer
  /// to EPSG:31370 (Belgian Lambert 72); CRS and encoding as the file says.
  public init(
    repair: Bool = false, allowOverlaps: Bool = false, dissolveDuplicates: Bool = false,
    projectTo: CRSDefinition = .epsg(31370), crs: String? = nil, encoding: TextEncoding? = nil
  ) {
    self.repair = repair
    self.allowOverlaps = allowOverlaps
    self.dissolveDuplicates = dissolveDuplicates
    self.projectTo = projectTo
    self.crs = crs
    self.encoding = encoding
  }
}
