import Foundation
import Yams

/// The rules of a liveability check ("leefbaarheidstoets"): how far around the site to
/// look, what each programme item does to the ward table's columns, extra indicators, and
/// the rules with their limits.
///
/// Read from YAML by ``RulesProfile/load(path:)``, strictly: an unknown key is an error
/// naming it. Every key is documented in `GeoData/leefbaarheidstoets_profiel.yaml`, whose
/// limits are examples for the city to set.
///
/// The overall verdict is fixed and documented: any rule that fails → fail; else any rule
/// that needs attention → attention; else pass. Rules that are not applicable (their
/// columns are not in the ward table) do not count.
public struct RulesProfile: Sendable, Equatable {
  /// The profile's title (YAML `title`, default "Leefbaarheidstoets").
  public var title: String
  /// Radius of the surroundings around the site, in metres.
  public var bufferMetres: Double
  /// Programme item (tenure and type, e.g. `owner_occupied_gas_free`) → column → change per
  /// unit (a dwelling added adds this much to the column; one removed subtracts it).
  public var items: [String: [String: Double]]
  /// Indicators computed for the check besides the configuration's (same keys).
  public var indicators: [IndicatorSpec]
  /// The rules, judged in every phase; ids are unique.
  public var rules: [Rule]
}

/// One rule of a profile.
public struct Rule: Sendable, Equatable {
  /// What a rule tests.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// The after value must not pass a limit (`direction: above` or `below`).
    case threshold
    /// The change after − before must not exceed a limit (`direction: increase`,
    /// `decrease` or `either`).
    case maxChange = "max_change"
    /// No ward in scope may become a concentration ward: its own location quotient reaching
    /// the configured `concentration_quotient` with a rank in the top fifth (no spatial test
    /// is involved).
    case noNewConcentration = "no_new_concentration"
    /// No ward in scope may become (or join) a significant Gi* hotspot (after the run's
    /// multiple-testing correction: its neighbours' values significantly high).
    case noHotspot = "no_hotspot"
    /// The site must lie within a distance (m) of a facility of `facility` kind.
    case maxDistance = "max_distance"
  }
  /// Where a rule looks: the ward(s) the site lies in, or the wards within the buffer.
  public enum Scope: String, Sendable, Equatable { case ward, surroundings }

  /// The rule's id, unique in the profile; names it in the report.
  public var id: String
  /// What the rule tests.
  public var kind: Kind
  /// Indicator id (all kinds but `max_distance`).
  public var indicator: String?
  /// Facility kind (`max_distance` only).
  public var facility: String?
  /// Where the rule looks (YAML `scope`, default `ward`).
  public var scope: Scope
  /// `above`/`below` (threshold), `increase`/`decrease`/`either` (max_change).
  public var direction: String?
  /// Limit beyond which the rule fails, in the indicator's unit (metres for distances).
  public var fail: Double?
  /// Limit beyond which the rule needs attention (before the fail limit).
  public var attention: Double?
  /// Why the city has this rule (shown in the report).
  public var note: String?
}

extension RulesProfile {
  /// Reads and checks a profile.
  /// - Throws: ``LiveabilityError/unreadable(file:reason:)`` and
  ///   ``LiveabilityError/invalid(file:key:reason:)`` naming the key.
  public static func load(path: String) throws(LiveabilityError) -> RulesProfile {
    let profile = try YAMLFile.decode(RulesProfile.self, path: path)
    try profile.validate(file: path)
    return profile
  }

  /// Cross-key checks: unique ids, the keys each kind needs, attention before fail.
  func validate(file: String) throws(LiveabilityError) {
    if !(bufferMetres > 0) {
      throw .invalid(file: file, key: "buffer_metres", reason: "must be above 0")
    }
    var ids = Set<String>()
    for (i, r) in rules.enumerated() {
      let key = "rules[\(i)]"
      if !ids.insert(r.id).inserted {
        throw .invalid(file: file, key: key + ".id", reason: "'\(r.id)' is used twice")
      }
      if r.kind == .maxDistance {
        if r.facility == nil {
          throw .invalid(file: file, key: key + ".facility", reason: "required")
        }
      } else if r.indicator == nil {
        throw .invalid(file: file, key: key + ".indicator", reason: "required")
      }
      let directions: [String] =
        switch r.kind {
        case .threshold: ["above", "below"]
        case .maxChange: ["increase", "decrease", "either"]
        default: []
        }
      if !directions.isEmpty {
        guard let d = r.direction, directions.contains(d) else {
          throw .invalid(
            file: file, key: key + ".direction",
            reason: "must be one of \(directions.joined(separator: ", "))")
        }
      }
      if [.threshold, .maxChange, .maxDistance].contains(r.kind), r.fail == nil, r.attention == nil
      {
        throw .invalid(file: file, key: key + ".fail", reason: "give fail, attention or both")
      }
      if let a = r.attention, let f = r.fail {
        let below = r.direction == "below"
        if below ? a < f : a > f {
          throw .invalid(
            file: file, key: key + ".attention",
            reason: "the attention limit must come before the fail limit")
        }
      }
    }
  }
}

extension RulesProfile: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case title
    case bufferMetres = "buffer_metres"
    case items, indicators, rules
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    title = try c.decodeIfPresent(String.self, forKey: .title) ?? "Leefbaarheidstoets"
    bufferMetres = try c.decodeIfPresent(Double.self, forKey: .bufferMetres) ?? 500
    items = try c.decodeIfPresent([String: [String: Double]].self, forKey: .items) ?? [:]
    indicators = try c.decodeIfPresent([IndicatorSpec].self, forKey: .indicators) ?? []
    rules = try c.decode([Rule].self, forKey: .rules)
  }
}

extension Rule.Kind: Decodable {}
extension Rule.Scope: Decodable {}

extension Rule: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, kind, indicator, facility, scope, direction, fail, attention, note
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    kind = try c.decode(Kind.self, forKey: .kind)
    indicator = try c.decodeIfPresent(String.self, forKey: .indicator)
    facility = try c.decodeIfPresent(String.self, forKey: .facility)
    scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .ward
    direction = try c.decodeIfPresent(String.self, forKey: .direction)
    fail = try c.decodeIfPresent(Double.self, forKey: .fail)
    attention = try c.decodeIfPresent(Double.self, forKey: .attention)
    note = try c.decodeIfPresent(String.self, forKey: .note)
  }
}

/// Reads a YAML file into a strictly decoded type, turning decoding errors into
/// ``LiveabilityError`` values that name the key.
enum YAMLFile {
  static func decode<T: Decodable>(_ type: T.Type, path: String) throws(LiveabilityError) -> T {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(file: path, reason: "cannot read the file (\(error.localizedDescription))")
    }
    do {
      return try YAMLDecoder().decode(T.self, from: text)
    } catch let error as DecodingError {
      switch ConfigurationError(decoding: error, file: path) {
      case .missingKey(let f, let k): throw .invalid(file: f, key: k, reason: "missing")
      case .invalid(let f, let k, let r): throw .invalid(file: f, key: k, reason: r)
      case .unreadable(let f, let r): throw .unreadable(file: f, reason: r)
      case .missing(let f): throw .unreadable(file: f, reason: "no such file")
      }
    } catch {
      throw .unreadable(file: path, reason: "not valid YAML: \(error)")
    }
  }
}
