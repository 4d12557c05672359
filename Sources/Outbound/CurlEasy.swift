import CCurl

/// libcurl's process-wide setup, done once before the first handle (it is not thread-safe
/// itself; a Swift static is initialized exactly once, under a lock).
enum CurlGlobal {
    private static let initialized: CURLcode = ccurl_global_init()
    static func ensureInitialized() { _ = initialized }
}

/// One libcurl easy handle, owned by one thread for one transfer, cleaned up in `deinit`.
/// Deliberately not `Sendable`.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init() throws(OutboundError) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else { throw .transfer("libcurl could not create a handle") }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        _ = ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        lists.forEach { curl_slist_free_all($0) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(OutboundError) {
        try check(ccurl_set_long(handle, option, value), "setting option \(option.rawValue)")
    }

    func set(_ option: CURLoption, _ value: String) throws(OutboundError) {
        // libcurl copies string options (since 7.17), so the C string may go after the call
        let code = value.withCString { ccurl_set_string(handle, option, $0) }
        try check(code, "setting option \(option.rawValue)")
    }

    func set(_ option: CURLoption, list values: [String]) throws(OutboundError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values {
            guard let appended = curl_slist_append(list, value) else {
                if let list { curl_slist_free_all(list) }
                throw .transfer("libcurl could not allocate a list")
            }
            list = appended
        }
        guard let list else { return }
        lists.append(list)  // must outlive the transfer: freed in deinit
        try check(ccurl_set_list(handle, option, list), "setting option \(option.rawValue)")
    }

    /// SMTP: STARTTLS or fail (`CURLUSESSL_ALL`).
    func requireTLS() throws(OutboundError) {
        try check(ccurl_require_tls(handle), "requiring TLS")
    }

    /// The request body, copied by libcurl.
    func setPostBody(_ body: [UInt8]) throws(OutboundError) {
        try set(CURLOPT_POSTFIELDSIZE, body.count)
        let code = body.withUnsafeBytes { ccurl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
        try check(code, "setting the request body")
    }

    /// Collects up to `limit` bytes of the response body (the rest is read and dropped).
    func perform(collectingAtMost limit: Int, upload: [UInt8]? = nil) throws(OutboundError) -> (status: Int, body: [UInt8]) {
        let sink = ResponseSink(limit: limit)
        let source = UploadSource(bytes: upload ?? [])
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let sourcePointer = Unmanaged.passUnretained(source).toOpaque()
        try check(ccurl_set_write_callback(handle, ResponseSink.callback, sinkPointer), "setting the write callback")
        if upload != nil {
            try check(ccurl_set_read_callback(handle, UploadSource.callback, sourcePointer), "setting the read callback")
            try set(CURLOPT_UPLOAD, 1)
        }
        let code = withExtendedLifetime((sink, source)) { curl_easy_perform(handle) }
        guard code == CURLE_OK else { throw .transfer(message(code)) }
        var status = 0
        _ = ccurl_response_code(handle, &status)
        return (status, sink.bytes)
    }

    private func check(_ code: CURLcode, _ doing: String) throws(OutboundError) {
        guard code == CURLE_OK else { throw .transfer("libcurl refused \(doing): \(message(code))") }
    }

    /// libcurl's detailed message when it wrote one, else the code's generic text.
    private func message(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        let generic = String(cString: curl_easy_strerror(code))
        return detail.isEmpty ? "\(generic) (curl \(code.rawValue))" : "\(detail) (curl \(code.rawValue))"
    }
}

/// Where libcurl writes the response body.
private final class ResponseSink {
    let limit: Int
    var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    static let callback: ccurl_data_callback = { buffer, size, count, context in
        let total = size * count
        guard let buffer, let context else { return total }
        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
        let room = max(0, sink.limit - sink.bytes.count)
        if room > 0 {
            buffer.withMemoryRebound(to: UInt8.self, capacity: total) {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: min(room, total)))
            }
        }
        return total
    }
}

/// Where libcurl reads an upload (an SMTP message) from.
private final class UploadSource {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static let callback: ccurl_data_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
        let length = min(size * count, source.bytes.count - source.offset)
        guard length > 0 else { return 0 }
        source.bytes.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + source.offset, byteCount: length)
        }
        source.offset += length
        return length
    }
}
