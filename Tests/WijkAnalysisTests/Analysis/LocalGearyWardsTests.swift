import SpatialStats
import Testing

@testable import WijkAnalysis

/// The label of a ward's local Geary: esda's `Geary_Local.labels`, and only in the tail the
/// label implies (the rule of the LISA categories).
@Suite struct LocalGearyWardsTests {
  func label(_ c: Double, _ value: Double, _ tail: PermutationTail, _ significant: Bool = true)
    -> String
  {
    LocalGearyWards.category(c: c, meanC: 1, value: value, tail: tail, significant: significant)
  }

  @Test func esdasLabelsWhenTheTailAgrees() {
    #expect(label(0.2, 3, .lower) == "HH")
    #expect(label(0.2, -3, .lower) == "LL")
    #expect(label(0.2, 0, .lower) == "other positive")
    #expect(label(1, 3, .lower) == "HH", "esda: c equal to its mean is not negative")
    #expect(label(2.5, 3, .upper) == "negative")
    #expect(label(2.5, -3, .upper) == "negative")
  }

  @Test func noLabelAgainstTheTailOrWithoutSignificance() {
    // a small c in the upper tail: the ward is less like its neighbours than chance makes it
    #expect(label(0.2, 3, .upper) == "not significant")
    #expect(label(2.5, 3, .lower) == "not significant")
    #expect(label(0.2, 3, .lower, false) == "not significant")
    #expect(label(0.2, 3, .neither) == "not significant")
  }
}
