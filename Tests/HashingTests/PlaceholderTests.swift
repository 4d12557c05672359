import Testing
@testable import Hashing

@Test func moduleLinks() {}
