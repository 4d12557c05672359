import Testing
@testable import HTTPCore

@Test func moduleLinks() {}
