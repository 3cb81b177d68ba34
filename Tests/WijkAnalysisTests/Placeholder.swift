import Testing

@testable import WijkAnalysis
