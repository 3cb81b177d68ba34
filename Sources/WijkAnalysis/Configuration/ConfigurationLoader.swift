import Foundation
import WijkIO
import Yams

/// Reads an ``AnalysisConfiguration`` from a YAML file.
public enum ConfigurationLoader {
  /// Decodes the file at `path`. Relative paths inside it are resolved against its folder.
  ///
  /// - Throws: ``ConfigurationError`` naming the file and the key (e.g.
  ///   `indicators[2].base`) for a missing, unknown or ill-typed key, or unreadable YAML.
  public static func load(path: String) throws(ConfigurationError) -> AnalysisConfiguration {
    try parse(text(of: path), file: path)
  }

  /// Decodes YAML `text`; `file` is used in messages and to resolve relative paths.
  public static func parse(_ text: String, file: String) throws(ConfigurationError)
    -> AnalysisConfiguration
  {
    try completed(decode(AnalysisConfiguration.self, from: text, file: file), file: file)
  }

  /// The text of the file at `path`.
  /// - Throws: ``ConfigurationError/missing(file:)`` when there is no such file,
  ///   ``ConfigurationError/unreadable(file:reason:)`` when it cannot be read.
  static func text(of path: String) throws(ConfigurationError) -> String {
    do {
      return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      guard FileManager.default.fileExists(atPath: path) else { throw .missing(file: path) }
      throw .unreadable(file: path, reason: "cannot read the file (\(error.localizedDescription))")
    }
  }

  /// Decodes `type` from YAML `text`, turning decoding errors into messages that name `file`
  /// and the key.
  static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String)
    throws(ConfigurationError) -> T
  {
    do {
      return try YAMLDecoder().decode(type, from: text)
    } catch let error as DecodingError {
      throw ConfigurationError(decoding: error, file: file)
    } catch {
      throw .unreadable(file: file, reason: "not valid YAML: \(error)")
    }
  }

  /// `config` with its paths resolved against `file`'s folder, the groups file's groups
  /// added, and the cross-key rules checked.
  static func completed(_ config: AnalysisConfiguration, file: String) throws(ConfigurationError)
    -> AnalysisConfiguration
  {
    var config = config
    config.resolvePaths(relativeTo: URL(fileURLWithPath: file).deletingLastPathComponent().path)
    if let groupsFile = config.groupsFile { config.groups += try loadGroups(path: groupsFile) }
    try validate(config, file: file)
    return config
  }

  /// Reads the `groups:` list of a separate groups file.
  static func loadGroups(path: String) throws(ConfigurationError) -> [WardGroup] {
    struct GroupsFile: Decodable { var groups: [WardGroup] }
    return try decode(GroupsFile.self, from: text(of: path), file: path).groups
  }

  /// Checks that cross-key rules hold: unique indicator ids, classes ≥ 2, a sane level.
  static func validate(_ c: AnalysisConfiguration, file: String) throws(ConfigurationError) {
    var groupNames = Set<String>()
    for (i, g) in c.groups.enumerated() where !groupNames.insert(g.name).inserted {
      throw .invalid(file: file, key: "groups[\(i)].name", reason: "'\(g.name)' is used twice")
    }
    var seen = Set<String>()
    for (i, id) in (c.sectorIndicators.map(\.id) + c.indicators.map(\.id)).enumerated()
    where !seen.insert(id).inserted {
      throw .invalid(file: file, key: "indicators[\(i)].id", reason: "'\(id)' is used twice")
    }
    try validateSectorTables(c, file: file)
    try validateRanges(c, file: file)
    if !["nl", "en"].contains(c.language) {
      throw .invalid(file: file, key: "language", reason: "must be nl or en")
    }
  }
}

extension ConfigurationLoader {
  /// Every numeric key within its ``SettingRange``, the same rule as the command line's.
  static func validateRanges(_ c: AnalysisConfiguration, file: String) throws(ConfigurationError) {
    try check(Double(c.classification.classes), .mapClasses, key: "classification.classes", file: file)
    try check(c.significance, .significanceLevel, key: "significance", file: file)
    try check(Double(c.permutations), .permutations, key: "permutations", file: file)
    if let k = c.weights.k { try check(Double(k), .neighbours, key: "weights.k", file: file) }
    if let snap = c.weights.snap { try check(snap, .tolerance, key: "weights.snap", file: file) }
    // Named by id: ward and sector indicators share one list in the file.
    for spec in c.indicators {
      if let per = spec.per { try check(per, .rateMultiplier, key: "indicators[id: \(spec.id)].per", file: file) }
    }
    for spec in c.sectorIndicators {
      if case .ratioOfSums(_, _, let per) = spec.rule {
        try check(per, .rateMultiplier, key: "indicators[id: \(spec.id)].per", file: file)
      }
    }
    for (t, table) in c.tables.enumerated() {
      if let width = table.padKeys {
        try check(Double(width), .keyWidth, key: "tables[\(t)].pad_keys", file: file)
      }
    }
  }

  /// The sector tables' vintages exist, every year has one, and each indicator's columns and
  /// years are in the tables (an indicator's year in one table only is an error naming both).
  static func validateSectorTables(_ c: AnalysisConfiguration, file: String)
    throws(ConfigurationError)
  {
    let known = c.sectorVintages.map(\.id)
    func fail(_ key: String, _ error: SectorYearsError) -> ConfigurationError {
      .invalid(file: file, key: key, reason: error.description)
    }
    for (t, table) in c.sectorTables.enumerated() {
      for year in table.years {
        guard let v = table.vintages[year] else {
          throw fail("sector_tables[\(t)].vintage", .yearWithoutVintage(table: table.id, year: year))
        }
        if !known.contains(v) {
          throw fail(
            "sector_tables[\(t)].vintage", .unknownVintage(table: table.id, vintage: v, known: known))
        }
      }
    }
    for (k, id) in (c.emergingHotSpots.indicators ?? []).enumerated() {
      guard let spec = c.sectorIndicators.first(where: { $0.id == id }) else {
        throw .invalid(
          file: file, key: "emerging_hot_spots.indicators[\(k)]",
          reason: "'\(id)' is not an indicator with an aggregation rule; they are: "
            + c.sectorIndicators.map(\.id).joined(separator: ", "))
      }
      if spec.isNotAggregable {
        throw fail("emerging_hot_spots.indicators[\(k)]", .notAggregable(indicator: id))
      }
    }
    let available = c.sectorTables.flatMap(\.columns)
    for (i, spec) in c.sectorIndicators.enumerated() {
      for column in spec.sectorColumns {
        guard let table = c.sectorTables.first(where: { $0.columns.contains(column) }) else {
          throw fail(
            "indicators[\(i)]",
            .unknownColumn(indicator: spec.id, column: column, available: available))
        }
        for year in spec.years where !table.years.contains(year) {
          throw fail(
            "indicators[\(i)].years",
            .yearNotInTable(indicator: spec.id, year: year, table: table.id, years: table.years))
        }
      }
    }
  }
}

extension AnalysisConfiguration {
  /// Makes every relative file path absolute against `folder`.
  mutating func resolvePaths(relativeTo folder: String) {
    func resolve(_ p: String) -> String {
      p.hasPrefix("/") || DataSourceName.isConnection(p) ? p : URL(fileURLWithPath: folder).appendingPathComponent(p).path
    }
    wards.file = resolve(wards.file)
    groupsFile = groupsFile.map(resolve)
    if let file = zones?.file { zones?.file = resolve(file) }
    for i in sectorVintages.indices {
      sectorVintages[i].lookup.file = resolve(sectorVintages[i].lookup.file)
    }
    for i in sectorTables.indices { sectorTables[i].file = resolve(sectorTables[i].file) }
    for i in tables.indices {
      tables[i].file = resolve(tables[i].file)
      if let lookup = tables[i].lookup { tables[i].lookup?.file = resolve(lookup.file) }
    }
  }
}

/// Why a configuration could not be used. Each case names the file and, where there is one,
/// the key.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  /// The configuration file does not exist (often: wijk was run outside the project folder).
  case missing(file: String)
  case missingKey(file: String, key: String)
  case invalid(file: String, key: String, reason: String)

  init(decoding error: DecodingError, file: String) {
    func path(_ p: [any CodingKey]) -> String {
      p.reduce("") { acc, k in
        if let i = k.intValue { return acc + "[\(i)]" }
        return acc.isEmpty ? k.stringValue : acc + "." + k.stringValue
      }
    }
    switch error {
    case .keyNotFound(let key, let ctx):
      self = .missingKey(file: file, key: path(ctx.codingPath + [key]))
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      self = .invalid(file: file, key: path(ctx.codingPath), reason: ctx.debugDescription)
    case .dataCorrupted(let ctx) where ctx.codingPath.isEmpty:
      // A YAML syntax error: Yams's own message carries the line and column.
      let detail = ctx.underlyingError.map { "\($0)" } ?? ctx.debugDescription
      self = .unreadable(file: file, reason: "not valid YAML: \(detail)")
    case .dataCorrupted(let ctx):
      self = .invalid(
        file: file, key: path(ctx.codingPath), reason: Self.plain(ctx.debugDescription))
    @unknown default:
      self = .unreadable(file: file, reason: "\(error)")
    }
  }

  /// The allowed values of each enumerated key, for messages.
  static let allowedValues = [
    "IndicatorKind": "count, rate, mean", "Kind": "queen, rook, knn",
    "Method": "quantiles, equal_interval, fisher_jenks", "Direction": "higher, lower, neither",
    "MultipleTestingCorrection": "fdr, bonferroni, none",
  ]

  /// "Cannot initialize IndicatorKind from invalid String value rates" → "'rates' is not
  /// allowed here; use one of: count, rate, mean".
  static func plain(_ text: String) -> String {
    let prefix = "Cannot initialize "
    guard text.hasPrefix(prefix), let from = text.range(of: " from invalid String value ") else {
      return text
    }
    let type = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<from.lowerBound])
    let value = String(text[from.upperBound...])
    return "'\(value)' is not allowed here"
      + (allowedValues[type].map { "; use one of: \($0)" } ?? "")
  }

  public var description: String {
    switch self {
    case .unreadable(let f, let r): "\(f): \(r)"
    case .missing(let f):
      "\(f): no such configuration file. Run wijk in the project folder (where GeoData/ is), or give the configuration with --config PATH."
    case .missingKey(let f, let k): "\(f): the key '\(k)' is missing"
    case .invalid(let f, let k, let r): "\(f): key '\(k)': \(r)"
    }
  }
}
