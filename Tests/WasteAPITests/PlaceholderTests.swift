import Testing
@testable import WasteAPI

@Test func moduleLinks() {}
