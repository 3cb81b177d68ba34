import Foundation

/// Theil's T of an indicator split into inequality between groups of units (e.g. the impulse
/// wards against the other wards) and inequality within them.
///
/// With S = Σx, group g holding the share s_g = S_g / S of the total and n_g of the n units:
/// between = Σ_g s_g ln(s_g n / n_g), within = Σ_g s_g T_g, where T_g is Theil's T of the
/// units of g; T = between + within exactly (Theil 1967). A group or unit with a share of 0
/// contributes its limit, 0 (see ``Inequality`` on zeros). Missing units are left out of
/// every term and named; a unit without a group is an error.
///
/// ## References
/// Theil, H. (1967). *Economics and Information Theory*; Shorrocks, A. F. (1980), The class
/// of additively decomposable inequality measures, *Econometrica* 48(3). Matches inequality
/// 1.1 `TheilD(y, partition)`: `T`, `bg`, and `wg` (there computed as T − bg).
public struct TheilDecomposition: Hashable, Sendable {
  /// One group's part of the decomposition.
  public struct Group: Hashable, Sendable {
    /// The group's label as given.
    public let name: String
    /// Units of the group with a value.
    public let units: Int
    /// s_g: the group's share of the total (0–1).
    public let share: Double
    /// T_g: Theil's T within the group; `nil` when the group's total is 0.
    public let theilT: Double?
  }

  /// Theil's T over all present units (inequality `T`).
  public let total: Double
  /// Σ_g s_g ln(s_g n / n_g) (inequality `bg`).
  public let between: Double
  /// Σ_g s_g T_g (inequality `wg`).
  public let within: Double
  /// The groups, sorted by name.
  public let groups: [Group]
  /// Labels of units whose value is missing.
  public let missingUnits: [String]

  /// Decomposes Theil's T of `values` over `groups`.
  ///
  /// - Parameters:
  ///   - values: A non-negative indicator per unit, `nil` when missing.
  ///   - groups: The group of each unit, aligned with `values`.
  ///   - unitIDs: Unit labels for errors and ``missingUnits``.
  /// - Returns: Undefined when no unit has a value or the total is 0.
  /// - Throws: ``ConcentrationError/negativeValue(unit:field:value:)``,
  ///   ``ConcentrationError/nonFiniteValue(unit:field:value:)``,
  ///   ``ConcentrationError/lengthMismatch(first:firstCount:second:secondCount:)``.
  public static func compute(
    values: [Double?], groups: [String], unitIDs: [String]? = nil
  ) throws(ConcentrationError) -> StatisticOutcome<TheilDecomposition> {
    let labels = try ConcentrationUnits.labels(unitIDs, count: values.count)
    try ConcentrationUnits.sameLength("the values", values.count, "the groups", groups.count)
    try ConcentrationUnits.check(values, field: "value", labels: labels)
    let present = values.indices.filter { values[$0] != nil }
    let missing = values.indices.filter { values[$0] == nil }.map { labels[$0] }
    let total = present.reduce(0.0) { $0 + values[$1]! }
    guard !present.isEmpty else { return .undefined(.noUnits) }
    guard total > 0 else { return .undefined(.zeroTotal(quantity: "the values")) }
    let n = Double(present.count)
    let byGroup = Dictionary(grouping: present) { groups[$0] }
    var parts: [Group] = []
    var (between, within) = (0.0, 0.0)
    for name in byGroup.keys.sorted() {
      let members = byGroup[name]!.map { values[$0]! }
      let share = members.reduce(0, +) / total
      let t = theil(members)
      if share > 0 { between += share * log(share * n / Double(members.count)) }
      within += share * (t ?? 0)
      parts.append(Group(name: name, units: members.count, share: share, theilT: t))
    }
    return .defined(
      TheilDecomposition(
        total: theil(present.map { values[$0]! })!, between: between, within: within,
        groups: parts, missingUnits: missing))
  }

  /// Σ s_i ln(n s_i) with zeros contributing 0; `nil` for a total of 0.
  private static func theil(_ x: [Double]) -> Double? {
    let sum = x.reduce(0, +)
    guard sum > 0 else { return nil }
    let n = Double(x.count)
    return x.reduce(0.0) { partial, v in
      let s = v / sum
      return s > 0 ? partial + s * log(n * s) : partial
    }
  }
}
