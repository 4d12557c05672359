import BlobStore
import HTTPCore
import Multipart
import Routing

/// Reads an upload's body as it arrives into staged files: the raw body (one file, named by
/// `?filename=`), or `multipart/form-data` with one or more file parts (form fields without a
/// file name are skipped). Only the piece in hand is in memory; each file goes to disk at once.
enum AttachmentIntake {
    /// Most files in one multipart upload.
    static let maxFiles = 8

    /// The body limit of an upload route: one file raw, `maxFiles` files and their part headers multipart.
    static func bodyLimit(contentType: String?, maxUploadBytes: Int) -> Int {
        guard let contentType, MultipartParser.boundary(contentType: contentType) != nil else { return maxUploadBytes }
        return maxFiles * maxUploadBytes + 256 * 1024
    }

    static func read(_ request: Request, filename: String?, blobs: BlobStore, maxBytes: Int) throws -> [StagedFile] {
        let stream = request.http.bodyStream ?? RequestBodyStream(bytes: request.body)
        if let contentType = request.headers["content-type"], contentType.lowercased().hasPrefix("multipart/") {
            guard let boundary = MultipartParser.boundary(contentType: contentType) else {
                throw HTTPError.unsupportedMediaType("multipart uploads must be multipart/form-data with a boundary")
            }
            return try readMultipart(stream, boundary: boundary, blobs: blobs, maxBytes: maxBytes)
        }
        let file = try StagedFile(filename: StagedFile.cleanName(filename, fallback: "upload"), blobs: blobs, maxBytes: maxBytes)
        while let piece = try stream.next() { try file.write(piece) }
        try file.finish()
        return [file]
    }

    private static func readMultipart(_ stream: RequestBodyStream, boundary: String, blobs: BlobStore,
                                      maxBytes: Int) throws -> [StagedFile] {
        var limits = MultipartLimits()
        limits.maxParts = maxFiles * 2
        var parser: MultipartParser
        do {
            parser = try MultipartParser(boundary: boundary, limits: limits)
        } catch {
            throw HTTPError.badRequest(error.reason)
        }
        var files: [StagedFile] = []
        var current: StagedFile?
        do {
            while let piece = try stream.next() {
                for event in try parser.feed(piece) {
                    switch event {
                    case .partStart(let headers):
                        guard let name = headers.filename else { continue }  // a plain form field
                        guard files.count < maxFiles else { throw HTTPError.badRequest("at most \(maxFiles) files per upload") }
                        let file = try StagedFile(filename: StagedFile.cleanName(name, fallback: "upload"), blobs: blobs, maxBytes: maxBytes)
                        files.append(file)
                        current = file
                    case .data(let bytes):
                        try current?.write(bytes)
                    case .partEnd:
                        try current?.finish()
                        current = nil
                    case .end:
                        break
                    }
                }
            }
            try parser.finish()
        } catch let error as MultipartError {
            throw HTTPError.badRequest("the multipart body is malformed: \(error.reason)")
        }
        guard !files.isEmpty else { throw HTTPError.badRequest("the multipart body has no file part (a part with a filename)") }
        return files
    }
}
