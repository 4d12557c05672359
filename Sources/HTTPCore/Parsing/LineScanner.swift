/// Where the search for the end of a line stopped.
enum LineScan: Equatable {
    /// The line's content is `bytes[0..<end]`; CRLF follows at `end`.
    case complete(end: Int)
    /// No CRLF yet; the search resumes at `resume` once more bytes arrive, so bytes trickling in
    /// one at a time are looked at once each rather than rescanned.
    case incomplete(resume: Int)
}

/// Finds CRLF-terminated lines while enforcing that CR and LF only ever appear as a pair:
/// a bare CR or LF is how requests get smuggled past lenient proxies (RFC 9112 §2.2).
enum LineScanner {
    /// Scans the line starting at `bytes[0]`, from `resume`, whose content may hold at most `limit`
    /// bytes. Throws `tooLong` as soon as `limit` bytes have passed without CRLF.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, resume: Int, limit: Int,
                     tooLong: HTTPParseError) throws(HTTPParseError) -> LineScan {
        guard limit >= 0 else { throw tooLong }
        // The byte at `limit`, if buffered, must be the CR that ends the line. Written without
        // `limit + 1` on the unbounded path so a huge configured limit cannot overflow.
        let reachesLimit = limit < bytes.count
        let hardEnd = reachesLimit ? limit + 1 : bytes.count
        var i = resume
        while i < hardEnd {
            let b = bytes[i]
            if b <= ASCII.cr && (b == ASCII.cr || b == ASCII.lf) { break }
            i += 1
        }
        if i == hardEnd {
            if reachesLimit { throw tooLong }
            return .incomplete(resume: i)
        }
        if bytes[i] == ASCII.lf { throw .badRequest("bare LF") }
        guard i + 1 < bytes.count else { return .incomplete(resume: i) }
        guard bytes[i + 1] == ASCII.lf else { throw .badRequest("bare CR") }
        return .complete(end: i)
    }
}
