import Testing
import WijkCore

/// Invisible characters in keys and cells are shown by code point in messages (issue: keys
/// with a BOM, a no-break space or a zero-width space printed raw look like a match).
struct VisibleTextTests {
  @Test func invisibleCharactersAreShownByCodePoint() {
    #expect("W01\u{00A0}".visibleInMessages == "W01<U+00A0>")
    #expect("\u{FEFF}code".visibleInMessages == "<U+FEFF>code")
    #expect("W\u{200B}01".visibleInMessages == "W<U+200B>01")
    #expect("\tx".visibleInMessages == "<TAB>x")
    #expect("a\u{202F}b".visibleInMessages == "a<U+202F>b")
  }

  @Test func spacesAtTheEdgesAreShownInsideAreKept() {
    #expect(" W01".visibleInMessages == "<U+0020>W01")
    #expect("W01 ".visibleInMessages == "W01<U+0020>")
    #expect("Nieuw Sledderlo".visibleInMessages == "Nieuw Sledderlo")
  }

  @Test func visibleTextIsUnchanged() {
    #expect("Zwartberg-Noord é ü ß 71016A00-".visibleInMessages == "Zwartberg-Noord é ü ß 71016A00-")
    #expect("".visibleInMessages == "")
  }
}
