import Testing
@testable import WijkEngine
