import Foundation

/// Runs the built `wijk` executable end to end, as a user would, and captures its output.
enum CLIRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The package root (`Tests/WijkCLITests/` is two levels below it).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The `wijk` binary next to the test bundle (SwiftPM builds it for the tests).
  static var executable: URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4
    where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("wijk").path) {
      dir.deleteLastPathComponent()
    }
    return dir.appendingPathComponent("wijk")
  }

  static func run(_ arguments: [String], in directory: URL = root) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
