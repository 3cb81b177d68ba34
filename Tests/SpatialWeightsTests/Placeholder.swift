import Testing
@testable import SpatialWeights
