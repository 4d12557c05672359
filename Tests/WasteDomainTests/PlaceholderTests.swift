import Testing
@testable import WasteDomain

@Test func moduleLinks() {}
