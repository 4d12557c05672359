import COpenSSL
#if canImport(Glibc)
import Glibc
#endif

/// A server TLS configuration loaded once from PEM files: TLS 1.2 and 1.3 only.
///
/// `@unchecked Sendable`: the SSL_CTX is fully configured inside `init` and never mutated
/// afterwards; OpenSSL documents a configured SSL_CTX as safe to share, so event-loop
/// threads may call `makeSession` concurrently.
public final class TLSContext: @unchecked Sendable {
    /// TLS 1.2 cipher suites: forward-secret AEAD only. TLS 1.3 keeps OpenSSL's default suites.
    public static let tls12Ciphers = "ECDHE+AESGCM:ECDHE+CHACHA20"

    private let context: OpaquePointer

    /// Loads a certificate chain (leaf first) and its private key, both PEM.
    /// - Throws: `TLSError` naming the path when a file is missing or unreadable, when
    ///   OpenSSL cannot parse it, or when the key does not belong to the certificate.
    public init(certificateChainPath: String, privateKeyPath: String) throws(TLSError) {
        try Self.requireReadable(certificateChainPath, role: "certificate chain")
        try Self.requireReadable(privateKeyPath, role: "private key")
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw .openSSL("SSL_CTX_new failed") }
        do {
            try Self.configureProtocol(context)
            try Self.loadIdentity(context, certificate: certificateChainPath, key: privateKeyPath)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.context = context
    }

    deinit { SSL_CTX_free(context) }

    /// Wraps an accepted, non-blocking socket in a server-side session.
    /// The session does not own `fd`: the connection closes it after the session is gone.
    public func makeSession(fd: Int32) throws(TLSError) -> TLSSession {
        ERR_clear_error()
        guard let ssl = SSL_new(context) else { throw .openSSL("SSL_new failed") }
        guard SSL_set_fd(ssl, fd) == 1 else {
            SSL_free(ssl)
            throw .openSSL("SSL_set_fd(\(fd)) failed")
        }
        SSL_set_accept_state(ssl)
        return TLSSession(ssl: ssl)
    }

    /// TLS 1.2+ only, no renegotiation (a DoS and attack surface), server cipher order,
    /// and write modes that suit a non-blocking socket whose buffer may move between retries.
    private static func configureProtocol(_ context: OpaquePointer) throws(TLSError) {
        guard copenssl_ctx_set_min_tls12(context) == 1 else { throw .openSSL("cannot require TLS 1.2") }
        _ = copenssl_ctx_set_server_options(context)
        _ = copenssl_ctx_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        guard SSL_CTX_set_cipher_list(context, tls12Ciphers) == 1 else {
            throw .openSSL("cannot set TLS 1.2 ciphers \(tls12Ciphers)")
        }
    }

    private static func loadIdentity(_ context: OpaquePointer, certificate: String, key: String) throws(TLSError) {
        guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1 else {
            throw .openSSL("cannot load certificate chain from \(certificate)")
        }
        // Loading the key already compares it with the certificate; check again to be explicit.
        guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1,
              SSL_CTX_check_private_key(context) == 1 else {
            let details = TLSErrorQueue.drain()
            if details.contains("mismatch") {
                throw TLSError("private key \(key) does not match certificate \(certificate): \(details)")
            }
            throw TLSError("cannot load private key from \(key)" + (details.isEmpty ? "" : ": \(details)"))
        }
    }

    /// Fails early with a plain message; OpenSSL's own text for a missing file is obscure.
    private static func requireReadable(_ path: String, role: String) throws(TLSError) {
        guard access(path, R_OK) != 0 else { return }
        let code = errno
        if code == ENOENT { throw TLSError("\(role) file not found: \(path)") }
        throw TLSError("cannot read \(role) file \(path): \(String(cString: strerror(code)))")
    }
}
