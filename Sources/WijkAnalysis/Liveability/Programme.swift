import Foundation

/// What a project builds and demolishes: dwellings per item (tenure and type, defined in the
/// profile's `items`) and facilities added on the site or removed.
///
/// YAML keys: `name`, `ward` (default ward code of every line), `dwellings` (a list of
/// `item`, `added`, `removed`, `ward`), `facilities` (`added`: a list of `kind`, `name`,
/// placed on the site; `removed`: facility ids of the facilities file). Unknown keys are
/// errors.
public struct Programme: Sendable, Equatable {
  /// The programme's or phase's name (YAML `name`, default "Programme").
  public var name: String
  /// Default ward code of every dwelling line; `nil`: the site's ward, when it lies in only one.
  public var ward: String?
  /// Dwellings built and demolished, per profile item.
  public var dwellings: [DwellingLine]
  /// Facilities built on the site (YAML `facilities.added`), at 0 m from it.
  public var facilitiesAdded: [AddedFacility]
  /// Ids of facilities demolished (YAML `facilities.removed`); an id not in the facilities layer
  /// is ``LiveabilityError/unknownFacility(file:id:)``.
  public var facilitiesRemoved: [String]

  /// A programme as given; items, wards and facility ids are checked when the check applies it.
  public init(
    name: String, ward: String? = nil, dwellings: [DwellingLine] = [],
    facilitiesAdded: [AddedFacility] = [], facilitiesRemoved: [String] = []
  ) {
    self.name = name
    self.ward = ward
    self.dwellings = dwellings
    self.facilitiesAdded = facilitiesAdded
    self.facilitiesRemoved = facilitiesRemoved
  }

  /// Reads a programme file.
  /// - Throws: ``LiveabilityError/unreadable(file:reason:)``,
  ///   ``LiveabilityError/invalid(file:key:reason:)``.
  public static func load(path: String) throws(LiveabilityError) -> Programme {
    try YAMLFile.decode(Programme.self, path: path)
  }
}

/// Dwellings of one item added and removed (counts of dwellings, ≥ 0).
public struct DwellingLine: Sendable, Equatable {
  /// The profile item (tenure and type), a key of ``RulesProfile/items``.
  public var item: String
  /// Dwellings added (≥ 0; default 0).
  public var added: Double
  /// Dwellings removed (≥ 0; default 0).
  public var removed: Double
  /// The ward the dwellings are in; `nil` for the programme's ward or the site's only ward.
  public var ward: String?

  /// A line as given; the YAML reader rejects negative counts, this initialiser does not check.
  public init(item: String, added: Double = 0, removed: Double = 0, ward: String? = nil) {
    self.item = item
    self.added = added
    self.removed = removed
    self.ward = ward
  }
}

/// A facility the project builds on its site.
public struct AddedFacility: Sendable, Equatable, Codable {
  /// The facility kind, as in the facilities layer and a rule's `facility`.
  public var kind: String
  /// Its name, shown as the nearest facility of its kind.
  public var name: String
}

/// Phases of a project, checked one after the other, cumulatively (phase 2 is checked with
/// phases 1 and 2 applied).
///
/// YAML keys: `title`, `illustrative` (true when the numbers are not the city's), `site`
/// and `facilities` (paths relative to the scenario file; the command line can override
/// them), `phases` (a list of programmes).
public struct Scenario: Sendable, Equatable {
  /// Report title (YAML `title`, default "Scenario").
  public var title: String
  /// Whether the numbers are invented, not the city's; said on every output (default false).
  public var illustrative: Bool
  /// The site file, absolute after ``load(path:)``; `nil` when the command line gives the site.
  public var site: String?
  /// The facilities layer, absolute after ``load(path:)``; `nil` for none.
  public var facilities: String?
  /// The phases in order (at least one).
  public var phases: [Programme]

  /// Reads a scenario file; `site` and `facilities` come back absolute.
  /// - Throws: as ``Programme/load(path:)``; `invalid` for a scenario without phases.
  public static func load(path: String) throws(LiveabilityError) -> Scenario {
    var s = try YAMLFile.decode(Scenario.self, path: path)
    if s.phases.isEmpty {
      throw .invalid(file: path, key: "phases", reason: "list at least one phase")
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    func resolve(_ p: String) -> String {
      p.hasPrefix("/") ? p : folder.appendingPathComponent(p).path
    }
    s.site = s.site.map(resolve)
    s.facilities = s.facilities.map(resolve)
    return s
  }
}

extension Programme: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case name, ward, dwellings, facilities }
  enum FacilityKeys: String, CodingKey, CaseIterable { case added, removed }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? "Programme"
    ward = try c.decodeIfPresent(String.self, forKey: .ward)
    dwellings = try c.decodeIfPresent([DwellingLine].self, forKey: .dwellings) ?? []
    facilitiesAdded = []
    facilitiesRemoved = []
    if c.contains(.facilities) {
      let f = try c.superDecoder(forKey: .facilities).strictContainer(FacilityKeys.self)
      facilitiesAdded = try f.decodeIfPresent([AddedFacility].self, forKey: .added) ?? []
      facilitiesRemoved = try f.decodeIfPresent([String].self, forKey: .removed) ?? []
    }
  }
}

extension DwellingLine: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable { case item, added, removed, ward }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    item = try c.decode(String.self, forKey: .item)
    added = try c.decodeIfPresent(Double.self, forKey: .added) ?? 0
    removed = try c.decodeIfPresent(Double.self, forKey: .removed) ?? 0
    ward = try c.decodeIfPresent(String.self, forKey: .ward)
    if added < 0 || removed < 0 {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "added and removed must be 0 or more"))
    }
  }
}

extension Scenario: Decodable {
  enum CodingKeys: String, CodingKey, CaseIterable {
    case title, illustrative, site, facilities, phases
  }
  public init(from decoder: any Decoder) throws {
    let c = try decoder.strictContainer(CodingKeys.self)
    title = try c.decodeIfPresent(String.self, forKey: .title) ?? "Scenario"
    illustrative = try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
    site = try c.decodeIfPresent(String.self, forKey: .site)
    facilities = try c.decodeIfPresent(String.self, forKey: .facilities)
    phases = try c.decode([Programme].self, forKey: .phases)
  }
}
