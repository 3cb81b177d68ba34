import ArgumentParser
import WijkAnalysis

/// Option values checked in `validate()`, before any file is read: a value outside its
/// ``SettingRange`` (the same table the configuration's keys obey) or an output with an
/// extension no writer has is a usage error, exit 64, with the usage line.

/// Refuses `--name value` unless `range` allows it.
func checkOption(_ name: String, _ value: Double?, _ range: SettingRange) throws {
  guard let value, !range.allows(value) else { return }
  throw ValidationError("--\(name) \(SettingRange.text(value)) cannot be used: expected \(range.expected).")
}

/// Runs the library's own parsing of an option (an output's format, a transformation's
/// name) in `validate()`, so that what it refuses is a usage error before any file is read.
func asUsage(_ parse: () throws -> Void) throws {
  do { try parse() } catch { throw ValidationError(message(for: error)) }
}
