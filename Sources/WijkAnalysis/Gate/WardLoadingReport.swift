import WijkCore
import WijkEngine

/// A code that more than one feature of a layer carries.
public struct DuplicateWardCode: Sendable, Equatable, Codable {
  /// The code as the first of its features writes it.
  public var code: String
  /// The 0-based positions of the features carrying it, in file order.
  public var features: [Int]

  /// "W03 (features 2 and 4)".
  public var description: String {
    "\(code.isEmpty ? "(empty)" : code.visibleInMessages) (\(Self.featureList(features)))"
  }

  /// "features 2 and 4", "features 1, 3 and 5".
  public static func featureList(_ features: [Int]) -> String {
    let positions = features.map(String.init)
    guard positions.count > 1 else { return "feature " + positions.joined() }
    return "features " + positions.dropLast().joined(separator: ", ") + " and " + positions.last!
  }
}

/// What the gate found and did to a ward layer, for the command's report.
public struct WardLoadingReport: Sendable, Equatable {
  /// The ward layer file (a connection string without its password).
  public var file: String = ""
  /// The layer read from a database, as provenance records it (the table or query and a
  /// checksum of the rows read); `nil` for a file.
  public var database: Provenance.InputFile?
  /// Warnings of the file reader (a guessed encoding, an assumed CRS), as sentences.
  public var readerWarnings: [String] = []
  /// How a CRS declared without an EPSG code was recognised (or why not), as a sentence.
  public var crsRecognition: String?
  /// Codes of wards repaired by make-valid.
  public var repaired: [String] = []
  /// Codes whose features were dissolved into one ward.
  public var dissolved: [DuplicateWardCode] = []
  /// Overlaps accepted with `allowOverlaps`, as sentences ("W21 and W22 overlap by 50000 m²").
  public var acceptedOverlaps: [String] = []
  /// "projected from EPSG:4326 to EPSG:31370 (operation …)" when the layer was geographic.
  public var projection: String?
  /// The geographic CRS the layer was projected from (e.g. `EPSG:4326`), with ``projection``.
  public var projectedFrom: String?
  /// The layer declares no CRS and none was given: it is used in its own units.
  public var unitsUnknown = false

  /// Every sentence worth showing the user, in the order the gate did things.
  public var sentences: [String] {
    var out = readerWarnings
    if let crsRecognition { out.append(crsRecognition) }
    if unitsUnknown {
      out.append(
        "\(file) declares no coordinate reference system: its coordinates are used in their "
          + "own units (give the CRS with --crs, e.g. --crs EPSG:31370, to measure in metres).")
    }
    if let projection { out.append("The ward layer was \(projection).") }
    if !repaired.isEmpty {
      out.append(
        "Repaired invalid ward(s) with GEOS make-valid: \(repaired.joined(separator: ", ")).")
    }
    if !dissolved.isEmpty {
      out.append(
        "Dissolved features sharing a code into one ward each (on request): "
          + dissolved.map(\.description).joined(separator: "; ") + ".")
    }
    if !acceptedOverlaps.isEmpty {
      out.append(
        "Overlapping wards accepted on request: \(acceptedOverlaps.joined(separator: "; ")).")
    }
    return out
  }
}

/// Everything the gate found, fault by fault, without stopping: what `wijk info` shows.
public struct WardLayerFindings: Sendable {
  /// How the file was read (driver, encoding, warnings).
  public var reading: ReadReportSummary
  /// The CRS recognition, when the file declared a CRS without an EPSG code.
  public var recognition: CRSRecognition?
  /// Codes carried by several features (in the code field).
  public var duplicates: [DuplicateWardCode] = []
  /// Invalid features (before any repair).
  public var invalid: [FeatureValidityProblem] = []
  /// Overlapping pairs, positions in the checked layer; in m², or in squared layer units
  /// when ``overlapsInLayerUnits``.
  public var overlaps: [Overlap] = []
  /// Whether overlaps are measured in the layer's own units (no CRS).
  public var overlapsInLayerUnits = false
  /// Checks that could not run, and why.
  public var skipped: [String] = []
}

/// The parts of the reader's report `wijk info` shows.
public struct ReadReportSummary: Sendable, Equatable {
  /// The GDAL driver that read the file.
  public var driver: String?
  /// The reader's warnings, as sentences.
  public var warnings: [String]
}
