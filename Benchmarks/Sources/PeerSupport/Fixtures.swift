#if canImport(Glibc)
import Glibc
#endif

/// The exact bytes wastesort answers, so every server sends the same payload.
public enum Fixtures {
    /// `GET /healthz` body, byte for byte what wastesort's OperationalRoutes sends.
    public static let health: [UInt8] = Array(#"{"status":"ok"}"#.utf8)
    public static let jsonContentType = "application/json; charset=utf-8"

    /// `GET /ranking` body: the committed ~50 KB ranking document, read once at start-up.
    public static func ranking(in directory: String) -> [UInt8] {
        readFile(directory + "/ranking.json")
    }

    static func readFile(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { PeerOptions.fail("cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard !bytes.isEmpty else { PeerOptions.fail("\(path) is empty") }
        return bytes
    }
}
