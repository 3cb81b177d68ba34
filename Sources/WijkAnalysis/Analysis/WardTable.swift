import WijkCore

/// The wards of an analysis with everything joined onto them: codes, names, geometry in a
/// projected CRS, areas, label points, and the numeric columns (counts, numerators, bases)
/// the indicators are computed from.
///
/// Every array is indexed like `codes`. Missing stays missing (`nil`), never 0. The
/// statistics, the housing module, the ward plans and the liveability check all start
/// from this one value, so a ward's number is the same wherever it is shown.
public struct WardTable: Sendable {
  /// The ward layer it was built from.
  public var source: String
  /// The projected CRS of `geometries` (metres).
  public var crs: CRSDefinition
  /// Ward codes as text, leading zeros kept.
  public var codes: [String]
  /// Ward names as in the layer (e.g. "Kolderbos (Genk)"); see ``shortName(_:)``.
  public var names: [String]
  /// Ward polygons in `crs`, valid (or repaired); an empty collection for a ward without
  /// geometry.
  public var geometries: [Geometry]
  /// Planar area of each ward in m² (GEOS, in `crs`).
  public var areaSquareMetres: [Double]
  /// A point inside each ward (GEOS point on surface), for labels.
  public var labelPoints: [Coordinate]
  /// The centroid of each ward in `crs` (GEOS), `nil` without geometry; empty when the
  /// table was built without them (spatial proximity is then not computed).
  public var centroids: [Coordinate?] = []
  /// Numeric columns by name, each with one value per ward.
  public var columns: [String: [Double?]]

  /// Takes the arrays as given and checks nothing: each must be indexed like `codes`.
  /// ``WardLayerGate/load(_:options:)`` builds a checked table.
  public init(
    source: String, crs: CRSDefinition, codes: [String], names: [String],
    geometries: [Geometry], areaSquareMetres: [Double], labelPoints: [Coordinate],
    columns: [String: [Double?]] = [:]
  ) {
    self.source = source
    self.crs = crs
    self.codes = codes
    self.names = names
    self.geometries = geometries
    self.areaSquareMetres = areaSquareMetres
    self.labelPoints = labelPoints
    self.columns = columns
  }

  /// Number of wards.
  public var count: Int { codes.count }

  /// Position of the ward with `code`, or `nil`.
  public func index(ofCode code: String) -> Int? { codes.firstIndex(of: code) }

  /// The column `name`.
  /// - Throws: ``AnalysisError/unknownColumn(name:available:)`` naming the columns there are.
  public func column(_ name: String) throws(AnalysisError) -> [Double?] {
    guard let values = columns[name] else {
      throw .unknownColumn(name: name, available: columns.keys.sorted())
    }
    return values
  }

  /// A display name without the municipality suffix the Flemish ward files carry
  /// ("Kolderbos (Genk)" → "Kolderbos"), unless the rest is only a code ("73042A1 (Lanaken)"
  /// stays whole).
  public func shortName(_ i: Int) -> String {
    let name = names[i]
    guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
    let trimmed = name[..<open].trimmingCharacters(in: .whitespaces)
    // A ward the file names only by its code ("73042A1 (Lanaken)") keeps its municipality:
    // the code alone would tell a reader nothing.
    let isCode = trimmed == codes[i] || (!trimmed.contains(" ") && trimmed.contains { $0.isNumber })
    return trimmed.isEmpty || isCode ? name : trimmed
  }
}
