import Testing
@testable import WijkIO
