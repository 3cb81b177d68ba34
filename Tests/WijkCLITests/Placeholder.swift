import Testing
@testable import WijkCLI
