// The rank of a composite index with its interval, as a ward plan writes it.

import Testing

@testable import Cartography

@Suite struct RankTextTests {
  @Test("\"rang 3 (tussen 2 en 6)\" and \"rank 3 (between 2 and 6)\"")
  func rankWithInterval() {
    #expect(NumberStyle(.dutch).rank(3, between: 2, and: 6) == "rang 3 (tussen 2 en 6)")
    #expect(NumberStyle(.english).rank(3, between: 2, and: 6) == "rank 3 (between 2 and 6)")
    #expect(NumberStyle(.dutch).rank(1, between: 1, and: 1) == "rang 1 (tussen 1 en 1)")
    #expect(
      NumberStyle(.dutch).rank(1204, between: 998, and: 1530) == "rang 1.204 (tussen 998 en 1.530)")
    #expect(
      NumberStyle(.english).rank(1204, between: 998, and: 1530)
        == "rank 1,204 (between 998 and 1,530)")
  }
}
