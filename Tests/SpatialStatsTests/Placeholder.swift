import Testing
@testable import SpatialStats
