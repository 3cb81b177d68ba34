// The LISA significance map that GeoDa draws beside the cluster map: each ward by the size
// of its p-value, in GeoDa's greens.

import WijkCore

/// The category of a ward on a significance map.
public enum SignificanceCategory: String, Hashable, Sendable, CaseIterable {
  /// p ≤ 0.0001 (needs at least 9,999 permutations).
  case p00001 = "0.0001"
  /// 0.0001 < p ≤ 0.001.
  case p0001 = "0.001"
  /// 0.001 < p ≤ 0.01.
  case p001 = "0.01"
  /// 0.01 < p ≤ 0.05, or up to the corrected threshold when that is lower.
  case p005 = "0.05"
  /// Not significant after the multiple-testing correction.
  case notSignificant = "NS"
  /// No neighbours (an island): no local statistic.
  case noNeighbours = "island"
  /// No value.
  case noData = "nodata"
  /// The ward's figures are withheld (small numbers).
  case notPublished = "withheld"

  /// The category of a ward with pseudo p `p` that did or did not pass the corrected
  /// threshold; a ward that did not pass is not significant whatever its p (FDR can call a
  /// ward with p = 0.03 not significant).
  public init(p: Double, significant: Bool) {
    guard significant else {
      self = .notSignificant
      return
    }
    self = p <= 0.0001 ? .p00001 : p <= 0.001 ? .p0001 : p <= 0.01 ? .p001 : .p005
  }

  /// GeoDa's colours (GeoDaCenter/geoda, `Explore/AbstractMapCanvas.cpp`): p = 0.05
  /// (75,255,80), 0.01 (6,196,11), 0.001 (3,116,6), 0.0001 (1,70,3), not significant
  /// (240,240,240), neighbourless (140,140,140), undefined (70,70,70).
  public var colour: String {
    switch self {
    case .p00001: "#014603"
    case .p0001: "#037406"
    case .p001: "#06c40b"
    case .p005: "#4bff50"
    case .notSignificant: ClusterCategory.notSignificant.colour
    case .noNeighbours: ClusterCategory.noNeighbours.colour
    case .noData: ClusterCategory.noData.colour
    case .notPublished: ClusterCategory.notPublished.colour
    }
  }

  /// The legend label in `language`, with its decimal mark ("p ≤ 0,05").
  public func label(_ language: Language) -> String {
    switch self {
    case .notSignificant, .noNeighbours, .noData, .notPublished:
      let cluster: ClusterCategory =
        self == .notSignificant
        ? .notSignificant : self == .noNeighbours ? .noNeighbours : self == .noData ? .noData
        : .notPublished
      return cluster.label(language)
    default:
      let bound = language == .dutch ? rawValue.replacingOccurrences(of: ".", with: ",") : rawValue
      return "p ≤ \(bound)"
    }
  }

  /// GeoDa's legend order: not significant, then the greens from light to dark.
  static let legendOrder: [SignificanceCategory] = [
    .notSignificant, .p005, .p001, .p0001, .p00001, .noNeighbours, .noData, .notPublished,
  ]

  /// Listed only when a ward has them; the p-classes up to 0.001 always are.
  static let listedWhenUsed: Set<SignificanceCategory> = [
    .p00001, .noNeighbours, .noData, .notPublished,
  ]
}

extension SignificanceCategory: MapCategory {}

/// A LISA significance map: each ward coloured by its ``SignificanceCategory``, with a
/// legend of the categories and their ward counts, as a standalone SVG. GeoDa pairs it with
/// the cluster map (``ClusterMap``): the one says where, the other how sure.
public struct SignificanceMap: Sendable {
  /// The wards, in projected metres; `categories` follows their order.
  public let wards: [MapWard]
  /// One category per ward, in ward order.
  public let categories: [SignificanceCategory]
  /// Title, subtitle, legend title and credits.
  public let text: MapText
  /// The line under the legend title: the number of tests, the correction, the threshold.
  public let significanceNote: String?
  /// Size, language, labels, highlights and overlays.
  public let options: MapOptions

  /// - Throws: ``CartographyError/lengthMismatch(input:count:wards:)`` and the ward errors of
  ///   ``ClusterMap/init(wards:categories:text:significanceNote:options:)``.
  public init(
    wards: [MapWard], categories: [SignificanceCategory], text: MapText,
    significanceNote: String? = nil, options: MapOptions = MapOptions()
  ) throws {
    try WardValidation.check(wards, options: options)
    guard categories.count == wards.count else {
      throw CartographyError.lengthMismatch(
        input: "significance categories", count: categories.count, wards: wards.count)
    }
    self.wards = wards
    self.categories = categories
    self.text = text
    self.significanceNote = significanceNote
    self.options = options
  }

  /// The map as a standalone SVG document. The four p-classes up to 0.001 and "not
  /// significant" are always listed; p ≤ 0.0001 and the other categories only when used.
  public func svg() -> String {
    CategoryMapDrawing.svg(
      wards: wards, categories: categories, text: text, note: significanceNote, options: options)
  }
}
