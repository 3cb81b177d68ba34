import Testing
import WijkCore

@Suite struct ShortListTests {
  @Test func aLongListShowsItsFirstItemsAndHowManyMore() {
    let points = (1...50_000).map { "P\($0)" }
    let line = shortList(points)
    #expect(line.hasPrefix("P1, P2, P3,"))
    #expect(line.hasSuffix("P19, P20 and 49980 more"))
  }

  @Test func aShortListIsShownWhole() {
    #expect(shortList(["a", "b"], limit: 2) == "a, b")
    #expect(shortList(["a", "b", "c"], limit: 2) == "a, b and 1 more")
    #expect(shortList([]) == "")
  }
}
