import ArgumentParser

/// `wijk analyse`: the main job.
struct Analyse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run the full concentration analysis (the main job) and write out/.")

  func run() throws {
    print("wijk analyse: not built yet")
  }
}
