import Testing
@testable import JSON

/// Hostile bytes must never crash the parser, and whatever it accepts must re-serialize stably.
struct MutationFuzzTests {
    /// SplitMix64: deterministic, so a failure is reproducible.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = Array(#"{"name":"尖山区\n\u4e2d\uD83D\uDE00","weight_kg":-12.5e-1,"tags":[true,false,null,{}],"x":[0,[1]]}"#.utf8)
    static let interesting: [UInt8] = Array(#"{}[]",:\u0123456789.eE+-tfn "#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xE4, 0xED, 0xF4, 0xFF]

    @Test func mutatedDocumentsNeverCrashAndAcceptedOnesRoundTrip() throws {
        var rng = Generator(state: 2020)
        var accepted = 0
        for _ in 0..<5000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(&bytes, &rng) }
            guard let value = try? JSONValue.parse(bytes) else { continue }
            accepted += 1
            let once = value.serialized()
            #expect(try JSONValue.parse(once) == value)
            #expect(try JSONValue.parse(once).serialized() == once)
        }
        #expect(accepted > 0)
    }

    private func mutate(_ bytes: inout [UInt8], _ rng: inout Generator) {
        let position = Int.random(in: 0..<max(bytes.count, 1), using: &rng)
        let byte = Self.interesting.randomElement(using: &rng) ?? 0
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where !bytes.isEmpty: bytes[position] = byte
        case 1 where !bytes.isEmpty: bytes.remove(at: position)
        default: bytes.insert(byte, at: min(position, bytes.count))
        }
    }
}
