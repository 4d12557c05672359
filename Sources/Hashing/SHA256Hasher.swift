import COpenSSL

/// Incremental SHA-256 for inputs that arrive in pieces (e.g. many rows feeding an ETag).
///
///     var hasher = SHA256Hasher()
///     hasher.update("a")
///     hasher.update([0x62, 0x63])
///     let digest = hasher.finalize()   // == SHA256Digest.hash("abc")
///
/// A value type: copies hash independently (the OpenSSL context is copied on write).
public struct SHA256Hasher {
    private var context: DigestContext

    public init() {
        context = DigestContext()
    }

    /// Feeds `bytes` into the hash.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        let box = context
        if bytes.withContiguousStorageIfAvailable({ box.update($0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { box.update($0) }
        }
    }

    /// Feeds the UTF-8 bytes of `string` into the hash.
    public mutating func update(_ string: String) {
        update(Array(string.utf8))
    }

    /// The digest of everything fed so far. The hasher is left unchanged and can keep going.
    public func finalize() -> [UInt8] {
        context.copy().finish()
    }

    /// `finalize()` as lowercase hex.
    public func finalizeHex() -> String {
        Hex.encode(finalize())
    }
}

/// Owns one EVP_MD_CTX set up for SHA-256.
private final class DigestContext {
    private let pointer: OpaquePointer

    init() {
        pointer = DigestContext.allocate()
        check(EVP_DigestInit_ex(pointer, EVP_sha256(), nil), "EVP_DigestInit_ex")
    }

    private init(copying other: DigestContext) {
        pointer = DigestContext.allocate()
        check(EVP_MD_CTX_copy_ex(pointer, other.pointer), "EVP_MD_CTX_copy_ex")
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func copy() -> DigestContext { DigestContext(copying: self) }

    func update(_ input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        check(EVP_DigestUpdate(pointer, base, input.count), "EVP_DigestUpdate")
    }

    /// Completes the hash; the context must not be updated afterwards.
    func finish() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: SHA256Digest.byteCount)
        var length: UInt32 = 0
        check(EVP_DigestFinal_ex(pointer, &output, &length), "EVP_DigestFinal_ex")
        return output
    }

    private static func allocate() -> OpaquePointer {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("\(HashingError.openSSL("EVP_MD_CTX_new failed"))")
        }
        return context
    }

    // These calls fail only on allocation failure or a broken OpenSSL; see SHA256Digest.
    private func check(_ result: Int32, _ call: String) {
        if result != 1 { fatalError("\(HashingError.openSSL("\(call) failed"))") }
    }
}
