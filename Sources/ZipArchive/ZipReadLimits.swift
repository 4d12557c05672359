/// What a `ZipReader` accepts, against zip bombs and lying headers. Sizes are checked from the
/// central directory before anything is inflated, and every inflated entry must come out at
/// exactly its declared size, so no entry can expand past these figures.
public struct ZipReadLimits: Sendable {
    /// Most entries an archive may list.
    public var maxEntries: Int
    /// Most bytes one entry may expand to.
    public var maxEntrySize: Int
    /// Most bytes all entries together may expand to.
    public var maxTotalSize: Int
    /// Highest uncompressed ÷ compressed ratio for an entry larger than `ratioGraceSize`
    /// (text compresses 5–20×; Apache POI refuses beyond 100× as well).
    public var maxCompressionRatio: Int
    /// Entries up to this size are exempt from the ratio check (a small, very repetitive part).
    public var ratioGraceSize: Int

    public init(maxEntries: Int = 10_000, maxEntrySize: Int = 64 << 20, maxTotalSize: Int = 256 << 20,
                maxCompressionRatio: Int = 100, ratioGraceSize: Int = 64 << 10) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceSize = ratioGraceSize
    }
}
