import ArgumentParser
import Foundation
import WijkCore

/// `--timing text|json`: the time a run spent reading, preparing, computing and writing, and
/// its peak memory, on stderr when it ends (a benchmark's view of one run; `Benchmarks/`).
struct TimingOption: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(
    help: ArgumentHelp(
      "Print the time of each stage (read, prepare, compute, write) and the peak memory on "
        + "stderr at the end: text or json (one line).", valueName: "format"))
  var timing: Format?

  /// A clock when `--timing` was given.
  func clock() -> StageClock? { timing == nil ? nil : StageClock() }

  /// Prints `clock`'s stages for `command`.
  func report(_ clock: StageClock?, command: String) {
    guard let clock, let timing else { return }
    let line = timing == .json ? clock.json(command: command) : "timing: " + clock.text()
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
