import ArgumentParser

/// The exit codes of `wijk`, from BSD's sysexits so that scripts can tell bad input from
/// failure. Listed in `wijk --help`.
enum WijkExit {
  /// Wrong arguments: an option value out of range or not allowed with this data.
  static let usage = ExitCode(64)
  /// Bad input data: a cell, feature or geometry that cannot be used.
  static let dataError = ExitCode(65)
  /// An input file is missing or cannot be opened.
  static let noInput = ExitCode(66)
  /// An internal failure.
  static let software = ExitCode(70)
  /// An output file cannot be created.
  static let cannotCreate = ExitCode(73)
  /// Bad configuration.
  static let configuration = ExitCode(78)
}
