import CZlib

/// Raw deflate (RFC 1951, no zlib or gzip wrapper), the form ZIP's method 8 stores, through zlib.
public enum RawDeflate {
    /// Compresses `bytes` in one pass. Equal input and level give equal output (zlib is deterministic).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        // zlib counts in 32 bits; ZIP without ZIP64 cannot hold more either
        guard bytes.count < Int(UInt32.max) else { throw ZipError.invalidEntry("input over 4 GiB") }
        var stream = z_stream()
        let initCode = czlib_deflate_init_raw(&stream, level)
        guard initCode == Z_OK else { throw ZipError.zlib(code: initCode, operation: "deflateInit2") }
        defer { deflateEnd(&stream) }

        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let code = deflate(&stream, Z_FINISH)
                // deflateBound guarantees one Z_FINISH call suffices.
                guard code == Z_STREAM_END else { throw ZipError.zlib(code: code, operation: "deflate") }
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// Inflates `compressed`, which must expand to exactly `expectedSize` bytes: never more is
    /// written (the output buffer is that size), and a stream that ends early or has more to give
    /// is rejected. `name` labels the error.
    public static func decompress(_ compressed: ArraySlice<UInt8>, expectedSize: Int, name: String) throws -> [UInt8] {
        guard compressed.count < Int(UInt32.max), expectedSize >= 0, expectedSize < Int(UInt32.max) else {
            throw ZipError.limitExceeded("\(name) is over 4 GiB")
        }
        var stream = z_stream()
        let initCode = czlib_inflate_init_raw(&stream)
        guard initCode == Z_OK else { throw ZipError.zlib(code: initCode, operation: "inflateInit2") }
        defer { inflateEnd(&stream) }

        var input = Array(compressed)
        // One spare byte: if inflate fills it, the entry is longer than its header says.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let (code, produced): (Int32, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let code = inflate(&stream, Z_FINISH)
                return (code, outBuffer.count - Int(stream.avail_out))
            }
        }
        guard produced <= expectedSize else {
            throw ZipError.corruptEntry(name: name, reason: "inflates to more than its declared \(expectedSize) bytes")
        }
        guard code == Z_STREAM_END else {
            if code == Z_BUF_ERROR || code == Z_OK {
                throw ZipError.corruptEntry(name: name, reason: "deflate stream ends before its declared \(expectedSize) bytes")
            }
            throw ZipError.corruptEntry(name: name, reason: "invalid deflate data (zlib code \(code))")
        }
        guard produced == expectedSize else {
            throw ZipError.corruptEntry(name: name, reason: "inflates to \(produced) bytes, header says \(expectedSize)")
        }
        output.removeLast()
        return output
    }
}
