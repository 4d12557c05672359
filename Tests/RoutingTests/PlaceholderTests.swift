import Testing
@testable import Routing

@Test func moduleLinks() {}
