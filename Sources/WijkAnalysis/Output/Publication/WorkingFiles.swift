import Foundation
import WijkIO

/// The exact working files: every figure unrounded and nothing withheld, for the city's
/// analysts. Their names and their contents say they are not for publication; what may be
/// published goes through ``Publication``.
public enum WorkingFiles {
  /// The wards with every statistic, exact (GeoPackage, opens in QGIS).
  public static let wards = "wards_not_for_publication.gpkg"
  /// Every number of the run with provenance (JSON).
  public static let results = "results_not_for_publication.json"
  /// The housing registers as joined and the ward columns (`wijk housing`).
  public static let housing = "housing_not_for_publication.json"
  /// The liveability check with its exact figures (`wijk check`).
  public static let check = "check_not_for_publication.json"

  /// The top-level field of a working JSON file, and the GeoPackage metadata item.
  public static let field = "not_for_publication"

  /// The sentence the working files carry.
  public static let notice =
    "NOT FOR PUBLICATION: exact working figures for analysts. Counts below the small-number threshold and the figures derived from them are not withheld here; publish wards.csv, wards.xlsx, the summary, maps, brochure and plans instead."

  /// `value` as pretty-printed JSON (keys sorted, so two runs diff cleanly) with the
  /// top-level field ``field`` holding ``notice``.
  /// - Throws: `EncodingError` when `value` cannot be encoded.
  public static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(Marked(content: value)), as: UTF8.self) + "\n"
  }

  /// The GeoPackage layer's identifier, description and metadata item.
  public static let geoPackageMetadata = LayerWriter.Metadata(
    identifier: "wards (not for publication)", description: notice, items: [field: notice])

  /// A value encoded with the notice beside its own keys.
  struct Marked<Content: Encodable>: Encodable {
    let content: Content
    enum Key: String, CodingKey { case notForPublication = "not_for_publication" }

    func encode(to encoder: Encoder) throws {
      try content.encode(to: encoder)
      var c = encoder.container(keyedBy: Key.self)
      try c.encode(WorkingFiles.notice, forKey: .notForPublication)
    }
  }
}
