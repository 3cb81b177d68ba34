import Foundation
import Testing

@testable import WijkAnalysis

@Suite struct OutputDirectoryTests {
  func freshFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wijk-out-\(UUID())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func commitMovesEveryFileAndRemovesStaging() throws {
    let folder = freshFolder()
    let out = try OutputDirectory(path: folder.path)
    try out.write("a", to: "wards.csv")
    try out.write("<svg/>", to: "maps/x.svg")
    let finals = try out.commit()
    #expect(finals.map { URL(fileURLWithPath: $0).lastPathComponent } == ["wards.csv", "x.svg"])
    #expect(
      try String(contentsOf: folder.appendingPathComponent("maps/x.svg"), encoding: .utf8)
        == "<svg/>")
    #expect(!FileManager.default.fileExists(atPath: out.staging.path))
  }

  /// The commit is one atomic swap of the whole folder (a kill can never leave a mixture):
  /// the folder is a new one, and the user's file in it is the same file, linked, not copied.
  @Test func commitSwapsTheWholeFolderAndKeepsUserFilesAsTheyAre() throws {
    let folder = freshFolder()
    let notes = folder.appendingPathComponent("notes.txt")
    try "mine".write(to: notes, atomically: true, encoding: .utf8)
    try "old".write(
      to: folder.appendingPathComponent("wards.csv"), atomically: true, encoding: .utf8)
    func inode(_ url: URL) throws -> Int {
      try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }
    let (folderBefore, notesBefore) = (try inode(folder), try inode(notes))
    let out = try OutputDirectory(path: folder.path)
    try out.write("new", to: "wards.csv")
    try out.commit()
    #expect(try inode(folder) != folderBefore, "swapped, not filled file by file")
    #expect(try inode(notes) == notesBefore)
    #expect(try String(contentsOf: notes, encoding: .utf8) == "mine")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("wards.csv"), encoding: .utf8) == "new")
    let parent = folder.deletingLastPathComponent().path
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent)
        .filter { $0.hasPrefix(OutputDirectory.stagingPrefix(folder.resolvingSymlinksInPath())) }
        .isEmpty, "no staging folder left")
  }

  @Test func aStagingFolderOfADeadRunIsRemovedOneOfALiveRunKept() throws {
    let folder = freshFolder()
    let parent = folder.deletingLastPathComponent()
    let prefix = OutputDirectory.stagingPrefix(folder.resolvingSymlinksInPath())
    // pid 2^22 + 1 lies above Linux's pid_max limit, so no process has it.
    let dead = parent.appendingPathComponent("\(prefix)4194305-abc")
    let live = parent.appendingPathComponent("\(prefix)1-abc")  // init, always running
    for f in [dead, live] { try FileManager.default.createDirectory(at: f, withIntermediateDirectories: true) }
    let out = try OutputDirectory(path: folder.path)
    out.discard()
    #expect(!FileManager.default.fileExists(atPath: dead.path))
    #expect(FileManager.default.fileExists(atPath: live.path))
    try FileManager.default.removeItem(at: live)
  }

  @Test func aFileWhereTheFolderShouldBeIsRefusedAndKept() throws {
    let file = freshFolder().appendingPathComponent("out")
    try "data".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: OutputError.self) { try OutputDirectory(path: file.path) }
    #expect(try String(contentsOf: file, encoding: .utf8) == "data")
  }

  @Test func discardedRunLeavesPreviousOutputsAndUserFiles() throws {
    let folder = freshFolder()
    try "old".write(
      to: folder.appendingPathComponent("wards.csv"), atomically: true, encoding: .utf8)
    try "mine".write(
      to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let out = try OutputDirectory(path: folder.path)
    try out.write("new, half", to: "wards.csv")
    out.discard()  // as a failed run does
    #expect(
      try String(contentsOf: folder.appendingPathComponent("wards.csv"), encoding: .utf8) == "old")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == ["notes.txt", "wards.csv"])
  }
}

@Suite struct ProvenanceTests {
  // FIPS 180-2, appendix B.1: SHA-256("abc").
  @Test func sha256MatchesTheStandardTestVector() {
    #expect(
      Provenance.sha256Hex(Data("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func missingInputIsNamed() {
    #expect(throws: ProvenanceError.unreadable(path: "/nonexistent/x.csv")) {
      try Provenance.inputs(["/nonexistent/x.csv"])
    }
  }
}

/// The small-number rule: a count of 1–4 is small and prints as "<5"; what is withheld for
/// another reason prints as "x".
@Suite struct SmallNumbersTests {
  @Test func countsFromOneToThresholdMinusOneAreSmall() {
    #expect(!SmallNumbers.isSmall(0, threshold: 5))
    #expect(SmallNumbers.isSmall(1, threshold: 5) && SmallNumbers.isSmall(4, threshold: 5))
    #expect(!SmallNumbers.isSmall(5, threshold: 5) && !SmallNumbers.isSmall(nil, threshold: 5))
    #expect(SmallNumbers.isSmall(9, threshold: 10) && !SmallNumbers.isSmall(10, threshold: 10))
  }

  @Test func markers() {
    #expect(SmallNumbers.marker(.smallCount, threshold: 5) == "<5")
    #expect(SmallNumbers.marker(.smallCount, threshold: 10) == "<10")
    #expect(SmallNumbers.marker(.derived, threshold: 5) == "x")
    #expect(SmallNumbers.marker(.complementary, threshold: 5) == "x")
  }
}
