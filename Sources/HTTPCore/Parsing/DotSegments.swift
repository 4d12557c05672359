/// Removal of "." and ".." segments from an absolute path (RFC 3986 §5.2.4), so that routing and
/// any file access downstream see one canonical path and "/a/../../etc" cannot climb above "/".
enum DotSegments {
    /// Whether the path has a segment that is exactly "." or "..".
    static func contains(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < path.count {
            if path[i] == ASCII.slash, segmentLength(path, from: i + 1).isDot { return true }
            i += 1
        }
        return false
    }

    /// The path with dot segments removed; `path` must start with "/".
    static func remove(_ path: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(path.count)
        var i = 0
        // Invariant (RFC 3986 step 2): the remaining input starts with "/" or is empty.
        while i < path.count {
            let segment = segmentLength(path, from: i + 1)
            let atEnd = i + 1 + segment.length == path.count
            switch segment {
            case (1, true):   // "/." or "/./": drop the segment, keep one slash
                i += 2
                if atEnd { output.append(ASCII.slash) }
            case (2, true):   // "/.." or "/../": also drop the last output segment
                i += 3
                removeLastSegment(&output)
                if atEnd { output.append(ASCII.slash) }
            default:
                let end = i + 1 + segment.length
                output.append(contentsOf: UnsafeBufferPointer(rebasing: path[i..<end]))
                i = end
            }
        }
        return output.isEmpty ? [ASCII.slash] : output
    }

    /// Length of the segment starting at `from` (up to the next "/") and whether it is "." or "..".
    private static func segmentLength(_ path: UnsafeBufferPointer<UInt8>, from: Int) -> (length: Int, isDot: Bool) {
        var end = from
        while end < path.count, path[end] != ASCII.slash { end += 1 }
        let length = end - from
        let isDot = (length == 1 && path[from] == ASCII.dot)
            || (length == 2 && path[from] == ASCII.dot && path[from + 1] == ASCII.dot)
        return (length, isDot)
    }

    private static func removeLastSegment(_ output: inout [UInt8]) {
        while let last = output.popLast(), last != ASCII.slash {}
    }
}
