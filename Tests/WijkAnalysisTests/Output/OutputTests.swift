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

/// The small-number rule: a count of 1–4 prints as "<5" and hides what would give it back.
@Suite struct SmallNumbersTests {
  func ward(numerator: Double?, base: Double?) -> WardIndicatorValue {
    WardIndicatorValue(
      code: "W", numerator: numerator, base: base, value: 0.505, smallBase: false,
      lisaCategory: "no data", undefined: [:], flags: [])
  }

  @Test func countsFromOneToThresholdMinusOneAreSmall() {
    #expect(!SmallNumbers.isSmall(0, threshold: 5))
    #expect(SmallNumbers.isSmall(1, threshold: 5) && SmallNumbers.isSmall(4, threshold: 5))
    #expect(!SmallNumbers.isSmall(5, threshold: 5) && !SmallNumbers.isSmall(nil, threshold: 5))
    #expect(SmallNumbers.count(2, threshold: 5) == .text("<5"))
    #expect(SmallNumbers.count(396, threshold: 5) == .real(396))
  }

  // 2 vacant of 396 dwellings: the rate 0.505 % would give the 2 back.
  @Test func aSmallNumeratorOrBaseHidesTheDerivedFigures() {
    #expect(SmallNumbers.hidesDerived(ward(numerator: 2, base: 396), threshold: 5))
    #expect(SmallNumbers.hidesDerived(ward(numerator: 300, base: 3), threshold: 5))
    #expect(!SmallNumbers.hidesDerived(ward(numerator: 0, base: 396), threshold: 5))
    #expect(!SmallNumbers.hidesDerived(ward(numerator: 20, base: 396), threshold: 5))
  }
}
