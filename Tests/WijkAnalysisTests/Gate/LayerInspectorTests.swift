import Testing
import WijkEngine

@testable import WijkAnalysis

/// `wijk info` goes on when GEOS cannot finish one of its area checks, and says which.
@Suite struct LayerInspectorTests {
  @Test func aCheckGEOSCannotFinishIsNamedWithGEOSMessage() {
    var unfinished: [String] = []
    let found: [Int] = LayerInspector.attempting(
      "slivers",
      {
        throw EngineError.geos(
          function: "GEOSDifference_r", messages: ["TopologyException: side location conflict"])
      }, unfinished: &unfinished)
    #expect(found.isEmpty)
    #expect(unfinished.count == 1)
    #expect(unfinished[0].hasPrefix("slivers not checked: GEOS could not finish the check ("))
    #expect(unfinished[0].contains("TopologyException: side location conflict"))
    // a check that finishes leaves nothing to say
    let ok = LayerInspector.attempting("gaps", { [1, 2] }, unfinished: &unfinished)
    #expect(ok == [1, 2] && unfinished.count == 1)
  }
}
