import CCurl

/// The destinations the server may contact (settings `outbound_hosts`): host names or
/// addresses, compared without case. Government intranets forbid arbitrary egress, so a
/// URL whose host is not listed is refused before any connection is attempted.
///
/// URLs are split by libcurl's own parser (`curl_url`), so the host checked here is exactly
/// the host libcurl would connect to.
public struct HostAllowList: Sendable, Equatable {
    public let hosts: Set<String>

    public init(_ hosts: [String]) {
        self.hosts = Set(hosts.map(Self.normalized))
    }

    public func allows(host: String) -> Bool { hosts.contains(Self.normalized(host)) }

    /// The URL's host when the URL is `http`/`https` and the host is listed; otherwise why not.
    public func check(url: String, schemes: Set<String> = ["http", "https"]) -> Result<String, OutboundError> {
        guard let parts = URLParts(url) else { return .failure(.invalidURL("cannot parse \(url)")) }
        guard schemes.contains(parts.scheme) else {
            return .failure(.invalidURL("scheme \(parts.scheme) is not one of \(schemes.sorted().joined(separator: ", "))"))
        }
        guard allows(host: parts.host) else { return .failure(.hostNotAllowed(parts.host)) }
        return .success(parts.host)
    }

    /// `[::1]` and `::1` name the same host; `Example.COM` and `example.com` too.
    static func normalized(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix(".") { text = String(text.dropLast()) }
        return text
    }
}

/// The scheme and host of a URL, as libcurl reads them.
public struct URLParts: Sendable, Equatable {
    public let scheme: String
    public let host: String

    public init?(_ url: String) {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
              let scheme = Self.part(handle, CURLUPART_SCHEME), let host = Self.part(handle, CURLUPART_HOST),
              !host.isEmpty else { return nil }
        self.scheme = scheme.lowercased()
        self.host = host
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &pointer, 0) == CURLUE_OK, let pointer else { return nil }
        defer { curl_free(pointer) }
        return String(cString: pointer)
    }
}
