import Foundation

/// Uploads as phones and browsers send them: multipart/form-data, or a raw body.
extension HTTPTestClient {
    struct FilePart {
        var field = "file"
        var filename: String
        var contentType = "image/jpeg"
        var bytes: [UInt8]
    }

    static let boundary = "----WastesortTestBoundary7MA4YWxkTrZu0gW"

    static func multipartBody(_ parts: [FilePart], fields: [(String, String)] = []) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for part in parts {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\"; filename=\"\(part.filename)\"\r\n".utf8)
            body += Array("Content-Type: \(part.contentType)\r\n\r\n".utf8)
            body += part.bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    func uploadMultipart(_ path: String, _ parts: [FilePart], token: String?) throws -> Response {
        try request("POST", path, token: token, body: Self.multipartBody(parts),
                    contentType: "multipart/form-data; boundary=\(Self.boundary)")
    }

    func uploadRaw(_ path: String, _ bytes: [UInt8], contentType: String = "image/jpeg", token: String?) throws -> Response {
        try request("POST", path, token: token, body: bytes, contentType: contentType)
    }
}
