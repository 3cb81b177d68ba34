import Cartography
import Testing
@testable import WijkAnalysis

/// The threshold column of a check report speaks the report's language and puts units after
/// the number.
@Suite struct ThresholdTextTests {
  func rule(_ kind: Rule.Kind, direction: String? = nil, attention: Double?, fail: Double?) -> Rule {
    Rule(
      id: "r", kind: kind, indicator: "households", facility: nil, scope: .ward,
      direction: direction, fail: fail, attention: attention, note: nil)
  }

  @Test func dutchAndEnglish() {
    let fall = rule(.maxChange, direction: "decrease", attention: 30, fail: 100)
    #expect(RuleEvaluator.thresholdText(fall, NumberStyle(.dutch)) == "aandacht daling > 30, falen daling > 100")
    #expect(RuleEvaluator.thresholdText(fall, NumberStyle(.english)) == "attention fall > 30, fail fall > 100")
    let distance = rule(.maxDistance, attention: 800, fail: 1000)
    #expect(RuleEvaluator.thresholdText(distance, NumberStyle(.dutch)) == "aandacht > 800 m, falen > 1.000 m")
    #expect(
      RuleEvaluator.thresholdText(rule(.noNewConcentration, attention: nil, fail: nil), NumberStyle(.dutch))
        == "geen nieuwe concentratiewijk")
  }
}
