import Foundation
import Testing

/// Issue 10: a run killed at any moment (SIGKILL, no chance to clean up) leaves the earlier
/// outputs as they were, or all of the new ones, never a mixture; the user's own files in
/// the folder survive, and the next run removes what the killed one left behind.
@Suite(.serialized) struct KillSafetyCommandTests {
  /// Files whose bytes carry the time of the run (provenance), compared by name only.
  static let timeStamped: Set<String> = [
    "results_not_for_publication.json", "wards_not_for_publication.gpkg",
  ]

  @Test func killedAnalyseLeavesOldOrNewOutputsNeverAMixture() throws {
    let project = try Self.project()
    let (old, new) = (project.appendingPathComponent("old"), project.appendingPathComponent("new"))
    try Self.analyse(in: project, config: "GeoData/wijk-99.yaml", out: old)
    let started = Date()
    try Self.analyse(in: project, config: "GeoData/wijk-genk.yaml", out: new)
    let duration = Date().timeIntervalSince(started)
    let oldFiles = try Self.contents(old)
    let newFiles = try Self.contents(new)
    #expect(oldFiles != newFiles, "the two runs differ, so a mixture would show")

    let out = project.appendingPathComponent("out")
    var outcomes: [String] = []
    for fraction in [0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.92, 0.97, 1.0, 1.05] {
      try? FileManager.default.removeItem(at: out)
      try FileManager.default.copyItem(at: old, to: out)
      try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
      try Self.killedRun(in: project, out: out, after: duration * fraction)
      try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
      let now = try Self.contents(out)
      let state =
        now == oldFiles ? "old" : Self.sameRun(now, newFiles) ? "new" : "mixture"
      outcomes.append(state)
      #expect(state != "mixture", "killed after \(fraction) of a run: \(Self.diff(now, oldFiles, newFiles))")
    }
    #expect(outcomes.contains("old"), "\(outcomes)")
    print("kill-safety outcomes: \(outcomes)")

    try Self.analyse(in: project, config: "GeoData/wijk-genk.yaml", out: out)
    let left = try FileManager.default.contentsOfDirectory(atPath: project.path)
      .filter { $0.contains("wijk-staging") }
    #expect(left.isEmpty, "the next run removes the killed runs' staging folders: \(left)")
  }

  /// A copy of GeoData/ with a second configuration that differs in the permutations.
  static func project() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-kill-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let data = dir.appendingPathComponent("GeoData")
    try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("GeoData"), to: data)
    let text = try String(contentsOf: data.appendingPathComponent("wijk-genk.yaml"), encoding: .utf8)
    let changed = text.replacingOccurrences(of: "permutations: 999", with: "permutations: 99")
    #expect(changed != text)
    try changed.write(to: data.appendingPathComponent("wijk-99.yaml"), atomically: true, encoding: .utf8)
    return dir
  }

  static func analyse(in project: URL, config: String, out: URL) throws {
    let r = try CLIRunner.run(["analyse", "--config", config, "--out", out.path, "-q"], in: project)
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// Starts the full run into `out` and kills it with SIGKILL after `seconds`.
  static func killedRun(in project: URL, out: URL, after seconds: Double) throws {
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = ["analyse", "--out", out.path, "-q"]
    process.currentDirectoryURL = project
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(seconds * 1_000_000))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Every file below `folder` (relative path → bytes).
  static func contents(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let relative = walker?.nextObject() as? String {
      if walker?.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
        files[relative] = try Data(contentsOf: folder.appendingPathComponent(relative))
      }
    }
    return files
  }

  /// The same files as `reference`, byte for byte except the time-stamped ones.
  static func sameRun(_ files: [String: Data], _ reference: [String: Data]) -> Bool {
    Set(files.keys) == Set(reference.keys)
      && reference.allSatisfy { name, bytes in
        timeStamped.contains((name as NSString).lastPathComponent) || files[name] == bytes
      }
  }

  static func diff(_ now: [String: Data], _ old: [String: Data], _ new: [String: Data]) -> String {
    let notOld = now.keys.filter { now[$0] != old[$0] }.sorted()
    let notNew = now.keys.filter { now[$0] != new[$0] }.sorted()
    return "differs from the old run in \(notOld.prefix(5)), from the new in \(notNew.prefix(5))"
  }
}
