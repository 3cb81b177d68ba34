import Foundation
import Yams

/// Reads a ``HousingConfiguration`` from a YAML file, strictly.
public enum HousingConfigurationLoader {
  /// Decodes the file at `path`; relative paths inside it are resolved against its folder.
  ///
  /// - Throws: ``ConfigurationError`` naming the file and the key (e.g. `register.flags.vacant`)
  ///   for a missing, unknown or ill-typed key, unreadable YAML, or a broken cross-key rule:
  ///   no register or more than two, two registers with the same date, a ward column name
  ///   used twice, a year range backwards, a duplicate indicator id.
  public static func load(path: String) throws(ConfigurationError) -> HousingConfiguration {
    try parse(ConfigurationLoader.text(of: path), file: path)
  }

  /// Decodes YAML `text`; `file` is used in messages and to resolve relative paths.
  public static func parse(_ text: String, file: String) throws(ConfigurationError)
    -> HousingConfiguration
  {
    var config = try ConfigurationLoader.decode(HousingConfiguration.self, from: text, file: file)
    // The shared keys follow the main job's rules (paths, groups file, classes, ids).
    config.analysis = try ConfigurationLoader.completed(config.analysis, file: file)
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    for i in config.registers.indices where !config.registers[i].file.hasPrefix("/") {
      config.registers[i].file = folder.appendingPathComponent(config.registers[i].file).path
    }
    try validate(config, file: file)
    return config
  }

  static func validate(_ c: HousingConfiguration, file: String) throws(ConfigurationError) {
    guard (1...2).contains(c.registers.count) else {
      throw .invalid(
        file: file, key: "registers", reason: "give one register, or two dates for the change")
    }
    if c.registers.count == 2 && c.registers[0].date == c.registers[1].date {
      throw .invalid(
        file: file, key: "registers[1].date",
        reason: "both registers have the date '\(c.registers[0].date)'")
    }
    var names: Set<String> = ["dwellings", "records"]
    var taken: [(String, String)] = []
    for (category, mapping) in c.layout.categories.sorted(by: { $0.key < $1.key }) {
      taken += mapping.codes.keys.sorted().map {
        ("register.categories.\(category).codes.\($0)", $0)
      }
    }
    taken += c.layout.flags.keys.sorted().map { ("register.flags.\($0)", $0) }
    taken += c.layout.years.keys.sorted().map { ("register.years.\($0)", $0) }
    for (key, name) in taken where !names.insert(name).inserted {
      throw .invalid(file: file, key: key, reason: "the ward column '\(name)' is defined twice")
    }
    for (name, series) in c.layout.years where series.from > series.to {
      throw .invalid(
        file: file, key: "register.years.\(name).to",
        reason: "must not be before 'from' (\(series.from))")
    }
  }
}
