import Foundation

/// Where a command's time goes, stage by stage (`--timing`): each ``enter(_:)`` ends the
/// stage before it. Wall-clock seconds from a monotonic clock, and the process's peak
/// resident memory at the end, so a user can see which part of a run to blame.
public final class StageClock: @unchecked Sendable, Equatable {
  /// The stages in the order entered, with their wall-clock seconds.
  public private(set) var stages: [(name: String, seconds: Double)] = []
  private var current: (name: String, start: UInt64)?
  private let started = DispatchTime.now().uptimeNanoseconds

  public init() {}

  /// Ends the running stage and starts `name` (entering a stage again adds to it).
  public func enter(_ name: String) {
    let now = DispatchTime.now().uptimeNanoseconds
    finishCurrent(at: now)
    current = (name, now)
  }

  /// Ends the running stage.
  public func stop() { finishCurrent(at: DispatchTime.now().uptimeNanoseconds) }

  /// Seconds since the clock was made.
  public var total: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

  /// The peak resident set size of this process in bytes (`getrusage`; Linux counts KiB,
  /// macOS bytes, which this reads as KiB too: the figure is for this Linux tool's reports).
  public static var peakResidentBytes: Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    return Int(usage.ru_maxrss) * 1024
  }

  /// `{"command": …, "stages": {"read": s, …}, "total_s": s, "peak_rss_mib": m}` on one line,
  /// the stages in the order entered.
  public func json(command: String) -> String {
    stop()
    let parts = stages.map { "\"\($0.name)\": \(Self.seconds($0.seconds))" }
    let mib = Double(Self.peakResidentBytes) / 1_048_576
    return "{\"command\": \"\(command)\", \"stages\": {\(parts.joined(separator: ", "))}, "
      + "\"total_s\": \(Self.seconds(total)), \"peak_rss_mib\": \(String(format: "%.1f", mib))}"
  }

  /// "read 0.120 s, compute 0.410 s, write 0.087 s; total 0.617 s, peak 84.2 MiB".
  public func text() -> String {
    stop()
    let parts = stages.map { "\($0.name) \(Self.seconds($0.seconds)) s" }
    let mib = Double(Self.peakResidentBytes) / 1_048_576
    return parts.joined(separator: ", ")
      + "; total \(Self.seconds(total)) s, peak \(String(format: "%.1f", mib)) MiB"
  }

  /// Clocks are equal when they are the same clock (a request carrying one stays comparable).
  public static func == (a: StageClock, b: StageClock) -> Bool { a === b }

  private func finishCurrent(at now: UInt64) {
    guard let current else { return }
    let seconds = Double(now - current.start) / 1e9
    if let k = stages.firstIndex(where: { $0.name == current.name }) {
      stages[k].seconds += seconds
    } else {
      stages.append((current.name, seconds))
    }
    self.current = nil
  }

  private static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }
}
