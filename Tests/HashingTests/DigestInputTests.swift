import Testing
@testable import Hashing

@Suite struct DigestInputTests {
    private func digest(_ build: (inout DigestInput) -> Void) -> String {
        var input = DigestInput()
        build(&input)
        return input.sha256Hex
    }

    @Test func textIsLengthPrefixedSoBoundariesCannotShift() {
        #expect(digest { $0.append("ab"); $0.append("c") } != digest { $0.append("a"); $0.append("bc") })
        #expect(digest { $0.append("") ; $0.append("x") } != digest { $0.append("x"); $0.append("") })
    }

    @Test func absentDiffersFromZeroAndIntegersAreFixedWidth() {
        #expect(digest { $0.append(Int?.none) } != digest { $0.append(Int?.some(0)) })
        #expect(digest { $0.append(1); $0.append(23) } != digest { $0.append(12); $0.append(3) })
        #expect(digest { $0.append(Int64(7)) } == digest { $0.append(7) })
    }

    @Test func theDigestIsSHA256OfTheLaidOutBytes() {
        var input = DigestInput()
        input.append("abc")
        #expect(input.bytes == [3, 0, 0, 0, 0, 0, 0, 0, 97, 98, 99])
        #expect(input.sha256Hex == SHA256Digest.hex(input.bytes))
    }
}
