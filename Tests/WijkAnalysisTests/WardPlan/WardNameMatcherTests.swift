import Foundation
import Testing

@testable import WijkAnalysis

/// Genk's 30 wards of 2020–2024, codes and names as in
/// GeoData/genk_wijken_2020_2024_31370.geojson (`geoitem`, `naam`).
let genkWards: [(String, String)] = {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GeoData/genk_wijken_2020_2024_31370.geojson")
  let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  return (json["features"] as! [[String: Any]]).map {
    let p = $0["properties"] as! [String: Any]
    return (p["geoitem"] as! String, p["naam"] as! String)
  }
}()

@Suite struct WardNameMatcherTests {
  let matcher = WardNameMatcher(codes: genkWards.map(\.0), names: genkWards.map(\.1))

  func code(_ query: String) throws -> String { matcher.codes[try matcher.index(of: query)] }

  @Test(arguments: [
    ("Nieuw Sledderlo", "7101616"), ("Nieuw-Sledderlo", "7101616"), ("nieuw sledderlo", "7101616"),
    ("NIEUW-SLEDDERLO (Genk)", "7101616"), ("  nieuw  sledderlo ", "7101616"),
    ("Kolderbos (Genk)", "7101613"), ("kolderbos", "7101613"), ("Kölderbos", "7101613"),
    ("7101613", "7101613"), ("Oud Sledderlo", "7101620"), ("winterslag 2 en 4", "7101628"),
    ("Genk-Centrum", "710166"), ("genk centrum noord", "710167"),
    ("Industrieterrein Genk Noord", "7101610"), ("Nieuwe Kempen", "7101619"),
  ])
  func typedNamesFindTheWard(query: String, expected: String) throws {
    #expect(try code(query) == expected)
  }

  // Nothing is guessed: a part of a name is not a name. Expected lists computed by hand
  // with Levenshtein distances on the normalised names (min over the whole name and each
  // word, then the whole name): "kolderbosch"–"kolderbos" 2, –"molenblook" 7, –"gelieren" 8;
  // "sledderloo"–"sledderlo" 1 (whole names 5 for "oud sledderlo", 7 for "nieuw
  // sledderlo"), –"langerlo" 5; "waterschei" is a word of three wards (0).
  @Test(arguments: [
    (
      "Kolderbosch",
      ["Kolderbos [7101613]", "Kattevenne-Molenblook [7101612]", "Gelieren [710165]"]
    ),
    ("Sledderloo", ["Oud-Sledderlo [7101620]", "Nieuw Sledderlo [7101616]", "Langerlo [7101614]"]),
    (
      "Waterschei",
      ["Oud-Waterschei [7101622]", "Waterschei-Zuid [7101626]", "Waterschei-Noord [7101625]"]
    ),
  ])
  func anUnknownNameGetsTheThreeClosestNames(query: String, expected: [String]) throws {
    #expect(throws: WardPlanError.unknownWard(query: query, suggestions: expected)) {
      try matcher.index(of: query)
    }
  }

  @Test func theErrorIsASentenceWithTheSuggestions() {
    let e = WardPlanError.unknownWard(query: "Kolderbosch", suggestions: ["Kolderbos [7101613]"])
    #expect(
      e.description
        == "no ward is called or coded 'Kolderbosch'; the closest are: Kolderbos [7101613]")
  }

  // Two municipalities with a ward "Centrum": the short name is ambiguous, the full one not.
  @Test func aSharedNameAsksForTheCodeOrFullName() throws {
    let m = WardNameMatcher(
      codes: ["710166", "720301"], names: ["Centrum (Genk)", "Centrum (Hasselt)"])
    #expect(try m.index(of: "centrum (hasselt)") == 1)
    #expect(
      throws: WardPlanError.ambiguousWard(
        query: "Centrum", candidates: ["Centrum (Genk) [710166]", "Centrum (Hasselt) [720301]"])
    ) { try m.index(of: "Centrum") }
  }

  @Test func normalisationFoldsCaseAccentsAndHyphens() {
    #expect(WardNameMatcher.normalised("Nieuw-Sledderlo") == "nieuw sledderlo")
    #expect(
      WardNameMatcher.normalised("Sint-Truidense Poort – Zuid") == "sint truidense poort zuid")
    #expect(WardNameMatcher.normalised("Éupen") == "eupen")
    #expect(WardNameMatcher.withoutSuffix("Winterslag 2 en 4 (Genk)") == "Winterslag 2 en 4")
  }
}
