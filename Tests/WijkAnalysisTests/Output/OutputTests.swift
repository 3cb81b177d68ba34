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
