/// Bounds that keep hostile input from exhausting the stack or memory while parsing.
public struct JSONParseLimits: Sendable, Equatable {
    /// The deepest nesting of arrays and objects allowed, never more than ``depthCeiling``.
    public var maxDepth: Int
    /// The longest string (member names included), in UTF-8 bytes of the source literal.
    public var maxStringBytes: Int
    /// The longest number literal, in characters.
    public var maxNumberLength: Int
    /// The most values (scalars, arrays and objects, each counting one) in the document.
    public var maxElements: Int

    /// The parser recurses once per nesting level; this hard ceiling keeps it far from the
    /// stack limit of small worker-thread stacks whatever `maxDepth` asks for.
    public static let depthCeiling = 256

    public init(maxDepth: Int = 64, maxStringBytes: Int = 1 << 20, maxNumberLength: Int = 100, maxElements: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxNumberLength = maxNumberLength
        self.maxElements = maxElements
    }

    /// `maxDepth` clamped to 0…``depthCeiling``.
    var effectiveDepth: Int { min(max(maxDepth, 0), Self.depthCeiling) }
}
