import WijkCore

/// Why an analysis could not be completed. Each case names what a user must fix.
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An indicator refers to a column no table provides.
  case unknownColumn(name: String, available: [String])
  /// A ward layer field named in the configuration is not in the layer.
  case unknownField(file: String, field: String, available: [String])
  /// The ward layer has invalid geometries; each entry names the ward and the reason.
  case invalidWards(file: String, problems: [String])
  /// Wards overlap; each entry names both wards and the area.
  case overlappingWards(file: String, overlaps: [String])
  /// The ward layer declares no CRS and none was given.
  case missingCRS(file: String)
  /// A geographic ward layer lies outside the area of use of the CRS it would be projected to.
  case outsideAreaOfUse(file: String, crs: String, target: String)
  /// Several features carry one code (0-based feature positions, in file order).
  case duplicateWardCode(file: String, field: String, code: String, features: [Int])
  /// Features sharing a code were to be dissolved, but disagree in another field.
  case dissolveConflict(file: String, code: String, field: String, values: [String])
  /// A ward group names codes that are not wards.
  case unknownGroupWards(group: String, codes: [String])
  /// An indicator cannot be computed from its columns (e.g. a ward with a numerator above 0
  /// on a base of 0); `reason` is the statistic's own message, naming the ward.
  case indicator(id: String, numerator: String, base: String?, reason: String)
  /// A statistic failed on valid input (a bug or an unsupported case); the text is its error.
  case statistic(indicator: String, statistic: String, reason: String)

  public var description: String {
    switch self {
    case .unknownColumn(let n, let a):
      "no table provides the column '\(n)'; available: \(a.joined(separator: ", "))"
    case .unknownField(let f, let field, let a):
      "\(f): the ward layer has no field '\(field)'; its fields: \(a.joined(separator: ", "))"
    case .invalidWards(let f, let p):
      "\(f): \(p.count) invalid ward(s): \(p.joined(separator: "; ")). "
        + "Repair them in a GIS, or run with --repair to let GEOS make them valid."
    case .overlappingWards(let f, let o):
      "\(f): wards overlap, so points and areas would be counted twice: "
        + "\(o.joined(separator: "; ")). Fix the ward layer, or run with --allow-overlaps."
    case .missingCRS(let f):
      "\(f): the layer declares no coordinate reference system; give one with --crs (e.g. EPSG:31370) or wards.crs in the configuration"
    case .outsideAreaOfUse(let f, let c, let t):
      "\(f): the layer is in the geographic CRS \(c) and lies outside the area of use of "
        + "\(t), the projected CRS it would be measured in; give a projected CRS for its area "
        + "with --project-to (e.g. a UTM zone)."
    case .duplicateWardCode(let f, let field, let c, let features):
      "\(f): the ward code '\(c.visibleInMessages)' (field \(field)) is carried by "
        + "\(features.count) features (\(DuplicateWardCode.featureList(features))). Codes must "
        + "be unique: merge the parts into one feature in a GIS, or run with "
        + "--dissolve-duplicates to dissolve them into one ward."
    case .dissolveConflict(let f, let c, let field, let v):
      "\(f): the features of ward '\(c.visibleInMessages)' cannot be dissolved: their field "
        + "\(field) differs (\(v.joined(separator: " / "))). Make them agree, or merge them in "
        + "a GIS."
    case .unknownGroupWards(let g, let c):
      "the ward group '\(g)' names codes that are not wards: \(c.joined(separator: ", "))"
    case .indicator(let id, let n, let b, let r):
      "indicator '\(id)' (\(n)" + (b.map { " / \($0)" } ?? "") + "): \(r)"
    case .statistic(let i, let s, let r):
      "indicator '\(i)': \(s) could not be computed: \(r)"
    }
  }
}
